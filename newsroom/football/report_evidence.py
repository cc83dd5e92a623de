"""What a report's text says about itself, beyond the names in it. Text only, no models.

The tag suggester (entities.py) asks these questions of a report:

- `lineup_lists()`: where the team lists are ("Celtic: Hart, Taylor, Kelly … Subs: Oh, Iwata."
  or a BBC-style column of shirt numbers under a team's name), and which line names each list's
  team. A name in a team's list belongs to that team: the strongest evidence there is.
- `womens_football_signals()`: pronouns and competition words that say a report is about
  women's football, where "Arsenal" means Arsenal Women.
- `in_broadcast_sentence()`: whether a mention sits in a sentence about television or radio
  ("Gary Neville on Sky Sports"), where former players speak as pundits.
- `countries_named()`: the countries a report names, outright or as a demonym, which choose
  between same-name clubs ("Nacional" of Uruguay or of Madeira).

Positions are indexes into the text as given; `fold_text()` keeps them.
"""

import re
from dataclasses import dataclass

from . import entity_words as words

# ---------------------------------------------------------------------------------------------
# Line-ups and team lists


@dataclass(frozen=True)
class TeamList:
    """A run of names that belong to one team: `head` is where the team is named, if anywhere."""

    head_start: int
    head_stop: int
    start: int  # the names
    stop: int
    heading: str  # folded: "celtic (4-3-3)", "subs", "booked"…

    @property
    def names_officials(self):
        return self.heading in words.OFFICIALS_HEADINGS

    @property
    def is_bench(self):
        return self.heading in words.BENCH_HEADINGS

    @property
    def names_a_team(self):
        return self.heading not in words.LIST_HEADINGS_WITHOUT_TEAM and not self.is_bench


# "Celtic (4-3-3): Hart, …" at the start of a line or after the end of the previous list.
_LIST_HEAD = re.compile(
    r"(?:^|(?<=[.;]\s)|(?<=[.;]\s\s))"
    r"(?P<head>[^\W\d_][^\n:;,.()]{0,40}?)(?:\s*\([^()\n]{0,20}\))?:[ \t]+(?=\S)",
    re.MULTILINE,
)
_ITEM_SPLIT = re.compile(r"[,;]")
_PARENTHESES = re.compile(r"\([^()]*\)")
# "4 White", "29 Havertz Substituted for Jesus at 65' minutes", "6 Gabriel Booked at 34mins".
_NUMBERED_LINE = re.compile(r"^\s*\d{1,2}[.)]?\s+(?P<name>[^\W\d_][^\n]{0,80})$")


def _looks_like_names(names, minimum):
    """Items of a team list are short and capitalised: "Carter-Vickers", "Kyogo (Oh, 75)", "van Dijk"."""
    items = [item.strip(" .\u2026") for item in _ITEM_SPLIT.split(_PARENTHESES.sub("", names))]
    items = [item for item in items if item]
    if len(items) < minimum:
        return False
    return all(
        len(item.split()) <= 4 and (item[:1].isupper() or item.split()[0].lower() in words.SURNAME_PARTICLES)
        for item in items
    )


def lineup_lists(text, team_line=None):
    """Every team list in `text`, in order, as TeamList(…).

    Two shapes: `Team: name, name; name.` runs (wire copy; several may share a line or a
    paragraph), and a line holding only a team's name followed by lines of one name each,
    numbered or not (BBC style). `team_line(start, stop)` says whether a line is a team's name;
    without it only the first shape is found. A "Subs:" list belongs to the team before it,
    which is the caller's to decide (`heading` says which kind of list it is).
    """
    lists = []
    for line_match in re.finditer(r"[^\n]+", text):
        line_start, line = line_match.start(), line_match.group()
        if ":" not in line:
            continue
        heads = list(_LIST_HEAD.finditer(line))
        for index, head in enumerate(heads):
            names_start = head.end()
            names_stop = heads[index + 1].start() if index + 1 < len(heads) else len(line)
            # A team has eleven and a bench has one or two; "Referee: N Walsh" is one name too,
            # but a sentence after a colon is no list: it has long items or lower-case words.
            bare = head.group("head").strip().lower()
            minimum = 1 if bare in words.LIST_HEADINGS_WITHOUT_TEAM or bare in words.BENCH_HEADINGS else 3
            if _looks_like_names(line[names_start:names_stop], minimum):
                lists.append(
                    TeamList(
                        line_start + head.start("head"),
                        line_start + head.end("head"),
                        line_start + names_start,
                        line_start + names_stop,
                        bare,
                    )
                )
    if team_line is not None:
        lists += _column_lists(text, team_line)
        lists.sort(key=lambda team_list: team_list.start)
    return lists


