"""The outlet's country where its name says it (issue 10, sixth pass): a US local broadcaster's
story ("| abc13.com", "« CBS4", "WBNS-TV") is US local news, so an event with no place the
gazetteer knows falls back to the United States (UCDP where_prec 6) and its towns stay inside."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.geo import context


@pytest.mark.parametrize("text,expected", [
    ("Conroe police officer shot by man who fled from traffic stop | abc13.comA man is in custody", ["abc13"]),
    ("Man hospitalized after Feltonville shooting | 6abc.comA man is hospitalized", ["6abc"]),
    ("Deadly Shooting Of 18-Year-Old May Have Been Accident « CBS DenverENGLEWOOD (CBS4) – A teenager", ["CBS4"]),
    ("17-Year-Old Boy Shot, Killed in Stockton | FOX40A 17-year-old boy was shot", ["FOX40"]),
    ("the gunman faxing a letter to KABC Channel 7 shortly before killing himself", ["KABC"]),
    ("Police told WBNS-TV that the man was shot twice.", ["WBNS-TV"]),
    # not an outlet: New Zealand's "3 News", KFOR (the Kosovo Force), the WHO, lower-case words
    ("Speaking to 3 News, the minister said the quake killed two.", []),
    ("KFOR troops were deployed near Mitrovica after the clashes.", []),
    ("The WHO said 12 people died of the disease.", []),
    ("the abc of it, said the cbs reporter", []),
])
def test_find_outlets(text, expected):
    assert [text[s:e] for s, e, _ in context.find_outlets(text)] == expected


@pytest.mark.parametrize("text", [
    "Conroe police officer shot by man who fled from traffic stop | abc13.comA man is in custody, accused of "
    "shooting at a Conroe police officer early Sunday morning.",
    "Man hospitalized after Feltonville shooting | 6abc.comA man is hospitalized after a shooting in the city's "
    "Feltonville section.",
])
def test_outlet_gives_the_fallback_country(geoparser, text):
    # regression: no place found, and the incident had no country at all
    assert geoparser.document_country(text) == "US"


def test_outlet_settles_the_document():
    doc = context.build("Man shot on Mile Road | FOX6 News Milwaukee", None, [], lambda name: (), lambda word: None)
    assert doc.country == "US" and doc.settled
