"""The event's place (issue 10, second pass): short notes that name a town and its province, the
reporter's places (hospital, home town), names inside longer names, and incidents at sea."""
from __future__ import annotations

import pytest

from geo_fixtures import event_place, gazetteer, geoparser  # noqa: F401
from sitrep.geo import event
from sitrep.geo.context import DocumentGeography, is_attribute
from sitrep.models import Place


@pytest.mark.parametrize("text,country", [
    # an unsettled note: the province the text names decides among namesakes abroad
    ("Taliban fighters attacked a police checkpoint in Chora district, Urozgan, on Monday.", "AF"),
    ("Residents blocked a road in El Callao, Bolivar state, to protest against power cuts.", "VE"),
    ("Women protested outside the liquor shop in Dunda (Uttarakhand) on Friday.", "IN"),
    ("Gunmen shot a trader in Hays (Al Hudaydah) on Sunday.", "YE"),
    ("Police fired tear gas at protesters in Karisyaka, Ankara, on Saturday.", "TR"),
    # "a US drone strike": the country qualifies the strike, it is not where it struck
    ("Two militants were killed by a US drone strike in Nahri Saraj district, Helmand.", "AF"),
])
def test_event_country_in_short_notes(geoparser, text, country):
    p = event_place(geoparser, text)
    assert p is not None and p.country_code == country, p


@pytest.mark.parametrize("text,expected", [
    # the hospital the wounded were taken to, the suspect's home town: not the event's place
    ("A man was shot in Springfield and was rushed to a hospital in Dayton.", "Springfield"),
    ("A 25-year-old man from Dayton was shot dead in Springfield on Friday.", "Springfield"),
    # the first word of a longer name the gazetteer lacks is not a place of its own
    ("Gunmen shot a man in Colonia Bivalvo, Ciudad del Carmen, on Friday.", "Ciudad del Carmen"),
    # "the X neighbourhood of Y": the smaller of the two is the more specific place
    ("Gendarmes clashed with militants in the Ovacik district of Tunceli.", "Ovacik"),
])
def test_event_place_not_the_reporters(geoparser, text, expected):
    p = event_place(geoparser, text)
    assert p is not None and p.text == expected, p


@pytest.mark.parametrize("text,name,country", [
    ("Houthi forces attacked a Saudi tanker in the Red Sea off the coast of Hodeidah, Yemen.", "Red Sea", "YE"),
    ("Two fishermen were killed when their boat was struck in the Gulf of Aden near Aden.", "Gulf of Aden", "YE"),
    ("Iranian boats harassed a tanker in the Strait of Hormuz, Oman said.", "Strait of Hormuz", "OM"),
    ("Pirates hijacked a fishing boat off the coast of Aden on Monday.", "Aden", "YE"),
])
def test_incidents_at_sea(geoparser, text, name, country):
    p = event_place(geoparser, text)
    assert p is not None and p.name == name and p.country_code == country and p.precision == 7, p


def test_red_sea_is_the_sea_not_the_state(geoparser):
    (p,) = [q for q in geoparser.find_places("Ships were attacked in the Red Sea.") if q.text == "Red Sea"]
    assert p.feature == "H.SEA" and p.precision == 7


@pytest.mark.parametrize("rule,text,name,expected", [
    # the hospital the wounded were taken to is not where it happened
    ("taken_to", "He was rushed to a hospital in Dayton", "Dayton", True),
    ("taken_to", "The wounded were taken to Kandahar Regional Hospital", "Kandahar", True),
    ("taken_to", "He was shot in Dayton on Friday", "Dayton", False),
    # nor a person's home town
    ("home_of", "a 25-year-old man from Dayton was shot", "Dayton", True),
    ("home_of", "a resident of Kent was killed", "Kent", True),
    ("home_of", "troops withdrew from Kent on Monday", "Kent", False),
    # off a coast: at sea
    ("off_coast", "a ship sank off the coast of Hodeidah", "Hodeidah", True),
    ("off_coast", "a ship sank off Hodeidah", "Hodeidah", True),
    ("off_coast", "a ship sank off the Hodeidah coast", "Hodeidah", True),
    ("off_coast", "a shell fell in Hodeidah", "Hodeidah", False),
])
def test_what_the_words_around_a_place_say(rule, text, name, expected):
    s = text.index(name)
    assert getattr(event, rule)(text, Place(text=name, start=s, end=s + len(name))) is expected


@pytest.mark.parametrize("text,expected", [
    ("a US drone strike hit the house", True),
    ("US-led forces withdrew", True),
    ("the US dollar exchange rate", True),
    ("he returned to the US on Monday", False),
])
def test_country_as_attribute(text, expected):
    assert is_attribute(text, text.index("US") + 2) is expected


def test_a_name_is_no_evidence_for_itself():
    """"Santa Barbara" alone makes a text lean to Honduras' Santa Barbara department: that lean is
    lent to the other names of the text, never to "Santa Barbara" itself."""
    doc = DocumentGeography()
    doc.add("admin1", "HN", "Santa Barbara", what="Santa Barbara")
    doc.add("admin1", "HN", "Santa Barbara", what="Santa Barbara")
    assert doc.country == "HN"
    assert doc.lean("Santa Barbara") == (None, None)
    assert doc.lean("Carpinteria")[0] == "HN"
