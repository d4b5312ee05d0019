"""ACLED codebook rows of issue 11's sixth pass (triggers 2026.12.9): a victim's own record told in
a sentence of its own makes the killing a clash with an armed actor (ACLED's coding of killings of
people involved in crime, Codebook 2019 p. 11); an armed word in a statement of blame names the
attacker, not the target (p. 15); "after several days of armed clashes" only dates a protest; a
protest and the clash its demonstrators fight are one Violent demonstration (p. 14). Sentences are
our own wording."""
import datetime as dt

import pytest

from event_fixtures import typed
from sitrep.extract.events import armed_target, find_triggers, victim_status
from sitrep.models import Article


@pytest.mark.parametrize(
    "status",
    [
        "The victim had charges against him for robbery and drug trafficking.",
        "Police said the man had a criminal record for extortion.",
        "According to neighbours, the young man was involved in drug trafficking in the area.",
    ],
)
def test_a_victims_record_in_its_own_sentence_makes_a_clash(status):
    sentence = "On 3 May, a man was shot dead by two unidentified men on a motorcycle in the Jardim Alegre neighbourhood."
    article = f"{sentence} {status}"
    assert victim_status(article)
    t = typed(sentence, article)
    assert (t.event_type, t.sub_event_type) == ("Battles", "Armed clash")


def test_without_the_record_the_killing_stays_an_attack():
    sentence = "On 3 May, a man was shot dead by two unidentified men on a motorcycle in the Jardim Alegre neighbourhood."
    article = f"{sentence} The victim worked at a bakery and had two children."
    assert not victim_status(article)
    t = typed(sentence, article)
    assert (t.event_type, t.sub_event_type) == ("Violence against civilians", "Attack")


def test_a_record_does_not_override_a_civilian_victim():
    sentence = "Gunmen shot dead a shopkeeper outside his store in the market."
    t = typed(sentence, f"{sentence} The shooter had a criminal record for assault.")
    assert (t.event_type, t.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "text",
    [
        # the armed word is the one blamed, not the one attacked (Codebook 2019 p. 15)
        "Three gunmen riding a motorbike shot and killed a rubber tapper on his way home. "
        "No group claimed responsibility, but the militant group Barisan Revolusi was thought to be responsible.",
        "Unknown gunmen opened fire on a cleric at his home. Officials blamed separatist rebels for the killing.",
        "A council clerk was shot and killed near the market. Maoist rebels were believed to be behind the attack.",
        "Attackers on a motorcycle shot a tax collector dead, and Zamfara militants claimed responsibility for it.",
    ],
)
def test_an_armed_word_that_is_blamed_names_no_target(text):
    assert not armed_target(text)


@pytest.mark.parametrize(
    "text",
    [
        # the armed actor still is the target where it is the one hit
        "Gunmen shot dead two soldiers at a checkpoint; no group claimed responsibility.",
        "Militants ambushed a police convoy, killing four officers. Officials blamed the attack on a local cell.",
        "Two suspected militants were killed in a shootout with troops near the village.",
    ],
)
def test_an_armed_target_beside_a_blame_statement_stays_one(text):
    assert armed_target(text)


def test_several_days_of_clashes_only_date_a_protest():
    sentence = "The protest took place after several days of armed clashes in the district between rival gangs."
    assert [t.event_type for t in find_triggers(sentence)] == ["Protests"]


@pytest.mark.parametrize(
    "text",
    [
        # Violent demonstration (Codebook 2019 p. 14): one demonstration, typed by its most violent part
        "On 2 May, a group of vendors staged a demonstration by blocking the main avenue of Villa Nueva. "
        "Police intervened in the demonstration, which started a clash between them.",
        "Thousands of teachers marched through the centre of Valparaiso on Friday to demand higher wages. "
        "While most demonstrators marched peacefully, others clashed with police near the town hall.",
    ],
)
def test_a_protest_and_its_clash_are_one_violent_demonstration(extractor, text):
    x = extractor.extract(Article("sixth-pass-demo", text, dt.date(2020, 5, 3)))
    types = [(i.event_type, i.sub_event_type) for i in x.incidents]
    assert types == [("Riots", "Violent demonstration")]


def test_a_protest_without_a_clash_stays_peaceful(extractor):
    text = ("On 2 May, a group of vendors staged a demonstration by blocking the main avenue of Villa Nueva. "
            "Police talked with the demonstrators, who left after two hours.")
    x = extractor.extract(Article("sixth-pass-peaceful", text, dt.date(2020, 5, 3)))
    assert [(i.event_type, i.sub_event_type) for i in x.incidents] == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize(
    "sentence",
    [
        # Looting/property destruction (Codebook 2019 p. 17), told in the passive
        "Several foreign-owned shops have been burned in the township overnight, residents said.",
        "Dozens of houses were torched in the village after the land dispute.",
        "Market stalls were looted and vandalised on the eve of the vote.",
    ],
)
def test_property_burned_or_looted_in_the_passive(sentence):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == ("Strategic developments", "Looting/property destruction")


def test_property_destroyed_by_a_shell_stays_the_shelling():
    t = typed("Three houses were burned when artillery shells hit the village.")
    assert t.sub_event_type == "Shelling/artillery/missile attack"
