"""Places, fifth pass (issue 10): a written "X district" / "X county" / "X LGA" is that admin2 area
(UCDP where_prec 3, its point) when the gazetteer has it, whatever the NER label; the area written
after the type word contains it ("Cuauhtemoc municipality, Chihuahua"); and in a US city's story a
neighbourhood the gazetteer knows only as a small town of another state is the city ("Westwood" in
a Cincinnati story, not Westwood, Kentucky). Sentences written for these tests in the style of
conflict-monitor notes and local news."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.geo import shapes

TYPE_WORDS = {"district": "ADM2", "county": "ADM2", "lga": "ADM2", "municipality": "ADM2", "province": "ADM1",
              "city": "PPL"}


@pytest.mark.parametrize("text,name,expected", [
    ("Cuauhtemoc municipality, Chihuahua, a man", "Cuauhtemoc", "Chihuahua"),
    ("Golbasi district of Adiyaman for two weeks", "Golbasi", "Adiyaman"),
    ("Akre district of the Ninewa governorate", "Akre", "Ninewa"),
    ("Prague, Oklahoma on Sunday", "Prague", "Oklahoma"),  # the plain "X, Y"
    ("Mansura city, Ar-Raqqa", "Mansura", None),  # a town's type word is no admin area's
    ("Kasese district demonstrated", "Kasese", None),
])
def test_container_after_type_word(text, name, expected):
    assert shapes.container_after(text, len(name), TYPE_WORDS) == expected


@pytest.mark.parametrize("name,kind,expected", [
    ("Murshidabad", "ADM2", True),   # an Indian district
    ("Kasese", "ADM2", True),        # Kasese District, Uganda
    ("Murshidabad", "PPL", False),   # a town's type word says nothing of areas
    ("Mbouda", "ADM2", False),       # no admin2 entry of that name
])
def test_typed_area(geoparser, name, kind, expected):
    assert shapes.typed_area(kind, geoparser.candidates(name)) is expected


def _found(geoparser, text, ents=()):
    spans = [(text.index(n), text.index(n) + len(n), label) for n, label in ents]
    return [(p.text, p.country_code, p.feature, p.precision, p.admin1) for p in geoparser.find_places(text, spans)]


@pytest.mark.parametrize("text,ents,name,country,feature", [
    # the type word names the kind of area the name is: the NER's ORG label does not drop it
    ("Villagers staged a protest in Raghunathganj (Murshidabad district, West Bengal) on Friday.",
     [("Murshidabad", "ORG")], "Murshidabad", "IN", "A.ADM2"),
    # nor a NORP label on a name that only looks like a nationality ("-ese")
    ("On Monday, residents of Kasese district demonstrated at the district office.",
     [("Kasese", "NORP")], "Kasese", "UG", "A.ADM2"),
    # the state after the type word contains the name (not Cuauhtemoc, Zacatecas)
    ("A man was found dead on a road in Cuauhtemoc municipality, Chihuahua.", [], "Cuauhtemoc", "MX", None),
    # the province after "district," places the district's town (not Zary, Poland)
    ("Taliban fighters attacked a checkpoint in Qarabagh district, Ghazni on Monday.", [], "Qarabagh", "AF", None),
    # a compass word before "LGA" keeps the town the area is named after
    ("Gunmen killed a farmer in Naraguta (Jos North LGA, Plateau) on Sunday.",
     [("Jos North LGA", "ORG")], "Jos", "NG", "P.PPL"),
])
def test_written_admin2(geoparser, text, ents, name, country, feature):
    found = _found(geoparser, text, ents)
    mine = [f for f in found if f[0] == name]
    assert mine and all(f[1] == country for f in mine), found
    if feature is not None:
        assert all(f[2] == feature for f in mine), found
    if feature == "A.ADM2":
        assert all(f[3] == 3 for f in mine), found


def test_cuauhtemoc_lies_in_the_state_written(geoparser):
    found = _found(geoparser, "A man was found dead on a road in Cuauhtemoc municipality, Chihuahua.")
    assert [f[4] for f in found if f[0] == "Cuauhtemoc"] == ["Chihuahua"], found


def test_event_in_a_town_of_a_written_district(geoparser):
    """A town the gazetteer lacks, written with its district: the event is placed at the district
    (where_prec 3), not the state after it (4)."""
    text = "Villagers staged a protest in Raghunathganj (Murshidabad district, West Bengal) on Friday."
    places = geoparser.find_places(text, [(text.index("Murshidabad"), text.index("Murshidabad") + 11, "ORG")])
    s = text.index("protest")
    p = geoparser.event_place(text, places, (s, s + 7))
    assert p is not None and p.precision == 3 and p.name == "Murshidabad" and p.country_code == "IN"


@pytest.mark.parametrize("text,name,admin1,precision", [
    # a neighbourhood of the story's city, known only as a hamlet of another state
    ("CINCINNATI, Ohio — A 19-year-old man was shot and killed Saturday night in Westwood, police said. "
     "Cincinnati police have not made an arrest.", "Westwood", "Ohio", 2),
    # a name written with its state stays there
    ("A man was shot in Roseland, N.J., on Tuesday, Chicago police said.", "Roseland", "New Jersey", 1),
    # the dateline's own name is the city, whatever state the gazetteer knows it in
    ("ROSEBUD, Mo. — A man was shot near Rosebud late Thursday, deputies said.", "Rosebud", None, 1),
])
def test_neighbourhood_of_the_city(geoparser, text, name, admin1, precision):
    found = _found(geoparser, text)
    mine = [f for f in found if f[0] == name]
    assert mine, found
    assert all(f[3] == precision for f in mine), found
    if admin1 is not None:
        assert all(f[4] == admin1 for f in mine), found
