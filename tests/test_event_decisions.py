"""The decision rows added for issue 11 (``data/sub_event_rules.toml`` 2026.12.3, ``event_triggers.toml``
2026.12.6), row by row: petrol bombs burn, control of a building ends a shooting, a clash of
demonstrators is a violent demonstration, a calibre is heavy from 12 mm, and who counts as a civilian."""
import pytest

from sitrep.extract.events import _decisions, decide, dominant, features_of, find_triggers, retype


def _typed(sentence: str):
    t = dominant(find_triggers(sentence))
    assert t is not None
    return retype(t, sentence, sentence)


@pytest.mark.parametrize(
    "sentence,row,sub",
    [
        # Attack (Codebook p. 15): a petrol bomb thrown at people; no Grenade, no Remote explosive
        ("Unknown men hurled a petrol bomb at a bus, injuring three passengers.",
         "a petrol bomb that hurts people is an attack", "Attack"),
        ("Two men on a scooter threw a Molotov cocktail at a shopkeeper, who suffered burns and was hurt.",
         "a petrol bomb that hurts people is an attack", "Attack"),
        # Looting/property destruction (p. 17): a petrol bomb at property alone
        ("A man threw a petrol bomb at the house of a local politician, damaging the door.",
         "a petrol bomb that burns property alone is property destruction", "Looting/property destruction"),
        ("Attackers threw fire bombs at the party office overnight.",
         "a petrol bomb that burns property alone is property destruction", "Looting/property destruction"),
        # a shooting that police end by taking control of the building is the attack, not territory
        ("A gunman went on a shooting spree at a shopping mall in Ohio, killing four people before police took control of the building.",
         "control of a site after a shooting is the attack", "Attack"),
        ("Security forces regained control of the hotel after gunmen killed six guests.",
         "control of a site after a shooting is the attack", "Attack"),
        # taken after an exchange of fire it is a clash
        ("Troops retook control of the school building after a two-hour gun battle with the militants.",
         "control of a site after an exchange is a clash", "Armed clash"),
        # Violent demonstration (p. 14): demonstrators clashing with the police while demanding
        ("Students sitting on a dharna clashed with police, demanding buses home.",
         "a clash of demonstrators is a violent demonstration", "Violent demonstration"),
        ("Locals shouted slogans and clashed with police over the search operation.",
         "a clash of demonstrators is a violent demonstration", "Violent demonstration"),
    ],
)
def test_new_decision_rows(sentence, row, sub):
    table = {d.name: d for d in _decisions()[1]}
    features = features_of(sentence)
    assert table[row].to == sub
    assert all(f in features for f in table[row].has) and not any(f in features for f in table[row].lacks)
    assert _typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # a grenade thrown into a crowd stays a Grenade
        ("A man threw a hand grenade into a crowd at a market, injuring 12 people.", "Grenade"),
        # a town taken by state forces stays territory
        ("Government forces seized the town from the rebels after a week of fighting.", "Government regains territory"),
        # a clash with no demonstration stays mob violence
        ("Two groups of villagers clashed over the ownership of farmland, injuring six people.", "Mob violence"),
        # unarmed people who beat a policeman are a mob, not a battle (Codebook p. 14)
        ("A policeman on duty was beaten up by three persons who were out during the curfew.", "Mob violence"),
        ("At least five citizens attacked police officers who tried to break up their gathering.", "Mob violence"),
        # "suicide improvised explosive device", SVBIED: a Suicide bomb (Codebook p. 13)
        ("A militant detonated his suicide improvised explosive device outside the district office.", "Suicide bomb"),
        ("An attacker drove a suicide vehicle-borne improvised explosive device into the compound.", "Suicide bomb"),
        ("The SVBIED exploded at the gate of the base.", "Suicide bomb"),
    ],
)
def test_types_kept_or_decided(sentence, sub):
    assert _typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence,heavy",
    [
        ("Rebels fired 82mm mortars at the village.", True),
        ("Separatists fired 12.7 mm machine guns at the checkpoint.", True),
        # a pistol's or a rifle's calibre, and spent shells, are no heavy weapon
        ("The victim was shot with a 9mm pistol outside his home.", False),
        ("Police recovered nine spent shells of rifle ammunition at the scene.", False),
        ("Officers found 7.62 mm shell casings near the body.", False),
    ],
)
def test_heavy_weapons(sentence, heavy):
    assert ("heavy" in features_of(sentence)) is heavy


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # Attack (Codebook p. 15, the target is unarmed): an employee, a candidate, a councillor
        ("Gunmen shot and killed a railway employee as militants watched the road.", "Attack"),
        ("Suspected clan militiamen shot dead a village chairperson and wounded a councilor.", "Attack"),
        # a police officer shot by gunmen is an armed target
        ("Two gunmen shot and wounded a police officer outside the station.", "Armed clash"),
        # a drug trafficker shot dead: ACLED's Latin America coding makes it a clash
        ("A known drug trafficker was shot dead by two armed men in the neighbourhood.", "Armed clash"),
    ],
)
def test_victims_status(sentence, sub):
    assert _typed(sentence).sub_event_type == sub


def test_decide_keeps_a_grenade_launcher_a_shell():
    t = dominant(find_triggers("A rocket-propelled grenade hit a police vehicle on the main road."))
    assert decide(t, "A rocket-propelled grenade hit a police vehicle on the main road.").sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # Protest with intervention (Codebook p. 14): the police disperse, baton-charge, stop or detain
        ("Police resorted to a mild lathi charge to disperse the protesters outside the quarantine centre.", "Protest with intervention"),
        ("The police did not allow the group to hold a demonstration and detained several participants.", "Protest with intervention"),
        ("Soldiers stopped protesters from setting up tents at the roundabout.", "Protest with intervention"),
        ("Police detained three activists taking part in an unauthorised protest in the city centre.", "Protest with intervention"),
        ("Riot units halted the May Day march on Saturday, dispersing the crowds.", "Protest with intervention"),
        # with no intervention a protest stays peaceful
        ("Hundreds of teachers marched to the ministry to demand unpaid wages.", "Peaceful protest"),
        # a bomber killing himself with his explosives is a Suicide bomb
        ("Two militants detonated explosives, killing themselves after police called on them to surrender.", "Suicide bomb"),
        # a capitalised Mine is a place: explosions of unknown weapons near it are shelling (Ukraine note)
        ("Monitors observed 21 explosions involving unknown weapons near the Butovka Mine.", "Shelling/artillery/missile attack"),
        ("A farmer was killed when his tractor struck a mine near the village.", "Remote explosive/landmine/IED"),
    ],
)
def test_intervention_suicide_and_mines(sentence, sub):
    assert _typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # small arms fired at a civilian with no exchange told are an Attack (Codebook p. 15)
        ("Militia members shot and killed a civilian in the village using small arms fire.", "Attack"),
        # with an exchange of small arms fire it stays a clash
        ("Fighters exchanged small arms fire near the village, killing a civilian.", "Armed clash"),
        # an exchange of artillery fire is shelling
        ("Government forces and rebels exchanged artillery fire along the front.", "Shelling/artillery/missile attack"),
        # an "alleged member of" a group is an armed target (Codebook p. 15: the victims' status)
        ("An alleged member of a local crime group was shot and injured outside his home.", "Armed clash"),
    ],
)
def test_small_arms_and_members(sentence, sub):
    assert _typed(sentence).sub_event_type == sub
