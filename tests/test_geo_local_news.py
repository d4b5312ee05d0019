"""Toponyms in US local news (issue 10): adjectival toponyms for corpora that annotate them, a town
named twice that NER calls a person or an organisation elsewhere, and a person's surname that NER
calls a place. Sentences are our own, in the shapes of local news stories."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401


def _ents(text: str, labelled: list[tuple[str, str, int]]) -> list[tuple[int, int, str]]:
    """NER entities as the small model gives them: (name, label, which occurrence)."""
    out = []
    for name, label, nth in labelled:
        k = -1
        for _ in range(nth + 1):
            k = text.index(name, k + 1)
        out.append((k, k + len(name), label))
    return out


@pytest.mark.parametrize("text,word,cc,feature", [
    ("Georgian troops shelled the outskirts of the town overnight, officials said.", "Georgian", "GE", "A.PCLI"),
    ("The talks between Israeli and Palestinian negotiators resumed on Monday.", "Palestinian", "PS", None),
    ("Lawmakers said thousands of Ohioans would get a refund this spring.", "Ohioans", "US", "A.ADM1"),
    ("Two American tourists were among those hurt, the embassy said.", "American", "US", "A.PCLI"),
    ("A British aid worker and two Saudi engineers were freed on Sunday.", "British", "GB", "A.PCLI"),
    ("A British aid worker and two Saudi engineers were freed on Sunday.", "Saudi", "SA", "A.PCLI"),
])
def test_adjectival_toponyms_are_their_country_or_state_on_request(geoparser, text, word, cc, feature):
    assert word not in {p.text for p in geoparser.find_places(text)}  # never by default: no event pin
    places = {p.text: p for p in geoparser.find_places(text, adjectival=True)}
    assert places[word].country_code == cc
    if feature:
        assert places[word].feature == feature


def test_a_first_name_is_no_adjectival_toponym(geoparser):
    text = "Susan Miller, a teacher, said the school would reopen on Tuesday."
    ents = _ents(text, [("Susan Miller", "PERSON", 0)])
    assert "Susan" not in {p.text for p in geoparser.find_places(text, ents, adjectival=True)}


def test_a_town_kept_twice_is_a_place_where_ner_calls_it_an_organisation(geoparser):
    text = ("Fight breaks out at Chiefland bar. Deputies were called to a bar in Chiefland early Saturday. "
            "Chiefland Police Chief Robert Dale said officers from Chiefland and Levy County helped.")
    ents = _ents(text, [("Chiefland", "ORG", 0), ("Chiefland", "GPE", 1), ("Chiefland Police", "ORG", 0),
                        ("Robert Dale", "PERSON", 0), ("Chiefland", "GPE", 3), ("Levy County", "GPE", 0)])
    found = [p for p in geoparser.find_places(text, ents) if p.text == "Chiefland"]
    assert len(found) == 4
    assert all(p.admin1 == "Florida" for p in found)


def test_a_town_named_once_is_not_rescued_from_a_person_label(geoparser):
    text = "Deputies said Tom Chiefland, 34, was arrested after the fight."
    ents = _ents(text, [("Tom Chiefland", "PERSON", 0)])
    assert "Chiefland" not in {p.text for p in geoparser.find_places(text, ents)}


@pytest.mark.parametrize("text,surname,labels", [
    ("Martin Oquendo, 31, died Friday after being shot in Canoga Park. Oquendo was walking home when a car "
     "pulled up, police said.", "Oquendo", [("Martin Oquendo", "PERSON", 0), ("Canoga Park", "GPE", 0), ("Oquendo", "GPE", 1)]),
    ("Officer Daniel Kowalsky fired twice, the report says. Kowalsky told investigators he feared for his life.",
     "Kowalsky", [("Daniel Kowalsky", "PERSON", 0), ("Kowalsky", "GPE", 1)]),
])
def test_a_surname_ner_calls_a_place_is_no_place(geoparser, text, surname, labels):
    places = geoparser.find_places(text, _ents(text, labels))
    assert surname not in {p.text for p in places}


@pytest.mark.parametrize("text,name,admin1", [
    ("Museum opens new wing. Visitors to Paris and Henry County will find more to see this spring, "
     "the arts council said.", "Paris", "Tennessee"),
    ("Deputies said the Richmond teacher had coached for years before moving to the Madison County "
     "school board.", "Richmond", "Kentucky"),
])
def test_a_town_lies_with_the_other_places_of_the_story(geoparser, text, name, admin1):
    places = {p.text: p for p in geoparser.find_places(text)}
    assert places[name].admin1 == admin1


def test_namesake_pairs_are_explained(geoparser):
    text = "Visitors to Paris and Henry County will find more to see this spring, the arts council said."
    out = geoparser.explain_places(text)
    paris = next(p for p in out["places"] if p["text"] == "Paris")
    assert "other names a few km away" in paris["candidates"][0]["terms"]


@pytest.mark.parametrize("text", [
    "Paris police are looking for a driver after a crash near Dallas, Texas. Paris officers said the driver fled.",
    "The Paris Police Department said the suspect was held in the Lamar County Jail in Texas.",
])
def test_a_town_written_as_the_seat_of_its_police_is_the_documents(geoparser, text):
    places = [p for p in geoparser.find_places(text) if p.text == "Paris"]
    assert places and all(p.country_code == "US" for p in places)


def test_a_capital_written_in_its_own_country_stays_there(geoparser):
    text = "Paris police said two men were held after a protest near Lyon. Officers in Paris closed the square."
    places = [p for p in geoparser.find_places(text) if p.text == "Paris"]
    assert places and all(p.country_code == "FR" for p in places)


@pytest.mark.parametrize("text,name,admin1", [
    ("The bill passed after State Sen. Mary Holt, D-Charleston, spoke for it.", "Charleston", "South Carolina"),
    ("State Rep. Tom Webb (R-Ocilla), who chairs the caucus, voted no.", "Ocilla", "Georgia"),
    ("The measure is wrong, said Rep. Ann Carver, D-N.D., on Tuesday.", "N.D.", "North Dakota"),
    ("Co-chairs Sen. Bill Moss, D-Story City and Rep. Jane Ott, D-Iowa City, wrote the letter.", "Iowa City", "Iowa"),
])
def test_a_legislators_party_tag_gives_a_home_place(geoparser, text, name, admin1):
    places = {p.text: p for p in geoparser.find_places(text)}
    assert places[name].admin1 == admin1 and places[name].country_code == "US"
