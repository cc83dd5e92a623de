"""Finding clubs and players in a report's text: the tag suggester.

`suggest_tags(text)` returns the clubs and players a report mentions. One Aho-Corasick pass finds
every known name, alias and derived surname (cost grows with the text, not with the number of
names); then evidence decides. A form shared by several entities ("Henderson", "the Reds") counts
only when the text or the match says which; an ordinary word ("Young", "Reading", "Wednesday")
needs more than a capital letter; a surname right after somebody else's first name ("Roy Keane")
or in "Ancelotti's side" is not a player's. How names compare is `names.py`; what else a report
says about itself (team lists, women's football, broadcasts, countries) is `report_evidence.py`.

Where each rule lives:

- what a form may be at all (capitals, countries, stadiums, "the city of", a women's side,
  someone else's first name or initial, a pundit): `_Resolver._plausible()`;
- what a name in a team list means (that team's player, whoever else shares the name):
  `_Resolver._choose_in_list()`;
- how shared forms are settled (named in full, the clubs in play, then careers, then the
  national team; same-name clubs by league, country and the rest of the story):
  `_Resolver._choose()`, `_narrow()`, `_club_evidence()`;
- misspellings ("Lewandowsky"): `Matcher.misspelt_spans()`, accepted only with the player's
  club in play.

`suggest_from(…, explain=True)` keeps, for every candidate, the forms found and the evidence that
accepted or rejected it (`suggest_tags --explain`).

The compiled matcher is cached per process and rebuilt when any club or player changes.
"""

import bisect
import re
import threading
import unicodedata
from dataclasses import dataclass, field

import ahocorasick
from django.db.models import Count, Max

from . import entity_words as words
from . import report_evidence as evidence
from .models import Club, Player
from .names import fold_form, fold_name, fold_text, has_letters_or_digits

# ---------------------------------------------------------------------------------------------
# The gazetteer and its matcher

CLUB, PLAYER = "club", "player"
# How a form names its entity, strongest first.
NAME, ALIAS, SURNAME = 0, 1, 2
# Misspellings: words this long may be this many letters off a known surname ("Lewandowsky").
MISSPELLING_MIN_LENGTH = 7
MISSPELLING_TWO_LETTERS_FROM = 10


@dataclass(frozen=True, eq=False)  # one object per entity: identity is equality, and hashes fast
class Entity:
    kind: str
    id: int
    slug: str
    name: str
    club_id: int | None = None  # a player's current club
    first_initial: str = ""  # a player's first-name initial, folded
    first_name: str = ""  # a player's first name, folded ("luis" for Luis Suárez)
    other_club_ids: frozenset = frozenset()  # a player's former and loan clubs
    national_team: str = ""  # a player's, folded ("scotland")
    retired: bool = False
    country: str = ""  # a club's, folded
    league: str = ""  # a club's, folded
    parent_id: int | None = None  # a women's side's parent club


@dataclass(frozen=True)
class Candidate:
    entity: Entity
    strength: int  # NAME, ALIAS or SURNAME
    generic: bool  # a nickname like "the Reds" that names no club by itself
    capitalised: bool  # whether the gazetteer writes the form's last word with a capital
    inherited: bool = False  # a women's side answering to its parent club's name ("Arsenal")
    misspelt: bool = False  # one or two letters off the form


def derive_surname(name):
    """The surname a report uses: "Giovanni Di Lorenzo" -> "Di Lorenzo"; None for one-word names."""
    tokens = name.split()
    if len(tokens) < 2:
        return None
    start = len(tokens) - 1
    while start - 1 >= 1 and fold_name(tokens[start - 1]) in words.SURNAME_PARTICLES:
        start -= 1
    return " ".join(tokens[start:])


def club_name_variants(name):
    """The name without affixes reports leave out: "SSC Napoli" -> "Napoli"; "&" also as "and"."""
    variants = set()
    tokens = name.split()
    core = [t for t in tokens if fold_name(t) not in words.CLUB_AFFIXES]
    if core and len(core) < len(tokens):
        variants.add(" ".join(core))
    for variant in [name, *variants]:
        if "&" in variant:
            variants.add(variant.replace("&", "and"))
    return variants


def _padded(row, length, defaults):
    """Rows may stop after the original five columns (tests, the bench): the rest default."""
    row = tuple(row)
    return row + tuple(defaults[len(row) - length :]) if len(row) < length + len(defaults) else row


