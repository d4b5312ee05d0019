"""Structural casualty readings, sitrep issue 11 item 2 (helper I), one function each:
- the shooter among the dead: the shooter's own death told in a sentence of its own is a person
  apart from the victims (``implied.shooter_death``, ``tolls.shooter_apart``);
- coordinated victims in two clauses, the first counted by a number ("One man was shot ... and a
  29-year-old man was shot ...": ``casualties.joined_second``);
- a parent's children are no victims ("A young mother of three is dead": ``numbers.counts_children``);
- an animal in a list of the dead is no victim ("... the couple's toddler and their dog were found
  dead": ``coordinated.is_animal``);
- "shot" whose outcome the same clause tells ("had been shot multiple times and was pronounced dead":
  ``[single] died_after``; ", who was shot and killed in his home": ``[clause_victim] who_died``).
Cases are GVDB sentences (Apache-2.0 release, freely usable) and our own wording; none from ACLED or GTD."""
import pytest

from sitrep.extract.casualties import find_figures, joined_second
from sitrep.extract.coordinated import is_animal
from sitrep.extract.implied import SHOOTER, shooter_death
from sitrep.extract.numbers import counts_children, find_numbers
from sitrep.models import Claim
from sitrep.reconcile.tolls import reconcile, shooter_apart


def read(sentence):
    return [(f.kind, f.min, f.qualifier) for f in find_figures(sentence)]


def claim(kind, n, quote="q", qualifier=None, victims=None):
    return Claim(kind, n, n, qualifier, None, quote, 0, 1, victims=victims)


# --- the shooter's own death, told apart -------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        # GVDB
        "The gunman then took his own life, according to authorities.",
        "The suspect was found dead from a self-inflicted gunshot wound, and the building, which was in a brief lockdown, was cleared.",
        # our wording
        "Police said the gunman, who had a criminal record, then killed himself.",
        "The shooter later fatally shot himself in a nearby alley.",
        "The attacker committed suicide before officers reached the house.",
    ],
)
def test_shooter_death_is_one_killed_apart(sentence):
    assert read(sentence) == [("killed", 1, SHOOTER)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # "shot himself" alone tells no death (the leg, an accident): the reading stays as it was
        ("Police said the suspect shot himself in the leg.", [("shot", 1, None)]),
        ("The suspect who opened fire later shot himself, police said.", []),
        # the victims in the same sentence: shooter_suicide counts the shooter with them
        ("The shooter killed two people and then took his own life.", [("killed", 3, None)]),
        # a victim, not the attacker, is the subject
        ("Bunn is the man who police say killed himself after taking two hostages.", []),
        # no attacker noun: nothing to tell apart
        ("The suspect was found in an exam room with what appeared to be a self-inflicted gunshot wound, Evans said.", []),
    ],
)
def test_shooter_death_leaves_other_sentences(sentence, expected):
    assert read(sentence) == expected


def test_shooter_death_needs_a_sentence_without_victims():
    figures = find_figures("A woman was shot in the arm.")
    assert shooter_death("A woman was shot in the arm.", figures) == figures


def test_shooter_adds_to_the_victims_toll():
    # GVDB: "One person was shot at Brigham ..." / "The suspect was found dead from a self-inflicted
    # gunshot wound" / "Davidson has died as a result of his injuries": the doctor and the shooter
    claims = [claim("killed", 1, qualifier=SHOOTER, victims="the shooter"), claim("killed", 1, victims="Davidson")]
    assert reconcile(claims, "killed").best == 2
    # GVDB: "killing his five young children" / "The gunman then took his own life"
    claims = [claim("killed", 5, victims="young children"), claim("killed", 1, qualifier=SHOOTER, victims="the shooter")]
    assert reconcile(claims, "killed").best == 6


@pytest.mark.parametrize(
    "quote,victims",
    [
        ("A shooting in Rowland Heights left four people dead, including a gunman, on New Year's Eve.", "people"),
        ("Four dead after apparent triple murder-suicide in Manchester", None),
        ("The shooter killed two people and then took his own life.", "people, the shooter"),
    ],
)
def test_shooter_counted_already_adds_nothing(quote, victims):
    claims = [claim("killed", 4, quote=quote, victims=victims)]
    assert shooter_apart(claims, "killed").best == 4
    assert reconcile(claims + [claim("killed", 1, qualifier=SHOOTER)], "killed").best == 4


