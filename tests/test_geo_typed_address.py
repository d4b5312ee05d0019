"""A bracketed address with its type words (issue 10): "X sector area (Poonch district, J&K)". The
district written with its type word inside the brackets is an area of the address whatever NER
calls it (the small model tags "Poonch" NORP, a people); and a name placed only as the country or
an area, because no town of the country bears it, stands at the finer place its brackets name.
Sentences are our own, in the shape of ACLED notes; the sector names are made up."""
from __future__ import annotations

import pytest

from geo_fixtures import event_place, gazetteer, geoparser, labelled_ents  # noqa: F401


def _note(name: str) -> tuple[str, list[tuple[int, int, str]]]:
    text = (f"On 14 March 2021, military forces of India and Pakistan fired at each other across the LoC "
            f"in {name} sector area (Poonch district, J&K).")
    return text, labelled_ents(text, [("India", "GPE"), ("Pakistan", "GPE"), (name, "GPE"), ("Poonch", "NORP"),
                                      ("J&K", "ORG")])


def test_a_typed_district_in_the_brackets_is_a_place_whatever_ner_says(geoparser):
    text, ents = _note("Balnoi")
    places = {p.text: p for p in geoparser.find_places(text, ents)}
    assert places["Poonch"].country_code == "IN" and places["Poonch"].admin1 == "Kashmir"


@pytest.mark.parametrize("name", [
    "Balnoi",  # no gazetteer knows it
    "Kerni",   # read only by a near spelling abroad (Kearny, New Jersey), so placed as India
])
def test_a_sector_stands_at_the_district_its_brackets_name(geoparser, name):
    text, ents = _note(name)
    p = event_place(geoparser, text, ents)
    assert p.text == name
    assert (p.country_code, p.admin1, p.precision) == ("IN", "Kashmir", 2)


def test_a_name_the_country_has_keeps_its_own_entry(geoparser):
    text, ents = _note("Shahpur")
    p = event_place(geoparser, text, ents)
    assert p.text == "Shahpur" and p.precision == 1 and p.country_code == "IN"


def test_a_nationality_outside_an_address_is_still_no_place(geoparser):
    text = "On 14 March 2021, Pakistani troops fired at an army post across the LoC, in Poonch district (J&K)."
    ents = labelled_ents(text, [("Pakistani", "NORP"), ("Poonch", "GPE"), ("J&K", "ORG")])
    assert "Pakistani" not in {p.text for p in geoparser.find_places(text, ents) if p.precision is not None and p.precision < 6}
