"""Finding clubs and players in a report's text: the tag suggester.

`suggest_tags(text)` returns the clubs and players a report mentions. One Aho-Corasick pass finds
every known name, alias and derived surname (cost grows with the text, not with the number of
names); then evidence decides. A form shared by several entities ("Henderson", "the Reds") counts
only when the text or the match says which; an ordinary word ("Young", "Reading", "Wednesday")
needs more than a capital letter; a surname right after somebody else's first name ("Roy Keane")
or in "Ancelotti's side" is not a player's. How names compare is `names.py`.

The compiled matcher is cached per process and rebuilt when any club or player changes.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass, field

import ahocorasick
from django.db.models import Count, Max

from . import entity_words as words
from .models import Club, Player
from .names import fold_form, fold_name, fold_text, has_letters_or_digits

# ---------------------------------------------------------------------------------------------
# The gazetteer and its matcher

CLUB, PLAYER = "club", "player"
# How a form names its entity, strongest first.
NAME, ALIAS, SURNAME = 0, 1, 2


@dataclass(frozen=True)
class Entity:
    kind: str
    id: int
    slug: str
    name: str
    club_id: int | None = None  # a player's current club
    first_initial: str = ""  # a player's first-name initial, folded


@dataclass(frozen=True)
class Candidate:
    entity: Entity
    strength: int  # NAME, ALIAS or SURNAME
    generic: bool  # a nickname like "the Reds" that names no club by itself
    capitalised: bool  # whether the gazetteer writes the form's last word with a capital


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


class Matcher:
    """Every known form of every club and player, compiled into one Aho-Corasick automaton."""

    def __init__(self, clubs, players):
        """clubs: (id, slug, name, short_name, aliases); players: (id, slug, name, aliases, club_id)."""
        self.forms = {}  # folded form -> {entity: Candidate}, the strongest way it names each
        self.full_names = {}  # entity -> folded full name
        for pk, slug, name, short_name, aliases in clubs:
            entity = Entity(CLUB, pk, slug, name)
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
        for pk, slug, name, aliases, club_id in players:
            first = fold_name(name)[:1] if len(name.split()) > 1 else ""
            entity = Entity(PLAYER, pk, slug, name, club_id, first)
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

    def _add(self, form, entity, strength, generic=False):
        key = fold_form(form)
        if not key or not has_letters_or_digits(key):
            return
        if strength == NAME:
            self.full_names.setdefault(entity, key)
        last_word = form.split()[-1]
        candidate = Candidate(entity, strength, generic, last_word[:1].isupper())
        known = self.forms.setdefault(key, {})
        if entity not in known or strength < known[entity].strength:
            known[entity] = candidate

    def spans(self, text):
        """Every known form in `text` at word boundaries, longest first, never overlapping."""
        if not self.forms:
            return []
        folded = fold_text(text)
        found = []
        for end, (key, candidates) in self.automaton.iter(folded):
            start = end - len(key) + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end + 1 < len(folded) and folded[end + 1].isalnum():
                continue
            found.append((start, end + 1, key, candidates))
        found.sort(key=lambda span: (span[0] - span[1], span[0]))
        taken, spans = [], []
        for start, stop, key, candidates in found:
            if any(start < t_stop and t_start < stop for t_start, t_stop in taken):
                continue
            taken.append((start, stop))
            spans.append(_Span(start, stop, key, text[start:stop], candidates))
        spans.sort(key=lambda span: span.start)
        return spans


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
_PLACE_WORDS = frozenset("in from at near outside around across through".split())


def _names_a_stadium(text, span):
    following = _WORD_AFTER.match(text[span.stop : span.stop + 40])
    return bool(following) and fold_text(following.group(1)) in words.STADIUM_WORDS


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


def _belongs_to_someone_else(text, span, candidate, span_starts):
    """True when a one-word player form is plainly another person's name or a manager's."""
    entity = candidate.entity
    if entity.kind != PLAYER:
        return False
    word, word_start = _word_before(text, span.start)
    if word:
        folded = fold_text(word).rstrip(".'")
        if folded in words.NON_PLAYER_ROLES:
            return True  # "referee Taylor", "manager Lampard"
        if (
            word[:1].isupper()
            and word_start not in span_starts
            and not re.search(r"['’]s?$", word)
            and folded not in words.DEMONYMS
            and folded not in words.SENTENCE_WORDS
            and folded not in words.ORDINARY_WORDS
            and not folded.endswith(_DESCRIPTOR_ENDINGS)
            and not (entity.first_initial and folded[:1] == entity.first_initial)
        ):
            return True  # "Roy Keane" is not Michael Keane; "Mo Salah" still is Mohamed Salah
    after = _POSSESSIVE_AFTER.match(text[span.stop : span.stop + 30])
    if after and fold_text(after.group(1)) in words.MANAGER_POSSESSIONS:
        return True  # "Ancelotti's side"
    following = _WORD_AFTER.match(text[span.stop : span.stop + 40])
    return bool(
        candidate.strength != NAME
        and following
        and following.group(1)[:1].isupper()
        and span.stop + 1 not in span_starts
        and not _in_title_case_line(text, span.start)
    )  # "Roberto Mancini" is not Sergi Roberto


class _Resolver:
    """Turns the matcher's spans into mentions, using the evidence the text itself offers."""

    def __init__(self, matcher, text, context_club_ids):
        self.matcher = matcher
        self.text = text
        self.context_club_ids = set(context_club_ids)
        self.spans = matcher.spans(text)
        # Starts of matched spans: a known name right before a surname is not a stranger's first name.
        self.span_starts = {span.start for span in self.spans}
        # Surnames seen as someone else's ("Roy Keane"): a later bare "Keane" is that person too.
        self.someone_elses = set()

    def resolve(self):
        usable = [(span, self._plausible(span)) for span in self.spans]
        usable = [(span, candidates) for span, candidates in usable if candidates]

        # Pass 1, anchors: entities named in full (or by their only unambiguous alias) somewhere.
        anchored = set()
        for span, candidates in usable:
            for candidate in self._anchoring(span, candidates):
                anchored.add(candidate.entity)
        usable = [
            (span, [c for c in candidates if not self._is_someone_elses(span, c, anchored)])
            for span, candidates in usable
        ]
        usable = [(span, candidates) for span, candidates in usable if candidates]
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

        # Pass 2: every span chooses at most one entity.
        chosen = []
        for span, candidates in usable:
            entity = self._choose(span, candidates, anchored, clubs_in_play)
            if entity:
                chosen.append((span, entity))

        # A generic club nickname ("the Reds") also counts when that club's players are named.
        clubs_of_players = {e.club_id for _, e in chosen if e.kind == PLAYER and e.club_id}
        if clubs_of_players - clubs_in_play:
            clubs_in_play |= clubs_of_players
            chosen = []
            for span, candidates in usable:
                entity = self._choose(span, candidates, anchored, clubs_in_play)
                if entity:
                    chosen.append((span, entity))
        return self._mentions(chosen)

    def _plausible(self, span):
        """Candidates the surface allows: capitals where names have them, not a country, not a stranger."""
        text = self.text
        single_word = " " not in span.key
        result = []
        for candidate in span.candidates:
            last_word = span.text.split()[-1] if span.text.split() else span.text
            if candidate.capitalised and not last_word[:1].isupper():
                continue  # "the reds of the kit", "a mane of hair"
            if single_word and span.key in words.COUNTRIES:
                continue  # "Italy", "Holland": never a club or a player's bare surname
            if candidate.entity.kind == CLUB and _names_a_stadium(text, span):
                continue  # "Villa Park", "the City Ground"
            if single_word and _belongs_to_someone_else(text, span, candidate, self.span_starts):
                self.someone_elses.add(span.key)
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
        if bare in words.CALENDAR_WORDS:
            return True
        if bare in words.ORDINARY_WORDS:
            return True
        return False

    def _anchoring(self, span, candidates):
        strongest = min(c.strength for c in candidates)
        best = [c for c in candidates if c.strength == strongest]
        clubs = [c for c in best if c.entity.kind == CLUB]
        if len(best) > 1 and strongest == NAME and len(clubs) == 1:
            best = (
                clubs  # "Everton" the club and Everton the player: the club, unless evidence says otherwise
            )
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

    def _choose(self, span, candidates, anchored, clubs_in_play):
        # A club beats a player on the same words only when the player is not otherwise named.
        named = [c for c in candidates if c.entity in anchored]
        if len(named) == 1:
            return named[0].entity
        if len(named) > 1:
            return self._by_club(named, clubs_in_play)

        pool = candidates
        if len(pool) > 1:
            pool = self._narrow(pool, clubs_in_play)
            if len(pool) != 1:
                return None
        candidate = pool[0]
        entity = candidate.entity
        at_start = _at_sentence_start(self.text, span.start)
        if entity.kind == CLUB and " " not in span.key and _after_place_word(self.text, span.start):
            if entity.id not in clubs_in_play:
                return None  # "flew home from Milan": the city

        if candidate.generic:
            # "the Reds", "Azzurri": only for a club already in play.
            return entity if entity.id in clubs_in_play else None
        if self._is_weak(span, candidate):
            if entity.kind == CLUB:
                # "Reading" the club: in the match, or written as a name mid-sentence somewhere.
                return entity if entity.id in self.context_club_ids | self.named_mid_sentence else None
            bare = span.key.removeprefix("the ")
            in_play = entity.club_id in clubs_in_play
            if at_start or bare in words.CALENDAR_WORDS or not in_play:
                return None  # "Young players…", "on Wednesday", "Given the conditions"
            return entity
        if len(candidates) > 1 and candidate.strength != NAME:
            return entity  # narrowed by the clubs in play
        return entity

    def _narrow(self, candidates, clubs_in_play):
        """Keep the candidates the match or the named clubs vouch for."""
        clubs = [c for c in candidates if c.entity.kind == CLUB and c.entity.id in clubs_in_play]
        players = [c for c in candidates if c.entity.kind == PLAYER and c.entity.club_id in clubs_in_play]
        if len(clubs) + len(players) == 1:
            return clubs + players
        strongest = min(c.strength for c in candidates)
        best = [c for c in candidates if c.strength == strongest]
        if len(best) == 1 and not best[0].generic and best[0].strength == NAME:
            return best  # a full club name beats a player's surname spelled the same
        named_clubs = [c for c in best if c.entity.kind == CLUB and strongest == NAME and not c.generic]
        if not players and len(named_clubs) == 1:
            return named_clubs  # no player of that name is in play: the club
        return clubs + players if len(clubs + players) == 1 else []

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


def suggest_from(matcher, text, context_club_ids=()):
    """The clubs and players `text` mentions, according to `matcher`'s gazetteer."""
    text = unicodedata.normalize("NFC", text or "")
    return _Resolver(matcher, text, context_club_ids).resolve()


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
            _cached["matcher"] = Matcher(
                Club.objects.values_list("id", "slug", "name", "short_name", "aliases"),
                Player.objects.values_list("id", "slug", "name", "aliases", "club_id"),
            )
            _cached["fingerprint"] = fingerprint
        return _cached["matcher"]


def suggest_tags(text, context_club_ids=()):
    """The clubs and players a report's text mentions (headline, standfirst and body as text).

    `context_club_ids`: clubs known to be involved (the match's), which settle shared surnames
    and nicknames. Returns Suggestions(clubs=[Mention], players=[Mention]) in order of first mention.
    """
    return suggest_from(current_matcher(), text, context_club_ids)
