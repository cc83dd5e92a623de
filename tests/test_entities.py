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


# ---------------------------------------------------------------------------------------------
# Line-ups, women's sides, careers, same-name clubs, pundits, misspellings

CELTIC, RANGERS, BOURNEMOUTH, HEARTS = 21, 22, 23, 24
SCOTTISH = [
    (CELTIC, "celtic", "Celtic", "", ["the Hoops"], "Scotland", "Scottish Premiership", None),
    (RANGERS, "rangers", "Rangers", "", ["the Gers"], "Scotland", "Scottish Premiership", None),
    (BOURNEMOUTH, "afc-bournemouth", "AFC Bournemouth", "", [], "England", "Premier League", None),
    (HEARTS, "hearts", "Heart of Midlothian", "Hearts", ["Hearts"], "Scotland", "Scottish Premiership", None),
]
SCOTTISH_PLAYERS = [
    (201, "liam-kelly", "Liam Kelly", [], CELTIC),
    (202, "connor-kelly", "Connor Kelly", [], RANGERS),
    (203, "lloyd-kelly", "Lloyd Kelly", [], BOURNEMOUTH),
    (204, "tom-mason", "Tom Mason", [], RANGERS),
    (205, "kyle-doran", "Kyle Doran", [], CELTIC),
    (206, "ethan-doran", "Ethan Doran", [], CELTIC),
    (207, "kyle-walsh", "Kyle Walsh", [], HEARTS),
    (208, "craig-gordon", "Craig Gordon", [], HEARTS, [CELTIC], "Scotland", False),
    (209, "chris-sutton", "Chris Sutton", [], None, [CELTIC], "England", True),
]
SCOTLAND = Matcher(SCOTTISH, SCOTTISH_PLAYERS)


def scottish(text, context=(), competition=""):
    suggestions = suggest_from(SCOTLAND, text, context, competition)
    return {m.entity.slug for m in suggestions.clubs}, {m.entity.slug for m in suggestions.players}


def test_a_name_in_a_team_list_is_that_teams_player_whoever_shares_it():
    text = (
        "Celtic beat Rangers 2-1. Kelly was booked.\n\n"
        "Celtic: Hart, Johnston, Kelly, Taylor.\nSubs: Oh, Iwata.\n"
        "Rangers: Butland, Tavernier, Mason, Kelly.\nSubs Not Used: McCrorie, Davies."
    )
    assert scottish(text)[1] == {"liam-kelly", "connor-kelly", "tom-mason"}
    # Lloyd Kelly is named in full, yet the Kelly in Rangers' list is still Rangers' Kelly.
    assert scottish("Lloyd Kelly watched.\nRangers: Butland, Tavernier, Goldson, Kelly.")[1] == {
        "lloyd-kelly", "connor-kelly",
    }  # fmt: skip


def test_a_team_list_in_columns_under_the_teams_name_counts_too():
    text = "Line-ups\nRangers\nFormation 4-3-3\n1 Butland\n2 Tavernier\n5 Kelly\nSubstitutes\n20 Mason\n"
    assert scottish(text)[1] == {"connor-kelly", "tom-mason"}
    text = "Rangers\n1 Butland\n2 Tavernier Booked at 34mins\n5 Goldson\n8 Barisic Substituted for Kelly\n"
    assert scottish(text)[1] == {"connor-kelly"}


def test_team_lists_keep_their_team_through_substitutions_and_particles():
    text = "Rangers (4-3-3): Butland; Tavernier, van Dijk (Kelly, 70), Goldson; Mason (capt)."
    assert scottish(text)[1] == {"connor-kelly", "tom-mason"}


def test_names_in_a_list_of_officials_are_not_players():
    text = "Hearts: Gordon, Walsh, Halkett, Kent.\nReferee: Kyle Walsh.\nFourth official: Craig Gordon."
    assert scottish(text)[1] == {"kyle-walsh", "craig-gordon"}  # from the team list only
    assert scottish("Hearts won.\nReferee: Kyle Walsh.")[1] == set()


def test_namesakes_at_the_same_club_need_the_first_name():
    assert scottish("Celtic won at Ibrox. Doran scored twice.")[1] == set()
    assert scottish("Celtic: Hart, Scales, Doran, Kyogo.")[1] == set()
    assert scottish("Celtic won. Ethan Doran scored twice, and Doran now has six.")[1] == {"ethan-doran"}


def test_a_referees_initial_rules_out_only_that_mention():
    clubs, players = scottish("Hearts drew. Referee: N Walsh.\nHearts: Gordon, Walsh, Halkett, Kent.")
    assert players == {"kyle-walsh", "craig-gordon"}
    assert scottish("Hearts drew, and referee N Walsh sent off Shankland.")[1] == set()
    assert scottish("Hearts drew. N Walsh sent off Shankland.")[1] == set()
    assert scottish("Hearts drew. N Walsh sent off Shankland, and Walsh then scored.")[1] == {"kyle-walsh"}
    assert scottish("Hearts drew. K Walsh scored.")[1] == {"kyle-walsh"}


def test_a_former_player_on_a_broadcast_is_a_pundit_not_a_player():
    assert scottish("Celtic won. Chris Sutton, on BBC Radio Scotland, was unimpressed.")[1] == set()
    assert scottish("Twenty years ago Chris Sutton scored for Celtic.")[1] == {"chris-sutton"}


