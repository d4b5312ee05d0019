"""ACLED event types of issue 11's eighth pass (triggers 2026.12.12): civilians named beside an armed
actor make the shooting an Attack, not a clash, even when the armed actor also stands in the article's
actors (Codebook 2019 p. 15, Attack: "the target is unarmed"); an "encounter" (South Asian usage: a
gunfight of security forces with militants) is an Armed clash (p. 11), a "fake encounter" is not.
Sentences are our own wording."""
import datetime as dt

import pytest

from event_fixtures import typed
from sitrep.evaluate.incidents import primary
from sitrep.extract.events import find_triggers
from sitrep.models import Article


def _primary(extractor, text):
    inc = primary(extractor.extract(Article("g", text, dt.date(2020, 5, 1))))
    assert inc is not None
    return inc


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2020, Islamic State militants shot a civilian who was selling tea to soldiers at an army "
        "checkpoint near Rafah, killing him.",
        "On 3 May 2020, Taliban militants shot dead a villager who had carried water to the police post "
        "in Chora district.",
    ],
)
def test_a_civilian_shot_beside_an_armed_post_is_an_attack(extractor, text):
    inc = _primary(extractor, text)
    assert (inc.event_type, inc.sub_event_type) == ("Violence against civilians", "Attack")


def test_militants_against_soldiers_with_no_civilian_stay_a_clash(extractor):
    inc = _primary(extractor, "On 3 May 2020, Islamic State militants shot and killed two soldiers at an army "
                              "checkpoint near Rafah.")
    assert inc.event_type == "Battles"


@pytest.mark.parametrize(
    "sentence",
    [
        "Two militants were killed in an encounter with security forces in Shopian district on Sunday.",
        "Police and CRPF personnel had an encounter with Maoists in the forest near Bijapur, in which one rebel was killed.",
        "A jawan was injured in the gun encounter in Kupwara.",
        "Security forces killed a militant commander in a brief encounter at a village in Pulwama.",
    ],
)
def test_an_encounter_is_an_armed_clash(sentence):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    "sentence",
    [
        "The family said their son was killed in a fake encounter by the police.",
        "Activists said the youth was shot dead in a staged encounter.",
    ],
)
def test_a_fake_encounter_is_no_clash(sentence):
    assert not any(t.text.endswith("encounter") for t in find_triggers(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # Codebook 2019 p. 14: "road-blocking using barricades, burning tires" is a Violent demonstration
        "Teachers blocked the highway with a burning truck to protest against the unpaid salaries.",
        "Residents blocked the main road with burning tyres, demanding the return of electricity.",
        # demonstrators who answer the police with stones turn the protest violent
        "Police fired tear gas to lift the blockade and the protesters responded with stones.",
        "The police tried to remove the sit-in and the farmers retaliated with rocks and bottles.",
    ],
)
def test_a_burning_blockade_and_stones_in_reply_are_a_violent_demonstration(sentence):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == ("Riots", "Violent demonstration")
