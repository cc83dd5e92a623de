"""Merging two clubs or two players: duplicates folded into one record, links kept.

The football rows (matches, goals, timeline events, line-ups, squads) move here. Other apps keep
rows that point at clubs and players (the editorial app's tags and pinned reports): they register
a step with `also_on_merge()`, which runs inside the same transaction, before the old records are
deleted.
"""

from django.db import transaction
from django.db.models import Count, Q

from newsroom.delivery import purges
from newsroom.delivery.addresses import move_address

from .models import Appearance, Club, Event, Goal, Match, Player

_merge_steps = []


class MergeRefused(Exception):
    """A merge that would break the data; the message says why, for the editor."""


def also_on_merge(step):
    """Register `step(survivor, others) -> int` (how many of its rows moved): another app's rows
    follow a merge. Returns the step, so it can decorate."""
    _merge_steps.append(step)
    return step


def merge_entities(survivor, others):
    """Fold `others` into `survivor`: matches, goals, squads and every registered app's rows move;
    each old name becomes an alias and each old URL answers 301 with the survivor's. One
    transaction. Returns what the registered steps moved (the editorial app: articles retagged).
    """
    others = [o for o in others if o.pk != survivor.pk]
    if not others:
        raise MergeRefused("Choose at least two to merge.")
    model = type(survivor)
    if any(type(o) is not model for o in others):
        raise MergeRefused("Only clubs with clubs, or players with players, can be merged.")
    old_ids = [o.pk for o in others]

    with transaction.atomic():
        # Bulk updates send no signals: the purge names what they touched.
        touched = {purges.tag(model._meta.model_name, pk) for pk in [survivor.pk, *old_ids]}
        if model is Club:
            both = [survivor.pk, *old_ids]
            if Match.objects.filter(home_club__in=both, away_club__in=both).exists():
                raise MergeRefused("These clubs have played each other; a club cannot play itself.")
            for match in Match.objects.filter(Q(home_club__in=old_ids) | Q(away_club__in=old_ids)):
                touched |= purges.tags_for(match)
            Match.objects.filter(home_club__in=old_ids).update(home_club=survivor)
            Match.objects.filter(away_club__in=old_ids).update(away_club=survivor)
            Goal.objects.filter(club__in=old_ids).update(club=survivor)
            Event.objects.filter(club__in=old_ids).update(club=survivor)
            Appearance.objects.filter(club__in=old_ids).update(club=survivor)
            Player.objects.filter(club__in=old_ids).update(club=survivor)
            # Careers and women's sides name clubs too; deleting the old rows would lose them.
            Club.objects.filter(parent_club__in=old_ids).exclude(pk=survivor.pk).update(parent_club=survivor)
            _move_career_rows("club", old_ids, survivor.pk)
            touched |= purges.tags("squad", [survivor.pk, *old_ids])
            touched |= purges.tags("results", [survivor.pk, *old_ids])
        else:
            for goal in Goal.objects.filter(scorer__in=old_ids):
                touched |= purges.tags_for(goal)
            Goal.objects.filter(scorer__in=old_ids).update(scorer=survivor)
            both = [survivor.pk, *old_ids]
            twice = (
                Appearance.objects.filter(player__in=both)
                .values("match")
                .annotate(n=Count("pk"))
                .filter(n__gt=1)
            )
            clash = Match.objects.filter(pk__in=twice.values("match")).first()
            if clash is not None:
                # One player cannot be in a line-up twice: the desk removes the duplicate row first.
                raise MergeRefused(f"Both are in the line-up of {clash}: remove one of them from it first.")
            timeline = Event.objects.filter(Q(player__in=old_ids) | Q(player_off__in=old_ids))
            lineups = Appearance.objects.filter(player__in=old_ids)
            touched |= purges.tags(
                "match", {*timeline.values_list("match", flat=True), *lineups.values_list("match", flat=True)}
            )
            Event.objects.filter(player__in=old_ids).update(player=survivor)
            Event.objects.filter(player_off__in=old_ids).update(player_off=survivor)
            lineups.update(player=survivor)
            _move_career_rows("player", old_ids, survivor.pk)

        moved = sum(step(survivor, others) for step in _merge_steps)

        aliases = survivor.alias_list()
        for other in others:
            for alias in [other.name, *other.alias_list()]:
                if alias.casefold() != survivor.name.casefold() and alias not in aliases:
                    aliases.append(alias)
        for other in others:
            # Earlier redirects to the old page now go straight to the survivor: one hop.
            move_address(other.get_absolute_url(), survivor.get_absolute_url())

        model.objects.filter(pk__in=old_ids).delete()
        survivor.aliases = "\n".join(aliases)
        survivor.save()
        purges.purge(touched)
    return moved


def _move_career_rows(side, old_ids, survivor_id):
    """Point `Player.other_clubs` rows at the survivor (its `side`: "club" or "player"), once each."""
    career = Player.other_clubs.through
    other = "player" if side == "club" else "club"
    have = set(career.objects.filter(**{f"{side}_id": survivor_id}).values_list(f"{other}_id", flat=True))
    rows = career.objects.filter(**{f"{side}_id__in": old_ids}).values_list(f"{other}_id", flat=True)
    wanted = {pk for pk in rows if pk not in have and not (side == "club" and pk is None)}
    career.objects.bulk_create([career(**{f"{side}_id": survivor_id, f"{other}_id": pk}) for pk in wanted])
    career.objects.filter(**{f"{side}_id__in": old_ids}).delete()
