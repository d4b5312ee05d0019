"""Document geography and toponym finding, third pass (issue 10): an address vouches for both of
its names whatever NER tagged them; an admin1 name several countries share is the one that holds
the text's towns; nationality words reach their country (and are never places); a sea written
with "port" or "coast" is the sea; a dateline after a headline is a dateline; an area whose name
holds its type word is a place even inside an office's name. Sentences are our own, in the
shapes of conflict notes and US local news; the NER labels given are those the small spaCy model
gives such names (PERSON, ORG), so the tests need no model."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser, labelled_ents  # noqa: F401
from sitrep.geo.context import find_dateline


def _found(geoparser, text: str, labelled: list[tuple[str, str]]) -> dict[str, str | None]:
    return {p.text: p.country_code for p in geoparser.find_places(text, labelled_ents(text, labelled))}


@pytest.mark.parametrize("text,labelled,name,cc", [
    # a town and the province written after it, both tagged PERSON
    ("A drug suspect was killed during a police raid in Cabanatuan, Nueva Ecija.",
     [("Cabanatuan", "PERSON"), ("Nueva Ecija", "PERSON")], "Cabanatuan", "PH"),
    ("A drug suspect was killed during a police raid in Cabanatuan, Nueva Ecija.",
     [("Cabanatuan", "PERSON"), ("Nueva Ecija", "PERSON")], "Nueva Ecija", "PH"),
    ("Farmers blocked a road in Halba, Akkar, on Monday.", [("Akkar", "PERSON")], "Akkar", "LB"),
])
def test_an_address_vouches_for_its_names(geoparser, text, labelled, name, cc):
    assert _found(geoparser, text, labelled).get(name) == cc


@pytest.mark.parametrize("text,labelled,name", [
    # a name qualifying a noun is no address ("the X (Y) massacres")
    ("Crowds gathered to commemorate the Dersim (Tunceli) massacres of 1937.", [("Dersim", "PERSON")], "Dersim"),
    # "Central Region" of six countries, reached by a derived name, proves too little
    ("Workers were attacked in Kasitu (Nkhotakota, Central) at night.", [("Nkhotakota", "ORG"), ("Central", "ORG")],
     "Central"),
])
def test_no_address_no_bonus(geoparser, text, labelled, name):
    assert name not in _found(geoparser, text, labelled)


@pytest.mark.parametrize("text,name,cc", [
    ("Employees went on strike in Tarn Taran city (Punjab) demanding regular jobs.", "Punjab", "IN"),
    ("Villagers protested in Guru ki Wadali village, Amritsar (Punjab), against a quarantine centre.", "Punjab", "IN"),
    ("Traders protested in Lahore (Punjab) against the new tax.", "Punjab", "PK"),
])
def test_a_shared_admin1_name_is_the_one_holding_the_towns(geoparser, text, name, cc):
    assert _found(geoparser, text, []).get(name) == cc


@pytest.mark.parametrize("word,cc", [
    ("Pakistani", "PK"), ("Jordanian", "JO"), ("Bangladeshi", "BD"),  # a near spelling of a country is no bar
    ("Lebanese", "LB"), ("Mexican", "MX"), ("Moroccan", "MA"), ("Turkish", "TR"), ("Honduran", "HN"), ("Somali", "SO"),
    ("Palestinians", "PS"), ("Somalis", "SO"), ("Afghans", "AF"),  # plurals
    ("Burkinabe", "BF"), ("Kazakh", "KZ"), ("Filipino", "PH"),  # the listed ones
    ("Indian", "IN"), ("Syrian", "SY"),  # the old stems first: India before Indiana
    ("Lewis", None), ("Spanish", None), ("Saudi", None), ("Paris", None), ("Milan", None),
])
def test_demonym_country(geoparser, word, cc):
    assert geoparser._demonym_country(word) == cc


def test_a_demonym_is_evidence_not_a_place(geoparser):
    text = "Israeli forces fired tear gas at Palestinians in Kafr Qaddum on Friday."
    found = _found(geoparser, text, [("Israeli", "NORP"), ("Palestinians", "NORP")])
    assert "Palestinians" not in found and "Israeli" not in found


@pytest.mark.parametrize("text", [
    "Fighters shelled Street 50 in the east of Hodeidah Red Sea port city on Monday.",
    "Two fishing boats sank off the Red Sea coast on Monday.",
])
def test_a_sea_written_with_its_port_or_coast_is_the_sea(geoparser, text):
    red = next(p for p in geoparser.find_places(text, labelled_ents(text, [("Red Sea", "LOC")])) if p.text == "Red Sea")
    assert red.country_code != "SD" and red.precision == 7


@pytest.mark.parametrize("text,dateline", [
    ("Loud music complaint leads to property damage. CROMWELL — Police thought the issue was resolved.", "CROMWELL"),
    ("Missing man found in car sunk in lake. HUDSON -- Officials in central Illinois say a man died.", "HUDSON"),
    ("DAYTON, Ohio — Two men were shot.", "DAYTON"),
    # a plain dash or a colon after a headline's sentence is no dateline
    ("Police said. FBI - the bureau will help.", None),
    ("Security measures: On 30 April, forces raided a town. No arrests were made.", None),
])
def test_dateline_after_a_headline(text, dateline):
    found = find_dateline(None, text)
    assert (found[0] if found else None) == dateline


def test_a_dateline_town_is_a_place_whatever_ner_says(geoparser):
    text = "Loud music complaint leads to property damage. CROMWELL — Police thought the issue was resolved."
    assert _found(geoparser, text, [("CROMWELL", "ORG")]).get("CROMWELL") == "US"


@pytest.mark.parametrize("text,labelled,name", [
    ("The Madison County Health Department said on Monday in Anderson, Ind., that two died.",
     [("The Madison County Health Department", "ORG")], "Madison County"),
    ("The McLean County Sheriff's Department said a man from Bloomington, Ill., drowned.",
     [("The McLean County Sheriff's Department", "ORG")], "McLean County"),
])
def test_a_county_inside_an_office_name_is_a_place(geoparser, text, labelled, name):
    assert _found(geoparser, text, labelled).get(name) == "US"


@pytest.mark.parametrize("text,labelled,name,cc", [
    ("Youths of Okpanam (Oshimili North LGA, Delta) blocked a highway.",
     [("Okpanam", "GPE"), ("Oshimili North LGA", "ORG"), ("Delta", "ORG")], "Delta", "NG"),
    ("Herders attacked Miango (Bassa LGA, Plateau) overnight.", [("Miango", "GPE"), ("Plateau", "ORG")], "Plateau", "NG"),
    # several countries' "Central": the bracket alone does not say which
    ("Workers were attacked in Kasoa (Awutu Senya, Central) at night.", [("Kasoa", "GPE"), ("Central", "ORG")],
     "Central", None),
])
def test_the_last_bracketed_area_is_a_province(geoparser, text, labelled, name, cc):
    assert _found(geoparser, text, labelled).get(name) == cc


@pytest.mark.parametrize("text,village,area", [
    ("On 7 May, youths of Okpanam (Oshimili North LGA, Delta) blocked a highway to protest the killing of two farmers.",
     "Okpanam", "Delta"),
])
def test_a_village_the_gazetteer_lacks_stands_at_its_area(extractor, text, village, area):
    from sitrep.models import Article

    loc = extractor.extract(Article("t", text)).incidents[0].location
    assert loc is not None and loc.text == village and loc.name == area and loc.precision == 4, loc


@pytest.mark.parametrize("text,labelled,name", [
    ("Gainesville man charged with stealing a car. A Gainesville man was arrested on Saturday.",
     [("Gainesville", "ORG")], "Gainesville"),
    ("Officers said Gainesville police found the stolen car on Saturday.", [("Gainesville", "ORG")], "Gainesville"),
])
def test_a_town_written_as_a_home_or_a_seat_is_a_place(geoparser, text, labelled, name):
    assert _found(geoparser, text, labelled).get(name) == "US"


@pytest.mark.parametrize("text,name,home", [
    ("This Whitman man is accused of firing a gun at a plow driver in Plymouth.", "Whitman", True),
    ("A 25-year-old man from Dayton was shot in Kettering.", "Dayton", True),
    ("Two men were shot in Plymouth on Saturday.", "Plymouth", False),
])
def test_home_town_written_before_the_person(text, name, home):
    from sitrep.geo import event
    from sitrep.models import Place

    i = text.index(name)
    assert event.home_of(text, Place(text=name, start=i, end=i + len(name))) is home
