"""US local news (issue 10, item 1: the document's geography first, then its towns within it): a
name's own evidence never ranks its own reading, a large city stands for its state as well as its
country, and the name of the document's own capital is the capital. Sentences are our own, in the
shapes of local news stories."""
from __future__ import annotations

from geo_fixtures import gazetteer, geoparser, labelled_ents  # noqa: F401


def _places(geoparser, text, name):
    return [p for p in geoparser.find_places(text) if p.text == name]


def test_a_town_named_often_does_not_make_its_story_foreign(geoparser):
    # five "Dublin"s alone would settle the story in Ireland; the rest of it (Ohio) says otherwise
    text = ("Dublin students return to class. Dublin schools reopened on Monday after the storm. "
            "Parents in Dublin said buses ran late, and the Dublin superintendent promised a fix. "
            "Dublin is one of the fastest growing suburbs in Ohio.")
    found = _places(geoparser, text, "Dublin")
    assert found and all(p.country_code == "US" for p in found)
    # and the explanation says so: Ireland's Dublin gets no document bonus from its own name
    why = geoparser.explain_places(text, limit=50)["places"][0]
    irish = [c for c in why["candidates"] if c["country_code"] == "IE"]
    assert irish and "document geography" not in irish[0]["terms"]


def test_large_cities_stand_for_their_state(geoparser):
    # "Cleveland", "Dayton", "Cincinnati": the story sits in Ohio, so Ashland is Ashland, Ohio
    text = ("Ohio lawmakers passed the transportation bill on Tuesday. Mayors in Cleveland, Columbus, Dayton "
            "and Cincinnati praised it, and so did Senate President Bill Harris, R-Ashland, who missed the vote.")
    found = _places(geoparser, text, "Ashland")
    assert found and found[0].admin1 == "Ohio"
    assert geoparser.explain_places(text)["document"]["admin1"] == "Ohio"


def test_the_documents_capital_is_the_capital_not_a_town_of_its_state(geoparser):
    # an Ohio story: "Washington" is the capital, not a town of Ohio once called so
    text = ("Stimulus money reaches Ohio homes. Workers in Cleveland, Columbus and Cincinnati will weatherize "
            "homes across Ohio this summer, state officials said, once the money arrives from Washington.")
    found = _places(geoparser, text, "Washington")
    assert found and found[0].feature == "P.PPLC"


def test_a_town_written_as_a_local_seat_keeps_the_documents_state(geoparser):
    text = ("ALLENDALE, N.J. - The fashion show will be held at a restaurant in Washington Township "
            "on Friday. Proceeds go to a clinic in Paterson, N.J.")
    found = [p for p in geoparser.find_places(text) if p.text.startswith("Washington")]
    assert found and found[0].admin1 == "New Jersey"


def test_a_country_named_in_a_story_on_two_countries_stays_a_country(geoparser):
    # without its own evidence the rest of the story is American: that unsettles no name, nor settles it
    text = ("U.S. officials met trade ministers from Peru and Mexico in Washington. The United States "
            "wants a deal before summer, American negotiators said, and the U.S. will host the next round.")
    for name in ("Peru", "Mexico"):
        found = _places(geoparser, text, name)
        assert found and found[0].feature.startswith("A.PCL"), name


def test_names_listed_before_a_plural_type_word_are_areas_whatever_ner_says(geoparser):
    text = ("Enrollment has slowed in places like Jackson and Barrow counties, which were among the fastest "
            "growing in Georgia, the school board said.")
    ents = labelled_ents(text, [("Jackson", "PERSON"), ("Barrow", "ORG"), ("Georgia", "GPE")])
    found = {p.text: p for p in geoparser.find_places(text, ents)}
    assert found["Jackson"].feature == "A.ADM2" and found["Jackson"].admin1 == "Georgia"
    assert found["Barrow"].admin1 == "Georgia"


def test_a_list_needs_its_plural_type_word(geoparser):
    # no type word after the list: NER's person stays a person
    text = "Jackson and Barrow met the mayor of Athens, Georgia, on Monday."
    ents = labelled_ents(text, [("Jackson", "PERSON"), ("Barrow", "PERSON"), ("Athens", "GPE"), ("Georgia", "GPE")])
    assert "Jackson" not in {p.text for p in geoparser.find_places(text, ents)}


def test_a_town_and_the_county_beside_it_lie_together(geoparser):
    # Harris County, Georgia borders Columbus, Georgia, though the county's middle lies 41 km away
    text = ("Early voters in Columbus helped decide the race for district attorney. Turnout in Columbus and "
            "in Harris County was the highest in years, the elections office said.")
    found = geoparser.find_places(text)
    assert {p.admin1 for p in found if p.text in ("Columbus", "Harris County")} == {"Georgia"}


def test_a_region_is_not_a_hamlet_of_its_name(geoparser):
    # the gazetteer knew only Middle East, Maryland; "South Ossetia" matched Botswana's South East by its consonants
    text = "Hopes for better times spread over the Middle East after the election, diplomats in Cairo said."
    found = {p.text: p for p in geoparser.find_places(text)}
    assert found["Middle East"].feature == "L.RGN" and found["Middle East"].country_code is None
    text = "Diplomats pushed for talks as fighting in South Ossetia escalated, Georgian officials said in Tbilisi."
    found = {p.text: p for p in geoparser.find_places(text)}
    assert found["South Ossetia"].country_code == "GE"


def test_a_bare_datelines_small_town_names_its_country(geoparser):
    # "MIDDLETOWN —": every Middletown is American, so the story is; "Berlin" is then a town, not Germany's capital
    text = ("Crash victim upgraded to stable. MIDDLETOWN — A high school senior remains at Hartford Hospital "
            "after he lost control of his car and crashed into a tree in Berlin. Berlin police are investigating the crash.")
    found = geoparser.find_places(text)
    assert {p.country_code for p in found if p.text in ("MIDDLETOWN", "Berlin")} == {"US"}
