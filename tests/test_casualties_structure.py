"""Structural casualty readings (sitrep issue 11, item 2), one function each: victims listed after
an active verb (the list ends at its clause's verb), one victim told inside a clause ("when he was
shot", "where he died", "is listed in stable condition"), and totals versus parts in the tolls (one
person told on their own is one of a group counted elsewhere). GVDB sentences (freely usable gold,
Apache-2.0 release) and our own wording; none from ACLED or GTD."""
import pytest

from sitrep.extract.casualties import enumerated_victims, find_figures
from sitrep.extract.clause_victim import clause_victims
from sitrep.models import Claim
from sitrep.reconcile.tolls import injuries, reconcile, without_parts


def read(sentence):
    return [(f.kind, f.min, f.qualifier) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # GVDB: the list of objects ends at the finite verb of the clause it sits in
        ("The police officer who fatally shot a teenage man and the teen’s unarmed neighbor is suing the teen’s estate "
         "for more than $10 million.", 2),
        ("A Chicago police officer who fatally shot a 19-year-old and his neighbor is suing the teenager's estate.", 2),
        ("Rialmo then fired eight times, killing LeGrier and LeGrier's neighbor, Bettie Jones.", 2),
        # our wording: a list after the verb, ended by "was"
        ("The gunman who killed a cashier and two customers was arrested on Friday.", 3),
    ],
)
def test_enumerated_victims_end_at_the_clause_verb(sentence, expected):
    assert [f.min for f in enumerated_victims(sentence)] == [expected]
    assert [k for k, n, _ in read(sentence) if k == "killed"] == ["killed"]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # GVDB: a pronoun after a clause word; "fatally" tells the outcome, a bare "shot" leaves it open
        ("Shortly before 8:30 p.m., Rodriguez was walking down the street when he was shot.", [("shot", 1)]),
        ("Dearborn police claim he went for an officer’s gun before he was fatally shot on Whitcomb on Detroit’s west side.",
         [("killed", 1)]),
        # GVDB: the death at the place he was taken; an active pronouncement
        ("Burge was taken to to Hartford Hospital where he died.", [("killed", 1)]),
        ("Swift was then transported to Ben Taub Hospital, where he died.", [("killed", 1)]),
        ("EMS personnel pronounced the victim dead at the scene.", [("killed", 1)]),
        ("County Coroner Edward Howell pronounced the 21-year-old dead at 11:53 p.m.", [("killed", 1)]),
        # GVDB: one person alive in a stated condition is injured
        ("He is listed in stable condition.", [("injured", 1)]),
        ("The 18-year-old man is in critical condition and the other is stable.", [("injured", 1)]),
        ("As of Sunday morning, Lumpkin remains hospitalized in stable condition.", [("injured", 1)]),
        # GVDB: a wound found
        ("Cyril Kim, 35, was found shot in the chest in a home on Dartmouth Drive.", [("shot", 1)]),
        ("When they arrived, they found Edison Burge, who had been shot several times.", [("shot", 1)]),
        # GVDB: a relative clause tells the death; a death at the clause's end
        ("Officers found Juwan Small, who was pronounced dead at the scene.", [("killed", 1)]),
        ("Jessie Boswell had just finished visiting his grandmother when he was shot multiple times in the parking lot "
         "and died.", [("killed", 1)]),
        # our wording: no victim in the clause, or a shot fired at someone
        ("He was arrested when he returned to the house.", []),
        ("Police said the suspect fled before he was shot at by a neighbor.", []),
        ("The store is in good condition after the repairs.", []),
    ],
)
def test_clause_victim(sentence, expected):
    assert [(f.kind, f.min) for f in find_figures(sentence)] == expected


def test_clause_victim_leaves_a_counted_kind():
    # "taken": the sentence counts someone of that kind already, the clause adds no one
    assert clause_victims("He is listed in stable condition.", {"injured"}) == []
    assert clause_victims("Rodriguez was walking down the street when he was shot.", {"injured"}) == []


def claim(kind, n, victims=None, qualifier=None):
    return Claim(kind, n, n, qualifier, None, "q", 0, 1, victims)


def test_totals_versus_parts_gvdb_hotel_shooting():
    # GVDB: "three people were shot and wounded" (3), then the man taken to a hospital "where he is
    # listed in critical condition" (1) and "the spot where the man was wounded" (1): one of the three
    claims = [claim("injured", 3, "people"), claim("injured", 1), claim("injured", 1, "man"), claim("shot", 3)]
    assert reconcile(claims, "injured").best == 3
    assert injuries(claims, reconcile(claims, "killed")).best == 3


@pytest.mark.parametrize(
    "claims,kept",
    [
        # a named person may be someone the group leaves out; "another" adds; revisions stand
        ([claim("killed", 2, "people"), claim("killed", 1, "Bettie Jones")], 2),
        ([claim("injured", 2, "people"), claim("injured", 1, "man", "another")], 2),
        ([claim("killed", 2, "people"), claim("killed", 1, None, "revised")], 2),
        # no group count: every one-person claim votes
        ([claim("killed", 1, "man"), claim("killed", 1, "victim")], 2),
        # a group and two of its people told on their own: the two leave the vote
        ([claim("killed", 4, "people"), claim("killed", 1, "the victim"), claim("killed", 1, "him/her")], 1),
    ],
)
def test_without_parts(claims, kept):
    assert len(without_parts(claims)) == kept