def test_former_clubs_are_evidence_weaker_than_the_current_club():
    matcher = Matcher(
        SCOTTISH,
        [(301, "a-boyd", "Adam Boyd", [], HEARTS, [RANGERS]), (302, "b-boyd", "Ben Boyd", [], BOURNEMOUTH)],
    )
    found_players = {m.entity.slug for m in suggest_from(matcher, "Rangers want Boyd back.").players}
    assert found_players == {"a-boyd"}
    matcher = Matcher(
        SCOTTISH,
        [(301, "a-boyd", "Adam Boyd", [], HEARTS, [RANGERS]), (302, "b-boyd", "Ben Boyd", [], RANGERS)],
    )
    found_players = {m.entity.slug for m in suggest_from(matcher, "Rangers want Boyd back.").players}
    assert found_players == {"b-boyd"}  # the current club wins over a former one


ARSENAL, ARSENAL_WOMEN = 31, 32
WOMEN = Matcher(
    [
        (ARSENAL, "arsenal", "Arsenal", "", ["the Gunners"], "England", "Premier League", None),
        (ARSENAL_WOMEN, "arsenal-women", "Arsenal Women", "", [], "England", "Women's Super League", ARSENAL),
    ],
    [(401, "beth-mead", "Beth Mead", [], ARSENAL_WOMEN), (402, "bukayo-saka", "Bukayo Saka", [], ARSENAL)],
)


def women(text, context=(), competition=""):
    return {m.entity.slug for m in suggest_from(WOMEN, text, context, competition).clubs}


def test_in_a_womens_football_report_the_club_is_its_womens_side():
    assert women("Arsenal won 2-0 and she was superb.", competition="Women's Super League") == {
        "arsenal-women"
    }
    assert women("Beth Mead scored as Arsenal won. She now has ten in the WSL.") == {"arsenal-women"}
    assert women("Bukayo Saka scored as Arsenal won. He now has ten.") == {"arsenal"}
    assert women("Arsenal won.", [ARSENAL], competition="Barclays Women's Super League") == {"arsenal-women"}
    # A men's report that names the women's side in full tags both, and "Arsenal" is the men's.
    assert women("Bukayo Saka scored as Arsenal won; he then saluted Arsenal Women.") == {
        "arsenal",
        "arsenal-women",
    }


NACIONAL, CD_NACIONAL, PENAROL = 51, 52, 53
SAME_NAMES = Matcher(
    [
        (NACIONAL, "nacional", "Nacional", "", [], "Uruguay", "Uruguayan Primera Division", None),
        (CD_NACIONAL, "cd-nacional", "CD Nacional", "", [], "Portugal", "Liga Portugal 2", None),
        (PENAROL, "penarol", "Peñarol", "", [], "Uruguay", "Uruguayan Primera Division", None),
    ],
    [(501, "jesus-ramirez", "Jesús Ramírez", [], CD_NACIONAL)],
)


def same_names(text):
    return {m.entity.slug for m in suggest_from(SAME_NAMES, text).clubs}


def test_same_name_clubs_are_told_apart_by_league_country_and_story_never_by_fame():
    assert same_names("Nacional beat Peñarol in the Clásico.") == {"nacional", "penarol"}
    assert same_names("Nacional moved up in Liga Portugal 2.") == {"cd-nacional"}
    assert same_names("Jesús Ramírez scored twice for Nacional.") == {"cd-nacional"}
    assert same_names("The Uruguayan champions Nacional won again.") == {"nacional"}
    assert same_names("Nacional won again.") == set()


def test_a_country_ending_a_sentence_is_not_a_first_name():
    matcher = Matcher([(1, "fulham", "Fulham", "", [])], [(2, "raul-jimenez", "Raúl Jiménez", [], 1)])
    found_players = suggest_from(matcher, "Fulham brought him back to England. Jiménez scored.").players
    assert [m.entity.slug for m in found_players] == ["raul-jimenez"]


def test_a_first_name_alone_after_a_full_name_is_that_player():
    matcher = Matcher(
        [(1, "atletico", "Atlético Madrid", "", [])],
        [(2, "luis-suarez", "Luis Suárez", [], None, [1]), (3, "filipe-luis", "Filipe Luís", [], None, [1])],
    )
    found_players = suggest_from(matcher, "Luis Suárez joined Atlético Madrid. Luis, 34, scored.").players
    assert [(m.entity.slug, m.forms) for m in found_players] == [("luis-suarez", ["Luis Suárez", "Luis"])]


def test_at_names_a_club_but_the_city_of_names_a_city():
    assert found("He spent two seasons at Liverpool.")[0] == {"liverpool"}
    assert found("He has always loved the city of Liverpool.")[0] == set()


def test_a_misspelt_long_surname_counts_only_with_the_players_club_in_play():
    clubs = [(1, "bayern", "Bayern Munich", "", ["Bayern"]), (2, "dortmund", "Borussia Dortmund", "", [])]
    players = [(3, "robert-lewandowski", "Robert Lewandowski", [], 1)]
    matcher = Matcher(clubs, players)
    assert [m.entity.slug for m in suggest_from(matcher, "Bayern won. Lewandowsky scored.").players] == [
        "robert-lewandowski"
    ]
    assert suggest_from(matcher, "Dortmund won. Lewandowsky watched.").players == []
    # Never against a closer name: an exact form is not a misspelling of another.
    matcher = Matcher(clubs, [*players, (4, "jan-lewandowsky", "Jan Lewandowsky", [], 2)])
    assert [m.entity.slug for m in suggest_from(matcher, "Bayern won. Lewandowsky scored.").players] == [
        "jan-lewandowsky"
    ]
