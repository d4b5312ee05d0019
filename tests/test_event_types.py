"""Sub-event types by the ACLED codebook: the weapon-and-setting decision table
(``data/sub_event_rules.toml``), row by row, and whose side an armed word stands on."""
import pytest

from sitrep.extract.events import _decisions, armed_target, decide, decision_for, dominant, features_of, find_triggers, retype
from sitrep.models import ACLED_TYPES


def _typed(sentence: str):
    t = dominant(find_triggers(sentence))
    assert t is not None
    return retype(t, sentence, sentence)


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
    ],
)
def test_decision_rows(sentence, row, sub):
    t = dominant(find_triggers(sentence))
    assert t is not None
    chosen = decision_for(t, features_of(sentence))
    assert chosen is not None and chosen.name == row
    assert decide(t, sentence).sub_event_type == sub


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
    assert _typed(sentence).sub_event_type == sub


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
    assert _typed(sentence).sub_event_type == sub


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
    assert _typed(sentence).sub_event_type == sub


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
    assert _typed(sentence).sub_event_type == sub


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
    assert _typed(sentence).sub_event_type == sub


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
    assert _typed(sentence).sub_event_type == sub


def test_decision_table_names_only_known_features_and_types():
    features, rows, targets, _ = _decisions()
    subs = {sub for subs in ACLED_TYPES.values() for sub in subs}
    for row in rows:
        assert set(row.has) | set(row.lacks) <= set(features), row.name
        assert row.to in targets and row.to in subs and set(row.sources) <= subs, row.name
        assert row.to in ACLED_TYPES[targets[row.to][0]], row.name
