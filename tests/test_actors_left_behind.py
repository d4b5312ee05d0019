"""Suspects of issue 11's third pass (actors 2026.12.4): a group named by the leaflets or posters left
at the scene, "pro-" and "-linked" militants named by the group they side with, anarchists as GTD
names them, suspects "thought responsible" or "suspected to have been involved", a claimant who speaks
for a group the table does not know, and a group's own "Insurgent Armed Forces" that are no state's army. Sentences are our own wording."""
import pytest

from sitrep.extract.actors import find_actors, left_behind, responsibility


def _suspects(sentence: str, country: str | None = "India") -> list[tuple[str, str]]:
    return [(r.name, r.status) for r in responsibility(sentence, find_actors(sentence, None, country))]


@pytest.mark.parametrize(
    "sentence,name",
    [
        # leaflets, pamphlets and posters of a group at the scene
        ("No group claimed the blast, but police found leaflets of the Khumbuwan Mukti Morcha near the office.",
         "Khumbuwan Mukti Morcha"),
        ("Communist Party of India-Maoist (CPI-M) posters were left at the site of the attack.",
         "Communist Party of India - Maoist"),
        ("The device contained pamphlets from the Revolutionary Insurgent Armed Forces of Ecuador (FAIRE).",
         "Revolutionary Insurgent Armed Forces of Ecuador"),
        # "pro-" and "-linked" militants are named by the group they side with
        ("Suspected pro-Taliban militants blew up a girls' school overnight.", "Taliban"),
        ("No one claimed the attack, but it is suspected that Taliban-linked militants were responsible.", "Taliban"),
        # anarchists, as GTD names them
        ("Suspected anarchists threw a petrol bomb at the tax office.", "Anarchists"),
        # "thought responsible", with no "to be"
        ("No group claimed the attack, but Misseriya Arab tribesmen were thought responsible.", "Misseriya Arab"),
        ("No one has claimed the shooting, but the Pattani Freedom Front (PFF) is suspected to have been involved.",
         "Pattani Freedom Front"),
        # a group's name may hold "against" and a state's "Police" (the table knows the PCPA)
        ("No group claimed the arson, but it is suspected that the Peoples’ Committee against Police Atrocities (PCPA) was responsible.",
         "People's Committee against Police Atrocities"),
    ],
)
def test_suspect_named(sentence, name):
    assert (name, "suspected") in _suspects(sentence, "Pakistan")


@pytest.mark.parametrize(
    "sentence,name",
    [
        # the claimant speaks for the group named after "commander of", "spokesman for"
        ("The regional commander of the Hill Tiger Front, identified as Ranjit, claimed responsibility for the blast.",
         "Hill Tiger Front"),
        ("A spokesman for the Karbi Longri Liberation Front telephoned reporters and claimed responsibility.",
         "Karbi Longri Liberation Front"),
        ("A leader of the Rajan faction of the Madhesi Mukti Tigers (MMT) claimed responsibility by telephone.",
         "Madhesi Mukti Tigers"),
    ],
)
def test_claimant_named(sentence, name):
    assert (name, "claimed") in _suspects(sentence, "Nepal")


@pytest.mark.parametrize(
    "sentence",
    [
        # posters and leaflets of no group, and a group against whom a militia fights
        "Police removed posters from the walls of the school.",
        "Leaflets calling for a strike were handed out at the market.",
        "An anti-Taliban militia was formed in the district.",
    ],
)
def test_no_suspect_named(sentence):
    assert _suspects(sentence, "Pakistan") == []
    assert left_behind(sentence, find_actors(sentence, None, "Pakistan")) == []


def test_insurgent_armed_forces_are_no_state_army():
    names = [a.name for a in find_actors("The Revolutionary Insurgent Armed Forces of Ecuador left a bomb.", None, "Ecuador")]
    assert "Military Forces of Ecuador" not in names
