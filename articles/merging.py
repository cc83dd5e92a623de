"""Three-way merges of an article, for the conflict page and for restoring a revision.

An article's editable state is compared field by field in one comparable form (`ArticleState`):
text as text, a picked match or picture as its id, authors and tags as sets of ids, the
publication time to the second (what the form shows). A conflict is then merged between

- base: the version the editor's form started from (a revision),
- theirs: the article as stored now,
- mine: the editor's stale POST (the form's cleaned data),

so that nothing the other editor changed is lost unless this editor changed the same thing:

- a field only they changed keeps their value, one only I changed takes mine;
- authors, clubs and players merge as sets: what either added is added, what either removed is
  removed, so two people tagging the same report never undo each other;
- the body merges by block (paragraph, sub-heading, list, quote) with difflib; only blocks both
  changed differently are a clash, offered to the editor one by one;
- any other field both changed differently is a clash; mine is preselected, theirs shown beside.

The conflict page posts the ordinary article form; the editor's choices travel as
`choose:<field>` (and `choose:body:<n>`) with both sides' values, and `resolve_choices()` turns
them back into the form's own fields before it validates, so the reapplied save goes through the
same form, permissions and version check as any other.
"""

import difflib
from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils import timezone

from newsroom.football.models import Club, Match, Player
from newsroom.media.models import Image

from .body import body_blocks, html_to_text
from .models import Article, Author, TaggedClub, TaggedPlayer

TEXT_FIELDS = ["headline", "slug", "standfirst", "hero_caption", "seo_title", "seo_description"]
CHOICE_FIELDS = ["kind", "status"]
KEY_FIELDS = {"match": Match, "hero_image": Image}
SET_FIELDS = {"authors": Author, "clubs": Club, "players": Player}
# Every field an editor can change on the form, in the form's order.
FIELDS = [
    "headline", "slug", "kind", "standfirst", "body", "match", "clubs", "players", "hero_image",
    "hero_caption", "authors", "status", "published_at", "featured", "seo_title", "seo_description",
]  # fmt: skip
# Where the address and the publication live: restoring a revision leaves these alone unless the
# editor asks (a live report stays live, at the same address and time).
PUBLICATION_FIELDS = ["status", "published_at", "slug"]

# The POST keys that carry each field (the time is a date and a time input).
FORM_KEYS = {name: [name] for name in FIELDS} | {"published_at": ["published_at_0", "published_at_1"]}
SIDES = ("mine", "theirs")
BODY_CHOICES = ("mine", "theirs", "both")
MAX_BODY_CHUNKS = 5000  # more than any body's blocks; a crafted count cannot make the loop run long


def _normal(name, value):
    """One comparable value per field, whatever it came from (a model, a revision, a form)."""
    if name in SET_FIELDS:
        return frozenset(getattr(v, "pk", v) for v in (value or ()))
    if name in KEY_FIELDS:
        return getattr(value, "pk", value)
    if name == "published_at":
        return value.replace(microsecond=0) if value else None
    if name == "featured":
        return bool(value)
    return "" if value is None else str(value)


def state_of_article(article):
    """The article as stored: its fields and the ids of its authors and tags (three queries)."""
    state = {name: _normal(name, getattr(article, name if name not in KEY_FIELDS else f"{name}_id"))
             for name in FIELDS if name not in SET_FIELDS}  # fmt: skip
    state["authors"] = frozenset(article.authors.values_list("pk", flat=True))
    state["clubs"] = frozenset(
        TaggedClub.objects.filter(content_object=article).values_list("tag_id", flat=True)
    )
    state["players"] = frozenset(
        TaggedPlayer.objects.filter(content_object=article).values_list("tag_id", flat=True)
    )
    return state


def state_of_version(version):
    """The article as a revision holds it: its fields, and its tags from the revision's tag rows."""
    fields = version.field_dict
    state = {}
    for name in FIELDS:
        if name in KEY_FIELDS:
            state[name] = _normal(name, fields.get(f"{name}_id"))
        elif name == "authors":
            state[name] = _normal(name, fields.get("authors", ()))
        elif name not in ("clubs", "players"):
            state[name] = _normal(name, fields.get(name))
    clubs, players = set(), set()
    for related in version.revision.version_set.all():
        if related._model is TaggedClub:
            clubs.add(related.field_dict["tag_id"])
        elif related._model is TaggedPlayer:
            players.add(related.field_dict["tag_id"])
    state["clubs"], state["players"] = frozenset(clubs), frozenset(players)
    return state


def state_of_form(cleaned_data, base):
    """What the editor submitted; a field their form did not offer (read-only) is left as `base`."""
    state = {
        name: _normal(name, cleaned_data[name]) if name in cleaned_data else base[name] for name in FIELDS
    }
    # The allow-list again, as Article.save() applies it: the page shows this body as HTML.
    state["body"] = Article._meta.get_field("body").sanitize(state["body"])
    return state


