"""`manage.py load_entities FILE.json`: create or update clubs and players from a gazetteer file.

The file: {"clubs": [{"name", "slug"?, "aliases"?, "short_name"?, "country"?, "league"?,
"parent_club"?}], "players": [{"name", "slug"?, "aliases"?, "club"?, "other_clubs"?, "position"?,
"nationality"?, "national_team"?, "retired"?}]}. Unknown keys are ignored. A club is found by its
slug, else by its name (case, accents and punctuation ignored); a player by its explicit slug, else
by the slug of its name. An explicit slug is the identity, so two players may share a name. A
player's "club" and "other_clubs" (former and loan clubs) and a club's "parent_club" (the club a
women's side shares its name with) are clubs' names or slugs, from the file or the database; an
unknown one is reported and left out, never created. Fields missing from an entry are left as
they are.

Safe to run again: what is already as the file says is left alone. A file that is not valid JSON
of that shape is refused with the reason and nothing is saved; an entry that cannot be loaded
(no name, an unknown club) is reported and skipped while the rest load, all in one transaction.
"""

import json
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from newsroom.football.models import Club, Player
from newsroom.football.names import has_letters_or_digits, slug_for_name

POSITIONS = {
    "gk": "GK", "goalkeeper": "GK", "keeper": "GK",
    "df": "DF", "defender": "DF", "centre-back": "DF", "center-back": "DF", "full-back": "DF", "back": "DF",
    "mf": "MF", "midfielder": "MF", "midfield": "MF",
    "fw": "FW", "forward": "FW", "striker": "FW", "winger": "FW", "attacker": "FW",
}  # fmt: skip


