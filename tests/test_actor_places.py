"""A state's name told as a place ("in Moscow", "Nalchik, Russia,") is where, not who."""
import pytest

from sitrep.extract.actors import find_actors


@pytest.mark.parametrize("sentence, names", [
    ("On Sunday night, in Nalchik, Kabardino Balkariya, Russia, militants from a group called Black Hawks "
     "threw Molotov cocktails into a yard.", ["Black Hawks"]),
    ("A bomb exploded in Moscow on Monday, wounding four people.", []),
    ("Two men were shot dead in Washington on Friday.", []),
    # the state that acts keeps its name
    ("Russia denied that its aircraft struck the market.", ["Russia"]),
    ("Moscow blamed Ukrainian saboteurs for the blast.", ["Russia"]),
    ("The U.S. said its drone killed three al-Shabaab fighters.", ["United States", "Al Shabaab"]),
])
def test_state_names_as_places(sentence, names):
    assert [a.name for a in find_actors(sentence)] == names
