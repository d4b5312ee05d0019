"""Armed clash (ACLED Codebook 2019 p. 11): "if a shelling or artillery attack is followed by armed
clashes, or the other side responds, the event is an Armed clash". Fire returned in other words than
"returned fire" ("fired back", "reacted with gunfire", "responded with heavy gunfire") is answered fire
(decision table feature ``exchange``). Sentences are our own wording."""
import pytest

from event_fixtures import typed
from sitrep.extract.events import features_of


@pytest.mark.parametrize(
    "sentence,sub",
    [
        ("Rebels shelled army positions near the river; the soldiers fired back, killing two rebels.", "Armed clash"),
        ("Militants threw a grenade at the district office and the guards reacted with gunfire.", "Armed clash"),
        ("Insurgents fired mortars at the base and troops responded with heavy gunfire.", "Armed clash"),
        # no answer told: the weapon decides
        ("Rebels shelled army positions near the river, killing two soldiers.", "Shelling/artillery/missile attack"),
        ("Militants threw a grenade at the district office, injuring a guard.", "Grenade"),
    ],
)
def test_answered_fire(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize("text", ["the soldiers fired back", "police shot back at the gunmen", "guards reacted with gunfire"])
def test_exchange_feature(text):
    assert "exchange" in features_of(text)
