"""Killed and injured counts, fourteenth pass (issue 11, item 2): a vehicle, building or place noun
right before a person noun modifies it, and the count counts the people ("three coal truck
drivers", "Three village elders were killed"). Sentences are GVDB's, CASE 2021's or our own wording on the
pattern of a construction; none from ACLED or GTD."""
import pytest

from sitrep.extract.casualties import find_figures


def read(sentence):
    return [(f.kind, f.min, f.qualifier) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # our wording: a count before its verb, the people named by a compound noun
        ("Three village elders were killed in the blast.", [("killed", 3, None)]),
        ("Two truck drivers were shot dead near the checkpoint.", [("killed", 2, None)]),
        ("Four district officials were wounded when the bomb went off.", [("injured", 4, None)]),
        # a count after its verb
        ("About 20 armed men assaulted three coal truck drivers and later set fire to their vehicles.", [("injured", 3, None)]),
        ("The gunmen killed two bus drivers and fled.", [("killed", 2, None)]),
    ],
)
def test_a_thing_noun_that_modifies_the_people(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # the thing is what the count counts: no people
        ("The blast destroyed two cars, killing three people.", [("killed", 3, None)]),
        ("Two village houses were burned.", []),
        ("Gunmen torched five trucks in the attack.", []),
        # a time noun never modifies: "48 hours police" counts hours
        ("The siege lasted 48 hours police said, and two soldiers were killed.", [("killed", 2, None)]),
        ("Within 48 hours police were killed in two more attacks.", []),
    ],
)
def test_a_thing_noun_still_counts_things(sentence, expected):
    assert read(sentence) == expected