class Matcher:
    """Every known form of every club and player, compiled into one Aho-Corasick automaton."""

    def __init__(self, clubs, players):
        """clubs: (id, slug, name, short_name, aliases[, country, league, parent_club_id]);
        players: (id, slug, name, aliases, club_id[, other_club_ids, national_team, retired])."""
        self.forms = {}  # folded form -> {entity: Candidate}, the strongest way it names each
        self.full_names = {}  # entity -> folded full name
        self.clubs = {}  # id -> club Entity
        self.sides = {}  # parent club id -> [ids of its women's sides]
        self._keys_of = {}  # entity -> the folded forms that name it
        for row in clubs:
            pk, slug, name, short_name, aliases, country, league, parent_id = _padded(row, 5, ("", "", None))
            entity = Entity(
                CLUB, pk, slug, name, country=fold_name(country or ""), league=fold_name(league or ""),
                parent_id=parent_id,
            )  # fmt: skip
            self.clubs[pk] = entity
            self._add(name, entity, NAME)
            for variant in club_name_variants(name):
                self._add(variant, entity, NAME)
            if short_name:
                self._add(short_name, entity, ALIAS)
            for alias in _alias_lines(aliases):
                self._add(alias, entity, ALIAS, generic=_is_generic_club_alias(alias))
                if fold_name(alias).startswith("the "):
                    # "the Reds" is also written "Reds" ("the Reds' pressure", "Reds skipper").
                    self._add(alias.split(None, 1)[1], entity, ALIAS, generic=True)
        for side in self.clubs.values():
            if side.parent_id in self.clubs and side.parent_id != side.id:
                self._inherit(side, self.clubs[side.parent_id])
        for row in players:
            pk, slug, name, aliases, club_id, other_ids, national_team, retired = _padded(
                row, 5, ((), "", False)
            )
            tokens = name.split()
            entity = Entity(
                PLAYER, pk, slug, name, club_id,
                first_initial=fold_name(name)[:1] if len(tokens) > 1 else "",
                first_name=fold_form(tokens[0]) if len(tokens) > 1 else "",
                other_club_ids=frozenset(other_ids or ()) - {club_id},
                national_team=fold_name(national_team or ""), retired=bool(retired),
            )  # fmt: skip
            self._add(name, entity, NAME)
            surname = derive_surname(name)
            if surname:
                self._add(surname, entity, SURNAME)
            for alias in _alias_lines(aliases):
                self._add(alias, entity, ALIAS)
        self.automaton = ahocorasick.Automaton()
        for key, candidates in self.forms.items():
            self.automaton.add_word(key, (key, tuple(candidates.values())))
        if self.forms:
            self.automaton.make_automaton()
        self._index_for_misspellings()
        del self._keys_of  # only needed while building

    def _add(self, form, entity, strength, generic=False):
        key = fold_form(form)
        if not key or not has_letters_or_digits(key):
            return
        dotted = _dotted_initials(form)
        if dotted:  # "Liverpool FC" also answers to "Liverpool F.C." (fold_text keeps the dots)
            self._add(dotted, entity, strength, generic)
        if strength == NAME:
            self.full_names.setdefault(entity, key)
        last_word = form.split()[-1]
        candidate = Candidate(entity, strength, generic, last_word[:1].isupper())
        known = self.forms.setdefault(key, {})
        if entity not in known or strength < known[entity].strength:
            known[entity] = candidate
            self._keys_of.setdefault(entity, set()).add(key)

    def _inherit(self, side, parent):
        """A women's side answers to every name of its parent; the report decides which is meant."""
        self.sides.setdefault(parent.id, []).append(side.id)
        for key in self._keys_of.get(parent, ()):
            own = self.forms[key]
            if side not in own:
                base = own[parent]
                own[side] = Candidate(side, base.strength, base.generic, base.capitalised, inherited=True)

    def _index_for_misspellings(self):
        """Long one-word player forms, under each of their one-letter deletions (symmetric delete)."""
        self.misspelling_index = {}
        for key, candidates in self.forms.items():
            if len(key) < MISSPELLING_MIN_LENGTH or not key.isalpha() or key in words.ORDINARY_WORDS:
                continue
            if not any(c.entity.kind == PLAYER for c in candidates.values()):
                continue
            for variant in {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}:
                self.misspelling_index.setdefault(variant, set()).add(key)

    def spans(self, text, folded=None):
        """Every known form in `text` at word boundaries, longest first, never overlapping."""
        if not self.forms:
            return []
        folded = fold_text(text) if folded is None else folded
        found = []
        for end, (key, candidates) in self.automaton.iter(folded):
            start = end - len(key) + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end + 1 < len(folded) and folded[end + 1].isalnum():
                continue
            found.append((start, end + 1, key, candidates))
        found.sort(key=lambda span: (span[0] - span[1], span[0]))
        taken, spans = bytearray(len(folded)), []  # characters already in a longer match
        for start, stop, key, candidates in found:
            if 1 in taken[start:stop]:
                continue
            taken[start:stop] = b"\x01" * (stop - start)
            spans.append(_Span(start, stop, key, text[start:stop], candidates))
        spans.sort(key=lambda span: span.start)
        return spans

    def misspelt_spans(self, text, folded, spans):
        """Capitalised long words that no form matched but that are a letter or two off a player's
        surname: "Ibrahimovich", "Lewandowsky". Only the closest forms are kept; the resolver
        accepts one only when the player's club is in play."""
        if not self.misspelling_index:
            return []
        covered = [(span.start, span.stop) for span in spans]
        found = []
        for match in _LONG_WORD.finditer(folded):
            word, start = match.group(), match.start()
            if not text[start].isupper() or word in words.ORDINARY_WORDS:
                continue
            position = bisect.bisect_right(covered, (start, len(text))) - 1
            if position >= 0 and covered[position][1] > start:
                continue
            keys = set(self.misspelling_index.get(word, ()))
            for i in range(len(word)):
                keys |= self.misspelling_index.get(word[:i] + word[i + 1 :], set())
            allowed = 2 if len(word) >= MISSPELLING_TWO_LETTERS_FROM else 1
            scored = [
                (distance, key) for key in keys if 0 < (distance := _edit_distance(word, key)) <= allowed
            ]
            if not scored:
                continue
            closest = min(distance for distance, _ in scored)
            candidates = tuple(
                Candidate(c.entity, SURNAME, False, True, misspelt=True)
                for distance, key in scored
                if distance == closest
                for c in self.forms[key].values()
                if c.entity.kind == PLAYER
            )
            found.append(_Span(start, match.end(), word, text[start : match.end()], candidates))
        return found


