"""Toponyms, fourteenth pass (issue 10): the incident's country. A shared admin1 name ("Ouest",
"Nord-Ouest": Haiti's and Cameroon's) is the namesake that holds a town the text names, even a
town written below the bar of a place ("Ndop subdivision"); the areas bracketed after a name that
is itself bracketed ("Tabat al-Nahr [al-Nahr hill] (Nati, Al Bayda)") are an address whatever the
NER says of them; and parties that stand for election in one country (BJP, Shiv Sena) and Mexico's
cartels are evidence of the document's country. Sentences are our own, in the shapes of conflict
notes, with other names and places than the notes the rules were found on."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser, labelled_ents  # noqa: F401
from sitrep.geo import context


@pytest.mark.parametrize("text,area,cc", [
    ("On 14 June 2021, soldiers beat a moto-taxi driver in Bamenkombo village, Bangangte subdivision (Nde, Ouest).",
     "Ouest", "CM"),
    ("On 14 June 2021, separatist fighters attacked a gendarmerie post in Bamunka village, Ndop subdivision "
     "(Ngoketunjia, Nord-Ouest).", "Nord-Ouest", "CM"),
])
def test_a_shared_admin1_name_is_the_one_holding_a_town_named(geoparser, text, area, cc):
    places = {p.text: p for p in geoparser.find_places(text)}
    assert places[area].country_code == cc
    assert places[area].precision == 4


def test_a_shared_admin1_name_with_a_town_of_its_most_populous_namesake_stays_there(geoparser):
    text = "On 14 June 2021, police dispersed a crowd of protesters in Carrefour, Ouest, with tear gas."
    places = {p.text: p for p in geoparser.find_places(text)}
    assert places["Ouest"].country_code == "HT"


def test_holding_area_is_recorded_in_the_document_geography(geoparser):
    text = "On 14 June 2021, soldiers beat a moto-taxi driver in Bamenkombo village, Bangangte subdivision (Nde, Ouest)."
    found = geoparser._find(text, [])
    ouest = next(m for m in found if m.text == "Ouest")
    doc = context.build(text, None, [ouest], geoparser.candidates, geoparser._demonym_country, found)
    assert doc.held["Ouest"][0] == "CM"
    assert doc.country == "CM"


def test_areas_bracketed_after_a_bracketed_name_are_an_address_whatever_ner_says(geoparser):
    text = ("On 12 March 2021, coalition airstrikes hit Tabat al-Nahr [al-Nahr hill] (Nati, Al Bayda), "
            "with no reports of casualties.")
    ents = labelled_ents(text, [("Nati", "PERSON"), ("Al Bayda", "PERSON")])
    places = {p.text: p for p in geoparser.find_places(text, ents)}
    assert "Nati" in places and places["Nati"].country_code == "YE"
    assert "Al Bayda" in places and places["Al Bayda"].country_code == "YE"


def test_a_person_after_a_bracket_is_still_no_place(geoparser):
    # the bracket rule needs the address's own brackets: a name in a plain sentence NER calls a person stays one
    text = "On 12 March 2021, the governor (Harib) met elders in the city."
    ents = labelled_ents(text, [("Harib", "PERSON")])
    assert "Harib" not in {p.text for p in geoparser.find_places(text, ents)}


@pytest.mark.parametrize("text,cc", [
    ("On 3 August 2021, Shiv Sena activists burned an effigy of the chief minister across Punjab.", "IN"),
    ("On 3 August 2021, BJP workers blocked a highway in Punjab against the arrest of a party leader.", "IN"),
])
def test_a_party_of_one_country_decides_a_shared_province_name(geoparser, text, cc):
    places = {p.text: p for p in geoparser.find_places(text)}
    assert places["Punjab"].country_code == cc


def test_a_shared_province_name_without_a_party_keeps_its_most_populous_namesake(geoparser):
    text = "On 3 August 2021, traders blocked a highway in Punjab against the arrest of a union leader."
    places = {p.text: p for p in geoparser.find_places(text)}
    assert places["Punjab"].country_code == "PK"


@pytest.mark.parametrize("name,cc", [("BJP", "IN"), ("Awami League", "BD"), ("CJNG", "MX"), ("Gulf Cartel", "MX")])
def test_parties_and_cartels_of_one_country_are_actors(name, cc):
    text = f"On 3 August 2021, members of the {name} clashed with police."
    assert (cc in {c for _, _, c in context.find_actors(text)})


def test_a_town_ner_calls_a_person_still_tells_which_ouest(geoparser):
    # the small model tags the town PERSON and the bracketed areas ORG: the town still holds the area
    text = "On 14 June 2021, soldiers beat a moto-taxi driver in Bamenkombo village, Bangangte subdivision (Nde, Ouest)."
    ents = labelled_ents(text, [("Bamenkombo village", "GPE"), ("Bangangte", "PERSON"), ("Nde, Ouest", "ORG")])
    places = {p.text: p for p in geoparser.find_places(text, ents)}
    assert places["Ouest"].country_code == "CM"


def test_a_shared_admin1_name_in_prose_is_not_forced_to_its_holder(geoparser):
    # only an address ("Mbouda, Ouest", "(Nde, Ouest)") ranks the holding namesake first
    text = "On 14 June 2021, soldiers beat a moto-taxi driver in Bangangte subdivision."
    found = geoparser._find(text, [])
    doc = context.build(text, None, [], geoparser.candidates, geoparser._demonym_country, found)
    assert doc.held == {}
