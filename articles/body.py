"""A report's body: from pasted text to HTML, from HTML to text, and from stored HTML to the page.

- `paragraphs_to_html()` turns text as editors paste it into the body's HTML: blank lines separate
  paragraphs; a short line without end punctuation is a sub-heading.
- `html_to_text()` gives the words of a body for the tag suggester, blocks on their own lines.
- `render_body()` prepares the stored (already sanitised) HTML for readers: stable anchors on
  sub-headings, a table of contents for long pieces, and a link on the first mention of each
  tagged club and player, never inside an existing link or a heading. Nothing is stored.
"""

import functools
import html
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.text import slugify

from newsroom.football.entities import CLUB, PLAYER, Matcher
from newsroom.html import format_html

_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
_BLOCKS = {"p", "h2", "h3", "li", "blockquote", "br", "ul", "ol"}
_NO_LINKS_INSIDE = {"a", "h2", "h3"}

# A sub-heading line: a few words with no sentence-ending punctuation.
HEADING_MAX_WORDS = 12
_ENDS_SENTENCE = re.compile(r"[.!?:;,\"”’')\]]$")
TOC_MIN_HEADINGS = 2  # a report of two halves (the seed report's shape) gets one


def is_subheading(line):
    words = line.split()
    return 0 < len(words) <= HEADING_MAX_WORDS and not _ENDS_SENTENCE.search(line.strip())


