import datetime as dt

from sitrep.models import Claim
from sitrep.reconcile.tolls import reconcile


def claim(n, *, kind="killed", mx=None, q=None, day=1):
    return Claim(kind, n, n if mx is None else mx, q, None, "q", 0, 1, reported=dt.date(2020, 1, day))


def test_low_best_high():
    r = reconcile([claim(57), claim(25)], "killed")
    assert (r.low, r.best, r.high) == (25, 57, 57)


def test_most_reported_figure_is_best():
    r = reconcile([claim(10), claim(10), claim(30)], "killed")
    assert (r.low, r.best, r.high) == (10, 10, 30)


def test_latest_revision_wins_a_tie():
    r = reconcile([claim(64, day=3), claim(40, day=1)], "killed")
    assert r.best == 64


def test_another_adds():
    r = reconcile([claim(5), claim(3, q="another")], "killed")
    assert (r.low, r.best, r.high) == (8, 8, 8)


def test_zero_only_without_numbers():
    assert reconcile([claim(0)], "killed").best == 0
    assert reconcile([claim(0), claim(4)], "killed").best == 4


def test_not_credible_ignored():
    assert reconcile([claim(100), claim(4)], "killed", frozenset({0})).best == 4


def test_no_claims():
    assert reconcile([], "killed").best is None


def test_shot_minus_killed_gives_injuries():
    from sitrep.reconcile.tolls import injuries

    claims = [claim(3, kind="shot"), claim(1)]
    killed = reconcile(claims, "killed")
    assert injuries(claims, killed).best == 2


def test_coded_figure_settles():
    assert reconcile([claim(1), claim(0, q="coded as")], "killed").best == 0


# issue 9: a later revised total supersedes earlier lower counts for best (UCDP practice)
def test_revised_total_supersedes_lower_counts():
    r = reconcile([claim(20), claim(20), claim(31, q="revised")], "killed")
    assert (r.low, r.best, r.high) == (20, 31, 31)


def test_ordinal_victim_means_at_least_that_many():
    # "two people were killed ... a third victim died in hospital": killed >= 3
    third = Claim("killed", 3, None, "revised, at least", None, "q", 0, 1)
    r = reconcile([claim(2), third], "killed")
    assert (r.low, r.best, r.high) == (2, 3, 3)


def test_a_lower_revision_does_not_lower_best():
    # "a policeman died of his wounds" (one killed) beside "seven people were killed"
    r = reconcile([claim(7), claim(1, q="revised")], "killed")
    assert (r.low, r.best, r.high) == (1, 7, 7)
