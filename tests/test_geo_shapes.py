"""Places, fourth pass (issue 10): the shape of an address keeps a name in its area ("Mansura city
in Ar-Raqqa"; "Tuzla industrial zone in Tuzla, Istanbul"), an address's head and areas stand
against the NER's person and organisation labels ("Deoband (UP)", "(Mayo-Sava, Extreme-Nord)"), an
old name of a capital is not that capital ("Philadelphia"), and a town's own repeated name is no
evidence of its country ("Dublin" in an Ohio story). Sentences written for these tests in the
style of local news and conflict-monitor notes."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.geo import shapes


@pytest.mark.parametrize("text,area,expected", [
    ("Mansura city in Ar-Raqqa countryside", "Ar-Raqqa", True),
    ("Saqba in Rural Damascus", "Rural Damascus", True),
    ("Qasrak in Tal Baydar area", "Tal Baydar", True),
    ("Homs in Homs and Hama", "Homs and", False),  # a list of areas: no container
    ("Mansura, near Ar-Raqqa", "Ar-Raqqa", False),
])
def test_written_in(text, area, expected):
    end = text.index(" ")
    s = text.index(area, end)
    assert shapes.written_in(text, end, s, s + len(area.split()[0])) is expected


def _places(geoparser, text, ent=None):
    ents = []
    if ent:
        name, label = ent
        s = text.index(name)
        ents = [(s, s + len(name), label)]
    return [(p.text, p.country_code) for p in geoparser.find_places(text, ents)]


@pytest.mark.parametrize("text,ent,name,country", [
    # "X city in <admin1>": the name lies in that area (not Al Mansurah, Egypt)
    ("Gunmen killed a shopkeeper in Mansura city in Ar-Raqqa countryside on Monday.", None, "Mansura", "SY"),
    # one sense per discourse follows the mention its address placed (not Tuzla, Bosnia)
    ("Unknown attackers set fire to a warehouse in Tuzla industrial zone in Tuzla, Istanbul on Friday.", None, "Tuzla", "TR"),
    # an old name of a capital (Amman's "Philadelphia") is not that capital when a city bears it now
    ("Police have identified the teenager shot in Philadelphia late Sunday. Philadelphia police said two suspects fled.",
     None, "Philadelphia", "US"),
    # a town's own repeated name is no evidence of its country: the other places are
    ("A man was shot outside a bar in Dublin on Saturday, Dublin police said. He was taken to a hospital in Columbus. "
     "Dublin officers are looking for a suspect who fled toward Hilliard.", None, "Dublin", "US"),
    # an address's head stands against an NER organisation label
    ("Villagers pelted stones at police in Deoband (UP) on Friday.", ("Deoband", "ORG"), "Deoband", "IN"),
    # an address's bracketed area stands against an NER person label (and is not Kløfta, Norway)
    ("Militants looted shops in Kolofata town (Mayo-Sava, Extreme-Nord) on Sunday.", ("Extreme-Nord", "PERSON"),
     "Extreme-Nord", "CM"),
])
def test_address_shapes(geoparser, text, ent, name, country):
    found = _places(geoparser, text, ent)
    assert [cc for t, cc in found if t == name] and all(cc == country for t, cc in found if t == name), found
    assert all(cc in (country, None) for _, cc in found), found


@pytest.mark.parametrize("text,name,country", [
    # a compass word opening a street's or a neighbourhood's name is not Cameroon's West region
    ("He was outside about 8:20 p.m. in the 3700 block of West Polk Street in Chicago when a gunman opened fire.",
     "West", None),
    ("The teenager was shot and killed in West Philadelphia late Sunday.", "West", None),
    # "X district center, Y": Y is the area X lies in (not Zary, Poland)
    ("Taliban militants attacked a checkpoint in Zari district center, Balkh on Friday.", "Zari", "AF"),
])
def test_longer_names_and_areas(geoparser, text, name, country):
    found = _places(geoparser, text)
    mine = [cc for t, cc in found if t == name]
    if country is None:
        assert not mine, found
    else:
        assert mine and all(cc == country for cc in mine), found


@pytest.mark.parametrize("text,expected", [
    ("Protesters gathered in Erode city (Erode, TN) outside a ration shop.", True),  # Tamil Nadu, not Tennessee
    ("Workers blocked a highway near Madurai, TN on Wednesday.", True),
    ("A man was shot in Reno, Nev., on Sunday.", False),
    ("A man was shot in Belpre, Ohio, on Sunday.", False),
])
def test_abbreviation_after_a_town_abroad(geoparser, text, expected):
    from sitrep.geo.context import abroad_before, find_state_abbreviations

    found = find_state_abbreviations(text)
    assert all(abroad_before(text, s, geoparser.candidates) is expected for s, _, _ in found)
    if expected:
        assert found and all(p.country_code == "IN" for p in geoparser.find_places(text) if p.precision is not None)
