"""A town's own services name it as a place ("the Tega Cay Fire Department", "Mansfield council to
vote"), and a given name is no people of a province ("Alan" is not Alabama's): US local news, where
NER tags many towns PERSON (issue 10, item 1). Sentences are our own."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.extract.reader import Reader


@pytest.fixture(scope="module")
def ner():
    return Reader()._ner


@pytest.mark.parametrize("text,name,admin1", [
    ("Crews from the Tega Cay Volunteer Fire Department put out a kitchen blaze on Tuesday, and the Tega Cay "
     "Fire Department chief said no one was hurt.", "Tega Cay", "South Carolina"),
])
def test_a_towns_fire_department_names_the_town(geoparser, ner, text, name, admin1):
    found = {(p.name, p.admin1) for p in geoparser.find_places(text, ner([text])[0])}
    assert (name, admin1) in found


@pytest.mark.parametrize("word,cc", [("Alan", None), ("Allan", None), ("Iowan", "US"), ("Punjabi", "PK"), ("Bavarian", "DE")])
def test_a_given_name_is_no_people_of_a_province(geoparser, word, cc):
    assert geoparser._demonym_country(word) == cc
