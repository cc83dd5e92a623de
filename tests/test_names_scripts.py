"""Issue 12, item 11: names in any script are names, and punctuation folds like a space."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.urls import reverse

from newsroom.football.entities import suggest_tags
from newsroom.football.models import Club, Player
from newsroom.football.names import slug_for_name

from .conftest import make_club, make_player
from .html_forms import as_post, read_form

pytestmark = pytest.mark.django_db

SCRIPTS = {"ЦСКА Москва": "tsska-moskva", "北京国安": "beijingguoan", "ΑΕΚ Αθηνών": "aek-athinon"}


@pytest.fixture
def editor(client):
    client.force_login(User.objects.create_superuser("names-desk", password="pw-for-tests"))
    return client


def _club_form(client, name):
    """The Add club form as the page offers it (inline management forms included), named `name`."""
    html = client.get(reverse("admin:football_club_add")).content.decode()
    fields, _ = read_form(html, "club_form")
    data = as_post(fields)
    data["name"] = [name]
    return data


@pytest.mark.parametrize("name,slug", SCRIPTS.items())
def test_a_club_named_in_another_script_is_valid_with_a_transliterated_slug(name, slug):
    club = Club(name=name)
    club.full_clean(exclude=["slug"])  # never "needs letters or digits"
    club.save()
    assert (club.slug, club.name_key) == (slug, slug)
    assert club.get_absolute_url().endswith(f"/{slug}/")


def test_three_scripts_give_three_clubs_with_distinct_pages(client):
    clubs = [make_club(name) for name in SCRIPTS]
    assert len({c.slug for c in clubs}) == 3
    for club in clubs:
        assert client.get(club.get_absolute_url()).status_code == 200


def test_names_whose_only_ascii_would_be_digits_never_share_a_key():
    # Before transliteration both folded to "1948" and the second was "the same club".
    first, second = make_club("ЦСКА 1948"), make_club("Локомотив 1948")
    assert first.name_key != second.name_key and first.slug != second.slug
    # A name no transliteration spells still gets a unique, stable, routable key.
    assert slug_for_name("𝔄") == slug_for_name("𝔄") and slug_for_name("𝔄")
    assert slug_for_name("ꙮ 1") != slug_for_name("ꙮꙮ 1")


def test_a_name_that_only_has_digits_is_still_its_digits():
    assert slug_for_name("1948") == "1948"
    with pytest.raises(ValidationError, match="letters or digits"):
        Club(name="!!!").full_clean()


def test_the_admin_adds_a_cyrillic_club_and_a_second_one_is_a_named_clash(editor):
    response = editor.post(reverse("admin:football_club_add"), _club_form(editor, "ЦСКА Москва"))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Club.objects.get().slug == "tsska-moskva"
    response = editor.post(reverse("admin:football_club_add"), _club_form(editor, "цска москва"))
    assert response.status_code == 200
    assert "same name as the club “ЦСКА Москва”" in response.content.decode()
    assert Club.objects.count() == 1


@pytest.mark.parametrize(
    "spelling", ["Northbridge_Rangers", "Northbridge.Rangers", "Northbridge/Rangers", "northbridge rangers"]
)
def test_underscores_dots_and_slashes_fold_like_spaces(spelling):
    make_club("Northbridge Rangers")
    assert slug_for_name(spelling) == "northbridge-rangers"
    with pytest.raises(ValidationError, match="same name as the club “Northbridge Rangers”"):
        Club(name=spelling).full_clean()


def test_dotted_initials_are_the_alias_they_spell():
    liverpool = make_club("Liverpool", aliases="Liverpool FC\nthe Reds")
    assert slug_for_name("Liverpool F.C.") == slug_for_name("Liverpool FC")
    with pytest.raises(ValidationError) as refused:
        Club(name="Liverpool F.C.").full_clean()
    assert "the club “Liverpool”, whose alias is “Liverpool FC”" in str(refused.value)
    # The suggester finds the club under either spelling, and under an underscored name.
    assert [m.entity.id for m in suggest_tags("Liverpool F.C. won at home.").clubs] == [liverpool.pk]
    rangers = make_club("Northbridge Rangers")
    assert [m.entity.id for m in suggest_tags("Northbridge_Rangers drew.").clubs] == [rangers.pk]


def test_existing_latin_keys_are_unchanged():
    # Every key stored before transliteration must stay the same, or saved clubs would split.
    for name, key in [("Beşiktaş", "besiktas"), ("Newell's Old Boys", "newells-old-boys"),
                      ("Brighton & Hove Albion", "brighton-hove-albion"), ("1. FC Köln", "1-fc-koln"),
                      ("ＭＡＮ ＵＴＤ", "man-utd"), ("Ølstykke", "olstykke"),
                      ("St. Pauli", "st-pauli")]:  # fmt: skip
        assert slug_for_name(name) == key, name


def test_a_slug_clash_names_the_player_it_clashes_with():
    make_player("Dries Mertens")
    with pytest.raises(ValidationError) as refused:
        Player(name="Dries Mertens", slug="dries-mertens").full_clean()
    assert "The player “Dries Mertens” already has the address “dries-mertens”" in str(refused.value)
