"""Line-ups: copying a side's last line-up into a new match, so the desk edits rather than types."""

from django.db import transaction

from newsroom.delivery import purges

from .models import Appearance, Match

COPIED = ["player_id", "starting", "number", "position", "captain", "order"]


def last_lineup(match, club):
    """The line-up `club` last fielded before `match` in the same competition and season:
    (that match, its appearances for `club`), or (None, [])."""
    earlier = (
        Match.objects.filter(
            competition_id=match.competition_id, season=match.season, kickoff__lt=match.kickoff
        )
        .filter(appearances__club=club)
        .order_by("-kickoff")
        .first()
    )
    if earlier is None:
        return None, []
    return earlier, list(earlier.appearances.filter(club=club).order_by("-starting", "order", "pk"))


@transaction.atomic
def prefill_from_last_match(match):
    """Give each side of `match` that has no line-up yet the one it fielded last time (players,
    numbers, positions, captain, formation). Returns {club: the match copied from} for the sides
    filled; a side with a line-up already, or no earlier one, is left alone."""
    filled, players = {}, []
    for club, formation_field in ((match.home_club, "home_formation"), (match.away_club, "away_formation")):
        if match.appearances.filter(club=club).exists():
            continue
        source, rows = last_lineup(match, club)
        if not rows:
            continue
        Appearance.objects.bulk_create(
            Appearance(match=match, club=club, **{name: getattr(row, name) for name in COPIED})
            for row in rows
        )
        players += [row.player_id for row in rows]
        side = "home" if source.home_club_id == club.pk else "away"
        if not getattr(match, formation_field):
            setattr(match, formation_field, getattr(source, f"{side}_formation"))
            match.save(update_fields=[formation_field])
        filled[club] = source
    if filled:
        # bulk_create sends no signals: purge what the rows show, as every bulk write does.
        purges.purge({purges.tag("match", match.pk), *purges.tags("player", players)})
    return filled
