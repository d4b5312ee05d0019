"""Confidence grades after Airwars' scale (issue 12, item 1): computed from what sitrep knows,
stored with each incident, shown by the API and exports, set aside by a reviewer, and a filter
for totals."""

import pytest

from sitrep.filters import FilterError, parse_filters
from sitrep.models import Actor
from sitrep.reconcile.across import Incidents
from sitrep.reconcile.grades import claimants, grade
from sitrep.store import Store
from store_fixtures import HOMS, ZEINAB, extraction, incident


def _inc(*actors, rise=False):
    inc = incident(perpetrator=None, killed=3)
    inc.actors = list(actors)
    inc.toll_may_rise = rise
    return inc


@pytest.mark.parametrize(
    "actors,rise,sources,expected",
    [
        ([], False, 1, "Weak"),  # one outlet's report
        ([], False, 2, "Fair"),  # two independent outlets
        ([], True, 3, "Pending"),  # "the toll is expected to rise"
        ([Actor("Taliban", "perpetrator", claim_status="claimed")], False, 1, "Confirmed"),
        ([Actor("Taliban", "perpetrator", claim_status="suspected")], False, 1, "Weak"),  # suspicion is no acceptance
        ([Actor("Taliban", "perpetrator", claim_status="denied")], False, 2, "Fair"),
        ([Actor("Jamaat-ul-Ahrar", "perpetrator", claim_status="claimed"),
          Actor("Tehrik-i-Taliban Pakistan", "perpetrator", claim_status="claimed")], False, 2, "Contested"),
        ([Actor("Islamic State", "perpetrator", claim_status="claimed"),
          Actor("Islamic State", "perpetrator", claim_status="claimed")], True, 1, "Confirmed"),  # one party, said twice
    ],
)
def test_grade_rules(actors, rise, sources, expected):
    assert grade(_inc(*actors, rise=rise), sources) == expected


def test_claimants_come_from_the_seed_reading(seed_extraction):
    # "Islamic State ... claimed responsibility" (the seed names the group twice, under two names)
    assert [claimants(i) for i in seed_extraction.incidents if i.event_type != "Strategic developments"] == [["Islamic State"]] * 2


def test_stored_grades_filter_and_review(tmp_path):
    with Store.open(tmp_path / "g.db") as store:
        incidents = Incidents(store)
        # the Homs bombing told by two outlets; a Zeinab bombing by one, with no claim
        incidents.add(extraction("a", incidents=[incident(killed=57, perpetrator=None)], outlet="Reuters"))
        incidents.add(extraction("b", published="2016-02-23", incidents=[incident(killed=59, perpetrator=None)], outlet="AP"))
        incidents.add(extraction("c", incidents=[incident(place=ZEINAB, killed=83, perpetrator=None)]))
        rows, _ = store.query_incidents()
        by_place = {r["location"]["name"]: r for r in rows}
        assert by_place[HOMS["name"]]["grade"] == "Fair" and by_place[ZEINAB["name"]]["grade"] == "Weak"
        fair, _ = store.query_incidents(grades=("Fair", "Confirmed"))
        assert [r["location"]["name"] for r in fair] == [HOMS["name"]]
        assert store.stats(grades=("Weak",))["fatalities"] == 83
        assert {g["grade"]: g["incidents"] for g in store.stats()["by_grade"]} == {"Fair": 1, "Weak": 1}
        # a reviewer sets the Zeinab report aside; a later report does not undo it
        zid = by_place[ZEINAB["name"]]["id"]
        incidents.correct_field(zid, "grade", "Discounted", "ana")
        incidents.add(extraction("d", published="2016-02-24", incidents=[incident(place=ZEINAB, killed=83, perpetrator=None)]))
        assert store.get_incident(zid)["grade"] == "Discounted"
        with pytest.raises(Exception, match="grade must be one of"):
            incidents.correct_field(zid, "grade", "Probable", "ana")


@pytest.mark.parametrize(
    "raw,expected",
    [("fair,confirmed", ("Confirmed", "Fair")), (" Weak ", ("Weak",)), ("PENDING,pending", ("Pending",))],
)
def test_grades_filter_parses(raw, expected):
    assert parse_filters({"grades": raw}).grades == expected


@pytest.mark.parametrize("raw", ["", "probable", "fair,,x"])
def test_grades_filter_refuses_unknown_grades(raw):
    with pytest.raises(FilterError, match="grades"):
        parse_filters({"grades": raw})
