"""Toponyms of conflict notes (issue 10): ACLED writes an event's place with its admin
units in brackets after it ("in Ayn Zarah (Tripoli)", "in Mogadishu-Wadajir district (Wadajir,
Banadir)"). The name before the brackets is the place, even where a shorter gazetteer name opens
it ("Ain", "Mogadishu"); a hyphenated part of a city stands at that city. Sentences are our own,
in the shape of such notes; the village names are made up, so no gazetteer knows them."""
from __future__ import annotations

import re

import pytest

from geo_fixtures import event_place, gazetteer, geoparser  # noqa: F401
from sitrep.geo.shapes import bracketed_address


@pytest.mark.parametrize("text,end,expected", [
    ("in Ruwindo (Kayokwe, Mwaro).", 10, True),
    ("in Ain Tebessara (Ain Tebessara), residents", 16, True),
    ("in Ebute (Ohaji/Egbema LGA, Imo)", 8, True),
    ("in Kabul (reportedly by a drone)", 8, False),
    ("in Kabul on Monday", 8, False),
    ("at the Regional Transport Office (RTO) building", 30, False),
])
def test_bracketed_address(text, end, expected):
    assert bracketed_address(text, end) is expected


@pytest.mark.parametrize("text,name,cc", [
    # a gazetteer name ("Ain", a district of Yemen) opens the longer name written before its address
    ("On 9 June 2021, residents blocked the national road by burning tyres in Ain Tebessara (Ain Tebessara).",
     "Ain Tebessara", None),
    ("On 9 June 2021, rival militias clashed in Abu Ghazala (Tripoli). No casualties reported.", "Abu Ghazala", "LY"),
    # a near spelling of a far town ("Nakhodka") is no reading of a village written with its address
    ("On 9 June 2021, militants attacked Nacutabo (Mucojo, Cabo Delgado) and burned several houses.", "Nacutabo", "MZ"),
    # a name the gazetteer lacks, its kind, then the province it lies in: the name is the place
    ("On 9 June 2021, regime forces clashed with opposition factions on Kafrbatnin front in Idleb.", "Kafrbatnin", "SY"),
    ("On 9 June 2021, a landmine killed 2 fighters in Qusayrah camp in Deir-ez-Zor countryside.", "Qusayrah", "SY"),
    # "the area of X" names X as "the village of X" does
    ("On 9 June 2021, rebel forces fired grenade launchers at army positions in the area of Kamyshuvatka, Donetsk.",
     "Kamyshuvatka", "UA"),
    # "in the southern countryside of Idleb": the province after the countryside words is the name's area
    ("On 9 June 2021, regime forces shelled Kafrbatnin in the southern countryside of Idleb.", "Kafrbatnin", "SY"),
    ("On 9 June 2021, IS fighters clashed with QSD fighters in the village of Zuwayrat in the eastern countryside of Deir-ez-Zor.",
     "Zuwayrat", "SY"),
])
def test_the_name_written_is_the_event_place(geoparser, text, name, cc):
    place = event_place(geoparser, text)
    assert place is not None and place.text == name
    assert cc is None or place.country_code == cc


def test_a_name_before_its_brackets_is_placed_at_its_area(geoparser):
    place = event_place(geoparser, "On 9 June 2021, rival militias clashed in Abu Ghazala (Tripoli). No casualties reported.")
    assert place is not None and place.country_code == "LY" and place.name == "Tripoli"


def test_a_hyphenated_part_of_a_city_stands_at_the_city(geoparser):
    text = "On 9 June 2021, militants fired two mortar rounds that landed near a market in Mogadishu-Hodan district (Hodan, Banadir)."
    place = event_place(geoparser, text)
    assert place is not None and place.text == "Mogadishu-Hodan"
    assert place.country_code == "SO" and place.name == "Mogadishu"


def test_a_known_name_before_brackets_is_still_itself(geoparser):
    place = event_place(geoparser, "On 9 June 2021, gunmen attacked a police station in Kandahar (Kandahar).")
    assert place is not None and place.country_code == "AF" and place.precision == 1


@pytest.mark.parametrize("text,name", [
    ("On 9 June 2021, in the North Zone of Rio de Janeiro, Rio de Janeiro, police officers clashed with drug traffickers.",
     "Rio de Janeiro-North Zone"),
    ("On 9 June 2021, in the Central Zone of Sao Paulo, Sao Paulo, a group of workers protested.", "Sao Paulo-Central Zone"),
])
def test_a_zone_of_a_city_is_named_city_zone(geoparser, text, name):
    from sitrep.geo.event import city_zone

    place = event_place(geoparser, text)
    assert place is not None and place.country_code == "BR"
    zoned = city_zone(text, place)
    assert zoned is not None and zoned.name == name and zoned.precision == 2


def test_a_city_without_a_zone_keeps_its_name(geoparser):
    from sitrep.geo.event import city_zone

    text = "On 9 June 2021, in Rio de Janeiro, Rio de Janeiro, police officers clashed with drug traffickers."
    place = event_place(geoparser, text)
    assert place is not None and city_zone(text, place) is None


def test_a_village_after_of_with_its_address_is_a_place(geoparser):
    # after "of", with a known area in the brackets
    text = "On 9 June 2021, gunmen abducted a resident of Umuoke (Ohaji/Egbema LGA, Imo) at night."
    assert "Umuoke" in {p.text for p in geoparser.find_places(text)}


def test_an_organisation_with_a_bracket_is_no_place(geoparser):
    text = "On 9 June 2021, gunmen killed two activists of People's Unity (Peace) Committee in Karachi, Sindh."
    assert "People's Unity" not in {p.text for p in geoparser.find_places(text)}


def test_a_district_named_after_its_city_keeps_the_city(geoparser):
    text = "On 9 June 2021, a hand grenade exploded at a residence in Thangmei area in Imphal West district, Manipur, India."
    assert "Imphal West" not in {p.text for p in geoparser.find_places(text)}


@pytest.mark.parametrize("text,name", [
    ("On 9 June 2021, in Londrina, Parana, a police officer was shot to death in Jardim Sabara district by two armed men.",
     "Londrina"),
    ("Around 9 June 2021 (as reported), in Goiania, Goias, military police forces seized a ton of marijuana in Setor Pedro Ludovico.",
     "Goiania"),
])
def test_the_place_a_note_opens_with_is_the_town(geoparser, text, name):
    from sitrep.geo.event import note_lead

    assert note_lead(text) == text.index(name)
    k = re.search(r"shot|seized", text)
    assert k is not None
    place = geoparser.event_place(text, geoparser.find_places(text), (k.start(), k.end()))
    assert place is not None and place.text == name and place.country_code == "BR"


def test_a_text_that_opens_otherwise_has_no_lead():
    from sitrep.geo.event import note_lead

    assert note_lead("Police said a man was shot in Londrina on Monday.") is None
