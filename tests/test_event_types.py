"""Sub-event types by the ACLED codebook: the weapon-and-setting decision table
(``data/sub_event_rules.toml``), row by row, and whose side an armed word stands on; the rows and
cues of issue 11 (rules 2026.12.3, triggers 2026.12.6): petrol bombs, control of a building after a
shooting, clashing demonstrators, calibres heavy from 12 mm, who counts as a civilian."""
import pytest

from event_fixtures import typed
from sitrep.extract.events import _decisions, armed_target, decide, decision_for, dominant, features_of, find_triggers
from sitrep.models import ACLED_TYPES


@pytest.mark.parametrize(
    "sentence,row,sub",
    [
        # answered fire is a clash (Armed clash: the other side responds)
        ("Rebel forces fired mortar shells at army positions, and the troops responded to the fire.",
         "answered fire is a clash", "Armed clash"),
        ("Insurgents lobbed grenades at the outpost before a firefight with soldiers broke out.",
         "answered fire is a clash", "Armed clash"),
        ("Monitors recorded 30 explosions in both directions of the front line near the village.",
         "answered fire is a clash (explosions of no named device)", "Armed clash"),
        # heavy weapons with small arms are a clash
        ("Government troops fired 82mm mortars and small arms at separatist positions near the town.",
         "heavy weapons with small arms is a clash", "Armed clash"),
        # heavy weapons alone are shelling
        ("Separatist fighters fired heavy machine guns and grenade launchers at army positions overnight.",
         "heavy weapons alone are shelling", "Shelling/artillery/missile attack"),
        # a launched grenade is a shell
        ("A rocket-propelled grenade hit a police vehicle on the main road.",
         "a launched grenade is a shell", "Shelling/artillery/missile attack"),
        # explosions of unknown or heavy weapons are shelling
        ("Monitors observed 12 explosions involving unknown weapons near the village.",
         "explosions of heavy or unknown weapons are shelling", "Shelling/artillery/missile attack"),
        ("Residents heard several loud explosions as 120mm rounds landed on the outskirts.",
         "explosions of heavy or unknown weapons are shelling", "Shelling/artillery/missile attack"),
        # a clash of unorganised people is mob violence
        ("Two groups of villagers clashed over the ownership of farmland, injuring six people.",
         "a clash of unorganised people is mob violence", "Mob violence"),
        ("A mob of around 50 people clashed with a police team enforcing the curfew.",
         "a clash of unorganised people is mob violence", "Mob violence"),
        # an attack on property alone is property destruction
        ("Unknown attackers carried out an arson attack on a warehouse overnight, causing material damage.",
         "an attack on property alone is property destruction", "Looting/property destruction"),
        # stones thrown with no demonstration are mob violence
        ("A crowd pelted stones at a police patrol that was enforcing the curfew, injuring two officers.",
         "stones thrown with no demonstration are mob violence", "Mob violence"),
        ("Two groups of neighbours threw stones at each other after a quarrel over a water tap.",
         "stones thrown with no demonstration are mob violence", "Mob violence"),
        # goods seized are property, not territory
        ("Federal police forces seized two tons of cocaine hidden in a lorry at a highway checkpoint.",
         "goods seized are property, not territory", "Looting/property destruction"),
        ("Army troops seized 50 kilograms of heroin from a car at a checkpoint on the main road.",
         "goods seized are property, not territory", "Looting/property destruction"),
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
def test_decision_rows(sentence, row, sub):
    t = dominant(find_triggers(sentence))
    assert t is not None
    chosen = decision_for(t, features_of(sentence))
    assert chosen is not None and chosen.name == row and chosen.to == sub
    assert decide(t, sentence).sub_event_type == sub
    assert typed(sentence).sub_event_type == sub  # the whole retyping reaches the same row


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # a device named: the explosion is the device's, not a shell's, even amid fighting
        ("A roadside bomb exploded near a convoy during fighting in the district.", "Remote explosive/landmine/IED"),
        ("A civilian was killed when unexploded ordnance from earlier fighting exploded in the town.", "Remote explosive/landmine/IED"),
        ("A bomb exploded at a crowded market, killing four people.", "Remote explosive/landmine/IED"),
        # a grenade thrown by hand stays a Grenade
        ("An attacker threw a hand grenade into a crowded bar.", "Grenade"),
        # a grenade launcher is no thrown device: heavy weapons with small arms make a clash
        ("Rebels fired 82mm mortars, grenade launchers and small arms at government positions.", "Armed clash"),
        # a clash with armed men, or with guns, stays an armed clash
        ("Villagers clashed with armed men who tried to steal their cattle.", "Armed clash"),
        ("Residents and police clashed in a shoot-out that lasted two hours.", "Armed clash"),
        # an arson attack that kills is violence against civilians
        ("Gunmen set fire to a house in an attack that killed three people.", "Attack"),
        # air strikes are not touched by the table
        ("Warplanes struck the town while clashes continued on the ground.", "Air/drone strike"),
        # shelling with no answer stays shelling
        ("Artillery shells hit residential areas of the city.", "Shelling/artillery/missile attack"),
        # stones thrown in a demonstration, with a demand or at a road block stay a violent demonstration
        ("Students protesting the fee rise pelted stones at the police outside the university.", "Violent demonstration"),
        ("Stranded labourers threw stones at police, demanding buses to take them home.", "Violent demonstration"),
        # a town taken stays territory
        ("Government forces seized the town from the rebels after a week of fighting.", "Government regains territory"),
        # soldiers are an armed group: villagers fighting them are in a battle, police forces are not
        ("Villagers clashed with army troops who had come to evict them.", "Armed clash"),
    ],
)
def test_no_row_keeps_the_trigger(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # Mob violence, Codebook p. 14: rioters against armed actors, the police among them; "police
        # forces" and "armed police" name the police, not an armed group
        ("Dozens of street vendors clashed with police forces when officers ordered them off the pavement.", "Mob violence"),
        ("Hundreds of residents clashed with armed police personnel at the border crossing.", "Mob violence"),
        # "machine guns, assumedly heavy" are heavy weapons: fired alone they are shelling
        ("Coalition forces reportedly fired machine guns, assumedly heavy, at several districts of the city.",
         "Shelling/artillery/missile attack"),
    ],
)
def test_crowds_and_heavy_weapons(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # a violence word named as an earlier event in a protest's sentence is no event
        # (event_triggers.toml [reference])
        ("Activists rallied outside the courthouse to demand the release of men detained during the recent riots.",
         "Peaceful protest"),
        ("It was the third day of protests, after last week's riots in the city's prisons.", "Peaceful protest"),
        ("Residents held a vigil in the square following the deadly bombing of the market.", "Peaceful protest"),
        # the violence of the protest itself stays its event
        ("Rioters torched cars during a protest against the curfew.", "Violent demonstration"),
        ("A woman activist was arrested during clashes between protesters and the police.", "Violent demonstration"),
    ],
)
def test_earlier_violence_named_by_a_protest(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # Codebook: road-blocking with bodies is peaceful; with barricades or burning tyres it is violent
        ("Hundreds of protesters blocked the main highway for three hours, demanding jobs.", "Peaceful protest"),
        ("Demonstrators blocked the road to the port to protest against fuel prices.", "Peaceful protest"),
        ("Protesters barricaded the main roads and burned tyres in the city centre.", "Violent demonstration"),
    ],
)
def test_road_blocks(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "text,armed",
    [
        ("Taliban fighters have attacked a checkpoint, killing 12 security force members.", True),
        ("Two soldiers were killed in the attack on the base.", True),
        ("A policeman was shot dead by gunmen outside his home.", True),
        # a verb with no object after it is a reduced passive: the soldiers were killed
        ("There were 10 soldiers killed in the province today.", True),
        # the armed word names the attacker: the target is unarmed (Codebook: Attack)
        ("Militiamen attacked the village and killed seventeen people.", False),
        ("A policeman shot and killed a man in the market.", False),
        ("A teenager was killed by the military police during a raid.", False),
        ("Suspected militants reportedly shot a man delivering water.", False),
        ("Two militants on a motorcycle fired on and killed a village headman.", False),
        # a member of an armed group or a gang is an armed actor (Codebook p. 15: the victims' status)
        ("Unidentified gunmen assassinated an SDF member near the bridge.", True),
        ("A Taliban commander was shot dead outside a mosque.", True),
        ("Members of a rival gang shot and killed a man in the market.", False),
        ("Two alleged gang members were found shot dead by the river.", True),
    ],
)
def test_armed_target(text, armed):
    assert armed_target(text) is armed


