"""Line-ups: copying a side's last line-up into a new match, so the desk edits rather than types,
and placing a starting XI on a pitch by its formation for the match page."""

from dataclasses import dataclass

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


# ---------------------------------------------------------------------------------------------
# Drawing a line-up on a pitch

PITCH_WIDTH, PITCH_LENGTH = 68, 105  # metres: the SVG's viewBox


@dataclass
class Spot:
    x: float
    y: float
    appearance: object

    @property
    def label(self):
        # The surname fits under a shirt on a phone; the full name is in the list beside it.
        return self.appearance.player.name.split()[-1]


@dataclass
class Side:
    club: object
    formation: str
    starting: list
    bench: list
    spots: list  # [Spot] on the pitch, empty when the line-up cannot be drawn


def formation_lines(formation):
    """[4, 3, 3] for "4-3-3"; [] when there is none or it is not a formation."""
    try:
        lines = [int(part) for part in formation.split("-")] if formation else []
    except ValueError:
        return []
    return lines if lines and all(n > 0 for n in lines) else []


def pitch_spots(starting, formation, home):
    """Where each starter stands: the goalkeeper (first in order) in goal, then each line of the
    formation from the back, right to left as the side faces. The home side defends the bottom
    goal, the away side the top one. Nothing when eleven starters and the formation disagree."""
    lines = formation_lines(formation)
    if not lines or len(starting) != 1 + sum(lines):
        return []
    spots = [Spot(PITCH_WIDTH / 2, 0, starting[0])]
    depth = 4, 47  # from the goal line to just short of halfway
    taken = 1
    for index, count in enumerate(lines, start=1):
        y = depth[0] + (depth[1] - depth[0]) * index / len(lines)
        for slot in range(count):
            # Facing up the pitch (home), a side's right is the right of the drawing.
            x = PITCH_WIDTH * (slot + 1) / (count + 1)
            spots.append(Spot(PITCH_WIDTH - x if home else x, y, starting[taken]))
            taken += 1
    spots[0].y = depth[0]
    for spot in spots:
        # Home defends the bottom goal: distances from its goal line count up from the bottom.
        spot.y = round(PITCH_LENGTH - spot.y if home else spot.y, 1)
        spot.x = round(spot.x, 1)
    return spots


def sides(match, appearances):
    """(home Side, away Side) of `match` from its appearances (reads.lineups())."""
    out = []
    for club, formation, home in (
        (match.home_club, match.home_formation, True),
        (match.away_club, match.away_formation, False),
    ):
        own = [a for a in appearances if a.club_id == club.pk]
        starting = [a for a in own if a.starting]
        bench = [a for a in own if not a.starting]
        out.append(Side(club, formation, starting, bench, pitch_spots(starting, formation, home)))
    return tuple(out)
