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
