"""Abduction/forced disappearance (ACLED Codebook 2019 p. 15) is an abduction "without reports of
further violence": where the abducted are killed or found dead after it, the event is an Attack
(decision table row "an abduction that kills is an attack"). A former soldier or a retired officer
is no armed actor (actors: "former", "retired", "ex-" before a generic armed word). Sentences are
our own wording."""
import datetime as dt

import pytest

from event_fixtures import typed
from sitrep.extract.actors import find_actors
from sitrep.models import Article


@pytest.mark.parametrize(
    "sentence,sub",
    [
        ("Two traders were kidnapped and killed by gunmen on the road to the market.", "Attack"),
        ("A farmer who was abducted from his field on Monday was found dead near the river.", "Attack"),
        ("The body of a teacher was found in a ditch two days after she was abducted by armed men.", "Attack"),
        ("Militants abducted a village chief and beheaded him the next day.", "Attack"),
        # no further violence told: the abduction
        ("Gunmen kidnapped three villagers from a farm and demanded a ransom.", "Abduction/forced disappearance"),
        ("Unidentified armed men abducted a schoolboy in the town. No fatalities were reported.",
         "Abduction/forced disappearance"),
    ],
)
def test_abduction_rows(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "sentence,armed",
    [
        ("A former army officer was shot dead outside his shop.", False),
        ("Two retired soldiers were beaten by a crowd.", False),
        ("Three ex-soldiers were arrested at the border.", False),
        ("An army officer was shot dead outside his shop.", True),
    ],
)
def test_former_is_no_armed_actor(sentence, armed):
    kinds = {a.actor_type for a in find_actors(sentence)}
    assert ("State forces" in kinds) == armed


def test_kidnapped_and_killed_civilians_with_a_former_officer(extractor):
    text = ("On 27 April 2021, three civilians including a former army officer were kidnapped and killed by "
            "Taliban militants in Maymana city, Faryab.")
    inc = extractor.extract(Article(id="t", text=text, published=dt.date(2021, 5, 1))).incidents[0]
    assert (inc.event_type, inc.sub_event_type) == ("Violence against civilians", "Attack")


def test_policemen_abducted_and_killed_are_attacked_not_fought(extractor):
    # the abduction took them, no fight did: not an Armed clash by the actors on both sides
    text = ("On 12 March 2021, unidentified militants kidnapped two policemen from a checkpoint near Jamrud and "
            "later killed them. Their bodies were found the next day.")
    inc = extractor.extract(Article(id="t", text=text, published=dt.date(2021, 3, 14))).incidents[0]
    assert inc.event_type == "Violence against civilians"