def read_gazetteer(path):
    """The parsed file, or CommandError saying what is wrong with it."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file.") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path}: not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{path}: not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})."
        ) from None
    if not isinstance(data, dict):
        raise CommandError(f'{path}: expected an object with "clubs" and "players" lists.')
    for key in ("clubs", "players"):
        if not isinstance(data.get(key, []), list):
            raise CommandError(f'{path}: "{key}" must be a list.')
    return data


def _aliases(entry):
    aliases = entry.get("aliases")
    if aliases is None:
        return None
    if isinstance(aliases, str):
        aliases = [aliases]
    return "\n".join(str(a).strip() for a in aliases if str(a).strip())


class Command(BaseCommand):
    help = (
        "Create or update clubs and players from a JSON gazetteer (see the module docstring for the format)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE.json")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change, save nothing.")

    def handle(self, *args, files, dry_run, **options):
        gazetteers = [(path, read_gazetteer(path)) for path in files]
        self.counts = {"club": Counter(), "player": Counter()}
        self.problems = []
        self.outcomes = {}  # (kind, pk) -> "created", "updated" or "unchanged", as counted
        with transaction.atomic():
            for path, data in gazetteers:
                self.path = path
                self.clubs_by_key = {}
                parents = []
                for index, entry in enumerate(data.get("clubs", [])):
                    club = self.load_club(index, entry)
                    if club is not None and "parent_club" in entry:
                        parents.append((index, entry, club))
                # After every club of the file, so a side may come before its parent.
                for index, entry, club in parents:
                    self.link_parent(index, entry, club)
                seen_player_slugs = set()
                for index, entry in enumerate(data.get("players", [])):
                    self.load_player(index, entry, seen_player_slugs)
            if dry_run:
                transaction.set_rollback(True)
        for problem in self.problems:
            self.stderr.write(self.style.WARNING(problem))
        for kind, label in (("club", "Clubs"), ("player", "Players")):
            c = self.counts[kind]
            self.stdout.write(
                f"{label}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged, "
                f"{c['skipped']} skipped"
            )
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")

    def skip(self, kind, index, entry, reason):
        name = entry.get("name") if isinstance(entry, dict) else None
        self.problems.append(f"{self.path}: {kind} #{index + 1} ({name!r}) skipped: {reason}")
        self.counts[kind]["skipped"] += 1

    def valid_name(self, kind, index, entry):
        if not isinstance(entry, dict):
            self.skip(kind, index, entry, "expected an object")
            return None
        name = entry.get("name")
        if not isinstance(name, str) or not has_letters_or_digits(name) or not slug_for_name(name):
            self.skip(kind, index, entry, "a name with letters or digits is required")
            return None
        if len(name.strip()) > 100:
            self.skip(kind, index, entry, "names are at most 100 characters")
            return None
        return name.strip()

    def load_club(self, index, entry):
        name = self.valid_name("club", index, entry)
        if not name:
            return
        slug = slug_for_name(entry.get("slug") or "") or slug_for_name(name)
        club = (
            Club.objects.filter(slug=slug).first()
            or Club.objects.filter(name_key=slug_for_name(name)).first()
        )
        values = {"name": name}
        if _aliases(entry) is not None:
            values["aliases"] = _aliases(entry)
        for key in ("short_name", "country", "league", "description"):
            if isinstance(entry.get(key), str):
                values[key] = entry[key].strip()
        clash = (
            Club.objects.filter(name_key=slug_for_name(name)).exclude(pk=club.pk if club else None).first()
        )
        if clash:
            self.skip("club", index, entry, f"the same name as the club {clash.name!r} ({clash.slug})")
            return
        club = self.save(Club, club, {"slug": slug}, values, "club")
        self.clubs_by_key[slug] = club
        self.clubs_by_key[slug_for_name(name)] = club
        return club

    def link_parent(self, index, entry, club):
        reference = entry["parent_club"]
        parent = self.find_club(reference) if reference else None
        if reference and (parent is None or parent.pk == club.pk):
            self.problems.append(
                f"{self.path}: club #{index + 1} ({club.name!r}): unknown parent club {reference!r}; left out"
            )
            return
        if club.parent_club_id != (parent.pk if parent else None):
            club.parent_club = parent
            club.save()
            self.mark_updated("club", club)

    def find_club(self, reference):
        key = slug_for_name(str(reference))
        return (
            self.clubs_by_key.get(key)
            or Club.objects.filter(slug=key).first()
            or Club.objects.filter(name_key=key).first()
        )

    def load_player(self, index, entry, seen_slugs):
        name = self.valid_name("player", index, entry)
        if not name:
            return
        explicit = slug_for_name(entry.get("slug") or "")
        slug = explicit or slug_for_name(name)
        if slug in seen_slugs:
            self.skip("player", index, entry, f"another player in this file already has the slug {slug!r}; "
                      "give namesakes a slug each")  # fmt: skip
            return
        seen_slugs.add(slug)
        values = {"name": name}
        if _aliases(entry) is not None:
            values["aliases"] = _aliases(entry)
        if entry.get("club"):
            club = self.find_club(entry["club"])
            if club is None:
                self.problems.append(
                    f"{self.path}: player #{index + 1} ({name!r}): unknown club {entry['club']!r}; "
                    "loaded without a club"
                )
            values["club"] = club
        if isinstance(entry.get("position"), str):
            values["position"] = POSITIONS.get(entry["position"].strip().lower(), "")
        if isinstance(entry.get("nationality"), str):
            values["nationality"] = entry["nationality"].strip()[:60]
        if isinstance(entry.get("national_team"), str):
            values["national_team"] = entry["national_team"].strip()[:60]
        if "retired" in entry:
            values["retired"] = bool(entry["retired"])
        other_clubs = None
        if isinstance(entry.get("other_clubs"), list | str):
            references = entry["other_clubs"]
            references = [references] if isinstance(references, str) else references
            other_clubs = set()
            for reference in references:
                club = self.find_club(reference)
                if club is None:
                    # A career names many clubs the desk never covers: they are not created.
                    self.problems.append(
                        f"{self.path}: player #{index + 1} ({name!r}): "
                        f"unknown other club {reference!r}; left out"
                    )
                elif club.pk != getattr(values.get("club"), "pk", None):
                    other_clubs.add(club.pk)
        player = self.save(Player, Player.objects.filter(slug=slug).first(), {"slug": slug}, values, "player")
        if other_clubs is not None and set(player.other_clubs.values_list("pk", flat=True)) != other_clubs:
            player.other_clubs.set(other_clubs)
            player.save()  # a new updated_at: every process rebuilds its matcher
            self.mark_updated("player", player)

    def save(self, model, obj, identity, values, kind):
        if obj is None:
            obj = model(**identity, **values)
            obj.save()
            return self.count(kind, obj, "created")
        changed = [key for key, value in values.items() if getattr(obj, key) != value]
        if changed:
            for key in changed:
                setattr(obj, key, values[key])
            obj.save()
        return self.count(kind, obj, "updated" if changed else "unchanged")

    def count(self, kind, obj, outcome):
        self.outcomes[kind, obj.pk] = outcome
        self.counts[kind][outcome] += 1
        return obj

    def mark_updated(self, kind, obj):
        """A change saved after the entry's own fields (a parent club, a career) updates it too."""
        if self.outcomes.get((kind, obj.pk)) == "unchanged":
            self.counts[kind]["unchanged"] -= 1
            self.count(kind, obj, "updated")
