"""ACLED codebook rows of issue 11's third pass (triggers 2026.12.7, decision table 2026.12.4): a
grievance told in a relative clause is no event of a protest (and a dharna is a protest), a clash
fought with blades and sticks and an attack by supporters, kin or accomplices are Mob violence, a road
blocked with burning objects is a Violent demonstration, an activist is a civilian, drugs seized are
property, a grenade dropped from a drone is an air strike, weapons found are disrupted weapons use,
and a violence word after a bare "no" is no event. Sentences are our own wording."""
import pytest

from event_fixtures import typed
from sitrep.extract.events import decision_for, dominant, features_of, find_triggers


@pytest.mark.parametrize(
    "sentence,event_type,sub",
    [
        # Peaceful protest (Codebook 2019 p. 14): what befell the people protested for is the grievance
        ("Families who say their sons have been kidnapped by the rebels continued their sit-in protest outside the party office.",
         "Protests", "Peaceful protest"),
        ("Traders staged a dharna demanding compensation for the family of a shopkeeper who was abducted and killed last month.",
         "Protests", "Peaceful protest"),
        ("Residents who claimed that two boys had been abducted by smugglers blocked the highway for three hours.",
         "Protests", "Peaceful protest"),
        ("Protesters gathered in the square and lit candles to honour a man who died of an injury he obtained during riots in the north.",
         "Protests", "Peaceful protest"),
        # Mob violence (p. 14): blades, sticks and stones, no firearm, no armed group
        ("Members of two clans clashed with machetes and sticks over grazing land, injuring eight.", "Riots", "Mob violence"),
        ("Activists of the ruling party and the opposition clashed at a polling station, leaving six hurt.", "Riots", "Mob violence"),
        ("Followers of two rival preachers clashed with iron rods outside the mosque.", "Riots", "Mob violence"),
        # Mob violence (p. 14): an attack by a party's supporters, a family's kin, a leader's accomplices
        ("Supporters of the ruling party attacked and beat two opposition workers at the market, injuring both.",
         "Riots", "Mob violence"),
        ("A man was beaten by his neighbour's relatives after an argument over a goat.", "Riots", "Mob violence"),
        ("Six people were injured in an attack by the village head and his accomplices.", "Riots", "Mob violence"),
        # Violent demonstration (p. 14): a road blocked with burning objects
        ("Residents blocked the main road with burning tyres to demand the repair of the water supply.",
         "Riots", "Violent demonstration"),
        ("Villagers blocked a highway with burning branches to protest the closure of the clinic.",
         "Riots", "Violent demonstration"),
        # Attack (p. 15): an activist is a civilian, a military prison names no armed target
        ("Policemen reportedly attacked a human rights activist outside his home.", "Violence against civilians", "Attack"),
        ("A detainee died as a result of torture in a military prison, his family said.", "Violence against civilians", "Attack"),
        # Looting/property destruction (p. 17): drugs seized or destroyed, not the arrests that follow
        ("Police dismantled a cocaine processing lab in the hills. Two men were arrested.",
         "Strategic developments", "Looting/property destruction"),
        ("Customs officers seized 300 kilograms of heroin hidden in a lorry; the driver was detained.",
         "Strategic developments", "Looting/property destruction"),
        # Air/drone strike (p. 12): a grenade dropped from a drone
        ("Rebels fired mortars and dropped grenades from a drone on army positions.",
         "Explosions/Remote violence", "Air/drone strike"),
        # Other (p. 17): prisoners released, families displaced in numbers
        ("The government released 120 Taliban prisoners from a jail near the capital to advance the talks.",
         "Strategic developments", "Other"),
        ("About 300 families from two villages were displaced after threats from armed men in the area.",
         "Strategic developments", "Other"),
        # Disrupted weapons use (p. 17): weapons found, not a grenade thrown
        ("Hand grenades and ammunitions were discovered in an abandoned house near the market.",
         "Strategic developments", "Disrupted weapons use"),
    ],
)
def test_codebook_rows(sentence, event_type, sub):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == (event_type, sub)


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # an abduction stays an abduction
        ("Gunmen kidnapped three villagers from a farm and demanded a ransom.", "Abduction/forced disappearance"),
        ("Militants abducted 20 women from a market in the north of the state.", "Abduction/forced disappearance"),
        # a clash with firearms, or of an armed group, stays a clash whatever else is used
        ("Rebels and soldiers clashed with rifles and machetes near the border, killing four.", "Armed clash"),
        ("Militiamen and troops clashed in the hills; the militia also used bows and arrows.", "Armed clash"),
        # the victims of a passive are not the attackers; supporters with guns are no mob
        ("Supporters of the opposition party were assaulted by unknown people near the bus stand.", "Attack"),
        ("Supporters of the candidate shot and wounded a rival's driver.", "Attack"),
        ("A meeting hall booked by party activists was attacked by unknown people overnight, injuring a guard.", "Attack"),
        # a soldier at his post is still an armed target
        ("Militants attacked soldiers at a military post near the border.", "Armed clash"),
        # a few grams found in a shooting suspect's car are no seizure event
        ("Officers shot the driver after a chase and said they found about two grams of marijuana in the car.", "Attack"),
        # a protest's own violence is not blanked by the relative clause rule
        ("Protesters who were angry at the verdict pelted the police with stones.", "Violent demonstration"),
    ],
)
def test_rows_that_do_not_apply(sentence, sub):
    assert typed(sentence).sub_event_type == sub


def test_blade_row_is_the_table_row():
    # the clash of named groups with blades and no crowd word is decided by the blade row
    s = "Cattle raiders and a vigilante group clashed with machetes near the village, and ten were wounded."
    t = dominant(find_triggers(s))
    assert decision_for(t, features_of(s)).name == "a clash with blades and sticks is mob violence"


@pytest.mark.parametrize(
    "sentence,found",
    [
        # a bare "no" before the word: nothing happened
        ("Troops searched the village. No arrests or clashes were reported.", False),
        ("The convoy reached the town with no clashes on the way.", False),
        # words between the negation and the violence: the violence is told
        ("No one was shot in the attack on the bus.", True),
        ("Police have made no arrests after gunmen killed two guards.", True),
    ],
)
def test_bare_negation(sentence, found):
    assert any(t.violent for t in find_triggers(sentence)) is found
