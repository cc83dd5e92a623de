"""`manage.py import_fixtures FILE.json...`: fixtures and results from openfootball files.

Reads the `football.json` format (newsroom/football/fixtures.py says what it holds). The
competition and season come from the file's name ("it.1-2019-20.json", or the repository's
"2019-20/it.1.json") unless `--competition` and `--season` say; times are the file's local kick-off
times in `--timezone`. Teams resolve to clubs by name, short name, alias or the name without its
affixes; unknown ones are created and listed; a team that could be two clubs stops the import.

Safe to run again: a match is identified by competition, season, round and its two clubs, and is
updated, never duplicated (with --only-new, an existing match is left as it is). Every file is
checked before anything is written, and all of them are written in one transaction: a bad file
leaves the database as it was.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from newsroom.football.fixtures import ClubIndex, FixtureError, find_competition, import_season, read_season


class Command(BaseCommand):
    help = "Import fixtures and results from openfootball football.json files (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE.json")
        parser.add_argument("--competition", help="Competition slug or name (default: the file name)")
        parser.add_argument("--season", help="e.g. 2019-20 (default: from the file's name).")
        parser.add_argument(
            "--timezone",
            default=settings.TIME_ZONE,
            help=f"The zone of the file's kick-off times (default {settings.TIME_ZONE}), e.g. Europe/Rome.",
        )
        parser.add_argument(
            "--only-new",
            action="store_true",
            help="Create missing matches; leave existing ones as the desk left them (as load_demo does).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would change, save nothing.")

    def handle(self, *args, files, competition, season, timezone, only_new, dry_run, verbosity, **options):
        self.show_progress = verbosity >= 1
        try:
            seasons = [read_season(path, season, timezone) for path in files]
            with transaction.atomic():
                clubs = ClubIndex()
                outcomes = []
                for read in seasons:
                    found = find_competition(read, competition)
                    self.stdout.write(f"{read.path}: {found} {read.season}, {len(read.rows)} matches")
                    outcomes.append(import_season(read, found, clubs, self.progress, only_new=only_new))
                if dry_run:
                    transaction.set_rollback(True)
        except FixtureError as error:
            raise CommandError(str(error)) from None
        for outcome in outcomes:
            self.report(outcome)
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")

    def progress(self, done, total):
        if not self.show_progress:
            return
        width = 30
        filled = width * done // total
        bar = f"  [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        if self.stdout.isatty():
            self.stdout.write(bar, ending="\r" if done < total else "\n")
        elif done == total or done % max(1, total // 4) == 0:
            self.stdout.write(bar)  # a log or a pipe: a few lines, not one per match

    def report(self, outcome):
        counts = f"{outcome.created} created, {outcome.updated} updated, {outcome.unchanged} unchanged"
        self.stdout.write(self.style.SUCCESS(f"{outcome.competition} {outcome.season}: {counts}."))
        if outcome.clubs_created:
            names = ", ".join(club.name for club in outcome.clubs_created)
            self.stdout.write(f"  {len(outcome.clubs_created)} new club(s): {names}")
        for match in outcome.kept_from_goals:
            warning = f"  {match}: score kept, worked out from its goals (the file says otherwise)."
            self.stdout.write(self.style.WARNING(warning))
