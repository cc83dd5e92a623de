"""Template filters for match facts."""

from django import template

register = template.Library()

OUTCOME_WORDS = {"W": "Win", "D": "Draw", "L": "Defeat"}


@register.filter
def result_for(match, club):
    """'W', 'D' or 'L' for `club` in `match`: {{ match|result_for:club }}."""
    return match.result_for(club)


@register.filter
def outcome_word(letter):
    return OUTCOME_WORDS.get(letter, "")


@register.filter
def ordinal(number):
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st: a table position in words a reader expects."""
    number = int(number)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@register.filter
def pair_with(first, second):
    """[first, second]: loop over a match's two sides in one block, {% for side in home|pair_with:away %}."""
    return [first, second]