@pytest.mark.parametrize(
    "sentence,sub",
    [
        ("Gunmen attacked an army checkpoint near the border.", "Armed clash"),
        ("Armed militiamen attacked the village, burning houses.", "Attack"),
        ("A policeman shot and killed a motorcycle taxi driver on Sunday.", "Attack"),
    ],
)
def test_attack_or_clash_by_the_target(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # Change to group/activity (Codebook p. 17): movements of forces, fortifications, splits,
        # security measures
        ("Government reinforcements arrived on the northern front on Sunday.", "Change to group/activity"),
        ("Rebel forces established new fortifications east of the city.", "Change to group/activity"),
        ("Russian and Turkish forces carried out a joint patrol in the province.", "Change to group/activity"),
        ("The governor's office extended the ban on demonstrations for another 15 days.", "Change to group/activity"),
        # Disrupted weapons use (Codebook p. 17): mines cleared, devices destroyed, premature blasts
        ("Army engineers cleared more than 2,000 landmines from farmland around the town.", "Disrupted weapons use"),
        ("Two militants were killed when the bomb they were planting exploded prematurely.", "Disrupted weapons use"),
        ("Police destroyed the device in a controlled explosion.", "Disrupted weapons use"),
        # destroying something with explosives is the attack, not a disrupted weapon
        ("Maoist rebels destroyed two mobile towers using improvised explosive devices.", "Remote explosive/landmine/IED"),
        # chemical weapons
        ("Dozens suffered from asphyxia after militants used poisonous gas in the town.", "Chemical weapon"),
        # people gathered to demand, or in front of a public building, hold a peaceful protest
        ("More than 100 parents gathered in front of a school in the district to demand lower fees.", "Peaceful protest"),
    ],
)
def test_codebook_lexicon(sentence, sub):
    assert typed(sentence).sub_event_type == sub


def test_decision_table_names_only_known_features_and_types():
    features, rows, targets, _ = _decisions()
    subs = {sub for subs in ACLED_TYPES.values() for sub in subs}
    for row in rows:
        assert set(row.has) | set(row.lacks) <= set(features), row.name
        assert row.to in targets and row.to in subs and set(row.sources) <= subs, row.name
        assert row.to in ACLED_TYPES[targets[row.to][0]], row.name


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
    assert typed(sentence).sub_event_type == sub


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
    assert typed(sentence).sub_event_type == sub


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
    assert typed(sentence).sub_event_type == sub


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
    assert typed(sentence).sub_event_type == sub
