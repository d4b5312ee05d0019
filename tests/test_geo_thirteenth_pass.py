"""Toponyms, thirteenth pass (issue 10): the event's place, not its province. A village the
gazetteer lacks, written as the object of the attack ("shelled Kafrzaytoun in Hama") or as the
part of an area ("the outskirts of Dashmarun in al-Hasakeh"), with its province after it, is the
event's place, kept as written and placed at the province; the province written after a town with
"in" is that town's address, whose "in" is no evidence of the event's own place. Sentences are our
own, in the shapes of conflict notes; the village names are made up, so no gazetteer knows them."""
from __future__ import annotations

import pytest

from geo_fixtures import event_place, gazetteer, geoparser  # noqa: F401


@pytest.mark.parametrize("text,village,cc,admin1", [
    # the object of the attack verb, its province after "in"
    ("On 4 June 2021, regime forces shelled Kafrzaytoun in Hama using artillery fire.", "Kafrzaytoun", "SY", "Hama"),
    ("On 4 June 2021, government troops raided Umm Ghadirat in Deir ez-Zor at dawn.", "Umm Ghadirat", "SY", "Deir ez-Zor"),
    # a part of the village ("the outskirts of"), the province written lower-case ("al-Hasakeh")
    ("On 4 June 2021, coalition warplanes struck the outskirts of Dashmarun in al-Hasakeh.", "Dashmarun", "SY", None),
    # a locative word before it, the province read as its capital city ("in Aleppo")
    ("On 4 June 2021, a sniper shot and killed a shepherd in Kfar Miznarun in Aleppo.", "Kfar Miznarun", "SY", "Aleppo"),
])
def test_an_unknown_village_before_its_province_is_the_event_place(geoparser, text, village, cc, admin1):
    p = event_place(geoparser, text)
    assert p is not None and p.text == village
    assert p.country_code == cc
    if admin1:
        assert p.admin1 == admin1
    assert p.precision is not None and p.precision >= 2  # placed at the province, never as the village itself


@pytest.mark.parametrize("text,name", [
    # an armed group after the verb is no place, whatever follows it
    ("On 4 June 2021, Israeli jets targeted Hezbollah in Syria.", "Hezbollah"),
    # a country after the name: no object place (a person, a group, a thing)
    ("On 4 June 2021, protesters attacked Zamfirescu in Romania.", "Zamfirescu"),
])
def test_the_object_of_a_verb_needs_a_province_not_a_country(geoparser, text, name):
    assert name not in {p.text for p in geoparser.find_places(text)}


def test_a_known_town_before_a_city_stays_the_town(geoparser):
    # "X in Y" where both are towns the gazetteer knows: the rule leaves the choice to the ranking
    p = event_place(geoparser, "On 4 June 2021, Turkish forces shelled Tall Rifaat in Aleppo using artillery fire.")
    assert p is not None and p.text == "Tall Rifaat"


def test_an_unknown_name_before_a_town_does_not_move_the_event(geoparser):
    # a person's name the gazetteer lacks before "in <town>": the town stays the event's place
    p = event_place(geoparser, "On 4 June 2021, police attacked Kowalczyk in Dayton after a car chase.")
    assert p is not None and p.name == "Dayton"


@pytest.mark.parametrize("text,village,cc", [
    # a monitoring mission's shape: the only place of the note is the unknown one "near" it, ending the sentence
    ("On 4 June 2021, the OSCE SMM recorded that unknown forces shelled positions near Kovalivske. No casualties were reported.",
     "Kovalivske", "UA"),
    ("On 4 June 2021, the OSCE SMM saw that a drone struck a truck near Zhovtneve-Balka. No one was hurt.", "Zhovtneve-Balka", "UA"),
])
def test_a_name_near_which_the_sentence_ends_is_the_event_place(geoparser, text, village, cc):
    p = event_place(geoparser, text)
    assert p is not None and p.text == village and p.country_code == cc


def test_a_name_near_the_end_after_a_town_of_its_sentence_is_no_place(geoparser):
    # "In Dayton, ... near Kowalczyk.": a place of the sentence before it is where it lies (or no place)
    text = "In Dayton, police shot a man near Kowalczyk. He died later."
    assert "Kowalczyk" not in {p.text for p in geoparser.find_places(text)}
    p = event_place(geoparser, text)
    assert p is not None and p.name == "Dayton"


def test_only_near_ends_a_sentence_as_a_place(geoparser):
    # "at Kowalczyk." / "on Tuesday." written at a sentence's end: no place
    assert "Kowalczyk" not in {p.text for p in geoparser.find_places("The sniper fired at Kowalczyk. He missed.")}