def paragraphs_to_html(text):
    """Pasted text to body HTML: `<p>` per paragraph, `<h2>` for short unpunctuated lines."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    parts = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) == 1 and is_subheading(lines[0]):
            parts.append(f"<h2>{escape(lines[0])}</h2>")
        else:
            parts.append(f"<p>{escape(' '.join(lines))}</p>")
    return "".join(parts)


def html_to_text(body_html):
    """The words of an HTML body, each block on its own line (sentence starts stay visible)."""
    out = []
    for piece in _TAG.split(body_html or ""):
        if piece.startswith("<"):
            name = _TAG_NAME.match(piece)
            if name and name.group(2).lower() in _BLOCKS:
                out.append("\n")
        else:
            out.append(html.unescape(piece))
    return re.sub(r"\n\s*\n+", "\n", "".join(out)).strip()


@dataclass
class RenderedBody:
    html: str
    toc: list  # [(anchor, heading text)], empty below TOC_MIN_HEADINGS


def render_body(body_html, clubs=(), players=()):
    """Anchored headings, a table of contents, and first-mention links to the tagged entities."""
    matcher = _tag_matcher(clubs, players)
    by_slug = {(CLUB, c.slug): c for c in clubs} | {(PLAYER, p.slug): p for p in players}
    linked, used_anchors, headings = set(), set(), []
    open_tags = []
    heading = None  # (name, anchor, title) of the sub-heading being written
    out = []
    pieces = _TAG.split(body_html or "")
    for index, piece in enumerate(pieces):
        if piece.startswith("<"):
            name_match = _TAG_NAME.match(piece)
            if not name_match:
                out.append(piece)
                continue
            closing, name = name_match.group(1) == "/", name_match.group(2).lower()
            if closing:
                if name in open_tags:
                    del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name)]
                if heading and name == heading[0]:
                    # A visible link to the section, beside the heading rather than inside it, so
                    # the heading's name stays its own words for screen readers and outlines.
                    piece += format_html(
                        '<a class="subheading__anchor" href="#{}" aria-label="Link to the section “{}”">#</a>'
                        "</div>", heading[1], heading[2],
                    )  # fmt: skip
                    heading = None
            elif not piece.endswith("/>") and name != "br":
                open_tags.append(name)
                if name in {"h2", "h3"}:
                    title = html.unescape(_heading_text(pieces, index))
                    anchor = _unique_anchor(title, used_anchors)
                    headings.append((anchor, title, name))
                    piece = f'<div class="subheading"><{name} id="{anchor}">'
                    heading = (name, anchor, title)
            out.append(piece)
        elif piece and matcher and not _NO_LINKS_INSIDE.intersection(open_tags):
            out.append(_link_first_mentions(piece, matcher, by_slug, linked))
        else:
            out.append(piece)
    toc = [(anchor, title) for anchor, title, level in headings if level == "h2"]
    return RenderedBody("".join(out), toc if len(toc) >= TOC_MIN_HEADINGS else [])


def _heading_text(pieces, index):
    text = []
    for piece in pieces[index + 1 :]:
        if piece.startswith("</h"):
            break
        if not piece.startswith("<"):
            text.append(piece)
    return "".join(text).strip()


def _unique_anchor(title, used):
    base = slugify(title)[:60].strip("-") or "section"
    anchor, n = base, 2
    while anchor in used:
        anchor, n = f"{base}-{n}", n + 1
    used.add(anchor)
    return anchor


def _tag_matcher(clubs, players):
    if not clubs and not players:
        return None
    return _matcher_for(
        tuple((c.pk, c.slug, c.name, c.short_name, c.aliases) for c in clubs),
        tuple((p.pk, p.slug, p.name, p.aliases, p.club_id) for p in players),
    )


@functools.lru_cache(maxsize=512)
def _matcher_for(clubs, players):
    """One compiled matcher per set of tags, kept: the key is everything it is built from, so a
    renamed club or a new alias is simply a new key. (Building one cost 0.15-0.3 ms a report.)"""
    return Matcher(list(clubs), list(players))


def _link_first_mentions(text_html, matcher, by_slug, linked):
    """Link the first mention of each entity in one text node (escaped HTML in, HTML out)."""
    text = html.unescape(text_html)
    out, cursor = [], 0
    for span in matcher.spans(text):
        # On the page, only names written as names: the tags were already chosen by an editor.
        candidates = [c for c in span.candidates if not c.generic and span.text[:1].isupper()]
        if len(candidates) != 1:
            continue
        entity = candidates[0].entity
        if (entity.kind, entity.slug) in linked:
            continue
        linked.add((entity.kind, entity.slug))
        target = by_slug[(entity.kind, entity.slug)]
        out.append(escape(text[cursor : span.start]))
        out.append(
            f'<a class="mention mention--{entity.kind}" href="{escape(target.get_absolute_url())}">'
            f"{escape(span.text)}</a>"
        )
        cursor = span.stop
    if cursor == 0:
        return text_html
    out.append(escape(text[cursor:]))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Pasted reports: optional "Key: value" header lines, then the text

REPORT_HEADER_KEYS = {
    "headline", "standfirst", "date", "competition", "home", "away", "match", "slug", "author",
    "authors", "kind", "venue", "season", "round", "score", "clubs",
}  # fmt: skip
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z -]{0,29}):\s*(.*)$")


def split_headers(text):
    """("Headline: …" lines at the top, as a dict with lower-case keys; the rest of the text).

    A first block counts as headers only if every line is `Key: value` and one key is known,
    so a report that opens "Note: the game…" keeps its first paragraph.
    """
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    first, _, rest = text.lstrip("\n").partition("\n\n")
    lines = [line for line in first.split("\n") if line.strip()]
    matches = [_HEADER_LINE.match(line.strip()) for line in lines]
    if not lines or not all(matches):
        return {}, text
    headers = {m.group(1).strip().lower(): m.group(2).strip() for m in matches}
    if not REPORT_HEADER_KEYS.intersection(headers):
        return {}, text
    return headers, rest


# ---------------------------------------------------------------------------------------------
# A body as blocks, for merging two people's edits paragraph by paragraph

_VOID = {"br", "hr", "img"}


def body_blocks(body_html):
    """The body's top-level blocks (each paragraph, sub-heading, list or quote with what it
    holds), in order; joined again they are the body. Whitespace between blocks is dropped, and
    text outside any block is a block of its own."""
    blocks, current, depth = [], [], 0

    def flush():
        if current:
            blocks.append("".join(current))
            current.clear()

    for piece in _TAG.split(body_html or ""):
        if not piece:
            continue
        if not piece.startswith("<"):
            if depth or piece.strip():
                current.append(piece)
            continue
        name = _TAG_NAME.match(piece)
        closing = bool(name and name.group(1))
        void = not name or piece.endswith("/>") or name.group(2).lower() in _VOID
        if depth == 0 and not closing and not void:
            flush()  # loose text before a block is a block of its own
        current.append(piece)
        if closing:
            depth = max(depth - 1, 0)
            if depth == 0:
                flush()
        elif not void:
            depth += 1
    flush()
    return blocks
