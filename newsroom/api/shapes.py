"""Model instances into the API's shapes (schemas.py). No query here: callers load what is read."""


def named(entity):
    return None if entity is None else {"slug": entity.slug, "name": entity.name}


def club(club, request):
    return {**named(club), "short_name": club.short_name, "country": club.country, "league": club.league,
            "url": request.build_absolute_uri(club.get_absolute_url())}  # fmt: skip


def player(player, request):
    url = request.build_absolute_uri(player.get_absolute_url())
    return {**named(player), "club": named(player.club), "position": player.position,
            "nationality": player.nationality, "url": url}  # fmt: skip


def competition(competition, request):
    return {**named(competition), "url": request.build_absolute_uri(competition.get_absolute_url()),
            "tie_break": competition.tie_break, "points_for_win": competition.points_for_win,
            "points_for_draw": competition.points_for_draw}  # fmt: skip


def _score(match, prefix):
    return {"home": getattr(match, f"home_{prefix}"), "away": getattr(match, f"away_{prefix}")}


def match(match, request):
    return {
        "id": match.pk, "competition": named(match.competition), "season": match.season, "round": match.round,
        "status": match.status, "kickoff": match.kickoff, "venue": match.venue,
        "home": named(match.home_club), "away": named(match.away_club),
        "score": _score(match, "score"), "half_time": _score(match, "ht_score"),
        "extra_time": _score(match, "et_score"), "penalties": _score(match, "penalties"),
        "url": request.build_absolute_uri(match.get_absolute_url()),
    }  # fmt: skip


def _lineup(side):
    def entry(appearance):
        return {"player": named(appearance.player), "number": appearance.number,
                "position": appearance.position, "captain": appearance.captain}  # fmt: skip

    return {"formation": side.formation, "starting": [entry(a) for a in side.starting],
            "bench": [entry(a) for a in side.bench]}  # fmt: skip


def match_detail(match_, request, timeline, sides):
    clubs = {match_.home_club_id: named(match_.home_club), match_.away_club_id: named(match_.away_club)}
    home, away = sides
    return {
        **match(match_, request),
        "referee": match_.referee,
        "attendance": match_.attendance,
        "lineups": {"home": _lineup(home), "away": _lineup(away)},
        "events": [
            {"minute": entry.minute, "added_time": entry.added_time, "kind": entry.kind,
             "player": named(entry.player), "player_off": named(entry.player_off),
             "club": clubs[entry.club_id], "note": entry.note}
            for entry in timeline
        ],
    }  # fmt: skip


def article(article, request):
    match_ = article.match
    return {
        "id": article.pk, "headline": article.headline, "standfirst": article.standfirst,
        "kind": article.kind, "published_at": article.published_at,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "match_id": article.match_id, "competition": named(match_.competition) if match_ else None,
        "clubs": [named(c) for c in article.clubs.all()],
        "players": [named(p) for p in article.players.all()],
    }  # fmt: skip


def article_detail(article_, request):
    return {**article(article_, request), "body": article_.body,
            "authors": [named(author) for author in article_.authors.all()]}  # fmt: skip


def standings(table, group):
    return {
        "competition": named(table.competition), "season": table.season, "group": group or None,
        "rows": [
            {"position": row.position, "club": named(row.club), "played": row.played, "won": row.won,
             "drawn": row.drawn, "lost": row.lost, "goals_for": row.goals_for,
             "goals_against": row.goals_against, "goal_difference": row.goal_difference, "points": row.points}
            for row in table.rows
        ],
    }  # fmt: skip
