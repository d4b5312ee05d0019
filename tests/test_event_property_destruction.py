"""Looting/property destruction (ACLED Codebook 2019 p. 17): property destroyed, not as part of a
larger violent event. Infrastructure destroyed (a water scheme, an airstrip, plantations, a fence),
trees cut down, windows smashed and material damage told are such events; a violent trigger in the
same sentence still types the event. Pots banged, a rejection voiced and a numbered road blocked are
Peaceful protests (p. 14); the sentence filter lets all of these through. Sentences are our own wording."""
import pytest

from event_fixtures import typed


@pytest.mark.parametrize(
    "sentence",
    [
        "Unknown men destroyed the village water scheme overnight.",
        "Soldiers found and destroyed a clandestine airstrip used by smugglers.",
        "Settlers cut down about 40 olive trees belonging to farmers of the village.",
        "A group of anarchists smashed the glass front of a bank branch with hammers.",
        "A man drove his truck through the fence of the camp; no one was hurt but there was material damage.",
        "Around 100 people trespassed on the land and destroyed rubber plantations owned by villagers.",
    ],
)
def test_property_destroyed(sentence):
    t = typed(sentence)
    assert (t.event_type, t.sub_event_type) == ("Strategic developments", "Looting/property destruction")


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # the violence in the sentence types it
        ("Rebels shelled the town and destroyed a bridge, killing three civilians.", "Shelling/artillery/missile attack"),
        ("A roadside bomb destroyed a water tanker, killing its driver.", "Remote explosive/landmine/IED"),
    ],
)
def test_violence_first(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # Peaceful protest (p. 14): pots banged, a rejection voiced by a gathering, a numbered road blocked
        ("Residents banged pots against the governor during his visit to the city.", "Peaceful protest"),
        ("Dozens of residents gathered outside the town hall and voiced their rejection of the new levy.",
         "Peaceful protest"),
        ("Dock workers blocked the RN 5 near the port, denouncing unpaid wages.", "Peaceful protest"),
        ("Settlers cut down about 40 olive trees belonging to farmers of the village.", "Looting/property destruction"),
        ("A group of anarchists smashed the glass front of a bank branch with hammers.", "Looting/property destruction"),
    ],
)
def test_passes_the_sentence_filter(sentence, sub):
    from sitrep.extract.reader import _relevant

    assert _relevant(sentence) and typed(sentence).sub_event_type == sub
