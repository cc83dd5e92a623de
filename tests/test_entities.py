"""The tag suggester: finds the clubs and players a report mentions, and only those."""

import pytest

from newsroom.football.entities import Matcher, derive_surname, suggest_from, suggest_tags
from newsroom.football.names import fold_text

from .conftest import make_club, make_player

LIVERPOOL, NAPOLI, MAN_UTD, FOREST, WOLVES, FULHAM, READING, SHEFF_WED, CHELSEA, EVERTON = range(1, 11)
CLUBS = [
    (LIVERPOOL, "liverpool", "Liverpool", "", ["the Reds", "LFC"]),
    (NAPOLI, "napoli", "SSC Napoli", "", ["Partenopei", "Azzurri"]),
    (MAN_UTD, "manchester-united", "Manchester United", "Man Utd", ["United", "the Red Devils"]),
    (FOREST, "nottingham-forest", "Nottingham Forest", "", ["the Reds", "Forest"]),
    (WOLVES, "wolves", "Wolverhampton Wanderers", "", ["Wolves"]),
    (FULHAM, "fulham", "Fulham", "", ["the Cottagers"]),
    (READING, "reading", "Reading", "", ["the Royals"]),
    (SHEFF_WED, "sheffield-wednesday", "Sheffield Wednesday", "", ["Wednesday", "the Owls"]),
    (CHELSEA, "chelsea", "Chelsea", "", ["the Blues"]),
    (EVERTON, "everton", "Everton", "", ["the Blues", "the Toffees"]),
]
PLAYERS = [
    (101, "dries-mertens", "Dries Mertens", [], NAPOLI),
    (102, "dejan-lovren", "Dejan Lovren", [], LIVERPOOL),
    (103, "sadio-mane", "Sadio Mané", [], LIVERPOOL),
    (104, "giovanni-di-lorenzo", "Giovanni Di Lorenzo", [], NAPOLI),
    (105, "virgil-van-dijk", "Virgil van Dijk", [], LIVERPOOL),
    (106, "jordan-henderson", "Jordan Henderson", [], LIVERPOOL),
    (107, "dean-henderson", "Dean Henderson", [], MAN_UTD),
    (108, "adama-traore", "Adama Traoré", [], WOLVES),
    (109, "adama-traore-1995", "Adama Traoré", [], FULHAM),
    (110, "ashley-young", "Ashley Young", [], MAN_UTD),
    (111, "michael-keane", "Michael Keane", [], EVERTON),
    (112, "mohamed-salah", "Mohamed Salah", ["Mo Salah"], LIVERPOOL),
    (113, "nikola-maksimovic", "Nikola Maksimović", [], NAPOLI),
    (114, "thiago-silva", "Thiago Silva", [], CHELSEA),
    (115, "bernardo-silva", "Bernardo Silva", [], None),
    (116, "alisson-becker", "Alisson Becker", ["Alisson"], LIVERPOOL),
    (117, "everton-soares", "Everton", ["Everton Soares"], None),
]
MATCHER = Matcher(CLUBS, PLAYERS)


def found(text, context=()):
    suggestions = suggest_from(MATCHER, text, context)
    return {m.entity.slug for m in suggestions.clubs}, {m.entity.slug for m in suggestions.players}


def test_full_names_surnames_nicknames_and_possessives():
    clubs, players = found(
        "Napoli held Liverpool. Dries Mertens’ goal was cancelled out by Lovren's header; "
        "the Partenopei defended well and the Reds’ pressure told late."
    )
    assert clubs == {"napoli", "liverpool"}
    assert players == {"dries-mertens", "dejan-lovren"}


def test_accents_and_case_do_not_matter():
    _, players = found("Liverpool pressed. Sadio Mane and Nikola MAKSIMOVIC clashed all night.")
    assert players == {"sadio-mane", "nikola-maksimovic"}


def test_surnames_are_derived_with_their_particles():
    assert derive_surname("Giovanni Di Lorenzo") == "Di Lorenzo"
    assert derive_surname("Virgil van Dijk") == "van Dijk"
    assert derive_surname("Rafael van der Vaart") == "van der Vaart"
    assert derive_surname("Alisson") is None
    _, players = found("Liverpool and Napoli drew. Di Lorenzo overlapped while Van Dijk read it.")
    assert players == {"giovanni-di-lorenzo", "virgil-van-dijk"}


def test_a_shared_surname_needs_the_match_or_the_text_to_say_which():
    # Liverpool are playing and Manchester United are not: Henderson is Jordan.
    _, players = found("Liverpool won again. Henderson drove them on from midfield.")
    assert players == {"jordan-henderson"}
    # Nothing says which Henderson: leave it out.
    _, players = found("Henderson was the best player on the pitch.")
    assert players == set()
    # The full name elsewhere settles it even when both clubs are involved.
    _, players = found(
        "Liverpool beat Manchester United. Dean Henderson made six saves, but Henderson was beaten late."
    )
    assert players == {"dean-henderson"}