# ---------------------------------------------------------------------------------------------
# The merge


@dataclass
class BodyChunk:
    """A run of body blocks: agreed (`blocks`), or a clash between their blocks and mine."""

    blocks: list = field(default_factory=list)
    base: list | None = None
    theirs: list | None = None
    mine: list | None = None

    @property
    def clash(self):
        return self.theirs is not None

    def html(self, choice="mine"):
        if not self.clash:
            return "".join(self.blocks)
        return "".join({"mine": self.mine, "theirs": self.theirs, "both": self.theirs + self.mine}[choice])


@dataclass
class FieldMerge:
    name: str
    base: object
    theirs: object
    mine: object
    known_base: bool = True
    chunks: list = field(default_factory=list)  # the body's, when it is merged by block

    @property
    def they_changed(self):
        return self.theirs != self.base if self.known_base else self.theirs != self.mine

    @property
    def i_changed(self):
        return self.mine != self.base if self.known_base else self.theirs != self.mine

    @property
    def clash(self):
        if self.name in SET_FIELDS and self.known_base:
            return False
        if self.name == "body" and self.known_base:
            return any(chunk.clash for chunk in self.chunks)
        return self.they_changed and self.i_changed and self.theirs != self.mine

    @property
    def body_clashes(self):
        return [chunk for chunk in self.chunks if chunk.clash]

    @property
    def merged(self):
        """The value reapplied on top of theirs (mine, where we clash, until the editor chooses)."""
        if self.name in SET_FIELDS and self.known_base:
            return (self.theirs | (self.mine - self.base)) - (self.base - self.mine)
        if self.name == "body" and self.known_base:
            return "".join(chunk.html() for chunk in self.chunks)
        return self.mine if self.i_changed else self.theirs


def merge(base, theirs, mine):
    """[FieldMerge] for every editable field. `base` None: the starting version is unknown (no
    revision holds it), so every difference between theirs and mine is a clash for the editor."""
    known = base is not None
    base = base or theirs
    merges = []
    for name in FIELDS:
        item = FieldMerge(name, base[name], theirs[name], mine[name], known_base=known)
        if name == "body" and known:
            item.chunks = merge_blocks(
                body_blocks(base[name]), body_blocks(theirs[name]), body_blocks(mine[name])
            )
        merges.append(item)
    return merges


def merge_blocks(base, theirs, mine):
    """A three-way merge of two lists of blocks against their common `base`: [BodyChunk].

    Each side's edits are difflib's opcodes against the base, as ranges of base blocks. Edits
    whose ranges do not overlap apply together, so changes to neighbouring paragraphs, or a
    paragraph added beside one the other changed, merge by themselves; overlapping edits that
    end differently are one clash (identical ones apply once)."""
    edits = sorted(_edits(base, theirs, "theirs") + _edits(base, mine, "mine"), key=lambda e: (e[0], e[1]))
    clusters = []
    for edit in edits:
        if clusters and any(_overlap(edit, other) for other in clusters[-1]):
            clusters[-1].append(edit)
        else:
            clusters.append([edit])
    chunks, cursor = [], 0
    for cluster in clusters:
        start, stop = min(e[0] for e in cluster), max(e[1] for e in cluster)
        _agreed(chunks, base[cursor:start])
        sides = {side: _apply(base, start, stop, [e for e in cluster if e[3] == side]) for side in SIDES}
        if len({e[3] for e in cluster}) == 1 or sides["mine"] == sides["theirs"]:
            _agreed(chunks, sides[cluster[0][3]])
        else:
            chunks.append(BodyChunk(base=base[start:stop], theirs=sides["theirs"], mine=sides["mine"]))
        cursor = stop
    _agreed(chunks, base[cursor:])
    return chunks


def _edits(base, other, side):
    """One side's edits as (base start, base stop, new blocks, side). difflib reports neighbouring
    changed blocks as one replacement; they are split block for block (the rest, if one side has
    more, as one edit), so that one editor's change to a paragraph does not make its unchanged
    neighbour part of a clash with the other's change to that neighbour."""
    edits = []
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        edits += [(i1 + k, i1 + k + 1, [other[j1 + k]], side) for k in range(paired)]
        if i1 + paired < i2 or j1 + paired < j2:
            edits.append((i1 + paired, i2, other[j1 + paired : j2], side))
    return edits


def _overlap(a, b):
    if a[0] == a[1] and b[0] == b[1]:
        return a[0] == b[0]  # two insertions at the same place
    if a[0] == a[1] or b[0] == b[1]:
        point, (lo, hi) = (a[0], b[:2]) if a[0] == a[1] else (b[0], a[:2])
        return lo < point < hi  # an insertion inside the other's change, not beside it
    return a[0] < b[1] and b[0] < a[1]


