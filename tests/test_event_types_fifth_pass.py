"""ACLED codebook rows of issue 11's fifth pass (triggers 2026.12.8, decision table 2026.12.5):
gendarmes and police who were shot, attacked or ambushed are armed targets, so a generic attack on
them is an Armed clash (Codebook 2019 p. 11), while the same forces as the attackers or as a source
stay out of it; a mob's riot with no protest, march or demand told is Mob violence (p. 14); tear gas
fired at people with no protest, crowd or dispersal told is an Attack (p. 15). Sentences are our own
wording."""
import pytest

from event_fixtures import typed
from sitrep.extract.events import armed_target


@pytest.mark.parametrize(
    "sentence",
    [
        # state forces as the target (Codebook 2019 p. 11, Armed clash: state forces engage an armed group)
        "On 3 June, federal police were shot while patrolling the Uruapan-Patzcuaro road by three armed men in a pickup truck.",
        "Two gendarmes were shot and wounded by unidentified gunmen near the border post of Kpendjal.",
        "Municipal police were attacked by armed men outside the town hall of Zitacuaro.",
        "Police were ambushed by armed men on the outskirts of the city, the governor said.",
    ],
)
def test_police_and_gendarmes_shot_are_a_clash(sentence):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    "sentence",
    [
        # the same forces as the attackers, or police only as the source, name no armed target (p. 15)
        "A gendarme shot and killed a taxi driver at a junction in the town.",
        "Federal police said a shopkeeper was shot dead by two men on a motorcycle.",
        "A street vendor was shot and killed by state police during an eviction.",
    ],
)
def test_police_as_actor_or_source_is_no_armed_target(sentence):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == ("Violence against civilians", "Attack")


def test_police_station_is_no_armed_target_by_the_new_words():
    assert not armed_target("A trader was shot near the municipal police headquarters.")


@pytest.mark.parametrize(
    "sentence",
    [
        # Mob violence (Codebook 2019 p. 14): a mob's riot with no protest, march or demand told
        "A mob set up barricades on the highway and pelted passing cars with stones; the rioters fled when police arrived.",
        "An angry mob blocked the road to the quarantine centre and threw stones at the ambulances, saying there was no virus in the village.",
    ],
)
def test_a_mob_that_tells_no_protest_is_mob_violence(sentence):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == ("Riots", "Mob violence")


@pytest.mark.parametrize(
    "sentence",
    [
        # Violent demonstration (p. 14): the mob protests or demands
        "A mob of protesters demanding the release of their leader smashed the windows of the police station.",
        "A mob of students marching against the fee rise set up barricades and pelted the police with stones.",
    ],
)
def test_a_mob_that_protests_is_a_violent_demonstration(sentence):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    "sentence",
    [
        # Attack (Codebook 2019 p. 15): tear gas fired by forces at people, no protest told
        "Soldiers fired tear gas canisters at shepherds grazing their flocks near the village of Beit Ula.",
        "Border guards raided the hamlet at dawn and hurled tear gas at its inhabitants.",
    ],
)
def test_tear_gas_with_no_protest_is_an_attack(sentence):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "sentence",
    [
        # Protest with intervention (p. 14): a protest, a crowd or a dispersal is told
        "Police fired tear gas at hundreds of teachers protesting unpaid salaries outside the ministry.",
        "Police fired tear gas to disperse a crowd that had gathered outside the court.",
    ],
)
def test_tear_gas_at_a_protest_stays_an_intervention(sentence):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == ("Protests", "Protest with intervention")
