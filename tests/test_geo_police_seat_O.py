"""Issue 10, the event's place in local news: a town written only as the seat of the police that
handle the event ("a Conroe police officer was shot", "Trotwood police said") is the event's town
where the text gives nothing finer than its country or state. NER tags such a town ORG; the police
word after it says what it is. Sentences are our own, in the shapes of US local news."""
from __future__ import annotations

import datetime as dt

import pytest

from geo_fixtures import place_at
from sitrep.geo.event import police_seat
from sitrep.models import Article, Place


def _place(extractor, text: str) -> Place | None:
    incs = extractor.extract(Article("seat-o", text, dt.date(2016, 1, 20))).incidents
    assert incs
    return incs[0].location


@pytest.mark.parametrize("text, town, state", [
    ("Conroe police officer shot by driver who fled | abc13.com\n\nA driver is in custody, accused of shooting "
     "at a Conroe police officer early Sunday morning. It happened at around 2am after a traffic stop.",
     "Conroe", "Texas"),
    ("Beaumont police officer shot during chase\n\nA suspect is in custody, accused of shooting at a Beaumont "
     "police officer early Friday. It happened shortly after midnight when the officer tried to stop a truck.",
     "Beaumont", "Texas"),
])
def test_the_town_of_the_police_is_the_event_town(extractor, text, town, state):
    place = _place(extractor, text)
    assert place is not None and place.name == town and place.admin1 == state and place.precision == 1


def test_a_town_written_where_the_shooting_happened_stays(extractor):
    text = ("Man shot outside store\n\nA man was shot outside a store in Humble on Tuesday night, Houston "
            "police said. He was taken to a hospital in stable condition.")
    place = _place(extractor, text)
    assert place is not None and place.name == "Humble"


@pytest.mark.parametrize("text, name, seat", [
    ("a Conroe police officer was shot", "Conroe", True),
    ("Trotwood Police Department said", "Trotwood", True),
    ("the Beaumont sheriff said", "Beaumont", True),
    ("a Conroe man was shot", "Conroe", False),
    ("the mayor of Conroe said", "Conroe", False),
])
def test_police_seat(text, name, seat):
    assert police_seat(text, place_at(text, name)) is seat


@pytest.mark.parametrize("text, city", [
    ("Man Shot To Death In Little Village « CBS Chicago\n\nA 41-year-old man was fatally shot late Sunday in "
     "the Little Village neighborhood. He was standing outside a store in the 2900 block of West 26th Street "
     "when a car pulled up and someone inside opened fire, according to the Cook County medical examiner's "
     "office.", "Chicago"),
])
def test_a_station_city_is_the_event_city_in_its_county(extractor, text, city):
    place = _place(extractor, text)
    assert place is not None and place.name == city and place.precision == 2


@pytest.mark.parametrize("headline, city", [
    ("Man Shot To Death In Little Village « CBS Chicago", "Chicago"),
    ("Two hurt in crash | FOX5 San Diego", "San Diego"),
    ("Man shot near school | Local News - Home", None),
])
def test_find_station_city(headline, city):
    from sitrep.geo.context import find_newspaper

    found = find_newspaper(headline + "\n\nBody text.")
    assert (found[2] if found else None) == city
