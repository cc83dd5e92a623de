"""The clubs and players a search names, spelt right or nearly: "Mertnes" finds Dries Mertens,
"Liverpol" Liverpool, "the Reds" Liverpool again, "Brighton" Brighton & Hove Albion.

The names come from one read of every club and player (`known_names()`), kept by the delivery app
until a club or player changes, so a search costs no query for them once warm; the search form's
club filter looks its club up there too, so a search page reads no more than it did.

Matching works on the forms an entity is known by (its name, short name, aliases and, for a
player, the surname; for a club, its place), folded as the search index folds text. A form
matches a run of the query's words when each word is the form's word, or within one edit of it
(two from eight letters; a swap of two letters counts as one). Candidates come from a
symmetric-deletion index (each word and its one-letter deletions), so a query looks up a
handful of keys whatever the number of names; the index is built once per process for each
version of the names.
"""

import threading
import uuid
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, connections

from newsroom.delivery import fragments, purges
from newsroom.delivery.addresses import slug_url
from newsroom.delivery.rows import column, table, values
from newsroom.football.entity_words import CLUB_AFFIXES
from newsroom.football.models import Club, Player
from newsroom.football.names import slug_for_name

from .engine import STOPWORDS, words_of

MAX_ENTITIES = 6
MIN_FUZZY_LENGTH = 5  # shorter words are too easily another word one letter away


@dataclass(frozen=True)
class Named:
    """A club or player as search shows it."""

    kind: str  # "club" or "player"
    pk: int
    name: str
    slug: str
    detail: str  # a club's league or country; a player's club
    name_key: str = ""

    @property
    def url(self):
        return slug_url(f"articles:{self.kind}", self.slug)


@dataclass
class KnownNames:
    """Every club and player, with a token naming this version (for the per-process index)."""

    entities: list
    version: str = field(default_factory=lambda: uuid.uuid4().hex)


def _read_names(using=DEFAULT_DB_ALIAS):
    connection = connections[using]
    def c(name):
        return column(Club, name, "c", connection)

    def p(name):
        return column(Player, name, "p", connection)

    clubs = values(
        f"SELECT 'club', {c('id')}, {c('name')}, {c('slug')}, {c('short_name')}, {c('aliases')},"
        f" COALESCE(NULLIF({c('league')}, ''), {c('country')}), {c('name_key')}"
        f" FROM {table(Club, connection)} c"
        f" UNION ALL SELECT 'player', {p('id')}, {p('name')}, {p('slug')}, '', {p('aliases')}, pc.name, ''"
        f" FROM {table(Player, connection)} p LEFT JOIN {table(Club, connection)} pc"
        f" ON pc.{connection.ops.quote_name('id')} = {p('club')}",
        [], using,
    )  # fmt: skip
    return [
        (Named(kind, pk, name, slug, detail or "", key or ""), short_name or "", aliases or "")
        for kind, pk, name, slug, short_name, aliases, detail, key in clubs
    ]


def known_names(request):
    """Every club and player (one query), kept until one of them changes."""
    return fragments.kept(
        request, "search:known-names", lambda: KnownNames(_read_names()), tags={"clubs", "players"}
    )


def club_named(request, text):
    """The club `text` names (its name in any case or accents, or its slug), or None."""
    key = slug_for_name(text)
    if not key:
        return None
    entities = known_names(request).entities
    clubs = [n for n, _, _ in entities if n.kind == "club" and key in (n.slug, n.name_key)]
    club = min(clubs, key=lambda n: n.pk) if clubs else None
    if club:
        purges.shows(purges.tag("club", club.pk))
    return club


# ---------------------------------------------------------------------------------------------
# Matching


def _deletions(word):
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _close(a, b):
    """Is `a` within the allowed edits of `b` (optimal string alignment: a swap is one edit)?"""
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_LENGTH:
        return False
    allowed = 2 if len(b) >= 8 else 1
    if abs(len(a) - len(b)) > allowed:
        return False
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1] <= allowed


