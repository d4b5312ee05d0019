"""Structural casualty readings (sitrep issue 11, item 2), helper F's pass, one function each: one
victim told as the object of an active verb with no count ("gunmen shot and killed <name>").
Also the attackers among the dead (GTD's nkill counts perpetrators killed): militants or bombers
killed by return fire add to the people they killed, where those are named as someone else.
Sentences in our own wording, in the style of terrorism-event summaries; none from ACLED or GTD."""
import pytest

from sitrep.extract.casualties import find_figures
from sitrep.extract.objects import lone_object
from sitrep.models import Claim
from sitrep.reconcile.tolls import reconcile


def killed(sentence):
    return [f.min for f in find_figures(sentence) if f.kind == "killed"]


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday, unknown gunmen shot and killed Karim Haidar, a district official, outside his home.",
        "Two armed men on a motorcycle fired upon and killed Colonel Nasir Omar as he left the mosque.",
        "Militants shot and killed an interpreter working for a foreign engineering firm.",
        "Suspected rebels abducted and later killed a village council member.",
        "Four gunmen killed the provincial anti-crime director, Colonel Farid Saleh Hamdan.",
        "The blast killed Hussein, wounded his wife and sister, and damaged the house.",
        "Gunmen shot and killed Adel Nouri, 48, a human rights activist.",
    ],
)
def test_one_object_of_an_active_killing_verb_is_one_killed(sentence):
    assert [f.min for f in lone_object(sentence)] == [1]
    assert killed(sentence) == [1]


@pytest.mark.parametrize(
    "sentence",
    [
        "The gunmen killed the driver and his son before fleeing.",  # a list: enumerated_victims
        "The gunmen killed the leader's wife, daughter, two of his sons, and another relative.",
        "Coalition forces killed Taliban fighters in Helmand.",  # a plural: no count
        "The attackers killed the three guards at the gate.",  # a count of its own
        "He was shot and killed Sunday near his home.",  # passive: no object
        "The soldier was killed in the attack.",
        "A stray shell killed livestock in the village.",
    ],
)
def test_no_lone_object(sentence):
    assert lone_object(sentence) == []


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a bare noun after "and" shares the first item's determiner; ranks are people
        ("A police colonel and captain were killed and a policeman injured when a roadside bomb exploded.", 2),
        ("A father and son were shot and killed by unidentified militants.", 2),
        ("A police captain was killed and an old man was wounded by unknown gunmen.", 1),
        ("The attack killed two colonels and a sergeant.", 3),
    ],
)
def test_coordinated_nouns_share_a_determiner(sentence, expected):
    assert killed(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a list of objects may open with the pronoun of the person just named
        ("Gunmen attacked the house of a contractor, killing him, his maid, and his guest.", 3),
        ("Gunmen stormed the house of a tribal elder, killing him and his wife.", 2),
    ],
)
def test_enumerated_victims_open_with_a_pronoun(sentence, expected):
    assert killed(sentence) == [expected]


def toll(*figures):
    return reconcile([Claim("killed", n, n, None, None, "q", 0, 1, victims=v) for n, v in figures], "killed").best


@pytest.mark.parametrize(
    "figures,expected",
    [
        # "Six policemen were killed ... Two militants were killed by return fire": both count
        ([(6, "policemen"), (2, "militants")], 8),
        ([(22, "CAR soldiers"), (5, "militants")], 27),
        ([(1, "civilian"), (3, "suicide bombers")], 4),
        # a bare total may count the militants already: no sum
        ([(5, "people"), (3, "militants")], 5),
        ([(5, "civilians, militants"), (3, "militants")], 5),
        ([(17, None), (17, "militants")], 17),
        # the old rule stands: assailants always count apart
        ([(5, "people"), (3, "assailants")], 8),
    ],
)
def test_attackers_killed_add_to_their_victims(figures, expected):
    assert toll(*figures) == expected


def _q(n, quote, q=None):
    return Claim("killed", n, n, q, None, quote, 0, 1)


@pytest.mark.parametrize(
    "claims,expected",
    [
        # the bomber of a suicide attack beside the count of the people he killed (GTD's nkill)
        ([_q(1, "a suicide bomber detonated his vest", "implied"), _q(6, "Six were killed, and 15 others wounded")], 7),
        ([_q(3, "three suicide bombers stormed the compound", "implied"), _q(2, "two guards were killed")], 5),
        # a figure that counts the bomber already
        ([_q(1, "a suicide bomber detonated his vest", "implied"), _q(8, "The blast killed the bomber and seven others")], 8),
        ([_q(1, "a suicide bomber detonated", "implied"), _q(1, "The bomber was the only one killed")], 1),
        ([_q(1, "a suicide bomber blew himself up", "implied"), _q(3, "killing himself and two soldiers")], 3),
    ],
)
def test_suicide_bombers_add_to_their_victims(claims, expected):
    assert reconcile(claims, "killed").best == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a victim named in one clause, his death told of a pronoun after the semicolon
        "The vehicle belonged to a tribal leader; he was killed in the explosion.",
        "The device went off while an unidentified man was planting it; he was killed in the blast.",
        "His body was found the next day outside the town; he had been beheaded.",
    ],
)
def test_pronoun_death_after_a_semicolon(sentence):
    assert killed(sentence) == [1]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a bare noun shares a possessive of a named owner, as it shares "his"
        ("The blast killed the man's wife and son.", 2),
        ("The blast killed his wife and son.", 2),
    ],
)
def test_enumerated_victims_share_a_possessive(sentence, expected):
    assert killed(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a relative clause that tells no fate stands between the coordinated subject and its verb
        ("A man and three children who were on their way home were killed in the explosion.", 4),
        ("A woman and her son who were walking home were shot and killed.", 2),
        # an identification in apposition inside a list of objects
        ("Gunmen attacked a group of worshippers, killing a five-year-old girl, identified as Ana Ruiz, and a local "
         "official, identified as Pedro Gomez, and wounding 11 others.", 2),
    ],
)
def test_lists_read_past_relative_clauses_and_identifications(sentence, expected):
    assert killed(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence,kind,expected",
    [
        # "as was" adds the people who share the fate just told
        ("One soldier was killed and another soldier was injured, as was a civilian who was passing by.", "injured", 2),
        ("The police chief, Major Karim Aziz, was killed in the incident, as was a nearby civilian.", "killed", 2),
        ("Three people were killed, as were two policemen.", "killed", 5),
        ("The man was arrested, as was his brother.", "killed", None),
    ],
)
def test_as_was_adds_companions(sentence, kind, expected):
    got = [f.min for f in find_figures(sentence) if f.kind == kind]
    assert got == ([] if expected is None else [expected])


@pytest.mark.parametrize(
    "sentence",
    [
        # an age written "13 year-old" (space, then hyphen) is no count of people
        "The leader's 13 year-old son was killed by the gunfire but no other casualties were reported.",
        "A 13 years-old boy was killed.",
    ],
)
def test_age_spelled_with_a_space_is_no_count(sentence):
    assert killed(sentence) == [1]
