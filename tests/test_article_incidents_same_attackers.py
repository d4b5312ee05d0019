"""The attackers told going on with their attack, and who the perpetrator of an attack is
(reconcile/incidents.py ``same_attackers``, reconcile/article.py ``_told_of``, ``_by_before``,
``_does``; extract/reader.py's sentence filter). Our own wording on the pattern of constructions
common in GTD summaries and news wires; none of their text."""
import datetime as dt

import pytest

from sitrep.models import Article
from sitrep.reconcile.article import _by_before, _does


def perpetrators(inc):
    return [a.name for a in inc.actors if a.role == "perpetrator"]


def read(extractor, text, when=dt.date(2011, 3, 6)):
    return extractor.extract(Article("t", text, when))


def test_what_the_militants_also_did_is_the_same_attack(extractor):
    x = read(extractor, "On Sunday night, in a village of Dumka, Jharkhand, India, unidentified militants shot and killed a "
                        "shopkeeper. The militants also set fire to his truck and a tractor. The Communist Party of "
                        "India-Maoist claimed responsibility.")
    assert len(x.incidents) == 1
    inc = x.incidents[0]
    assert inc.event_type == "Violence against civilians"
    assert perpetrators(inc) == ["Communist Party of India - Maoist"]


def test_the_assailants_later_burning_the_house_is_the_raid(extractor):
    x = read(extractor, "On Thursday night, in Yala, Thailand, about 20 armed men opened fire on the home of a village "
                        "headman, killing his son. The assailants later set the house on fire.")
    assert len(x.incidents) == 1


def test_another_attack_by_other_men_stays_apart(extractor):
    x = read(extractor, "On Sunday night, in a village of Dumka, Jharkhand, India, unidentified militants shot and killed a "
                        "shopkeeper. In a separate incident, gunmen shot dead two police officers in Patna, Bihar.")
    assert len(x.incidents) == 2


def test_a_suspicion_told_after_the_attack_names_its_perpetrator(extractor):
    x = read(extractor, "On Tuesday morning, near Hazaribag, Jharkhand, India, unidentified militants set fire to eight "
                        "trucks at a quarry. The attack caused an unknown amount of damage and no group claimed "
                        "responsibility, but it was suspected that Communist Party of India-Maoist (CPI-M) militants "
                        "were responsible.")
    assert [perpetrators(i) for i in x.incidents] == [["Communist Party of India - Maoist"]]


def test_a_bomb_defused_has_the_claimed_group_as_perpetrator(extractor):
    x = read(extractor, "A bomb was defused by police officers at a market in Maiduguri, Borno, Nigeria. Boko Haram "
                        "claimed responsibility for the attempted bombing.")
    assert any("Boko Haram" in perpetrators(i) for i in x.incidents)


def test_an_ambush_alone_is_read(extractor):
    x = read(extractor, "Members of the New People's Army (NPA) ambushed an army patrol in Daraga town, Albay province, "
                        "Philippines.")
    assert x.incidents and "New People's Army" in perpetrators(x.incidents[0])


@pytest.mark.parametrize("sentence, name, agent", [
    ("A teacher was abducted and beheaded by four Hizbul Mujahideen militants.", "Hizbul Mujahideen", True),
    ("A teacher was kidnapped by suspected rebels of the New People's Army.", "New People's Army", True),
    ("The station was attacked by armed members of the Communist Party of India-Maoist.", "Communist Party", True),
    ("A teacher was beheaded by four Lashkar-e-Tayyiba (LeT) militants.", "LeT", True),
    ("Two soldiers were killed near the New People's Army camp.", "New People's Army", False),
])
def test_the_agent_of_a_passive_verb(sentence, name, agent):
    assert _by_before(sentence, sentence.index(name)) is agent


@pytest.mark.parametrize("sentence, name, subject", [
    ("Soldiers were killed when members of the MFDC ambushed their convoy.", "MFDC", True),
    ("Tehrik-e-Taliban Pakistan (TTP) militants killed a tribal elder.", "Tehrik-e-Taliban Pakistan", True),
    ("The army said the Taliban reportedly stormed the checkpoint.", "Taliban", True),
    ("Five soldiers and two Taliban were killed in the clash.", "Taliban", False),
])
def test_the_subject_of_a_violent_verb(sentence, name, subject):
    assert _does(sentence, sentence.index(name) + len(name)) is subject


@pytest.mark.parametrize("sentence, names", [
    ("Militants from the Arauco Malleco Coordinating Group (CAM) set a forest service truck on fire.",
     ["Arauco Malleco Coordinating Group"]),
    ("At night, militants from a group called Black Hawks-Anti-Wahhabists threw petrol bombs into a yard.",
     ["Black Hawks-Anti-Wahhabists"]),
    ("Five cadres of the Sanghiya Limbuwan Committee (SLC) abducted a party worker.", ["Sanghiya Limbuwan Committee"]),
    ("Militants from the Taliban attacked a checkpoint.", ["Taliban"]),
    ("Gunmen from the Kili Bala village attacked a school.", ["Unidentified Armed Group"]),
])
def test_fighters_of_a_group_the_table_does_not_know(sentence, names):
    from sitrep.extract.actors import find_actors

    assert [m.name for m in find_actors(sentence)] == names