def test_a_shared_nickname_resolves_only_with_evidence():
    assert found("The Reds were rampant from the first whistle.") == (set(), set())
    clubs, _ = found("The Reds were rampant.", context=[LIVERPOOL])
    assert clubs == {"liverpool"}
    clubs, _ = found("Nottingham Forest hosted Chelsea. The Reds were rampant and the Blues wilted.")
    assert clubs == {"nottingham-forest", "chelsea"}


def test_namesakes_are_told_apart_by_the_clubs_in_play():
    _, players = found("Wolves beat Reading. Adama Traoré tore them apart.")
    assert players == {"adama-traore"}
    _, players = found("Adama Traoré scored a fine goal.")
    assert players == set()


def test_ordinary_words_need_more_than_a_capital_letter():
    text = (
        "Young players rarely get a chance here. Given the conditions, it was a fine game, "
        "well worth the wait on Wednesday night. Reading the game, the keeper came off his line."
    )
    assert found(text) == (set(), set())
    # The same names used as names, with the clubs in play.
    clubs, players = found(
        "Sheffield Wednesday visited Reading, and Manchester United were watching. "
        "Ashley Young started; later Young crossed for the winner."
    )
    assert {"reading", "sheffield-wednesday"} <= clubs
    assert "ashley-young" in players


def test_managers_pundits_and_other_people_are_not_players():
    _, players = found(
        "Everton lost. Roy Keane was scathing about Everton on television, "
        "and Ancelotti’s side had no answer."
    )
    assert players == set()
    _, players = found("Everton won. Keane headed in, and the Blues held on.")
    assert players == {"michael-keane"}


def test_a_first_name_variant_still_counts():
    _, players = found("Liverpool won. Mo Salah scored; Mohammed Salah is how some spell it.")
    assert players == {"mohamed-salah"}


def test_a_country_is_not_a_club():
    assert found("Italy beat England; the Azzurri celebrated long into the night.") == (set(), set())


def test_one_word_name_needs_a_capital_and_counts():
    clubs, players = found("Liverpool kept a clean sheet. Alisson was rarely troubled.")
    assert players == {"alisson-becker"}


def test_mentions_report_forms_count_and_first_position():
    text = "Mertens scored. Then Dries Mertens scored again; Mertens’ night."
    suggestions = suggest_from(MATCHER, text, [NAPOLI])
    (mertens,) = suggestions.players
    assert mertens.forms == ["Mertens", "Dries Mertens"]
    assert mertens.count == 3
    assert mertens.first == 0


def test_fold_text_keeps_positions():
    text = "Mané’s ＬＦＣ — Alexander-Arnold"
    folded = fold_text(text)
    assert len(folded) == len(text)
    assert folded == "mane's lfc   alexander arnold"


@pytest.mark.django_db
def test_the_database_matcher_rebuilds_when_a_player_changes():
    napoli = make_club("Napoli", aliases="Partenopei")
    make_player("Dries Mertens", club=napoli)
    assert [m.entity.slug for m in suggest_tags("Mertens scored for the Partenopei.").players] == [
        "dries-mertens"
    ]
    make_player("Hirving Lozano", club=napoli)
    assert [m.entity.slug for m in suggest_tags("Napoli won; Lozano scored.").players] == ["hirving-lozano"]


def test_a_club_and_a_player_with_the_same_name_mean_the_club_unless_the_player_is_named():
    clubs, players = found("Everton were beaten at home again.")
    assert (clubs, players) == ({"everton"}, set())
    clubs, players = found("Everton Soares crossed and Everton scored again.")
    assert "everton-soares" in players


def test_a_role_word_before_a_surname_does_not_make_it_someone_else():
    _, players = found("Napoli won. Goalscorer Mertens was substituted late.")
    assert players == {"dries-mertens"}


def test_a_surname_once_given_to_someone_else_stays_theirs():
    # Roy Keane the pundit, then "Keane" alone: still the pundit, not Everton's Michael Keane.
    _, players = found("Roy Keane was furious. Keane has never been one for half-measures.")
    assert players == set()


def test_a_surname_followed_by_another_name_is_a_first_name():
    clubs = [(1, "barcelona", "Barcelona", "", [])]
    players = [(2, "sergi-roberto", "Sergi Roberto", [], 1)]
    matcher = Matcher(clubs, players)
    assert suggest_from(matcher, "Italy won. Roberto Mancini’s side were superb.").players == []
    assert [m.entity.slug for m in suggest_from(matcher, "Barcelona won. Roberto crossed.").players] == [
        "sergi-roberto"
    ]


def test_a_city_after_a_place_word_is_not_the_club():
    assert found("Liverpool won in Italy and flew home from Napoli with the points.")[0] == {"liverpool"}


def test_a_stadium_is_not_a_club():
    clubs = [(1, "aston-villa", "Aston Villa", "", ["Villa"]), (2, "chelsea", "Chelsea", "", [])]
    matcher = Matcher(clubs, [])
    found_clubs = suggest_from(matcher, "Chelsea won at Villa Park, a ground they have long liked.").clubs
    assert [m.entity.slug for m in found_clubs] == ["chelsea"]
    found_clubs = suggest_from(matcher, "Chelsea beat Aston Villa at Villa Park.").clubs
    assert [m.entity.slug for m in found_clubs] == ["chelsea", "aston-villa"]
