"""Counts the way the codebooks count (issue 11): people who share one fate are each counted.

Companions after "along with", "another" as a second victim in the clause after a first count,
a count of someone's own people ("two of his bodyguards"), and one death named by its crime.
Sentences from GVDB news articles or written like them.
"""
import pytest

from sitrep.extract.another import find_another
from sitrep.extract.casualties import find_figures, own_group
from sitrep.extract.coordinated import companion_count, find_companions


def _read(sentence):
    return sorted((f.kind, f.min) for f in find_figures(sentence))


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # GVDB (LA Times Homicide Report): the subject has no count of its own: one, plus one companion
        ("Felimon Contreras, 29, a Latino man, was killed along with Heriberto Corpus, 20, a Latino man, in a double homicide at 17049 San Jose St.",
         [("killed", 2)]),
        # GVDB (Colorado Springs, Planned Parenthood shooting)
        ("Officer Garrett Swasey died along with two civilian victims in the hail of bullets.", [("killed", 3)]),
        ("A man was shot and killed along with his wife and son on Sunday.", [("killed", 3)]),
        ("Three soldiers were killed along with two civilians.", [("killed", 5)]),
        ("She was killed along with her two children and her mother.", [("killed", 4)]),
    ],
)
def test_companions_share_the_subjects_fate(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He was arrested along with two other men.",  # arrests are no casualties here
        "The gun was found along with a knife.",
        "The man was killed along with the dog.",  # no person among the companions
    ],
)
def test_no_companions(sentence):
    assert all(f.min <= 1 for f in find_figures(sentence) if f.kind == "killed")


@pytest.mark.parametrize(
    "phrase,expected",
    [("Heriberto Corpus", 1), ("two civilian victims", 2), ("his wife and son", 2), ("the dog", 0)],
)
def test_companion_count(phrase, expected):
    assert companion_count(phrase) == expected


def test_companions_span_only_the_companions():
    (co,) = find_companions("Officer Garrett Swasey died along with two civilian victims in the hail of bullets.")
    assert (co.subject, co.count, co.verb) == ("two civilian victims", 2, "killed")



@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("One man was killed and another was wounded in the shooting on Elm Street.", [("injured", 1), ("killed", 1)]),
        ("The gunman opened fire on the porch, killing one and wounding another.", [("injured", 1), ("killed", 1)]),
        ("One teen was killed, another injured, and two cars were damaged in the drive-by.", [("injured", 1), ("killed", 1)]),
        ("The shooter killed a store clerk, wounded another, and fled on foot.", [("injured", 1), ("killed", 1)]),
        ("A suspect shot and killed two people and wounded another man near the bus stop.", [("injured", 1), ("killed", 2)]),
        ("A teen was killed and another teen was critically injured in the shooting.", [("injured", 1), ("killed", 1)]),
    ],
)
def test_another_is_a_second_victim(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Police found another handgun in the car.",
        "The truck struck another parked car.",
        "Another shooting happened in the same block last year.",
    ],
)
def test_another_thing_is_no_victim(sentence):
    assert find_another(sentence) == []


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The mayor was killed and two of his bodyguards were wounded in the ambush.", [("injured", 2), ("killed", 1)]),
        ("Two of their children were also injured.", [("injured", 2)]),
        ("Three of her neighbors were hurt by flying glass.", [("injured", 3)]),
        # a share of a group counted already stays uncounted
        ("Two of the injured were in critical condition.", []),
        ("Five people were killed, two of them children.", [("killed", 5)]),
    ],
)
def test_a_count_of_someones_own_people(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,end,expected",
    [("two of his bodyguards were wounded", 3, True), ("two of the injured died", 3, False), ("two of their cars", 3, False)],
)
def test_own_group(sentence, end, expected):
    assert own_group(sentence, end) is expected


@pytest.mark.parametrize(
    "sentence",
    [
        # GVDB (WREG Memphis, FOX 61 Hartford, WHIO Dayton, CBS Denver): one death named by its crime
        "A suspect is in custody for the murder of a female clerk at a gas station in Corinth.",
        "Police arrested Zachary Alexander, 26, and charged him with murder in the death of Edison Burge, 22.",
        "The Trotwood homicide victim is Jason Alford.",
        "Police have released the identity of the victim of a deadly Christmas Day shooting in Aurora.",
    ],
)
def test_a_homicide_named_by_its_crime_is_one_death(sentence):
    assert [(f.kind, f.min) for f in find_figures(sentence) if f.kind == "killed"] == [("killed", 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "He spoke about the death of Martin Luther King Jr. in 1968.",  # an old death, a name cut short
        "Police are investigating the murder of Carson City.",  # a place is no victim
        "The case of a deputy accused of the murder of his wife in 2012 is about to go to the jury.",  # an old case
        "He was charged in the death of a woman in 2012.",
    ],
)
def test_no_homicide_read(sentence):
    assert [f for f in find_figures(sentence) if f.kind == "killed"] == []

