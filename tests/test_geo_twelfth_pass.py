"""Toponyms, twelfth pass (issue 10): a name the gazetteer lacks, written as a place of an address
("in Zarqat (Mukayras, Al Bayda)", "near Kulyanka, Donetsk", "Garbasso village", "the village of
Tulkara"), is a place of its own, kept as written and placed at the area after it; and a town
written with a province of its own country lies in that province ("near Pisky, Donetsk" is no
Pisky of Poltava). Sentences are our own, in the shapes of conflict notes and wire copy; the
village names are made up, so no gazetteer knows them."""
from __future__ import annotations

import pytest

from geo_fixtures import event_place, gazetteer, geoparser  # noqa: F401
from sitrep.models import Place


def _found(geoparser, text: str) -> dict[str, Place]:
    return {p.text: p for p in geoparser.find_places(text)}


@pytest.mark.parametrize("text,village,cc", [
    # the area in brackets after the name
    ("On 3 June 2021, gunmen attacked a police post in Zarqatinah (Mukayras, Al Bayda).", "Zarqatinah", "YE"),
    ("On 3 June 2021, residents blocked the main road in Dembelewa (Mopti) over water shortages.", "Dembelewa", "ML"),
    # the area after a comma
    ("On 3 June 2021, rebel forces fired mortars at government positions near Kulyankivka, Donetsk.", "Kulyankivka", "UA"),
    # its kind after the name, the address after that
    ("On 3 June 2021, militants attacked Xamarweyne village (Kismaayo, Lower Juba) at dawn.", "Xamarweyne", "SO"),
    ("On 3 June 2021, farmers protested in Halanipur town (Naushahro Feroze, Sindh) against power cuts.", "Halanipur", "PK"),
])
def test_an_unknown_name_in_an_address_is_the_event_place(geoparser, text, village, cc):
    assert village in _found(geoparser, text)
    p = event_place(geoparser, text)
    assert p is not None and p.text == village and p.country_code == cc
    assert p.precision is not None and p.precision >= 2  # placed at its area, never as a point it is not


def test_the_village_of_an_unknown_name(geoparser):
    text = "On 3 June 2021, soldiers raided the village of Ghazzawiyeh in the Gaza Strip and detained two men."
    assert "Ghazzawiyeh" in _found(geoparser, text)


@pytest.mark.parametrize("text,name", [
    # no address: an admin area's kind alone, a building, a street, a person's title, a neighbourhood
    ("On 3 June 2021, traders protested in the Zarqatinah municipality over the closure of the market.", "Zarqatinah"),
    ("On 3 June 2021, gunmen attacked the Zarqatinah Headquarters, Kabul, at night.", "Zarqatinah Headquarters"),
    ("On 3 June 2021, a man was shot on Zarqatinah Street in Kabul.", "Zarqatinah Street"),
    ("On 3 June 2021, a man was shot dead in Barangay Kapitan Lukas, Cabanatuan, Nueva Ecija.", "Barangay Kapitan Lukas"),
    # the kind is part of the name: the gazetteer's own matching reads it
    ("On 3 June 2021, gunmen attacked a farm in Sagbama LGA (Bayelsa).", "Sagbama LGA"),
    # a comma after a name that no place follows
    ("On 3 June 2021, protesters gathered in Tahrir, who said the strike would go on.", "Tahrir"),
])
def test_no_address_no_unknown_place(geoparser, text, name):
    assert name not in _found(geoparser, text)


def test_a_part_of_a_town_named_before_is_no_place_of_its_own(geoparser):
    # GTD's shape: the town first, then the part of it where the attack was
    text = ("On Monday, in Karachi, Sindh, Pakistan, unknown militants shot an activist in "
            "the Qhubeyxo Colony area, killing him.")
    assert "Qhubeyxo Colony" not in _found(geoparser, text)
    p = event_place(geoparser, text)
    assert p is not None and p.name == "Karachi"


def test_a_town_lies_in_the_province_written_after_it(geoparser):
    # GeoNames knows only Pisky villages of other oblasts: Donetsk oblast stands in
    text = "On 7 May 2020, rebel forces fired grenade launchers at government positions near Pisky, Donetsk."
    pisky = _found(geoparser, text)["Pisky"]
    assert pisky.country_code == "UA" and pisky.admin1 == "Donetsk"


def test_a_near_spelling_yields_to_its_written_province(geoparser):
    # "Mindat District, Chin State": no near spelling abroad (Mendota, California) stands for Mindat
    text = "On 8 May 2020, in Paletwa Town, Mindat District, Chin State, a bullet hit and injured a man."
    i = text.index("Mindat")
    found = {p.text: p for p in geoparser.find_places(text, [(i, i + len("Mindat District"), "GPE")])}
    assert found["Mindat"].country_code == "MM"
