"""Names of clubs and players: how they compare and become slugs. No model imports.

- **Identity**: `slug_for_name()` folds case, accents, width and punctuation, so "Mané" = "MANE" and
  "Man Utd" = "man-utd"; it gives the routable ASCII slug and the `name_key` clubs are unique on.
- **Folding for matching**: `fold_text()` folds one character for one character, so a match in
  the folded text points straight back at the editor's words (entities.py, search).
"""

import hashlib
import re
import unicodedata

from anyascii import anyascii
from django.utils.text import slugify

# Letters that NFKD does not decompose into an ASCII base letter plus accents.
_TRANSLITERATIONS = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
        "Þ": "Th", "ı": "i", "’": "'", "‘": "'",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")


def to_ascii(text):
    """Best-effort ASCII spelling: accents dropped, full-width letters narrowed."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATIONS))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def fold_name(name):
    """The comparison form of a name: case, accents, width and spacing ignored.

    >>> fold_name("  Sadio  MANÉ ") == fold_name("sadio mane")
    True
    """
    return _SPACES.sub(" ", to_ascii(name).casefold()).strip()


# "F.C.", "A.F.C.", "P.S.V.": dotted initials are one word, so "Liverpool F.C." = "Liverpool FC".
_INITIALS = re.compile(r"\b(?:[^\W\d_]\.){2,}")
# Apostrophes join ("Newell's" -> "newells", as before); every other mark, the underscore
# included, separates words like a space, so "Northbridge_Rangers" = "Northbridge Rangers".
_APOSTROPHES = re.compile(r"['’‘ʼ`´]")
_SEPARATORS = re.compile(r"[^\w\s]|_")
FALLBACK_PREFIX = "n-"


def slug_for_name(name):
    """An ASCII slug that reverses and resolves: "Beşiktaş" -> "besiktas"; "" if none is possible.

    It is also the identity key of a name: "Man Utd", "man-utd" and "ＭＡＮ ＵＴＤ" all give
    "man-utd", so they are one club, not three. Other scripts are transliterated ("ЦСКА Москва"
    -> "tsska-moskva", "北京国安" -> "beijingguoan"); a name that transliterates to nothing but
    digits while it has letters, or to nothing at all, gets "n-" and a digest of the name, so two
    different names never share a key just because only their digits survived.
    """
    name = unicodedata.normalize("NFKC", name or "").strip()
    if not has_letters_or_digits(name):
        return ""
    spelled = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), name)
    spelled = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", spelled))
    # Latin first (our own table, then NFKD), so existing keys stay what they were; anyascii
    # only spells what that leaves non-ASCII (Cyrillic, Greek, Chinese...).
    slug = slugify(anyascii(spelled.translate(_TRANSLITERATIONS)))
    has_letters = any(ch.isalpha() for ch in name)
    if slug and not (has_letters and slug.replace("-", "").isdigit()):
        return slug[:100].strip("-")
    digest = hashlib.sha256(" ".join(name.casefold().split()).encode()).hexdigest()[:12]
    return f"{FALLBACK_PREFIX}{digest}"


def has_letters_or_digits(name):
    return any(ch.isalnum() for ch in name)


# ---------------------------------------------------------------------------------------------
# Folding text for matching, one character for one character


class _FoldTable(dict):
    """str.translate table folding each character to exactly one character.

    Keeping the length lets a match in the folded text point straight back at the editor's
    words. Apostrophes become ', dashes and hyphens a space (so "Alexander-Arnold" matches
    "Alexander Arnold"), "&" stays "&".
    """

    _SPECIAL = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "-": " ", "‐": " ", "‑": " ",
                "‒": " ", "–": " ", "—": " ", "_": " ", "\n": " ", "\t": " ", "\r": " ",
                "\u00a0": " "}  # fmt: skip

    def __missing__(self, code):
        char = chr(code)
        folded = self._SPECIAL.get(char)
        if folded is None:
            folded = fold_name(char.translate(_TRANSLITERATIONS)) or char.casefold() or char
            folded = folded[0] if folded.strip() else char
            if not folded.isascii() and unicodedata.category(char).startswith("L"):
                folded = char.casefold()[:1] or char
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold_text(text):
    """Fold for matching without changing the length: result[i] stands for text[i]."""
    return text.translate(_FOLD_TABLE)


def fold_form(form):
    """A name or alias as the matcher stores it: folded, with single spaces."""
    return " ".join(fold_text(form).split())
