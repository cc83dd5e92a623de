"""Checks of a match report (or live blog) against the match record, before it is published.

Warnings, never blocks: the record may be the thing that is wrong, and the editor decides. Each
warning names the words that disagree and where they are (a field of the form, or a live entry).
Names are found by the tag suggester's matcher (football.entities), so "Mertens", "Dries Mertens"
and "Mertens’" are the same player here as in the tag suggestions; the checks then read the
sentence each name is in. The rules are scored by an evaluation set of their own
(tests/fixtures/record_checks/, tests/test_record_checks.py).
"""

import re
from dataclasses import dataclass

from newsroom.football.entities import suggest_tags
from newsroom.football.models import Appearance

from .body import html_to_text

# A sentence claiming someone scored; and words that take the claim back ("failed to score").
SCORING = re.compile(
    r"\b(scor(?:ed|es|ing)|netted|nets|struck|headed (?:home|in)|fired (?:home|in)|slotted|"
    r"converted|equalis(?:ed|er)|opener|winner|brace|hat-trick|goal)\b", re.I,
)  # fmt: skip
NOT_A_CLAIM = re.compile(
    r"\b(fail\w*|miss(?:ed|es)?|denied|nearly|almost|could have|should have|would have|never|not|"
    r"no|without|disallowed|ruled out for)\b|n[’']t\b", re.I,
)  # fmt: skip
# "in the 25th minute", "after 65 minutes", "on 90+2 minutes", "the 92nd-minute winner", "65’".
MINUTE = re.compile(
    r"\b(\d{1,3})(?:\+(\d{1,2}))?(?:st|nd|rd|th)?(?:[- ](?:minutes?|mins?)\b|[’'](?!s))", re.I
)
# "2-1", "2–1": two small numbers, not part of a formation ("4-3-3") or a season ("2019-20").
SCORE = re.compile(r"(?<![\d–-])(\d{1,2}) ?[–-] ?(\d{1,2})(?![\d–-])")
# "missing a sitter" is not "missing from the squad".
UNAVAILABLE = re.compile(r"\b(ruled out|absent|missing(?! (?:a|an|the|his|her|two|three)\b))\b", re.I)
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass(frozen=True)
class RecordWarning:
    kind: str  # not_a_scorer, minute, score, not_in_lineup, ruled_out
    words: str  # the words that disagree, as written
    message: str
    field: str  # the form field the words are in ("headline", "body", "players", "entry")
    entry_id: int | None = None


def check_article(article, entries=()):
    """The warnings for a saved article about a match (none without one, or before it is played:
    a preview's text is not a record of what happened)."""
    match = article.match
    if match is None:
        return []
    texts = [("headline", article.headline, None), ("standfirst", article.standfirst, None),
             ("body", html_to_text(article.body), None)]  # fmt: skip
    texts += [("entry", html_to_text(entry.body), entry.pk) for entry in entries]
    tagged = list(article.players.all()) if article.pk else []
    return check(match, texts, tagged)


def check(match, texts, tagged_players=()):
    """`texts`: [(field, plain text, entry id or None)]. Reads the match's goals and line-ups."""
    goals = list(match.goals.select_related("scorer"))
    lineup = {a.player_id for a in Appearance.objects.filter(match=match)}
    everything = "\n".join(text for _, text, _ in texts)
    names = suggest_tags(everything, [match.home_club_id, match.away_club_id], match.competition.name)
    forms = [(form, mention.entity.id) for mention in names.players for form in mention.forms]
    scorers = {goal.scorer_id for goal in goals}
    warnings = []
    for field, text, entry_id in texts:
        for sentence in SENTENCE.findall(text or ""):
            found = _players_in(sentence, forms)
            if not found:
                continue
            warnings += _sentence_warnings(sentence, found, goals, scorers, lineup, field, entry_id)
        if field in ("headline", "standfirst") and match.is_played():
            warnings += _score_warnings(match, text or "", field)
    if lineup:
        for player in tagged_players:
            if player.pk not in lineup:
                message = f"{player.name} is tagged but in neither line-up."
                warnings.append(RecordWarning("not_in_lineup", player.name, message, "players"))
    return list(dict.fromkeys(warnings))


def _players_in(sentence, forms):
    """[(position, form, player id)] of the names in `sentence`, in order."""
    found = []
    for form, pk in forms:
        for hit in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", sentence):
            found.append((hit.start(), form, pk))
    return sorted(found)


def _sentence_warnings(sentence, found, goals, scorers, lineup, field, entry_id):
    warnings = []
    claim = SCORING.search(sentence)
    if claim and not NOT_A_CLAIM.search(sentence):
        # The scorer named: the one nearest before the verb ("Salah scored"), else the first after.
        before = [f for f in found if f[0] < claim.start()]
        _, form, pk = before[-1] if before else found[0]
        if not any(f[2] in scorers for f in found):
            warnings.append(RecordWarning("not_a_scorer", form,
                                          f"“{form}” is said to score, but is not a scorer in the timeline.",
                                          field, entry_id))  # fmt: skip
        else:
            scorer = pk if pk in scorers else next(f[2] for f in found if f[2] in scorers)
            theirs = {(g.minute, g.added_time) for g in goals if g.scorer_id == scorer}
            for minute in MINUTE.finditer(sentence):
                given, added = int(minute.group(1)), int(minute.group(2) or 0)
                if not any(_same_minute(given, added, m, a) for m, a in theirs):
                    told = ", ".join(f"{m}+{a}’" if a else f"{m}’" for m, a in sorted(theirs))
                    words = minute.group(0).strip()
                    message = f"“{words}”: the timeline has this goal at {told}."
                    warnings.append(RecordWarning("minute", words, message, field, entry_id))
    if UNAVAILABLE.search(sentence):
        for _, form, pk in found:
            if pk in lineup:
                warnings.append(RecordWarning("ruled_out", form,
                                              f"“{form}” is described as unavailable but is in the line-up.",
                                              field, entry_id))  # fmt: skip
    return warnings


def _same_minute(given, added, minute, added_time):
    # "the 92nd minute" is 90+2; "90+2" is itself.
    return (given, added) == (minute, added_time) or (not added and given == minute + added_time)


def _score_warnings(match, text, field):
    allowed = set()
    for prefix in ("", "ht_", "et_"):
        home, away = getattr(match, f"home_{prefix}score"), getattr(match, f"away_{prefix}score")
        if home is not None:
            allowed |= {(home, away), (away, home)}  # "Napoli 1–2 Liverpool" says the same
    warnings = []
    for hit in SCORE.finditer(text):
        if (int(hit.group(1)), int(hit.group(2))) not in allowed:
            message = f"“{hit.group(0)}” but the match ended {match.home_score}–{match.away_score}."
            warnings.append(RecordWarning("score", hit.group(0), message, field))
    return warnings
