"""A town written with the area it lies in ("the Golbasi district of Adiyaman") is the event's
place, not a qualifier of the area; an area's kind written before the name ("the Municipality of
Coalcoman") is not part of the name (issue 10, item 1: towns inside the document's areas).
Sentences are our own, in the shape of ACLED notes."""
from __future__ import annotations

import datetime as dt

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.evaluate.incidents import primary
from sitrep.models import Article


def _place(extractor, text: str):
    x = extractor.extract(Article("t", text, dt.date(2020, 5, 8)))
    inc = primary(x)
    assert inc is not None and inc.location is not None
    return inc.location


@pytest.mark.parametrize("text,name,admin1", [
    ("On 6 May 2020, police detained two suspects after a shooting in the Golbasi district of Adiyaman.",
     "Gölbaşı", "Adiyaman"),
    ("On 6 May 2020, the governor temporarily halted all entries and departures from the Golbasi district of "
     "Adiyaman for two weeks to curb the spread of the virus.", "Gölbaşı", "Adiyaman"),
    ("On 29 April 2020, gunmen attacked a checkpoint in the Maden district of Elazig, wounding a soldier.",
     "Maden", "Elazig"),
    # the origin of the shots is the town and its area alike: the event is where they landed
    ("On 8 May 2020, the governor halted all travel from the Golbasi district of Adiyaman after protesters "
     "blocked the road in Malatya.", "Malatya", "Malatya"),
])
def test_a_town_written_with_its_area_is_the_place(extractor, text, name, admin1):
    p = _place(extractor, text)
    assert (p.name, p.admin1, p.precision) == (name, admin1, 1)


def test_the_wider_place_still_qualifies_the_suburb(extractor):
    p = _place(extractor, "On 7 May 2020, a car bomb exploded in the Damascus suburb of Sayyida Zeinab, killing 9 people.")
    assert p.text == "Sayyida Zeinab"


def test_a_town_of_another_area_does_not_leave_the_area_written(extractor):
    # Khogyani is also a town of Ghazni in the gazetteer: the district of Nangarhar is not it
    p = _place(extractor, "On 8 May 2020, two militants were wounded by a landmine in the Khogyani district of Nangarhar.")
    assert p.admin1 == "Nangarhar"


def test_an_area_kind_before_the_name_is_not_the_name(extractor):
    p = _place(extractor, "On 5 May 2020, in the Municipality of Coalcoman, Michoacan, a man was shot dead inside his house.")
    assert (p.name, p.admin1, p.precision) == ("Coalcomán de Vázquez Pallares", "Michoacan", 1)


@pytest.mark.parametrize("text,name,precision", [
    # a capitalised article heads a four-word name the gazetteer knows: the address's province
    ("On 4 May 2020, warplanes bombed seven fuel trucks in Al Qrayat (Al Jabal Al Gharbi). No casualties were reported.",
     "Sha`biyat al Jabal al Gharbi", 4),
    # a near spelling of a district, written as one in the address, beside the country's own police
    ("On 5 May 2020, militants threw a grenade at CRPF personnel at Pakherpora town (Budgam district, J&K), "
     "injuring two.", "Badgam", 3),
])
def test_an_unknown_town_stands_in_at_the_area_of_its_address(extractor, text, name, precision):
    p = _place(extractor, text)
    assert (p.name, p.precision) == (name, precision) and p.text.startswith(("Al Qrayat", "Pakherpora"))


def test_a_near_spelling_with_its_kind_still_needs_the_text_country(geoparser):
    # the text's weight is all on Pakistan: a near spelling of an Indian district does not cross into India
    found = {p.text: p.country_code for p in geoparser.find_places(
        "Militants were seen near Pakherpora town (Budgam district), police in Lahore, Pakistan said.")}
    assert found.get("Budgam") is None and found.get("Lahore") == "PK"


@pytest.mark.parametrize("text,name", [
    # a province's centre is no place the town is near: Bahawalnagar lies nearer Punjab's middle
    ("Journalists held a protest outside a newspaper office in Bahawalpur city (Bahawalpur, Punjab) on Thursday.", "Bahawalpur"),
    ("Federal police seized two tons of marijuana in Congonhas, Minas Gerais, during a highway check.", "Congonhas"),
])
def test_a_province_centre_does_not_pull_a_town_to_its_namesake(geoparser, text, name):
    got = {p.text: p.name for p in geoparser.find_places(text)}
    assert got[name] == name


def test_residents_protest_in_their_own_town(extractor):
    # "residents of X" is where they protested, not a title of X nor a home town away from the event
    p = _place(extractor, "On 29 April 2020, residents of Kasoa (Awutu Efutu Senya, Central) marched against a planned "
                          "isolation centre at the school in their community.")
    assert (p.name, p.country_code, p.precision) == ("Kasoa", "GH", 1)
