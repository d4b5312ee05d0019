"""The country of the incident, sixth pass (issue 10): a county written with its type word is
evidence of its country, a short alternate name does not cross into a country the text gives no weight, and an event place the
gazetteer cannot place still gets the text's country (UCDP where_prec 6)."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.geo import context
from sitrep.models import Place


@pytest.mark.parametrize("name,cc", [
    ("Los Angeles County", "US"),   # "according to Los Angeles County coroner's records"
    ("Cook County", "US"),
    ("Jefferson", None),            # a bare name: its namesakes are many
    ("Los Angeles", None),          # a city, not a county written with its type word
])
def test_named_admin2(geoparser, name, cc):
    found = context.named_admin2(name, geoparser.candidates(name))
    assert (found.cc if found else None) == cc


@pytest.mark.parametrize("text,name,not_cc", [
    # regression: "Zari" read as Zary, Poland (one of its alternate names), "Guru" as Gulu, Uganda
    ("Boy, 16, arrested after shooting incident at Ben Franklin High School | 6abc.com The teen was arrested.",
     "Ben", "CH"),
    ("Villagers staged a protest in Guru village near Amritsar, Indian police said.", "Guru", "UG"),
    ("Taliban militants attacked a checkpoint in Zari district on Friday, the Afghan army said.", "Zari", "PL"),
])
def test_short_alternate_name_does_not_cross(geoparser, text, name, not_cc):
    assert all(p.country_code != not_cc for p in geoparser.find_places(text) if p.text == name)


def test_short_alternate_keeps_kiev(geoparser):
    places = geoparser.find_places("Protesters gathered in central Kiev on Sunday.")
    assert [p.country_code for p in places if p.text == "Kiev"] == ["UA"]


def test_unplaced_event_name_takes_the_texts_country(geoparser):
    # regression: the event place was a surname the gazetteer lacks, and the incident had no country
    text = ("Iris Barrera, 29 - The Homicide Report - Los Angeles Times. Iris Barrera died Friday in Pico-Union, "
            "according to Los Angeles County coroner's records.")
    start = text.index("Barrera")
    p = geoparser.in_country(text, Place(text="Barrera", start=start, end=start + 7), geoparser.find_places(text))
    assert (p.text, p.country_code, p.precision) == ("Barrera", "US", 6)


def test_resolved_event_place_is_kept(geoparser):
    text = "A man was shot in Dayton, Ohio."
    places = geoparser.find_places(text)
    dayton = next(p for p in places if p.text == "Dayton")
    assert geoparser.in_country(text, dayton, places) is dayton
