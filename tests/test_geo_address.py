"""The event's town from the address it is written in (issue 10, ninth pass): a street's name is
no place of its own, a dateline's town is local news' place, a town and the area written after it
are read together (an area's name shared by several countries is the one that holds the town), a
name the address vouches for is a place, and a village the gazetteer lacks stands at the town
written after it. Sentences are our own, in the shape of local news and conflict notes."""
from __future__ import annotations

import pytest

from geo_fixtures import event_place, gazetteer, geoparser, place_at  # noqa: F401
from sitrep.geo import event
from sitrep.models import Article, Place
from sitrep.reconcile.article import dateline_town


@pytest.mark.parametrize("text,name,street", [
    ("A man was shot in the 2400 block of West Polk Street, police said.", "Polk", True),
    ("Reporters protested on Murree road in Rawalpindi city against the arrest.", "Murree", True),
    ("A woman was shot near 35th and Thurston on Sunday.", "Thurston", True),
    ("A driver was robbed on Main St. in Dayton.", "Main", True),
    # a road between two towns runs from them; a town, a county road, an airport are places
    ("Students blocked the Uruapan-Patzcuaro road on Monday.", "Uruapan", False),
    ("Students blocked the Uruapan-Patzcuaro road on Monday.", "Patzcuaro", False),
    ("Two men were killed in Dayton on Friday.", "Dayton", False),
    ("Shelling was reported near Donetsk airport.", "Donetsk", False),
])
def test_names_street(text, name, street):
    assert event.names_street(text, place_at(text, name)) is street


def test_a_county_road_is_in_the_county():
    text = "A man was found dead on a northwest Harris County road."
    p = place_at(text, "Harris County")
    p.precision = 3
    assert not event.names_street(text, p)


@pytest.mark.parametrize("text,name,cc", [
    # the street is left out: the town written with it is the event's
    ("Reporters protested on Murree road in Rawalpindi city against the arrest.", "Rawalpindi", "PK"),
    ("A woman was shot near 35th and Center in Milwaukee on Sunday.", "Milwaukee", "US"),
    # a town and the area written after it, read together: Centre in Haiti holds Hinche
    ("Protesters gathered in Hinche, Centre, on Friday to demand water.", "Hinche", "HT"),
    ("Teachers protested in Kaya, Centre-Nord, over unpaid wages.", "Kaya", "BF"),
    ("Journalists protested in Hyderabad city (Hyderabad, Sindh) against the arrest of an editor.", "Hyderabad", "PK"),
    # an area written after "X, At ..." is the container, not the event's place
    ("Gunmen killed a teacher in Kirkuk, At Ta'mim, Iraq, on Monday.", "Kirkuk", "IQ"),
    # the address vouches for a near spelling ("Tal Tamer": Tall Tamr)
    ("Shells fell on the town of Tal Tamer in the countryside of Al-Hasakeh on Monday.", "Tall Tamr", "SY"),
    # a reading that its own address rules out is no evidence for the others (Farnaj is no Texan town)
    ("Heavy gunfire was reported in Al Farnaj (Tripoli) and nobody was killed.", "Tripoli", "LY"),
])
def test_event_town_from_the_address(geoparser, text, name, cc):
    p = event_place(geoparser, text)
    assert p is not None and p.name == name and p.country_code == cc, p


@pytest.mark.parametrize("text,name,cc", [
    # a neighbourhood prefix read alone ("Colonia", Uruguay) opens the neighbourhood's name
    ("Gunmen shot two men inside a bar in Colonia Lomas Verdes, Nuevo Leon.", "Nuevo Leon", "MX"),
    ("In Zapopan, Jalisco, gunmen shot a taxi driver dead in Colonia Santa Lucia.", "Zapopan", "MX"),
])
def test_neighbourhood_prefix_alone(geoparser, text, name, cc):
    p = event_place(geoparser, text)
    assert p is not None and p.name == name and p.country_code == cc, p


@pytest.mark.parametrize("dateline,name,admin1,names_state", [
    ("FAYETTEVILLE, N.C.", "Fayetteville", "North Carolina", True),
    ("INDIANAPOLIS, Ind. (December 22, 2015)", "Indianapolis", "Indiana", True),
    ("AMARILLO, Texas (KVII)", "Amarillo", "Texas", True),
    ("PALM BEACH COUNTY, Fla.", "Palm Beach County", "Florida", True),
    ("MILWAUKEE", "Milwaukee", "Wisconsin", False),
    ("KABUL (Reuters)", "Kabul", "Kabul", False),
    ("UPDATE", None, None, False),
])
def test_dateline_town(geoparser, dateline, name, admin1, names_state):
    p = geoparser.dateline_town("A man was shot on Friday.", dateline)
    assert (p.name, p.admin1) == (name, admin1) if name else p is None, p
    assert geoparser.dateline_names_state("A man was shot on Friday.", dateline) is names_state


