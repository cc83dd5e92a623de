"""Names of clubs and players: how they are folded, compared and turned into slugs.

"Mané", "MANE" and full-width "Ｍａｎé" are one name; "Atlético Madrid" gets the routable
ASCII slug "atletico-madrid". Every place that compares or slugs an entity name calls these, so
the identity rules live here and nowhere else. The tag suggester (issue 3) builds on them.
"""

import re
import unicodedata

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
    """The comparison key of a name: case, accents, width and spacing ignored.

    >>> fold_name("  Sadio  MANÉ ") == fold_name("sadio mane")
    True
    """
    return _SPACES.sub(" ", to_ascii(name).casefold()).strip()


def slug_for_name(name):
    """An ASCII slug that reverses and resolves: "Beşiktaş" -> "besiktas"; "" if none is possible.

    It is also the identity key of a name: "Man Utd", "man-utd" and "ＭＡＮ ＵＴＤ" all give
    "man-utd", so they are one club, not three.
    """
    return slugify(to_ascii(name))


def has_letters_or_digits(name):
    return any(ch.isalnum() for ch in name)
