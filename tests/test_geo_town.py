"""The town of the incident (issue 10, eighth pass): a neighbourhood is placed at the town it lies
in, an admin area or a country yields to a town the text names inside it, and an area written
after a town ("Saraqib in Idlib countryside") is its container. Sentences are our own, in the
shape of local news and conflict notes."""
from __future__ import annotations

import re

import pytest

from geo_fixtures import event_place, gazetteer, geoparser  # noqa: F401
from sitrep.geo import event
from sitrep.models import Place


def _ents(text: str) -> list[tuple[int, int, str]]:
    # what NER gives for neighbourhoods the gazetteer lacks ("Point Breeze")
    return [(m.start(), m.end(), "LOC") for m in re.finditer(r"Point Breeze|Bom Jardim|Washington Heights", text)]


def _event_place(geoparser, text: str) -> Place | None:
    return event_place(geoparser, text, _ents(text))


@pytest.mark.parametrize("text,neighbourhood", [
    ("A man was wounded by a Chicago police officer on Saturday in the Washington Heights neighborhood.", True),
    ("Two men were shot in the Point Breeze section of Philadelphia on Sunday.", True),
    ("Gunmen killed a shopkeeper in Colonia Bellavista, Ciudad Juarez, on Monday.", True),
    ("Gunmen killed a shopkeeper in Ciudad Juarez on Monday.", False),
])
def test_is_neighbourhood(geoparser, text, neighbourhood):
    places = geoparser.find_places(text, _ents(text))
    assert any(event.is_neighbourhood(text, p, geoparser.prefixes) for p in places) is neighbourhood, places


@pytest.mark.parametrize("text,town", [
    # the town written before the neighbourhood, in the same report
    ("A man was wounded by a Chicago police officer on Saturday in the Washington Heights neighborhood.", "Chicago"),
    ("In Fortaleza, Ceara, a man was shot dead in Bom Jardim neighborhood on Friday.", "Fortaleza"),
    # the town written after it
    ("Two men were shot in the Point Breeze section of Philadelphia on Sunday.", "Philadelphia"),
    ("Gunmen killed a shopkeeper in Colonia Bellavista, Ciudad Juarez, on Monday.", "Ciudad Juárez"),
])
def test_neighbourhood_is_placed_at_its_town(geoparser, text, town):
    p = _event_place(geoparser, text)
    assert p is not None and p.name == town and p.precision == 2, p


@pytest.mark.parametrize("text,town", [
    # a town written inside the chosen area or country is the more specific place
    ("Hundreds protested in the town of Saraqib in Idlib province on Friday.", "Saraqib"),
    ("Regime forces shelled Saraqib in Idlib countryside, killing two civilians.", "Saraqib"),
    ("Gendarmes clashed with militants in the Ovacik district of Tunceli.", "Ovacık"),
])
def test_town_inside_the_area(geoparser, text, town):
    p = _event_place(geoparser, text)
    assert p is not None and p.name == town, p


def test_areas_written_after_a_town():
    text = "Shelling hit Saraqib in Idlib countryside and Doutchi (Diffa) on Monday."
    places = [Place("Saraqib", 13, 20, precision=1), Place("Idlib", 24, 29, precision=1),
              Place("Doutchi", 46, 53, precision=1), Place("Diffa", 55, 60, precision=4)]
    assert event.areas_written_after(text, places) == {1, 3}


@pytest.mark.parametrize("text,town", [
    # the headline names the town, the event's sentence only its state
    ("Shooting in Neenah, Wisconsin: officer hurt\nPolice say an officer was wounded in a shooting in a Wisconsin town.",
     "Neenah"),
    ("Man shot in Stroudsburg\nA man was shot on Main Street on Friday, Pennsylvania State Police said.", "Stroudsburg"),
])
def test_area_yields_to_a_town_the_text_names(geoparser, text, town):
    places = geoparser.find_places(text)
    area = next(p for p in reversed(places) if p.precision in (4, 6))
    found = geoparser.town_in_text(text, area, places)
    assert found is not None and found.text == town, (area, places)


@pytest.mark.parametrize("text", [
    # a person's home town is not where the event happened
    "A 25-year-old man from Neenah was shot in Wisconsin on Friday.",
    # a place the gazetteer lacks, placed at its area, keeps its written name
    "Militants attacked a camp in Kochkinzai village, Wardak, on Monday.",
])
def test_area_without_a_town(geoparser, text):
    places = geoparser.find_places(text)
    areas = [p for p in places if p.precision in (4, 6)]
    assert all(geoparser.town_in_text(text, a, places) is None for a in areas), places
