"""Perpetrators named as the group names itself (issue 11, item 5): suspects named after "suspected
that", spelling variants of a known name, rebel armies that are no state's army, and plain
apostrophes in a group's own name."""
import pytest

from sitrep.extract.actors import find_actors, responsibility


def _suspects(sentence: str, country: str | None = "India") -> list[tuple[str, str]]:
    return [(r.name, r.status) for r in responsibility(sentence, find_actors(sentence, None, country))]


@pytest.mark.parametrize(
    "sentence,name",
    [
        # the suspect is named after "suspected that", not the police who suspect
        ("No group claimed responsibility for the blast, but police suspected that the Indian Mujahideen militant group was responsible.",
         "Indian Mujahideen"),
        ("No one claimed the attack, but it was suspected that Tritiya Prastuti Committee (TPC) militants were responsible.",
         "Tritiya Prastuti Committee"),
        ("It is believed that the Garo National Liberation Army (GNLA) was behind the kidnapping.",
         "Garo National Liberation Army"),
        # a known group written with spaces for its hyphens
        ("No group claimed responsibility, but the Tehrik e Taliban Pakistan were suspected.", "Tehrik-i-Taliban Pakistan"),
        # "Liberation Army" ends a rebel group's name, it is no state's army
        ("No group has claimed the attack, but the militant group South Sudan Liberation Army (SSLA) was thought to be responsible.",
         "South Sudan Liberation Army"),
        ("Suspected members of the Kuki Revolutionary Army (KRA) fired on the council office.", "Kuki Revolutionary Army"),
        # typographic apostrophes are made plain in a group's own name
        ("No group claimed responsibility, but it was suspected that People’s United Liberation Front (PULF) militants were responsible.",
         "People's United Liberation Front"),
    ],
)
def test_suspect_named(sentence, name):
    assert (name, "suspected") in _suspects(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # who suspects names nobody as the suspect
        "Police suspected that the attack had been planned for weeks.",
        "Officials believe that the blast was caused by a gas leak.",
    ],
)
def test_no_suspect_named(sentence):
    assert _suspects(sentence) == []


@pytest.mark.parametrize(
    "sentence,name",
    [
        # a state's own army stays state forces
        ("The Pakistani Army said troops had cleared the area.", "Military Forces of Pakistan"),
        ("The army said two soldiers were wounded.", "Military Forces of Pakistan"),
    ],
)
def test_state_army_stays_state_forces(sentence, name):
    assert name in [a.name for a in find_actors(sentence, None, "Pakistan")]


def test_attributed_attack_names_a_suspect():
    sentence = ("No group claimed responsibility, although authorities attribute the arson attack to Revolutionary "
                "Armed Forces of Colombia (FARC) guerrillas.")
    assert ("Revolutionary Armed Forces of Colombia", "suspected") in _suspects(sentence, "Colombia")


def test_claimed_membership_is_a_claim():
    sentence = "The attackers claimed to be members of the United Liberation Front of Assam (ULFA)."
    assert ("United Liberation Front of Asom", "claimed") in _suspects(sentence)  # the table's canonical name


@pytest.mark.parametrize(
    "sentence,name",
    [
        # the generic "Militants" inside a group's own name is the group
        ("A trader was kidnapped by suspected members of Adivasi Cobra Militants of Assam (ACMA) in Kokrajhar.",
         "Adivasi Cobra Militants of Assam"),
        # GTD's names for the Casamance rebels and the Baloch Liberation Tigers, in the alias table
        ("No group claimed responsibility, but the Casamance Movement of Democratic Forces (MFDC) was suspected.",
         "Movement of Democratic Forces of Casamance"),
        ("No group claimed the blast, but the Baloch Liberation Tiger (BLT) was suspected.", "Baloch Liberation Tigers"),
    ],
)
def test_group_names(sentence, name):
    assert (name, "suspected") in _suspects(sentence, "Senegal")
