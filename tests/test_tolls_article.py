"""Document-level toll decisions (issue 11): attackers counted apart, a named victim of a listed
pair, "another" after a total, and a zero claim beside the shot."""
import pytest

from sitrep.models import Claim, Range
from sitrep.reconcile.tolls import injuries, reconcile


def claim(n, kind="killed", q=None, victims=None, start=0):
    return Claim(kind, n, n, q, None, "q", start, start + 1, victims=victims)


@pytest.mark.parametrize(
    "claims,best",
    [
        # "three civilians were killed ... Three assailants were killed in the return fire"
        ([claim(3, victims="A pregnant woman, her baby and her daughter"), claim(3, victims="assailants", start=5)], 6),
        # a lone gunman is most often the one death the story tells: no sum
        ([claim(1, victims="man"), claim(1, victims="gunman", start=5)], 1),
        # only attackers: their own figure
        ([claim(2, victims="assailants")], 2),
    ],
)
def test_attackers_counted_apart(claims, best):
    assert reconcile(claims, "killed").best == best


@pytest.mark.parametrize(
    "claims,best",
    [
        # "an 18-year-old man was shot ... Another man was shot": one by one, it adds
        ([claim(1, "injured", victims="man"), claim(1, "injured", "another", "man", start=5)], 2),
        # "Another 17 people were hurt" adds whatever came before
        ([claim(2, "injured", victims="people"), claim(17, "injured", "another", "people", start=5)], 19),
    ],
)
def test_another_after_a_total(claims, best):
    assert reconcile(claims, "injured").best == best


def test_no_one_else_does_not_cancel_the_shot():
    claims = [claim(1, "shot", victims="victim"), claim(0, "injured", "none else", start=5)]
    assert injuries(claims, Range()).best == 1


def test_no_one_was_hurt_stands():
    claims = [claim(1, "shot", victims="Juan Almaraz"), claim(0, "injured", "none", start=5)]
    assert injuries(claims, Range()).best == 0


def test_background_claims_are_left_out():
    claims = [claim(4, q="background", victims="soldiers"), claim(1, victims="commander", start=5)]
    assert reconcile(claims, "killed").best == 1
    assert reconcile([claim(4, q="background")], "killed").best is None


def test_a_running_total_counts_only_alone():
    total = claim(80, q="running total", victims="leaders")
    assert reconcile([total, claim(4, victims="insurgents", start=5)], "killed").best == 4
    assert reconcile([total], "killed").best == 80
