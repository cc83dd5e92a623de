"""`manage.py seed_bench --reports N --clubs C --players P [--seed S]`: synthetic data for benchmarks.

Deterministic (the same arguments give the same rows), realistic in shape: every report is about a
played match with goals, has a ~600-word body under sub-headings and carries 3–15 club and player
tags. Rows are written with bulk_create in batches, so 100,000 reports take minutes, not hours;
bulk writes send no signals, so the command builds the search index in one go and makes every
cached page and fragment out of date itself (`purges.rewriting_everything()`).

Everything it makes has a slug starting "bench-", so `--replace` can remove an earlier run first;
without it the command refuses to seed on top of bench data. --dry-run prints the plan only.
"""

import datetime
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Author, TaggedClub, TaggedPlayer
from articles.search_index import rebuild_search_index
from newsroom.delivery import purges
from newsroom.football.models import Club, Competition, Goal, Match, Player
from newsroom.football.names import slug_for_name

BATCH = 2000
PREFIX = "bench-"
PLACES = (
    "Northbridge Eastfield Westmoor Southport Ashford Kingsreach Millbrook Redhill Stonegate "
    "Harrowdale Brightwater Oakhaven Fairmont Riverton Castlebury Elmstead Greywick Hollowmere"
).split()
SUFFIXES = ["United", "City", "Athletic", "Rovers", "Wanderers", "Albion", "FC", "Town", "Sporting"]
FIRST = "Luca Mateo Jonas Kofi Ruben Ilkay Sami Theo Nuno Aleks Dario Emil Yaw Marco Ivan Tomas".split()
LAST = (
    "Moreau Okafor Lindqvist Petrov Alvarez Kowalski Haddad Brennan Costa Nakamura Varga Osei "
    "Rossi Jansen Dimitrov Ferreira Novak Mensah Schulz Ortega"
).split()
WORDS = (
    "the press pass ball wing striker keeper defence midfield crowd tempo chance header cross "
    "tackle corner shot goal line half minute second pitch manager bench shape pressure space "
    "break counter through finish save post bar volley run overlap block clearance lead draw"
).split()
HEADINGS = ["First half", "The turning point", "Second half", "Verdict", "What it means"]


