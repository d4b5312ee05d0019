"""A compass word and a demonym name one country together: "South Sudanese soldiers" serve South
Sudan, not Sudan; "North Korean troops" North Korea, not South Korea; "South Ossetian" is South
Ossetia. As a place (geoparsing corpora that count demonyms), as the document's evidence and as
the country state forces serve (issue 10 item 1, issue 11 item 5). Sentences are our own."""
from __future__ import annotations

import datetime as dt

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.geo.context import actor_demonyms
from sitrep.models import Article


@pytest.mark.parametrize("text,word,cc", [
    ("South Sudanese troops crossed the river.", "South Sudanese", "SS"),
    ("North Korean artillery fired into the sea.", "North Korean", "KP"),
    ("South Ossetian separatists said the village was shelled.", "South Ossetian", "GE"),
    ("Sudanese police closed the road.", "Sudanese", "SD"),  # no compass word: the demonym alone
])
def test_a_compass_word_and_a_demonym_are_one_place(geoparser, text, word, cc):
    found = {p.text: p.country_code for p in geoparser.find_places(text, None, adjectival=True)}
    assert found.get(word) == cc


def test_a_compass_word_before_a_demonym_is_the_documents_evidence(geoparser):
    got = actor_demonyms("South Sudanese soldiers clashed with Sudanese police near the border.", geoparser._demonym_country)
    assert got["South Sudanese"][0] == "SS" and got["Sudanese"][0] == "SD"


@pytest.mark.parametrize("text,actor", [
    ("On 7 May 2020, South Sudanese soldiers clashed with SPLA-IO fighters in Yei, killing 4.", "Military Forces of South Sudan"),
    ("On 7 May 2020, North Korean troops fired artillery shells across the border.", "Military Forces of North Korea"),
])
def test_state_forces_serve_the_country_of_the_whole_nationality(extractor, text, actor):
    x = extractor.extract(Article("t", text, dt.date(2020, 5, 8)))
    names = {a.name for i in x.incidents for a in i.actors}
    assert any(n.startswith(actor) for n in names), names
