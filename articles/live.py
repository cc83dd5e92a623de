"""Match day: the desk's clock and players, the report drafted at full time, and the entries
as readers see them.

The entries themselves and what they write to the match record are `models.LiveEntry`.
"""

import datetime

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from newsroom.delivery import purges
from newsroom.football.models import Appearance, Event, Goal, Match, Player
from newsroom.media.reads import attach_renditions

from .body import render_body
from .models import Article, LiveEntry

# Where each half's clock stops and added time starts.
HALF_LENGTH = 45


def minute_now(match, entries, now=None):
    """(minute, added time) to prefill, from kick-off and the whistles posted; (None, 0) before
    kick-off or after full time, when an editor types it.

    The first half runs from the first kick-off entry (else the match's kick-off time), the second
    from a kick-off entry at 46 or later; past 45 (or 90) the clock becomes added time."""
    now = now or timezone.now()
    if match.status == Match.Status.HALF_TIME:
        return HALF_LENGTH, 0
    if match.status != Match.Status.LIVE:
        return None, 0
    kick_offs = sorted(
        (e for e in entries if e.kind == LiveEntry.Kind.KICK_OFF), key=lambda e: (e.minute or 0, e.posted_at)
    )
    second_half = [e for e in kick_offs if (e.minute or 0) > HALF_LENGTH]
    if second_half:
        start, first_minute, last_minute = second_half[-1].posted_at, HALF_LENGTH + 1, 2 * HALF_LENGTH
    else:
        start = kick_offs[0].posted_at if kick_offs else match.kickoff
        first_minute, last_minute = 1, HALF_LENGTH
    played = max(0, int((now - start) / datetime.timedelta(minutes=1)))
    minute = first_minute + played
    if minute > last_minute:
        return last_minute, min(30, minute - last_minute)
    return minute, 0


def players_to_offer(match):
    """[(club, [(player, label)])] for both sides: the line-ups (starters, then the bench) when
    entered, else each club's squad, so the desk can post before the team sheets."""
    sides = []
    lineup = list(
        Appearance.objects.filter(match=match).select_related("player").order_by("-starting", "order", "pk")
    )
    for club in (match.home_club, match.away_club):
        rows = [a for a in lineup if a.club_id == club.pk]
        if rows:
            choices = [(a.player, f"{a.number or ''} {a.player.name}".strip()) for a in rows]
        else:
            choices = [(p, p.name) for p in Player.objects.filter(club=club).order_by("name")]
        sides.append((club, choices))
    return sides


def side_of(match, player, offered):
    """The club `player` plays for in this match: their line-up (or squad) side, or None."""
    for club, choices in offered:
        if any(candidate.pk == player.pk for candidate, _ in choices):
            return club
    return None


def draft_report(blog, user=None):
    """A draft match report from a finished match's record: a headline and standfirst from the
    score and scorers, the goals and cards in order as a skeleton, the clubs and everyone who
    appeared as tags, and a link back to the live blog. It stays a draft: an editor rewrites
    and publishes it."""
    match = blog.match
    if match is None or match.status != Match.Status.FULL_TIME or not match.is_played():
        raise ValueError("The report can be drafted once the match is at full time.")
    goals = list(match.goals.select_related("scorer", "club"))
    cards = list(match.events.filter(kind__in=Event.CARDS).select_related("player", "club"))
    home, away = match.home_club, match.away_club
    score = f"{match.home_score}–{match.away_score}"
    scorers = list(
        dict.fromkeys(_surname(goal.scorer.name) for goal in goals if goal.kind != Goal.Kind.OWN_GOAL)
    )
    headline = f"{home.name} {score} {away.name}" + (f": {', '.join(scorers)}" if scorers else "")
    if match.home_score == match.away_score:
        standfirst = f"{home.name} and {away.name} drew {score}"
    else:
        winner, loser = (home, away) if match.home_score > match.away_score else (away, home)
        high, low = max(match.home_score, match.away_score), min(match.home_score, match.away_score)
        standfirst = f"{winner.name} beat {loser.name} {high}–{low}"
    if match.venue:
        standfirst += f" at {match.venue}"
    if goals:
        standfirst += ", with goals from " + ", ".join(
            f"{g.scorer.name} ({g.minute_display()})" for g in goals
        )
    standfirst += "."
    moments = [(g.minute, g.added_time, f"{g.minute_display()} Goal: {g}", g.club.name) for g in goals]
    for card in cards:
        text = f"{card.minute_display()} {card.get_kind_display()}: {card.player.name}"
        moments.append((card.minute, card.added_time, text, card.club.name))
    moments.sort()
    items = "".join(f"<li>{escape(text)} ({escape(club)})</li>" for _, _, text, club in moments)
    body = (
        "<p>Write the report here.</p><h2>Key moments</h2>"
        + (f"<ul>{items}</ul>" if items else "<p>No goals or cards.</p>")
        + f'<p>How it happened: <a href="{escape(blog.get_absolute_url())}">the live blog</a>.</p>'
    )
    with transaction.atomic():
        report = Article(
            headline=headline[:200], standfirst=standfirst[:400], body=body, kind=Article.Kind.REPORT,
            match=match, status=Article.Status.DRAFT, created_by=user,
            slug=_free_slug(slugify(headline)[:190] or "match-report"),
        )  # fmt: skip
        report.save()
        report.authors.set(blog.authors.all())
        report.clubs.add(home, away)
        appeared = Player.objects.filter(appearances__match=match).distinct()
        report.players.add(*appeared, *{goal.scorer for goal in goals})
    return report


def _surname(name):
    return name.split()[-1] if name.split() else name


def _free_slug(slug):
    # Drafts take today's date for their address: the slug must be free on it.
    taken = set(
        Article.objects.filter(publication_date=timezone.localdate(), slug__startswith=slug)
        .values_list("slug", flat=True)
    )  # fmt: skip
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


# ---------------------------------------------------------------------------------------------
# Readers' side: the entries on the live page and in what its script polls


def page_entries(article):
    """The blog's entries, pinned first, then newest first, with what they show: two queries
    (the entries with their players and clubs; the pictures' renditions, only if there are any)."""
    entries = list(
        LiveEntry.objects.filter(article_id=article.pk)
        .select_related("player", "player_off", "club", "image")
    )  # fmt: skip
    attach_renditions([entry.image for entry in entries if entry.image_id])
    return entries


def entries_shown(entries):
    """The tags the rendered entries show: the players, clubs and pictures they name."""
    shown = set()
    for entry in entries:
        shown |= purges.tags("player", [entry.player_id, entry.player_off_id])
        shown |= purges.tags("club", [entry.club_id]) | purges.tags("image", [entry.image_id])
    return shown


def render_entries(entries, clubs, players):
    """[(entry, html)]: each entry's HTML, its text linking the blog's tagged clubs and players
    as a report's body does."""
    rendered = []
    for entry in entries:
        body = render_body(entry.body, clubs, players)
        html = render_to_string("articles/includes/live_entry.html", {"entry": entry, "body": body})
        rendered.append((entry, html))
    return rendered


def changed_at(entry):
    return entry.edited_at or entry.posted_at


def key_events(entries):
    """The key-event entries in match order, for the summary above the entries."""
    events = [entry for entry in entries if entry.is_key_event()]
    return sorted(events, key=lambda e: (e.minute or 0, e.added_time, e.posted_at))


def key_event_text(entry):
    """"20’ Goal: Mohamed Salah", as the page's key events list says it."""
    who = f": {entry.player.name}" if entry.player_id else ""
    return f"{entry.minute_display()} {entry.get_kind_display()}{who}".strip()