def _paragraph(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return f"<p>{text.capitalize()}.</p>"


def _body(rng):
    """About 600 words under four sub-headings."""
    parts = []
    for heading in rng.sample(HEADINGS, 4):
        parts.append(f"<h2>{heading}</h2>")
        parts.extend(_paragraph(rng, rng.randint(45, 60)) for _ in range(3))
    return "".join(parts)



class Command(BaseCommand):
    help = "Seed deterministic synthetic clubs, players, matches and reports for the benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--reports", type=int, default=1000)
        parser.add_argument("--clubs", type=int, default=40)
        parser.add_argument("--players", type=int, default=800)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--replace", action="store_true", help="Delete earlier bench data first.")
        parser.add_argument("--dry-run", action="store_true", help="Print the plan and write nothing.")

    def handle(self, reports, clubs, players, seed, replace, dry_run, **options):
        if clubs < 2 or players < clubs:
            raise CommandError("Need at least two clubs and at least one player per club.")
        self.stdout.write(f"Plan: {reports} reports, {clubs} clubs, {players} players, seed {seed}.")
        if dry_run:
            return
        started = time.monotonic()
        with transaction.atomic(), purges.rewriting_everything():
            existing = Club.objects.filter(slug__startswith=PREFIX)
            if existing.exists():
                if not replace:
                    raise CommandError("Bench data is already here; pass --replace to seed afresh.")
                self._delete_earlier_run()
            self._seed(random.Random(seed), reports, clubs, players)
        self.stdout.write(f"Seeded in {time.monotonic() - started:.1f}s; indexing for search.")
        # Bulk inserts send no signals: the search index is built in one go instead.
        indexed = rebuild_search_index()
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"{indexed} articles indexed; {elapsed:.1f}s in all."))

    def _delete_earlier_run(self):
        articles = Article.objects.filter(slug__startswith=PREFIX)
        TaggedClub.objects.filter(content_object__in=articles).delete()
        TaggedPlayer.objects.filter(content_object__in=articles).delete()
        Article.authors.through.objects.filter(article__in=articles).delete()
        articles.delete()
        Goal.objects.filter(match__competition__slug__startswith=PREFIX).delete()
        Match.objects.filter(competition__slug__startswith=PREFIX).delete()
        Player.objects.filter(slug__startswith=PREFIX).delete()
        Club.objects.filter(slug__startswith=PREFIX).delete()
        Competition.objects.filter(slug__startswith=PREFIX).delete()
        Author.objects.filter(slug__startswith=PREFIX).delete()
        self.stdout.write("Deleted the earlier bench data.")

    def _bulk(self, model, objects):
        return model.objects.bulk_create(objects, batch_size=BATCH)

    def _seed(self, rng, n_reports, n_clubs, n_players):
        competitions = self._bulk(
            Competition,
            [Competition(name=f"Bench League {i}", slug=f"{PREFIX}league-{i}") for i in range(1, 6)],
        )
        club_rows = []
        for i in range(n_clubs):
            name = f"{PLACES[i % len(PLACES)]} {SUFFIXES[(i // len(PLACES)) % len(SUFFIXES)]} {i + 1}"
            club_rows.append(
                Club(
                    name=name,
                    slug=f"{PREFIX}{slug_for_name(name)}",
                    name_key=slug_for_name(name),
                )
            )
        club_rows = self._bulk(Club, club_rows)
        self.stdout.write(f"  {len(club_rows)} clubs")

        player_rows = []
        for i in range(n_players):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            slug = f"{PREFIX}{slug_for_name(name)}-{i + 1}"
            player_rows.append(
                Player(
                    name=name,
                    slug=slug,
                    name_key=slug_for_name(name),
                    club=club_rows[i % n_clubs],
                    position=rng.choice(Player.Position.values),
                )  # fmt: skip
            )
        player_rows = self._bulk(Player, player_rows)
        squads = {club.pk: [] for club in club_rows}
        for player in player_rows:
            squads[player.club_id].append(player)
        self.stdout.write(f"  {len(player_rows)} players")

        authors = self._bulk(
            Author, [Author(name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", slug=f"{PREFIX}writer-{i}")
                     for i in range(1, 21)]
        )  # fmt: skip

        # One played match per report, a few hours apart, ending yesterday.
        end = timezone.now() - datetime.timedelta(days=1)
        matches = []
        for i in range(n_reports):
            home, away = rng.sample(club_rows, 2)
            matches.append(
                Match(
                    competition=rng.choice(competitions),
                    season="2024-25",
                    kickoff=end - datetime.timedelta(hours=3 * i),
                    home_club=home,
                    away_club=away,
                    home_score=rng.randint(0, 4),
                    away_score=rng.randint(0, 3),
                    venue=f"{home.name} Stadium",
                    attendance=rng.randint(8_000, 60_000),
                )  # fmt: skip
            )
        matches = self._bulk(Match, matches)
        self.stdout.write(f"  {len(matches)} matches")

        goals, scorers = [], {}
        for match in matches:
            scorers[match.pk] = set()
            for club, count in ((match.home_club, match.home_score), (match.away_club, match.away_score)):
                for _ in range(count):
                    scorer = rng.choice(squads[club.pk])
                    scorers[match.pk].add(scorer.pk)
                    goals.append(Goal(match=match, club=club, scorer=scorer, minute=rng.randint(1, 90)))
        self._bulk(Goal, goals)
        self.stdout.write(f"  {len(goals)} goals")

        articles = []
        for i, match in enumerate(matches):
            published_at = match.kickoff + datetime.timedelta(hours=2)
            headline = f"{match.home_club.name} {match.home_score}–{match.away_score} {match.away_club.name}"
            articles.append(
                Article(
                    headline=headline,
                    slug=f"{PREFIX}report-{i + 1}",
                    standfirst=f"{headline}: the report.",
                    body=_body(rng),
                    match=match,
                    status=Article.Status.PUBLISHED,
                    published_at=published_at,
                    publication_date=timezone.localdate(published_at),
                )  # fmt: skip
            )
        articles = self._bulk(Article, articles)
        self.stdout.write(f"  {len(articles)} reports")

        club_tags, player_tags, bylines = [], [], []
        for article, match in zip(articles, matches, strict=True):
            club_tags += [TaggedClub(content_object=article, tag_id=match.home_club_id),
                          TaggedClub(content_object=article, tag_id=match.away_club_id)]  # fmt: skip
            tagged = set(scorers[match.pk])
            wanted = rng.randint(3, 15) - 2  # 3–15 tags in all, the two clubs included
            pool = squads[match.home_club_id] + squads[match.away_club_id]
            while len(tagged) < wanted and len(tagged) < len(pool):
                tagged.add(rng.choice(pool).pk)
            player_tags += [TaggedPlayer(content_object=article, tag_id=pk) for pk in sorted(tagged)]
            bylines.append(Article.authors.through(article=article, author=rng.choice(authors)))
        self._bulk(TaggedClub, club_tags)
        self._bulk(TaggedPlayer, player_tags)
        self._bulk(Article.authors.through, bylines)
        self.stdout.write(f"  {len(club_tags) + len(player_tags)} tags")
