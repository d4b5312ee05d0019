"""Codebook rules of issue 11, item 3 (helper K; triggers 2026.12.13, decision table 2026.12.7)
that type an event by the weapon, the target and the setting together: a raid ("stormed", "machine guns", an offensive) on
civilians alone is an Attack, the other face of an attack on armed men being an Armed clash; an air
force's bombs are an Air/drone strike; force used on a peaceful protest is a Protest with
intervention, a crackdown that kills Excessive force; demonstrators who vandalise or force their way
into a building hold a Violent demonstration. Sentences are our own wording."""
import datetime as dt

import pytest

from event_fixtures import typed
from sitrep.evaluate.incidents import primary
from sitrep.models import Article


@pytest.mark.parametrize(
    "sentence,event_type,sub",
    [
        # Attack (Codebook 2019 p. 15: "the target is unarmed"): a raid on civilians, no armed target
        ("Soldiers stormed a village near the river and beat several residents with sticks.",
         "Violence against civilians", "Attack"),
        ("Unknown gunmen stormed a restaurant in the old town and killed two shopkeepers.",
         "Violence against civilians", "Attack"),
        ("Gunmen armed with machine guns opened fire on passengers waiting at the bus station.",
         "Violence against civilians", "Attack"),
        # an armed target keeps the raid a fight (Armed clash, p. 11)
        ("Militants stormed an army checkpoint on the highway, killing three soldiers.", "Battles", "Armed clash"),
        # an exchange of fire told keeps it a clash though civilians are named
        ("Rebels stormed the village and exchanged fire with the militia; two civilians were hurt.",
         "Battles", "Armed clash"),
        # heavy weapons fired at houses stay shelling (the weapon rules are read first, p. 12)
        ("Rebel forces fired 12.7mm heavy machine guns at residential areas and civilian houses in the town.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        # a crowd's clash stays mob violence (p. 14)
        ("Villagers and residents of the next village clashed over a water point, leaving four hurt.",
         "Riots", "Mob violence"),
    ],
)
def test_raid_on_civilians_is_an_attack(sentence, event_type, sub):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == (event_type, sub)


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # Air/drone strike (Codebook 2019 p. 12): bombs of an air force or the military are dropped from the air
        ("The military forces bombed rebel bases in the forest north of the town.", "Air/drone strike"),
        ("The air force and artillery attacked insurgent positions near the lake.", "Air/drone strike"),
        # a bomb planted stays a remote explosive (p. 13)
        ("A bomb planted under a car exploded in the market, wounding four.", "Remote explosive/landmine/IED"),
    ],
)
def test_air_force_bombs(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # Protest with intervention (Codebook 2019 p. 14): force used on a peaceful protest, no lethal force
        ("Police assaulted the demonstrators outside the ministry and fired tear gas at them.", "Protest with intervention"),
        ("Police baton charged on a human chain organised by students in the town centre.", "Protest with intervention"),
        ("The police dispersed a sit-in held by teachers outside the governor's office.", "Protest with intervention"),
        ("Several marchers were pepper-sprayed by officers near the station.", "Protest with intervention"),
        # Excessive force against protesters (p. 14): a crackdown that kills
        ("Two students died in the protest crackdown in the capital on Sunday.", "Excessive force against protesters"),
        ("The government stepped up its violent crackdown on peaceful demonstrators across the south.",
         "Excessive force against protesters"),
        # a baton charge on people who hold no protest is force on civilians (the decision table's row)
        ("Troopers baton charged shopkeepers at the bazaar for not wearing masks.", "Attack"),
        # beating a man who is no protester stays an Attack
        ("Police officers beat him at his home in the village.", "Attack"),
    ],
)
def test_force_on_a_protest(sentence, sub):
    assert typed(sentence).sub_event_type == sub


def test_a_baton_charge_after_the_protest_is_its_intervention(extractor):
    # the force told in the sentence after the protest is the protest's intervention, one event
    text = ("On 4 May 2020, villagers staged a demonstration in front of the health centre in Ambala against "
            "the opening of a quarantine ward. Police resorted to baton charge to bring the situation under control.")
    inc = primary(extractor.extract(Article("k", text, dt.date(2020, 5, 5))))
    assert inc is not None and inc.sub_event_type == "Protest with intervention"


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # Violent demonstration (Codebook 2019 p. 14): demonstrators who vandalise, burn or force their way in
        ("Residents demonstrating against the curfew vandalized the town hall on Monday.", "Violent demonstration"),
        ("Traders staged a demonstration outside the tax office and attempted to force their way into the building.",
         "Violent demonstration"),
        ("Inmates protested over the search of their cells; chairs were burnt during the protest.", "Violent demonstration"),
        ("Youths gathered to demonstrate against the closure of the market and stormed the police station.",
         "Violent demonstration"),
        # people who demonstrate (the infinitive) hold a protest
        ("Farmers came to the square to demonstrate against the new water tariffs.", "Peaceful protest"),
        # no violence of their own: the protest stays peaceful
        ("Teachers protested outside the ministry over unpaid salaries for three months.", "Peaceful protest"),
    ],
)
def test_demonstrators_own_violence(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence",
    [
        # Other (Strategic developments, Codebook 2019 p. 17): returns, displacements, shots in the air
        "On 6 May 2021, 150 Venezuelan migrants who had been in Peru returned through the border crossing.",
        "A corridor was opened to move back 300 refugees to their country.",
        "Border guards fired several warning shots into the air near the village on Tuesday.",
        "Some 120 families from three hamlets (counted separately for each hamlet) in the district evacuated following tensions between two clans.",
    ],
)
def test_other_strategic_developments(extractor, sentence):
    inc = primary(extractor.extract(Article("k", sentence, dt.date(2021, 5, 7))))
    assert inc is not None and (inc.event_type, inc.sub_event_type) == ("Strategic developments", "Other")


def test_shots_in_the_air_at_a_protest_stay_the_protest():
    # the Other trigger is the lowest: a protest dispersed with shots in the air is the protest's intervention
    t = typed("Police fired shots into the air to disperse the protesters outside the court.")
    assert t.sub_event_type == "Protest with intervention"


def test_aid_handed_out_by_an_armed_group_is_a_change_to_its_activity(extractor):
    # Change to group/activity (Codebook 2019 p. 17): a cartel's members deliver food to families
    text = "As reported on 2 May 2021, members of a local cartel delivered food packages to families in the town."
    inc = primary(extractor.extract(Article("k", text, dt.date(2021, 5, 3))))
    assert inc is not None and inc.sub_event_type == "Change to group/activity"