def test_shooter_alone_is_the_one_death():
    # "The gunman then took his own life" with no victim killed: one death, not two
    assert reconcile([claim("killed", 1, qualifier=SHOOTER), claim("killed", 1, qualifier=SHOOTER)], "killed").best == 1
    assert reconcile([claim("injured", 2), claim("killed", 1, qualifier=SHOOTER)], "killed").best == 1


# --- coordinated victims, the first counted by a number -----------------------------------------

@pytest.mark.parametrize(
    "sentence,expected",
    [
        # GVDB
        ("One man was shot in the back and a 29-year-old man was shot multiple times.", [("shot", 2, None)]),
        # our wording
        ("One officer was wounded in the arm and a woman was wounded in the leg.", [("injured", 2, None)]),
        # as before where the first has no number
        ("A man was shot in the back and a 29-year-old man was shot multiple times.", [("shot", 2, None)]),
        # another fate, or an arrest, is no second person of the same kind
        ("One man was killed and a woman was wounded.", [("killed", 1, None), ("injured", 1, None)]),
        ("One person was shot in the leg and a man was arrested.", [("shot", 1, None), ("arrested", 1, None)]),
        ("One man was shot and a woman was shot and killed.", [("shot", 1, None), ("killed", 1, None)]),
    ],
)
def test_joined_second(sentence, expected):
    assert read(sentence) == expected


def test_joined_second_needs_and_a():
    s = "One man was shot in the back, police said, while officers searched for a man who was shot earlier."
    figures = find_figures(s)
    assert joined_second(s, figures) == figures
    assert [f.min for f in figures if f.kind == "shot"] == [1]


# --- a parent's children ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence,counted",
    [
        # GVDB
        ("A young mother of three is dead following a Jan. 14 shooting in Bond Hill.", False),
        # our wording
        ("The father of two was shot and killed outside his home.", False),
        ("A grandmother of five was wounded by a stray bullet.", False),
        # "the mother of two of the victims": the count is the victims', not her children
        ("The mother of two of the victims spoke to reporters.", True),
        ("Two mothers were shot outside the school.", True),
    ],
)
def test_counts_children(sentence, counted):
    n = next(n for n in find_numbers(sentence) if n.min >= 2)
    assert counts_children(sentence, n) is (not counted)


def test_children_are_no_victims():
    assert read("A young mother of three is dead following a Jan. 14 shooting in Bond Hill.") == []
    assert [k for k, n, _ in read("A grandmother of five was wounded by a stray bullet.") if n == 5] == []


# --- an animal among the dead ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence,expected",
    [
        # GVDB
        ("A southwest Florida man is in custody after his girlfriend, her teenage daughter, the couple's toddler "
         "and their dog were found dead at their home.", [("killed", 3, None)]),
        # our wording
        ("His wife and their dog were killed in the fire.", [("killed", 1, None)]),
        ("A man and his dog were shot.", [("shot", 1, None)]),
        ("Two dogs and a cat were killed.", []),
    ],
)
def test_animals_are_no_victims(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "item,expected",
    [("their dog", True), ("the family's two cats", True), ("a pet", True), ("her teenage daughter", False), ("the dog walker", False)],
)
def test_is_animal(item, expected):
    assert is_animal(item) is expected


# --- "shot", then the outcome in the same clause ---------------------------------------------------

@pytest.mark.parametrize(
    "sentence,expected",
    [
        # GVDB
        ("Arnold had been shot multiple times and was pronounced dead at the scene, Jackson said.", [("killed", 1, None)]),
        ("Jessika Boring, the daughter of Jon Boring, 51, who was shot and killed in his Redding home, said she has "
         "no idea why anyone would want to do this to her father.", [("killed", 1, None)]),
        # our wording: no outcome told, the fate stays open
        ("A man was shot in the leg and was taken to a hospital.", [("shot", 1, None)]),
        ("Smith was shot twice and was declared dead at a hospital.", [("killed", 1, None)]),
    ],
)
def test_outcome_in_the_same_clause(sentence, expected):
    assert read(sentence) == expected
