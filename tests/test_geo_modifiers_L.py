"""Demonyms that modify a noun, for corpora that count modifiers but not the people (issue 10,
GeoWebNews' Literal_Modifier and Non_Literal_Modifier; its Demonym class has no coordinates).
Sentences are our own, in the shapes of international news stories."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401


@pytest.mark.parametrize("text,word,cc", [
    ("Migrants drowned off the Tunisian coast on Sunday, the coast guard said.", "Tunisian", "TN"),
    ("Mexican officials rejected the remarks made in Washington.", "Mexican", "MX"),
    ("The Saudi-led coalition denied striking the market.", "Saudi", "SA"),
    ("A British aid worker was freed on Sunday.", "British", "GB"),
])
def test_a_demonym_before_its_noun_is_a_modifier_toponym(geoparser, text, word, cc):
    assert word not in {p.text for p in geoparser.find_places(text)}  # never by default: no event pin
    places = {p.text: p for p in geoparser.find_places(text, modifiers=True)}
    assert places[word].country_code == cc


@pytest.mark.parametrize("text,word", [
    ("Millions of Mexicans watched the debate on Tuesday night.", "Mexicans"),
    ("Among the passengers was an American; the rest were local.", "American"),
    ("None of the injured were British, the ministry said.", "British"),
    ("He is a proud Nigerian who has worked in Lagos for years.", "Nigerian"),
])
def test_the_people_are_no_modifier_toponym(geoparser, text, word):
    assert word not in {p.text for p in geoparser.find_places(text, modifiers=True)}
    # LGL's reading still counts them
    assert word in {p.text for p in geoparser.find_places(text, adjectival=True)}