class _Index:
    """Forms by word, and words by their one-letter deletions."""

    def __init__(self, known):
        self.forms = {}  # word -> [(form words, Named, rank)]
        for named, short_name, aliases in known.entities:
            words = words_of(named.name)
            forms = [(words, 0)]
            if short_name:
                forms.append((words_of(short_name), 1))
            forms += [(words_of(alias), 2) for alias in aliases.splitlines() if alias.strip()]
            if named.kind == "player" and len(words) > 1:
                forms.append((words[-1:], 1))  # the surname
            elif named.kind == "club":
                # A club's place on its own ("Wolverhampton", "Brighton"): its first word that is
                # not an affix ("SSC"; "Real" is too short to stand alone).
                place = [w for w in words if w not in CLUB_AFFIXES]
                if len(place) > 1 and len(place[0]) >= MIN_FUZZY_LENGTH:
                    forms.append((place[:1], 3))
            for form, rank in forms:
                form = tuple(w for w in form if w not in STOPWORDS) or tuple(form)
                if not form or (len(form) == 1 and len(form[0]) < 3):
                    continue
                for word in set(form):
                    self.forms.setdefault(word, []).append((form, named, rank))
        # Each distinct word once, under itself and its one-letter deletions.
        self.near = {}  # a word or one of its deletions -> [words]
        for word in self.forms:
            self.near.setdefault(word, []).append(word)
            if len(word) >= MIN_FUZZY_LENGTH:
                for key in _deletions(word) - {word}:
                    self.near.setdefault(key, []).append(word)

    def similar(self, word):
        """Known words `word` may be meant as: {known word: exact?}."""
        keys = {word} | (_deletions(word) if len(word) >= MIN_FUZZY_LENGTH else set())
        found = {}
        for key in keys:
            for known in self.near.get(key, ()):
                if known not in found and _close(word, known):
                    found[known] = known == word
        return found


_indexes = {}
_lock = threading.Lock()


def _index_for(known):
    with _lock:
        index = _indexes.get(known.version)
        if index is None:
            _indexes.clear()  # only the current version of the names is ever needed
            index = _indexes[known.version] = _Index(known)
        return index


@dataclass
class NameMatches:
    entities: list  # [Named], best first
    suggestion: str  # the query with misspelt names put right, or "" when nothing was misspelt


def match_names(request, text):
    """The clubs and players the query `text` names, and a "did you mean" when it misspells any."""
    words = [w for w in words_of(text) if w not in STOPWORDS][:8]
    if not words:
        return NameMatches([], "")
    index = _index_for(known_names(request))
    similar = [index.similar(word) for word in words]
    found = {}  # Named -> (score, spelt right?)
    corrections = {}  # position in `words` -> the known word
    for position, candidates in enumerate(similar):
        for known in candidates:
            for form, named, rank in index.forms[known]:
                start = position - form.index(known)
                if start < 0 or start + len(form) > len(words):
                    continue
                window = range(start, start + len(form))
                if not all(form[k] in similar[i] for k, i in enumerate(window)):
                    continue
                exact = all(similar[i][form[k]] for k, i in enumerate(window))
                score = (len(form), exact, -rank)
                if named not in found or score > found[named][0]:
                    found[named] = (score, exact)
                if not exact:
                    for k, i in enumerate(window):
                        corrections.setdefault(i, form[k])
    ranked = sorted(found, key=lambda named: (found[named][0], -named.pk), reverse=True)[:MAX_ENTITIES]
    # A word is corrected only if nothing known is spelt that way (a real "Johnson" stays).
    corrections = {i: word for i, word in corrections.items() if not any(similar[i].values())}
    suggestion = ""
    if corrections:
        # The reader's own words, with each misspelt one put right ("Mertnes November" ->
        # "Mertens November").
        wrong = {words[i]: known for i, known in corrections.items()}
        put_right = []
        for token in text.split():
            folded = words_of(token)
            misspelt = len(folded) == 1 and folded[0] in wrong
            put_right.append(wrong[folded[0]].capitalize() if misspelt else token)
        suggestion = " ".join(put_right)
    for named in ranked:
        purges.shows(purges.tag(named.kind, named.pk))
    return NameMatches(ranked, suggestion)
