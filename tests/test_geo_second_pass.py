"""Place resolution, second pass (issue 10): a weak reading stays inside the areas the text names,
a local newspaper's city stands for the area around it, and a name the text places once beyond
doubt is a place where it is written again."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.geo import context
from sitrep.geo.resolve import Geoparser
from sitrep.reconcile.article import newspaper_town


def _places(geoparser: Geoparser, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.text: (p.name, p.admin1) for p in geoparser.find_places(text, [])}


@pytest.mark.parametrize("text,name,not_read_as,area", [
    # regression: a near spelling read as a town of another state (Mangaluru, Karnataka; Mathura,
    # Uttar Pradesh) where the text writes the state right after the village
    ("On Tuesday night, in Monger village, Latehar, Jharkhand, India, suspected militants opened fire on police.",
     "Monger", "Mangaluru", "Jharkhand"),
    ("On Tuesday, in Mundher village, Sambalpur, Odisha, India, suspected militants set fire to 20 vehicles.",
     "Mundher", "Mathura", "Odisha"),
    # a small town read by an alternate name of a town in another state (Laungowal, Punjab)
    ("Militants raided a village near Lalgarh in West Midnapore, West Bengal, India, on Tuesday.",
     "Lalgarh", "Laungowāl", "West Bengal"),
])
def test_weak_reading_stays_inside_the_named_area(geoparser, text, name, not_read_as, area):
    got = _places(geoparser, text)
    assert name in got, got  # the name stays written, placed inside the area
    assert got[name][0] != not_read_as and got[name][1] == area, got


@pytest.mark.parametrize("text,name,admin1", [
    # an exact name inside the named area stands, as does a town whose area the text does not name
    ("On Sunday, a bomb exploded at a shop in Imphal, Manipur, India.", "Imphal", "Manipur"),
    ("On Tuesday, militants attacked a police post in Latehar, Jharkhand, India.", "Latehar", "Jharkhand"),
])
def test_exact_names_inside_the_area_stand(geoparser, text, name, admin1):
    got = _places(geoparser, text)
    assert got[name][1] == admin1, got


@pytest.mark.parametrize("text,expected", [
    ("Joel Cantellan, 37 - The Homicide Report - Los Angeles TimesJoel Cantellan died", "Los Angeles"),
    ("Man shot on South Side | Chicago TribuneA man was shot", "Chicago"),
    ("Police: man killed in Dorchester - The Boston GlobeA man was killed", "Boston"),
    # a national paper reports from anywhere
    ("The New York Times reported that two men were shot in Ohio.", None),
    ("A man was shot on Friday, the Times said.", None),
])
def test_find_newspaper(text, expected):
    found = context.find_newspaper(text)
    assert (found[2] if found else None) == expected


def _area(geoparser: Geoparser, name: str, fcode: str):
    c = next(c for c in geoparser.candidates(name) if c.fcode == fcode)
    return geoparser.entry_place(c)


HOMICIDE = ("Joel Cantellan, 37 - The Homicide Report - Los Angeles TimesJoel Cantellan, a 37-year-old man, died "
            "Saturday after being shot in Vermont Knolls, according to Los Angeles County coroner's records.")


def test_newspaper_city_stands_for_its_county(geoparser):
    # regression: the incident was placed at Los Angeles County, the coroner's, not at the city
    county = _area(geoparser, "Los Angeles County", "ADM2")
    got = newspaper_town(HOMICIDE, county, geoparser)
    assert got is not None and got.name == "Los Angeles" and got.precision == 2, got


def test_newspaper_city_for_a_far_namesake_of_a_neighbourhood(geoparser):
    # "shot in Green Meadows": a neighbourhood of Los Angeles, not Green Meadows, Ohio
    text = HOMICIDE.replace("Vermont Knolls", "Green Meadows")
    far = next(p for p in geoparser.find_places("shot in Green Meadows, Ohio", []) if p.text == "Green Meadows")
    assert far.admin1 == "Ohio"
    got = newspaper_town(text, far, geoparser)
    assert got is not None and got.name == "Los Angeles" and got.text == "Green Meadows", got


@pytest.mark.parametrize("place,cc", [
    ("Pomona", "US"),     # a town of the city's own area stands
    ("Nevada", "US"),     # an area that does not hold the city
])
def test_newspaper_city_replaces_no_other_place(geoparser, place, cc):
    c = max((c for c in geoparser.candidates(place) if c.cc == cc), key=lambda c: c.pop)
    assert newspaper_town(HOMICIDE, geoparser.entry_place(c), geoparser) is None


@pytest.mark.parametrize("text,name", [
    # regression: the sentence-initial mentions were no places, though the text places the town
    ("Fargo raised its goal for daily sandbag output. The river will crest at 40 feet in Fargo on Friday.", "Fargo"),
    ("Gainesville man charged with stealing a car. The man was arrested in Gainesville, Florida.", "Gainesville"),
])
def test_one_sense_per_discourse(geoparser, text, name):
    got = [p for p in geoparser.find_places(text, []) if p.text == name]
    assert len(got) == 2, got
    assert got[0].geonameid == got[1].geonameid is not None


def test_one_sense_needs_a_confident_mention(geoparser):
    # written once, at a sentence's start and with nothing else: still no place
    assert not [p for p in geoparser.find_places("Fargo raised its goal for daily sandbag output.", []) if p.text == "Fargo"]


@pytest.mark.parametrize("text,area,admin1,feature", [
    # regression: the town's area read as the province's capital, which then took the event
    ("On 9 May 2020, militia forces looted wheat crops in rural Saraqab in Idleb.", "Idleb", "Idlib", "A.ADM1"),
    ("PKK militants attacked army units on a hill in Cukurca district of Hakkari, killing 2 soldiers.",
     "Hakkari", "Hakkari", "A.ADM1"),
    # a metropolis stands: the text writes its districts and suburbs in it
    ("A bomb exploded at a market in Abu Ghraib in Baghdad on Monday.", "Baghdad", None, "P.PPLC"),
])
def test_area_written_after_a_town(geoparser, text, area, admin1, feature):
    got = {p.text: p for p in geoparser.find_places(text, [])}
    assert got[area].feature == feature, got[area]
    if admin1:
        assert got[area].admin1 == admin1


@pytest.mark.parametrize("text", [
    # regression: "I’ll" read as an alternate name of Illinois made the incident's place the state
    "The victim told police: “I’ll be fine,” before he was taken to a hospital.",
    "\"I'll find you,\" the gunman shouted before he fired.",
])
def test_contraction_is_no_state(geoparser, text):
    assert not [p for p in geoparser.find_places(text, []) if p.name == "Illinois"]
