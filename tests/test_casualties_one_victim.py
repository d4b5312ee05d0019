"""One victim at a time, the way US local news tells shootings (issue 11, third pass): a pronoun
opening the sentence with a wound ("He was wounded in the thigh"), a wound a person was treated
for, a count of gunshot wounds, "then shot", a person told unharmed, people an active "found"
finds dead; and two codebook readings for other sets: "N ... were also killed" adds to the toll
counted elsewhere, and the bombers of a suicide attack are dead where nothing else counts deaths.
GVDB sentences (freely usable gold) and our own wording; none from ACLED or GTD."""
import datetime as dt

import pytest

from sitrep.extract.casualties import find_figures
from sitrep.models import Claim
from sitrep.reconcile.tolls import reconcile


def read(sentence):
    return [(f.kind, f.min, f.qualifier) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # GVDB: the second man, told after the one killed, by a pronoun of his own sentence
        ("He was wounded in the thigh and taken to Mount Sinai Hospital.", [("injured", 1, None)]),
        ("She was shot in the leg and is expected to survive.", [("shot", 1, None)]),
        ("He was shot in the chest and later died at the hospital.", [("killed", 1, None)]),
        # a clause after a semicolon opens as a sentence does (our wording); a pronoun inside a clause does not
        ("A farmer lifted the bag, which exploded; he was injured in the blast.", [("injured", 1, None)]),
        ("Police said he was injured.", []),
        # the shooter shot by police, and a shot fired at someone, are no victim's wound here
        ("He was shot by police after he pointed a gun at officers.", []),
        ("He was shot at but not hit.", []),
        # companions are counted with him, once
        ("He was shot along with two friends, police said.", [("shot", 3, None)]),
    ],
)
def test_pronoun_wound(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # GVDB: "treated for his injuries", "treated for a gunshot wound", "three gunshot wounds"
        ("The 19-year-old was treated for his injuries and is expected to survive.", [("injured", 1, None)]),
        ("A second man was treated for a gunshot wound to the arm.", [("shot", 1, None)]),
        ("Officer Jon Richey suffered three gunshot wounds, including one in the torso.", [("shot", 1, None)]),
        # GVDB: "then" between the auxiliary and the verb
        ("The victim was then shot in the right leg and hip, according to cops.", [("shot", 1, None)]),
        # GVDB: the person is told unharmed in the same phrase
        ("The child, unharmed by the gunfire, was transported to a hospital for evaluation, Davis said.", []),
    ],
)
def test_one_person_wounded(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # GVDB: the object of an active "found" counted, names with their ages as one each
        ("Upon arrival, officers found a male and female deceased inside the residence.", [("killed", 2, None)]),
        ("An arrest report says Carlopoli directed deputies into an apartment, where they found 37-year-old "
         "Tammy Modlin and 16-year-old Montana Modlin dead on a bed with a firearm between them.", [("killed", 2, None)]),
        ("Deputies discovered a man dead in his car.", [("killed", 1, None)]),
        # the body of a named person found is one death (our wording)
        ("The body of Ramesh Kumar was recovered from a canal the next morning.", [("killed", 1, None)]),
        ("The body of water was found to be polluted.", []),
        # a sentence counting its dead already keeps its own count
        ("Police found two men dead and a woman wounded.", [("killed", 2, None), ("injured", 1, None)]),
    ],
)
def test_found_dead(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # people besides those counted in another sentence: the figure adds to theirs
        ("Officials said that 4 attackers were also killed in the exchange.", [("killed", 4, "another")]),
        ("Two guards were also wounded in the attack.", [("injured", 2, "another")]),
        # "also" after a figure of the same sentence ties to that figure, not to another sentence
        ("Three farmers were killed and two guards were also wounded.", [("killed", 3, None), ("injured", 2, None)]),
        # a named person "also killed" may be one of those counted already (GVDB)
        ("Ke'Arre Stewart was also killed in the shooting, according to a friend of the victim.", [("killed", 1, None)]),
    ],
)
def test_also_adds(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Two suicide bombers detonated their vests outside a crowded market.", [("killed", 2, "implied")]),
        ("A suicide bomber blew himself up near a checkpoint.", [("killed", 1, "implied")]),
        ("A young militant detonated her suicide vest outside the office.", [("killed", 1, "implied")]),
        # beside a counted toll the bomber is read too; the tolls add him (GTD's nkill counts perpetrators)
        ("A suicide bomber blew himself up near a checkpoint, killing three soldiers.", [("killed", 3, None), ("killed", 1, "implied")]),
    ],
)
def test_suicide_bombers(sentence, expected):
    assert read(sentence) == expected


def _claim(n, q=None):
    return Claim("killed", n, n, q, None, "q", 0, 1, reported=dt.date(2020, 1, 1))


@pytest.mark.parametrize(
    "claims,best",
    [
        ([_claim(2, "implied")], 2),  # the bombers are the only dead told
        ([_claim(2, "implied"), _claim(23)], 25),  # the bombers beside the count of their victims (GTD's nkill)
        ([_claim(1, "implied"), _claim(0, "none")], 1),  # "no one else was killed"
    ],
)
def test_implied_deaths_count_only_alone(claims, best):
    assert reconcile(claims, "killed").best == best


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a fate the text leaves open is no figure (our wording)
        ("It is not known whether the driver was wounded or killed in the blast.", []),
        ("It is unclear if anyone was injured.", []),
        # the clause after "but" keeps its own figure
        ("Three people were killed, but it was not immediately clear whether the gunman was wounded.", [("killed", 3, None)]),
    ],
)
def test_fate_left_open(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a toll of several attacks together is shared out, rounded down, at least one (our wording)
        ("Twelve villagers were wounded in the shelling across all four sites.", [("injured", 3, None)]),
        ("Between the three raids and attacks, nine people were killed.", [("killed", 9, None)]),
        ("Between the three attacks, four farmers and five attackers were killed.", [("killed", 3, None)]),
        ("Two people were killed in three separate attacks on Sunday.", [("killed", 1, None)]),
        # one attack: the toll stands
        ("Twelve villagers were wounded in the attack.", [("injured", 12, None)]),
    ],
)
def test_toll_shared_across_attacks(sentence, expected):
    assert read(sentence) == expected