def _column_lists(text, team_line):
    """BBC style: "Arsenal" alone on a line, then "1 Zinsberger", "2 McCabe", "Substitutes", …"""
    found, current, start = [], None, 0
    for raw in text.split("\n"):
        start, stop = start, start + len(raw)
        line = raw.strip()
        line_start = start + len(raw) - len(raw.lstrip())
        start = stop + 1  # the next line's
        if not line:
            current = _close(found, current)
            continue
        folded = line.lower()
        if team_line(line_start, line_start + len(line)):
            current = _close(found, current)
            current = [line_start, line_start + len(line), None, None, folded, 0]
            continue
        if current is None:
            continue
        if folded.startswith("formation") or folded in words.BENCH_HEADINGS:
            continue
        numbered = _NUMBERED_LINE.match(line)
        if numbered or (
            ":" not in line and len(line.split()) <= 4 and line[:1].isupper() and not line.endswith(".")
        ):
            current[2] = line_start if current[2] is None else current[2]
            current[3] = line_start + len(line)
            current[5] += 1
        else:
            current = _close(found, current)
    _close(found, current)
    return found


def _close(found, current):
    # Three names at least: a club's name alone over a short sub-heading is no team list.
    if current is not None and current[5] >= 3:
        found.append(TeamList(current[0], current[1], current[2], current[3], current[4]))
    return None


# ---------------------------------------------------------------------------------------------
# Women's football

_SHE = re.compile(r"\b(?:she|her|hers|herself)\b")
_HE = re.compile(r"\b(?:he|his|him|himself)\b")


_WOMENS_MARKER = re.compile(r"\b(?:" + "|".join(map(re.escape, words.WOMENS_MARKERS)) + r")\b")


def womens_competition(competition):
    """Whether a competition's name (a report's `Competition:` header) is a women's one."""
    return bool(competition) and bool(_WOMENS_MARKER.search(competition.lower()))


def womens_football_signals(folded):
    """(pronoun balance she-minus-he, whether a women's competition word appears) of folded text."""
    balance = len(_SHE.findall(folded)) - len(_HE.findall(folded))
    return balance, bool(_WOMENS_MARKER.search(folded))


# ---------------------------------------------------------------------------------------------
# Sentences, broadcasters and countries


def sentence_bounds(text, position):
    """(start, stop) of the sentence around `position`: full stops, question marks, line ends."""
    start = max(text.rfind(mark, 0, position) for mark in (". ", "! ", "? ", "\n")) + 1
    stops = [i for i in (text.find(mark, position) for mark in (". ", "! ", "? ", "\n")) if i != -1]
    return start, min(stops) if stops else len(text)


_BROADCAST = re.compile(r"\b(?:" + "|".join(map(re.escape, words.BROADCAST_MARKERS)) + r")\b")


def in_broadcast_sentence(folded, position):
    """True when the sentence around `position` speaks of television, radio or punditry."""
    start, stop = sentence_bounds(folded, position)
    return bool(_BROADCAST.search(folded, start, stop))


_WORD = re.compile(r"[a-z]+")


def countries_named(folded):
    """Countries the folded text names, by name or demonym ("Uruguayan" -> "uruguay")."""
    named = set()
    for word in _WORD.findall(folded):
        if word in words.COUNTRIES:
            named.add(word)
        elif word in words.DEMONYM_COUNTRIES:
            named.add(words.DEMONYM_COUNTRIES[word])
    return named
