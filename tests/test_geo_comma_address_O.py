"""Issue 10, the town of a comma address ("in Taji, Salah ad Din, Iraq"): GTD writes each incident's
place as town, province, country. A town the gazetteer lacks there (or knows only abroad, "Taji"
of China), or whose first word alone is a gazetteer name ("Darra" of "Darra Adam Khel"), is the
place as written, standing at its province; a town with a compass word after it ("Imphal West")
keeps its own reading. Sentences are our own, in GTD's summary style."""
from __future__ import annotations

import datetime as dt

import pytest

from geo_fixtures import place_at
from sitrep.models import Article


def _place(extractor, text: str):
    incs = extractor.extract(Article("comma-o", text, dt.date(2011, 3, 1))).incidents
    assert incs
    return incs[0].location


@pytest.mark.parametrize("text, verb, town, admin1, cc", [
    ("On Monday, in Taji, Salah ad Din, Iraq, a roadside bomb detonated near a police patrol, wounding two officers.",
     "detonated", "Taji", "Salah ad Din Governorate", "IQ"),
    ("On Friday, in Darra Adam Khel, Khyber Pakhtunkhwa, Pakistan, militants blew up a girls' school.",
     "blew up", "Darra Adam Khel", "Khyber Pakhtunkhwa", "PK"),
    ("On Tuesday, in Beled Weyne, Hiiraan, Somalia, gunmen attacked a bus station.",
     "attacked", "Beled Weyne", "Hiiraan", "SO"),
    # the province between the town and the country is one whatever NER says ("Yala" PERSON)
    ("On Monday morning, in Bannang Sata, Yala, Thailand, two gunmen on a motorcycle shot and killed a "
     "village headman.", "shot", "Bannang Sata", "Yala", "TH"),
])
def test_the_head_of_a_town_province_country_address_is_the_town(extractor, text, verb, town, admin1, cc):
    place = _place(extractor, text)
    assert place is not None
    assert place.text == town and place.country_code == cc and place.admin1 == admin1


def test_a_known_town_of_the_address_keeps_its_reading(extractor):
    text = "On Sunday, in Sopore, Baramulla, Jammu and Kashmir, India, militants attacked a police post."
    place = _place(extractor, text)
    assert place is not None and place.text == "Sopore" and place.precision == 1 and place.country_code == "IN"


def test_a_compass_word_after_a_town_is_no_longer_name():
    from sitrep.geo.shapes import _COMPASS_TAIL

    assert _COMPASS_TAIL.fullmatch(" West")
    assert _COMPASS_TAIL.fullmatch(" North East")
    assert not _COMPASS_TAIL.fullmatch(" Adam Khel")


@pytest.mark.parametrize("text, name, inside", [
    ("suspected Al Qaeda Organization in the Arabian Peninsula (AQAP) militants attacked", "Arabian Peninsula", True),
    ("two gunmen of al-Qaida in the Islamic Maghreb were seen", "Islamic Maghreb", True),
    ("a drone struck a car in the Arabian Peninsula", "Arabian Peninsula", False),
    ("the Qaeda commander was killed in Yemen on Monday", "Yemen", False),
])
def test_the_region_of_an_armed_group_name(text, name, inside):
    from sitrep.geo.event import in_group_name

    assert in_group_name(text, place_at(text, name)) is inside


def test_the_town_of_an_address_over_the_region_of_an_armed_group(extractor):
    text = ("On Friday evening, in Zinjibar, Abyan, Yemen, suspected Al Qaeda Organization in the Arabian "
            "Peninsula (AQAP) militants attacked an army checkpoint, killing three soldiers.")
    place = _place(extractor, text)
    assert place is not None and place.text == "Zinjibar" and place.country_code == "YE"


@pytest.mark.parametrize("text", [
    "On Tuesday, in the Hay al-Askari area of Kut, Wasit, Iraq, a sniper shot and killed an interpreter "
    "who was working for a U.S. engineering team.",
    "On Sunday night, in Kabul, Kabul, Afghanistan, gunmen attacked a guest house. One US citizen was killed.",
])
def test_the_victim_country_is_no_event_place(extractor, text):
    place = _place(extractor, text)
    assert place is not None and place.country_code != "US"