def _town(geoparser, name: str, cc: str, admin1: str | None = None) -> Place:
    cands = [c for c in geoparser.candidates(name) if c.cc == cc and (admin1 is None or c.admin1 == admin1)]
    assert cands, name
    return geoparser.entry_place(max(cands, key=lambda c: (c.q == 0, c.pop)))


@pytest.mark.parametrize("dateline,place,cc,admin1,dated", [
    # no place, the country, a town of the dateline's state: the dateline's town
    ("FAYETTEVILLE, N.C.", None, None, None, True),
    ("FAYETTEVILLE, N.C.", "United States", "US", None, True),
    ("FAYETTEVILLE, N.C.", "Fort Bragg", "US", "North Carolina", True),
    # a place of another state when the dateline names its own state: a misread name
    ("JACKSON, Miss.", "Honduras", "HN", None, True),
    # a town inside a dateline's county is the finer place
    ("JEFFERSON PARISH, La.", "Harvey", "US", "Louisiana", False),
    # a wire story from a capital may tell of another province
    ("KABUL (Reuters)", "Kandahar", "AF", None, False),
    # a wire agency's bureau is not the event's town: "a roadside bomb in southern Afghanistan"
    ("KABUL (Reuters)", "Afghanistan", "AF", None, False),
    ("ISLAMABAD, Pakistan (AP)", "Pakistan", "PK", None, False),
    # a local station's tag is no agency's
    ("BALTIMORE (WBFF)", "United States", "US", None, True),
])
def test_dateline_town_as_the_event_place(geoparser, dateline, place, cc, admin1, dated):
    text = "A man was shot on Friday."
    location = _town(geoparser, place, cc, admin1) if place else None
    got = dateline_town(text, location, geoparser, dateline)
    assert (got is not None) is dated, got


@pytest.mark.parametrize("text,dateline,town", [
    # local news filed from the town it tells of: its streets and neighbourhoods are parts of it
    ("A man was shot outside his home in the 3800 block of Little York Road on Friday, police said.",
     "HOUSTON", "Houston"),
    ("A 23-year-old man was found shot dead in an alley in the Poppleton neighborhood, police said.",
     "BALTIMORE (WBFF)", "Baltimore"),
])
def test_local_news_is_placed_at_its_dateline(extractor, text, dateline, town):
    x = extractor.extract(Article("t", text, dateline=dateline))
    assert x.incidents, x
    assert x.incidents[0].location is not None and x.incidents[0].location.name == town, x.incidents[0].location


@pytest.mark.parametrize("text,town", [
    # a village the gazetteer lacks stands at the town written after it, under its own name
    ("Militants shot dead a shopkeeper in Hajin village, Bandipore, Jammu and Kashmir, India.", "Bandipura"),
])
def test_unknown_village_stands_at_the_town_after_it(extractor, text, town):
    x = extractor.extract(Article("t", text))
    loc = x.incidents[0].location
    assert loc is not None and loc.name == town and loc.text.startswith("Hajin"), loc


@pytest.mark.parametrize("text,place", [
    # a small town after a locative, just short of the detection score, in the country the
    # text's armed group points to
    ("On 7 May, the OSCE SMM observed 81 explosions near Pisky.", "Pisky"),
    ("Shots were heard from Houthi positions near Spartak, the monitors said.", None),
])
def test_near_miss_in_the_document_country(geoparser, text, place):
    # the Houthis point to Yemen, and Yemen has no Spartak: the Ukrainian hamlet stays out
    assert [p.text for p in geoparser.find_places(text)] == ([place] if place else [])


@pytest.mark.parametrize("text", [
    # nothing points to a country: the name alone stays short of a place
    "On 7 May, observers counted 81 explosions near Pisky.",
])
def test_near_miss_without_a_document_country(geoparser, text):
    assert geoparser.find_places(text) == []


@pytest.mark.parametrize("text,dateline,name", [
    # local news (a dateline settles it) is full of capitalised words: one that matches a town only
    # by its near spelling is no place, even where NER calls it one ("Wilbourn" is not Wellborn,
    # "Lake Clementia" is not Coalmont)
    ("Police said Wilbourn fled after the shooting.", "MEMPHIS, Tenn.", "Wilbourn"),
    ("A man pointed a rifle at friends near Lake Clementia on Friday.", "SACRAMENTO, Calif.", "Clementia"),
])
def test_near_spelling_in_local_news_is_no_place(geoparser, text, dateline, name):
    i = text.index(name)
    found = geoparser.find_places(text, [(i, i + len(name), "GPE")], dateline=dateline)
    assert name not in [p.text for p in found], found
