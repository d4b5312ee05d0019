"""A continent's adjective that modifies a noun ("the European air transport industry") is that
continent's toponym where a corpus counts modifiers (GeoWebNews), never a country's demonym; and a
continent has no country to be right about in the geoparsing score. A large city abroad with no
namesake in a settled document's country is that city, not the document's area. Sentences are our own."""
from __future__ import annotations

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.evaluate.geo import evaluate


def test_a_continents_adjective_is_the_continent_as_a_modifier(geoparser):
    text = "The European aviation industry asked African ministers and Asian airlines for help. Europeans flew less."
    got = {p.text: p.name for p in geoparser.find_places(text, None, modifiers=True)}
    assert got == {"European": "Europe", "African": "Africa", "Asian": "Asia"}  # not the people ("Europeans")
    assert {p.text for p in geoparser.find_places(text, None, adjectival=True)} == set()  # LGL counts countries only
    assert geoparser._demonym_country("European") is None  # no evidence of any country


def test_a_continent_is_left_out_of_country_accuracy(geoparser):
    text = "Ministers from Europe met in Paris."
    europe, paris = text.index("Europe"), text.index("Paris")
    record = {"id": "c-1", "text": text, "toponyms": [
        {"start": europe, "end": europe + 6, "lat": 48.69096, "lon": 9.14062, "geonameid": 6255148},
        {"start": paris, "end": paris + 5, "lat": 48.85341, "lon": 2.3488, "geonameid": 2988507}]}
    scores = evaluate([record], "geowebnews", geoparser=geoparser, ner=False)
    assert scores["recall"] == 1.0 and scores["country_acc"] == 1.0  # Europe's point lies in Germany


def test_a_large_city_with_no_namesake_in_the_documents_country_stands_abroad(geoparser):
    text = ("CAIRO - Boys at a football academy in Cairo dream of playing for Liverpool, where the Egyptian "
            "striker scores for the club. Cairo's academies charge 8,000 Egyptian pounds a year.")
    got = {p.text: (p.name, p.country_code) for p in geoparser.find_places(text)}
    assert got["Liverpool"] == ("Liverpool", "GB") and got["Cairo"][1] == "EG"