_LONG_WORD = re.compile(rf"(?<![\w'])[a-z]{{{MISSPELLING_MIN_LENGTH},}}(?![\w])")


def _edit_distance(a, b):
    """Optimal string alignment distance (Levenshtein plus swapped neighbours)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


_INITIALISM = re.compile(r"\b([A-Z]{2,4})\b")


def _dotted_initials(form):
    """"Liverpool FC" -> "Liverpool F.C."; None when the form has no all-capital short word.

    The text is folded one character for one (its positions point back at the editor's words), so
    its dots cannot be dropped; the dotted spelling is added as a form instead."""
    if "." in form or not _INITIALISM.search(form):
        return None
    return _INITIALISM.sub(lambda m: ".".join(m.group(1)) + ".", form)


def _alias_lines(aliases):
    if isinstance(aliases, str):
        aliases = aliases.splitlines()
    return [alias.strip() for alias in aliases or () if alias and alias.strip()]


def _is_generic_club_alias(alias):
    folded = fold_name(alias)
    bare = folded.removeprefix("the ")
    return (
        folded.startswith("the ")
        or folded in words.NATIONAL_TEAM_NICKNAMES
        or bare in words.NATIONAL_TEAM_NICKNAMES
        or bare in words.ORDINARY_WORDS
    )


# ---------------------------------------------------------------------------------------------
# Deciding what the text really mentions


@dataclass
class _Span:
    start: int
    stop: int
    key: str
    text: str
    candidates: tuple


@dataclass
class Mention:
    """One club or player the text mentions: the words used, how often, and where first."""

    entity: Entity
    forms: list = field(default_factory=list)
    count: int = 0
    first: int = 0

    def as_dict(self):
        return {
            "slug": self.entity.slug,
            "name": self.entity.name,
            "forms": self.forms,
            "count": self.count,
            "first": self.first,
        }


@dataclass
class Suggestions:
    clubs: list
    players: list
    # With explain=True: [{"entity", "suggested", "forms", "evidence": [(position, form, verdict, why)]}]
    explanations: list | None = None

    def as_dict(self):
        return {
            "clubs": [m.as_dict() for m in self.clubs],
            "players": [m.as_dict() for m in self.players],
        }


# "Goalscorer Mertens", "Defender Lovren": role nouns before a surname describe, they do not name.
_DESCRIPTOR_ENDINGS = ("er", "or", "ist")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.\-]*)([ \u00a0])$")
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\s+(\w+)")


_WORD_AFTER = re.compile(r"^[ \u00a0]([^\W\d_][\w'’\-]*)")
# "at" is missing on purpose: "two seasons at Eibar", "won at Burnley" name clubs.
_PLACE_WORDS = frozenset("in from near outside around across through".split())
_CITY_OF = re.compile(r"\b(?:city|town|streets|people|centre|center|outskirts|port|county) of ?$")


def _names_a_stadium(text, span):
    following = _WORD_AFTER.match(text[span.stop : span.stop + 40])
    return bool(following) and fold_text(following.group(1)) in words.STADIUM_WORDS


def _names_a_city(text, span):
    """ "the city of Liverpool", "Milan airport": a place, not the club."""
    if _CITY_OF.search(fold_text(text[max(0, span.start - 20) : span.start]).rstrip() + " "):
        return True
    following = _WORD_AFTER.match(text[span.stop : span.stop + 40])
    return bool(following) and fold_text(following.group(1)) in words.PLACE_NOUNS


def _in_title_case_line(text, position):
    """Headlines Written Like This capitalise every word, so capitals there prove nothing."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start : line_end if line_end != -1 else len(text)].split()
    long_words = [w for w in line if len(w) > 3]
    return len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.7 * len(long_words)


def _after_place_word(text, start):
    """ "from Milan", "in Liverpool": a city, unless the club is otherwise in play."""
    word, _ = _word_before(text, start)
    return bool(word) and fold_text(word) in _PLACE_WORDS


def _at_sentence_start(text, start):
    before = text[:start].rstrip(" \t\"“‘'(«")
    return not before or before[-1] in ".!?:;\n\r•*" or before.endswith(("—", "–"))


def _word_before(text, start):
    """The word right before `start` on the same line, and where it starts ("Roy" in "Roy Keane")."""
    match = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    if not match:
        return None, None
    return match.group(1), start - len(match.group(0))


def _is_initial(word):
    """ "M" or "M." before a surname: an initial, not a first name."""
    return len(word.rstrip(".")) == 1 and word[:1].isupper()


def _belongs_to_someone_else(text, span, candidate, span_starts):
    """Why a one-word player form is plainly another person's, or None.

    Returns (reason, for_the_whole_report): a first name ("Roy Keane") or a role word ("referee
    Taylor") makes that surname someone else's everywhere; an initial that is not the player's
    ("M Dean") rules out only this mention.
    """
    entity = candidate.entity
    if entity.kind != PLAYER:
        return None
    word, word_start = _word_before(text, span.start)
    if word:
        folded = fold_text(word).rstrip(".'")
        if folded in words.NON_PLAYER_ROLES:
            return f"after “{word}”: a {folded}, not a player", True
        if _is_initial(word):
            role, _ = _word_before(text, word_start)
            if role and fold_text(role).rstrip(".") in words.NON_PLAYER_ROLES:
                return f"after “{role} {word}”: a {fold_text(role)}, not a player", False
            if entity.first_initial and folded != entity.first_initial:
                return f"the initial “{word}” is not {entity.name}’s", False
        elif word.endswith(".") and len(folded) > 1:
            pass  # "…back to Spain. Raúl scored": a sentence ended, no first name
        elif (
            word[:1].isupper()
            and word_start not in span_starts
            and not re.search(r"['’]s?$", word)
            and folded not in words.DEMONYMS
            and folded not in words.COUNTRIES
            and folded not in words.SENTENCE_WORDS
            and folded not in words.ORDINARY_WORDS
            and not folded.endswith(_DESCRIPTOR_ENDINGS)
            and not (entity.first_initial and folded[:1] == entity.first_initial)
        ):
            # "Roy Keane" is not Michael Keane; "Mo Salah" still is Mohamed Salah
            return f"after the first name “{word}”: someone else’s name", True
    after = _POSSESSIVE_AFTER.match(text[span.stop : span.stop + 30])
    if after and fold_text(after.group(1)) in words.MANAGER_POSSESSIONS:
        return f"“{span.text}’s {after.group(1)}”: a manager", True
    following = _WORD_AFTER.match(text[span.stop : span.stop + 40])
    if (
        candidate.strength != NAME
        and following
        and following.group(1)[:1].isupper()
        and span.stop + 1 not in span_starts
        and not _in_title_case_line(text, span.start)
    ):
        # "Roberto Mancini" is not Sergi Roberto
        return f"before “{following.group(1)}”: the first name of someone else", True
    return None


class _Resolver:
    """Turns the matcher's spans into mentions, using the evidence the text itself offers."""

    def __init__(self, matcher, text, context_club_ids, competition="", explain=False):
        self.matcher = matcher
        self.text = text
        self.folded = fold_text(text)
        self.competition = competition
        self.spans = matcher.spans(text, self.folded)
        misspelt = matcher.misspelt_spans(text, self.folded, self.spans)
        if misspelt:
            self.spans = sorted(self.spans + misspelt, key=lambda span: span.start)
        # Starts of matched spans: a known name right before a surname is not a stranger's first name.
        self.span_starts = {span.start for span in self.spans}
        # Surnames seen as someone else's ("Roy Keane"): a later bare "Keane" is that person too.
        self.someone_elses = set()
        self.notes = {} if explain else None
        self.womens = self._about_womens_football()
        self.context_club_ids = self._sides_if_womens(context_club_ids)
        self.pundits = self._pundits()
        self._countries = None
        self.team_lists, self._list_starts = [], []
        self._colon_lists = evidence.lineup_lists(text) if ":" in text else []

    # -- what the report is about ---------------------------------------------------------

    def _about_womens_football(self):
        """Whether "Arsenal" here means Arsenal Women: the competition, else the text's own signs
        (pronouns, "WSL", "Women's", and whose players are named in full)."""
        if not any(c.inherited for span in self.spans for c in span.candidates):
            return False  # no club here has a women's side: nothing to choose
        if self.competition:
            return evidence.womens_competition(self.competition)
        balance, marked = evidence.womens_football_signals(self.folded)
        sides = {side for ids in self.matcher.sides.values() for side in ids}
        women = men = 0
        for player in {c.entity for span in self.spans for c in span.candidates if c.strength == NAME}:
            if player.kind == PLAYER and player.club_id is not None:
                women, men = (women + 1, men) if player.club_id in sides else (women, men + 1)
        return balance + 3 * (women - men) + (2 if marked else 0) > 0

    def _sides_if_womens(self, club_ids):
        """The match's clubs, as their women's sides in a report about women's football."""
        if not self.womens:
            return set(club_ids)
        return {side for pk in club_ids for side in self.matcher.sides.get(pk, [pk])}

    def _pundits(self):
        """Former players (retired, or with no club) named in a sentence about a broadcast."""
        pundits = set()
        for span in self.spans:
            for candidate in span.candidates:
                entity = candidate.entity
                if entity.kind == PLAYER and (entity.retired or entity.club_id is None):
                    if evidence.in_broadcast_sentence(self.folded, span.start):
                        pundits.add(entity)
        return pundits

    @property
    def countries(self):
        if self._countries is None:
            self._countries = evidence.countries_named(self.folded)
        return self._countries

    # -- notes for --explain --------------------------------------------------------------

    def _note(self, span, entity, verdict, why):
        if self.notes is not None:
            self.notes.setdefault(entity, []).append((span.start, span.text, verdict, why))

    def _reject(self, span, candidate, why):
        self._note(span, candidate.entity, "rejected", why)

    # -- the passes -----------------------------------------------------------------------

    def resolve(self):
        usable = [(span, self._plausible(span)) for span in self.spans]
        usable = [(span, candidates) for span, candidates in usable if candidates]

        # Pass 1, anchors: entities named in full (or by their only unambiguous alias) somewhere.
        anchored = {}
        for span, candidates in usable:
            for candidate in self._anchoring(span, candidates):
                anchored.setdefault(candidate.entity, span.start)
        kept = []
        for span, candidates in usable:
            left = []
            in_list = self._in_list_area(span.start)
            for c in candidates:
                if not in_list and self._is_someone_elses(span, c, anchored):
                    self._reject(span, c, f"“{span.text}” is someone else’s name earlier in the report")
                else:
                    left.append(c)
            if left:
                kept.append((span, left))
        usable = kept
        clubs_in_play = self.context_club_ids | {e.id for e in anchored if e.kind == CLUB}
        # Clubs whose ordinary-word name ("Reading") appears capitalised where no sentence starts.
        self.named_mid_sentence = {
            candidates[0].entity.id
            for span, candidates in usable
            if len(candidates) == 1
            and candidates[0].entity.kind == CLUB
            and not candidates[0].generic
            and span.key.removeprefix("the ") not in words.CALENDAR_WORDS
            and span.text[:1].isupper()
            and not _at_sentence_start(self.text, span.start)
            and not _after_place_word(self.text, span.start)
        }
        clubs_in_play |= self.named_mid_sentence
        # Players named in full: their clubs and careers settle same-name clubs ("Sporting").
        self.named_players = [e for e in anchored if e.kind == PLAYER]
        self.anchored = anchored
        # First names of players named in full: a later "Luis" alone is Luis Suárez.
        self.first_names = {}
        for entity, position in anchored.items():
            if entity.kind == PLAYER and entity.first_name:
                self.first_names.setdefault(entity.first_name, []).append((position, entity))
        self._find_team_lists(usable, clubs_in_play)

        chosen = self._choose_all(usable, anchored, clubs_in_play)
        # A generic club nickname ("the Reds") also counts when that club's players are named.
        clubs_of_players = {e.club_id for _, e in chosen if e.kind == PLAYER and e.club_id}
        if clubs_of_players - clubs_in_play:
            clubs_in_play |= clubs_of_players
            if self.notes is not None:
                self._drop_choice_notes()  # the second pass decides again, with more clubs in play
            chosen = self._choose_all(usable, anchored, clubs_in_play)
        suggestions = self._mentions(chosen)
        if self.notes is not None:
            suggestions.explanations = self._explanations(suggestions)
        return suggestions

    def _choose_all(self, usable, anchored, clubs_in_play):
        chosen = []
        for span, candidates in usable:
            entity, why = self._choose(span, candidates, anchored, clubs_in_play)
            if entity:
                chosen.append((span, entity))
                self._note(span, entity, "chose", why)
            for c in candidates:
                if c.entity is not entity:
                    self._note(
                        span,
                        c.entity,
                        "choice",
                        why if entity is None else f"“{span.text}” is {entity.name} here",
                    )
        return chosen

    def _drop_choice_notes(self):
        for entity, notes in self.notes.items():
            self.notes[entity] = [n for n in notes if n[2] not in ("chose", "choice")]

    # -- what a form may be at all --------------------------------------------------------

    def _plausible(self, span):
        """Candidates the surface allows: capitals where names have them, not a country, not a stranger."""
        text = self.text
        single_word = " " not in span.key
        result = []
        in_list = self._in_list_area(span.start)
        for candidate in span.candidates:
            entity = candidate.entity
            last_word = span.text.split()[-1] if span.text.split() else span.text
            if candidate.capitalised and not last_word[:1].isupper():
                self._reject(span, candidate, "written without a capital")  # "a mane of hair"
                continue
            if single_word and span.key in words.COUNTRIES:
                self._reject(span, candidate, "a country")  # "Italy", "Holland"
                continue
            if entity.kind == CLUB:
                if _names_a_stadium(text, span):
                    self._reject(span, candidate, "part of a stadium’s name")  # "Villa Park"
                    continue
                if single_word and _names_a_city(text, span):
                    self._reject(span, candidate, "a place, not the club")  # "the city of Liverpool"
                    continue
                if candidate.inherited and not self.womens:
                    self._reject(
                        span, candidate, "a women’s side, and the report is not about women’s football"
                    )
                    continue
                if (
                    self.womens
                    and entity.id in self.matcher.sides
                    and any(c.inherited and c.entity.parent_id == entity.id for c in span.candidates)
                ):
                    self._reject(span, candidate, "the report is about women’s football: its women’s side")
                    continue
            if (
                entity.kind == PLAYER
                and self.pundits
                and any(c.entity in self.pundits for c in span.candidates)
            ):
                # "Neville said on co-commentary": Gary the pundit, so not Ashleigh the player either.
                self._reject(
                    span, candidate, "a former player’s name, and he speaks on a broadcast: a pundit"
                )
                continue
            if in_list and entity.kind == PLAYER and in_list[0].names_officials:
                self._reject(span, candidate, f"in the list of officials (“{in_list[0].heading}”)")
                continue
            if single_word:
                someone_else = _belongs_to_someone_else(text, span, candidate, self.span_starts)
                if someone_else:
                    why, everywhere = someone_else
                    # In a team list the team decides, whoever else had the name in the prose.
                    if everywhere and not in_list:
                        self.someone_elses.add(span.key)
                    self._reject(span, candidate, why)
                    continue
            result.append(candidate)
        return result

    def _is_someone_elses(self, span, candidate, anchored):
        return (
            span.key in self.someone_elses
            and candidate.entity.kind == PLAYER
            and candidate.strength != NAME
            and candidate.entity not in anchored
        )

    def _is_weak(self, span, candidate):
        """An ordinary word or a calendar word: a capital letter alone does not make it a name."""
        key = span.key
        if " " in key and not key.startswith("the "):
            return False
        bare = key.removeprefix("the ")
        return bare in words.CALENDAR_WORDS or bare in words.ORDINARY_WORDS

    def _anchoring(self, span, candidates):
        if any(c.misspelt for c in candidates):
            return []  # a misspelling is never proof by itself
        strongest = min(c.strength for c in candidates)
        best = [c for c in candidates if c.strength == strongest]
        clubs = [c for c in candidates if c.entity.kind == CLUB and not c.generic]
        if len(clubs) > 1:
            return []  # "Nacional", "Sporting": same-name clubs wait for the rest of the story
        best_clubs = [c for c in best if c.entity.kind == CLUB]
        if len(best) > 1 and strongest == NAME and len(best_clubs) == 1:
            # "Everton" the club and Everton the player: the club, unless evidence says otherwise.
            best = best_clubs
        if len(best) != 1 or best[0].generic:
            return []
        candidate = best[0]
        if self._is_weak(span, candidate):
            return []
        if candidate.entity.kind == CLUB and " " not in span.key and _after_place_word(self.text, span.start):
            return []
        if candidate.strength == NAME:
            return [candidate]
        if candidate.strength == ALIAS and len(candidates) == 1:
            if candidate.entity.kind == CLUB or " " in span.key:
                return [candidate]  # "LFC", "Man Utd", "Mo Salah": unambiguous, so as good as the name
        return []

    # -- team lists -------------------------------------------------------------------------

    def _find_team_lists(self, usable, clubs_in_play):
        """Team lists and the club each belongs to: named at its head, or the list before a bench."""
        if "\n" not in self.text and ":" not in self.text:
            return
        club_spans = {
            span.start: (span, [c for c in candidates if c.entity.kind == CLUB])
            for span, candidates in usable
        }

        def team_line(start, stop):
            span, clubs = club_spans.get(start, (None, []))
            if not clubs:
                return False
            rest = self.text[span.stop : stop].strip()
            return not rest or bool(re.fullmatch(r"\([^()]*\)|XI|[Tt]eam", rest))

        lists = evidence.lineup_lists(self.text, team_line if "\n" in self.text else None)
        team = None
        previous_stop = -1
        for team_list in lists:
            if team_list.names_a_team:
                team = self._team_of(team_list, usable, clubs_in_play)
            elif not team_list.is_bench or self.text[previous_stop : team_list.head_start].count("\n") > 1:
                team = None  # "Booked: …", or a bench far from any team list
            self.team_lists.append((team_list, team))
            previous_stop = team_list.stop
        self._list_starts = [team_list.start for team_list, _ in self.team_lists]

    def _team_of(self, team_list, usable, clubs_in_play):
        clubs = {
            c.entity
            for span, candidates in usable
            if team_list.head_start <= span.start < team_list.head_stop
            for c in candidates
            if c.entity.kind == CLUB
        }
        if len(clubs) > 1:
            clubs = {club for club in clubs if club.id in clubs_in_play}
        return next(iter(clubs)) if len(clubs) == 1 else None

    def _in_list_area(self, position):
        """The (TeamList, club or None) whose names cover `position`, else None.

        Before pass 1 only where the `Team: …` lists are is known (their teams are not yet);
        after it, every list with its team."""
        if not self._list_starts:
            for team_list in self._colon_lists:
                if team_list.start <= position < team_list.stop:
                    return (team_list, None)
            return None
        index = bisect.bisect_right(self._list_starts, position) - 1
        if index >= 0 and position < self.team_lists[index][0].stop:
            return self.team_lists[index]
        return None

    def _choose_in_list(self, span, candidates, team):
        """A name in a team's list is that team's player, whoever else in the gazetteer shares it."""
        players = [c for c in candidates if c.entity.kind == PLAYER]
        if not players:
            return None, "in a team list: a player’s name, not a club"
        if len(players) == 1 and players[0].strength == NAME:
            return players[0].entity, "named in full in a team list"
        at_club = [c for c in players if c.entity.club_id == team.id]
        if len(at_club) == 1:
            return at_club[0].entity, f"in the team list of {team.name}"
        if len(at_club) > 1:
            return (
                None,
                f"in the team list of {team.name}, where {len(at_club)} players have that name: "
                "needs the first name",
            )
        career = [c for c in players if team.id in c.entity.other_club_ids]
        if len(career) == 1:
            return career[
                0
            ].entity, f"in the team list of {team.name}, a club {career[0].entity.name} has played for"
        return None, f"in the team list of {team.name}, and no player of that name is at {team.name}"

    # -- choosing one entity per span -----------------------------------------------------------

    def _choose(self, span, candidates, anchored, clubs_in_play):
        """(the entity `span` names, why), or (None, why not)."""
        listed = self._in_list_area(span.start) if self.team_lists else None
        if listed and listed[1] is not None:
            return self._choose_in_list(span, candidates, listed[1])
        if listed:
            candidates = [c for c in candidates if c.entity.kind == PLAYER]
            if not candidates:
                return None, "in a list of players: not a club"

        # A club beats a player on the same words only when the player is not otherwise named.
        named = [c for c in candidates if c.entity in anchored]
        if len(named) == 1:
            return named[0].entity, f"{named[0].entity.name} is named in full in the report"
        if len(named) > 1:
            entity = self._by_club(named, clubs_in_play)
            return (
                entity,
                "named in full, and the clubs in play say which"
                if entity
                else "named in full more than once",
            )

        if " " not in span.key and span.key in self.first_names:
            earlier = [entity for position, entity in self.first_names[span.key] if position < span.start]
            if len(earlier) == 1:
                return earlier[0], f"the first name of {earlier[0].name}, named in full before"

        pool = candidates
        if len(pool) > 1:
            pool, why = self._narrow(pool, clubs_in_play)
            if len(pool) != 1:
                return None, why
        candidate = pool[0]
        entity = candidate.entity
        at_start = _at_sentence_start(self.text, span.start)
        if entity.kind == CLUB and " " not in span.key and _after_place_word(self.text, span.start):
            if entity.id not in clubs_in_play:
                return None, "after a place word (“from Milan”): the city"

        if candidate.misspelt:
            if entity.club_id in clubs_in_play or entity.other_club_ids & clubs_in_play:
                return entity, f"a letter or two off “{entity.name}”, and the player’s club is in play"
            return None, "a letter or two off a player’s name, but nothing else points to that player"
        if candidate.generic:
            # "the Reds", "Azzurri": only for a club already in play.
            if entity.id in clubs_in_play:
                return entity, "a nickname, and the club is in play"
            return None, "a nickname that names no club by itself, and the club is not in play"
        if self._is_weak(span, candidate) and listed:
            # "Booked: Baker, O'Hara.": a name here, though whose needs the player's club in play.
            if entity.club_id in clubs_in_play:
                return entity, "an ordinary word in a list of players, with the player’s club in play"
            return None, "an ordinary word in a list of players, without the player’s club in play"
        if self._is_weak(span, candidate):
            if entity.kind == CLUB:
                # "Reading" the club: in the match, or written as a name mid-sentence somewhere.
                if entity.id in self.context_club_ids | self.named_mid_sentence:
                    return entity, "an ordinary word, written as a name where no sentence starts"
                return None, "an ordinary word, and only at the start of sentences"
            bare = span.key.removeprefix("the ")
            in_play = entity.club_id in clubs_in_play
            if at_start or bare in words.CALENDAR_WORDS or not in_play:
                return None, "an ordinary word, without the player’s club in play"  # "Young players…"
            return entity, "an ordinary word, but mid-sentence with the player’s club in play"
        if len(candidates) > 1:
            return entity, why  # narrowed by the clubs in play
        return entity, "the only one of that name"

    def _narrow(self, candidates, clubs_in_play):
        """(the candidates the evidence vouches for, why): clubs in play, careers, countries."""
        clubs = [c for c in candidates if c.entity.kind == CLUB and c.entity.id in clubs_in_play]
        players = [c for c in candidates if c.entity.kind == PLAYER and c.entity.club_id in clubs_in_play]
        if len(clubs) + len(players) == 1:
            return clubs + players, "its club is in play" if players else "the club is in play"
        all_clubs = [c for c in candidates if c.entity.kind == CLUB and not c.generic]
        if len(all_clubs) == len(candidates) and not clubs:
            return self._by_evidence(all_clubs, clubs_in_play)
        strongest = min(c.strength for c in candidates)
        best = [c for c in candidates if c.strength == strongest]
        if len(best) == 1 and not best[0].generic and best[0].strength == NAME and not best[0].misspelt:
            return best, "the full name beats a surname spelled the same"
        named_clubs = [c for c in best if c.entity.kind == CLUB and strongest == NAME and not c.generic]
        if not players and len(named_clubs) == 1:
            return named_clubs, "a club’s full name, and no player of that name is in play"
        if len(clubs + players) > 1:
            return [], "more than one of that name is at a club in play"
        everyone = [c for c in candidates if c.entity.kind == PLAYER]
        career = [c for c in everyone if c.entity.other_club_ids & clubs_in_play]
        if len(career) == 1:
            return career, "a club in play is one of the player’s former clubs"
        if len(career) > 1:
            return [], "more than one of that name has played for a club in play"
        country = [c for c in everyone if c.entity.national_team and c.entity.national_team in self.countries]
        if len(country) == 1:
            return country, "the report names the player’s national team"
        return [], "shared by several, and nothing in the report says which"

    def _by_evidence(self, clubs, clubs_in_play):
        """Same-name clubs ("Nacional"): the one the league, the country and the story point to."""
        scored = sorted(
            ((self._club_evidence(c.entity, clubs_in_play), c) for c in clubs), key=lambda s: -s[0]
        )
        if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
            return [scored[0][1]], (
                f"same-name clubs; the league, country and story point to {scored[0][1].entity.name} "
                f"({scored[0][0]} against {scored[1][0]})"
            )
        return [], "same-name clubs, and the story does not say which"

    def _club_evidence(self, club, clubs_in_play):
        score = 0
        for player in self.named_players:
            if player.club_id == club.id:
                score += 2
            elif club.id in player.other_club_ids:
                score += 1
        if club.country and club.country in self.countries:
            score += 2
        if club.league and club.league in self.folded:
            score += 2
        for pk in clubs_in_play - {club.id}:
            other = self.matcher.clubs.get(pk)
            if other and club.league and other.league == club.league:
                score += 1
            if other and club.country and other.country == club.country:
                score += 1
        return score

    @staticmethod
    def _by_club(candidates, clubs_in_play):
        vouched = [c for c in candidates if c.entity.kind == CLUB or c.entity.club_id in clubs_in_play]
        return vouched[0].entity if len(vouched) == 1 else None

    @staticmethod
    def _mentions(chosen):
        mentions = {}
        for span, entity in chosen:
            mention = mentions.get(entity)
            if mention is None:
                mention = mentions[entity] = Mention(entity, first=span.start)
            mention.count += 1
            form = span.text
            if form not in mention.forms:
                mention.forms.append(form)
        ordered = sorted(mentions.values(), key=lambda m: m.first)
        return Suggestions(
            clubs=[m for m in ordered if m.entity.kind == CLUB],
            players=[m for m in ordered if m.entity.kind == PLAYER],
        )

    def _explanations(self, suggestions):
        suggested = {m.entity for m in suggestions.clubs + suggestions.players}
        explanations = []
        for entity, notes in self.notes.items():
            notes = sorted(set(notes))
            explanations.append(
                {
                    "entity": entity,
                    "suggested": entity in suggested,
                    "forms": sorted({form for _, form, _, _ in notes}),
                    "evidence": notes,
                }
            )
        explanations.sort(
            key=lambda e: (not e["suggested"], e["entity"].kind, min(n[0] for n in e["evidence"]))
        )
        return explanations


def suggest_from(matcher, text, context_club_ids=(), competition="", explain=False):
    """The clubs and players `text` mentions, according to `matcher`'s gazetteer.

    `competition` (a report's `Competition:` header) says, when given, whether the report is about
    women's football. With `explain`, Suggestions.explanations says why each candidate was taken
    or left.
    """
    text = unicodedata.normalize("NFC", text or "")
    return _Resolver(matcher, text, context_club_ids, competition, explain).resolve()


# ---------------------------------------------------------------------------------------------
# The process-wide matcher over the database

_cache_lock = threading.Lock()
_cached = {"fingerprint": None, "matcher": None}


def _gazetteer_fingerprint():
    clubs = Club.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    players = Player.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    return (clubs["n"], clubs["t"], players["n"], players["t"])


def current_matcher():
    """The matcher for the clubs and players in the database, rebuilt only when they changed."""

    fingerprint = _gazetteer_fingerprint()
    with _cache_lock:
        if _cached["fingerprint"] != fingerprint:
            players = Player.objects.values_list(
                "id", "slug", "name", "aliases", "club_id", "national_team", "retired"
            )
            careers = {}
            for player_id, club_id in Player.other_clubs.through.objects.values_list("player_id", "club_id"):
                careers.setdefault(player_id, set()).add(club_id)
            _cached["matcher"] = Matcher(
                Club.objects.values_list(
                    "id", "slug", "name", "short_name", "aliases", "country", "league", "parent_club_id"
                ),
                [
                    (pk, slug, name, aliases, club_id, careers.get(pk, ()), national_team, retired)
                    for pk, slug, name, aliases, club_id, national_team, retired in players
                ],
            )
            _cached["fingerprint"] = fingerprint
        return _cached["matcher"]


def suggest_tags(text, context_club_ids=(), competition=""):
    """The clubs and players a report's text mentions (headline, standfirst and body as text).

    `context_club_ids`: clubs known to be involved (the match's), which settle shared surnames
    and nicknames; `competition`: the match's competition, which says whether "Arsenal" is
    Arsenal Women. Returns Suggestions(clubs=[Mention], players=[Mention]) in order of first mention.
    """
    return suggest_from(current_matcher(), text, context_club_ids, competition)