def _apply(base, start, stop, edits):
    out, cursor = [], start
    for i1, i2, blocks, _side in edits:
        out += base[cursor:i1] + blocks
        cursor = i2
    return out + base[cursor:stop]


def _agreed(chunks, blocks):
    if not blocks:
        return
    if chunks and not chunks[-1].clash:
        chunks[-1].blocks += blocks
    else:
        chunks.append(BodyChunk(blocks=list(blocks)))


# ---------------------------------------------------------------------------------------------
# To and from the form


def form_values(name, value):
    """[(POST key, value)] that make the article form hold `value` for field `name`."""
    if name in SET_FIELDS:
        return [(name, str(pk)) for pk in sorted(value)]
    if name in KEY_FIELDS:
        return [(name, "" if value is None else str(value))]
    if name == "featured":
        return [(name, "on")] if value else []
    if name == "published_at":
        if value is None:
            return [("published_at_0", ""), ("published_at_1", "")]
        moment = timezone.localtime(value)
        # ISO dates are accepted whatever the locale's input formats (django.utils.formats).
        return [
            ("published_at_0", moment.strftime("%Y-%m-%d")),
            ("published_at_1", moment.strftime("%H:%M:%S")),
        ]
    return [(name, value)]


def resolve_choices(data):
    """The conflict page's POST as the article form's own: each `choose:<field>` replaced by the
    chosen side's values, the body put together from its agreed blocks and chosen clashes.
    Any other POST is returned as it is. Whatever results is validated by the form as usual."""
    if not isinstance(data, QueryDict) or not any(
        k.startswith("choose:") or k == "body:chunks" for k in data
    ):
        return data
    data = data.copy()
    for name in FIELDS:
        side = data.get(f"choose:{name}")
        if name != "body" and side in SIDES:
            for key in FORM_KEYS[name]:
                data.setlist(key, data.getlist(f"{side}:{key}"))
    try:
        count = min(int(data.get("body:chunks", "")), MAX_BODY_CHUNKS)
    except ValueError:
        count = None
    if count is not None:
        parts = []
        for n in range(count):
            choice = data.get(f"choose:body:{n}")
            if choice in BODY_CHOICES:
                sides = {side: data.get(f"{side}:body:{n}", "") for side in SIDES}
                parts.append(sides["theirs"] + sides["mine"] if choice == "both" else sides[choice])
            else:
                parts.append(data.get(f"body:{n}", ""))
        data["body"] = "".join(parts)
    return data


# ---------------------------------------------------------------------------------------------
# For people


def describe(*states):
    """{field: {id: name}} for the ids in these states: one lookup per model, for readable()."""
    out = {}
    for name, model in {**KEY_FIELDS, **SET_FIELDS}.items():
        ids = set()
        for state in states:
            value = state[name]
            ids |= set(value) if isinstance(value, frozenset) else {value} - {None}
        out[name] = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)} if ids else {}
    return out


def readable(name, value, names):
    """One value as an editor reads it; `names` from describe()."""
    if name in SET_FIELDS:
        return ", ".join(sorted(names[name].get(pk, f"(deleted {pk})") for pk in value)) or "none"
    if name in KEY_FIELDS:
        return names[name].get(value, f"(deleted {value})") if value else "none"
    if name == "published_at":
        return f"{timezone.localtime(value):%d %b %Y %H:%M:%S}" if value else "not set"
    if name == "featured":
        return "yes" if value else "no"
    if name in CHOICE_FIELDS:
        choices = dict(Article._meta.get_field(name).choices)
        return str(choices.get(value, value))
    if name == "body":
        return html_to_text(value)
    return value or "(empty)"


def label(name):
    return str(Article._meta.get_field(name).verbose_name).capitalize()


# ---------------------------------------------------------------------------------------------
# Restoring a revision


@dataclass
class RestoreStep:
    name: str
    now: object
    then: object
    applied: bool
    why_not: str = ""


def restore_plan(current, revision, *, may_publish, locked, with_publication, names):
    """[RestoreStep] for each field the revision holds differently from the article now.

    `applied` is False for what the editor may not change (`locked`: the fields their form keeps
    read-only), for the publication (status, time, address) unless `with_publication`, and for
    what no longer exists (a deleted match or picture, author, club or player is left out)."""
    steps = []
    for name in FIELDS:
        then = revision[name]
        if name in SET_FIELDS:
            then = frozenset(pk for pk in then if pk in names[name])
        elif name in KEY_FIELDS and then is not None and then not in names[name]:
            then = None
        if then == current[name]:
            if revision[name] != then:
                steps.append(RestoreStep(name, current[name], revision[name], False, "deleted since"))
            continue
        why_not = ""
        if name in locked:
            why_not = "only editors change this"
        elif name in PUBLICATION_FIELDS and not (may_publish and with_publication):
            why_not = "publication is kept" if may_publish else "only editors change this"
        steps.append(RestoreStep(name, current[name], then, not why_not, why_not))
    return steps
