"""Merging reports of one incident: seed + follow-up, distinct events, order independence."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.reconcile.cluster import cluster, pair_scores
from sitrep.reconcile.merge import signature
from sitrep.store import Store
from sitrep.reconcile.across import Incidents
from store_fixtures import HOMS, ZEINAB, extraction, incident


def seed_and_follow_up():
    seed = extraction("seed", published="2016-02-22", incidents=[
        incident(place=ZEINAB, killed=83, qualifier="at least", source="monitors and state media"),
        incident(killed=25, high=57, injured=39, source="SANA"),
    ])
    follow = extraction("follow", published="2016-02-24", incidents=[
        incident(killed=64, source="hospital officials", reported="2016-02-24", quote="the toll rose to 64"),
        incident(place=ZEINAB, killed=96, source="SOHR", reported="2016-02-24", quote="rose to 96"),
    ])
    return seed, follow


def test_seed_and_follow_up_give_one_incident_per_bombing_with_revisions():
    with Store.open(":memory:") as s:
        for e in seed_and_follow_up():
            Incidents(s).add(e)
        rows, _ = s.query_incidents(sort="id", limit=10)
        assert len(rows) == 2
        by_place = {r["location"]["name"]: s.get_incident(r["id"]) for r in rows}
        homs, zeinab = by_place["Homs"], by_place["Sayyida Zaynab"]
        assert homs["n_sources"] == 2 and zeinab["n_sources"] == 2
        assert homs["fatalities"] == {"low": 25, "best": 64, "high": 64}
        assert zeinab["fatalities"] == {"low": 83, "best": 96, "high": 96}
        killed = [(v["reported"], v["min"]) for v in homs["revisions"] if v["kind"] == "killed"]
        assert killed == [("2016-02-22", 25), ("2016-02-24", 64)]
        assert {c["article"]["id"] for c in homs["claims"]} == {"seed", "follow"}


def test_distinct_attacks_in_one_town_on_one_day_stay_distinct():
    with Store.open(":memory:") as s:
        Incidents(s).add(extraction("a", incidents=[incident(sub="Suicide bomb", killed=12)]))
        Incidents(s).add(extraction("b", incidents=[incident(sub="Air/drone strike", killed=4, perpetrator="Russia")]))
        Incidents(s).add(extraction("c", incidents=[incident(sub="Armed clash", killed=3, perpetrator="Syrian Army")]))
        assert len(s.query_incidents()[0]) == 3


def test_far_apart_in_time_or_space_stay_distinct():
    with Store.open(":memory:") as s:
        Incidents(s).add(extraction("a", incidents=[incident(killed=12)]))
        Incidents(s).add(extraction("b", published="2016-04-01", incidents=[incident(killed=12, date="2016-04-01")]))
        Incidents(s).add(extraction("c", incidents=[incident(killed=12, place=ZEINAB)]))
        assert len(s.query_incidents()[0]) == 3


def _corpus():
    rng = random.Random(7)
    out = []
    for k in range(14):
        place = [HOMS, ZEINAB][k % 2]
        day = 10 + (k // 4) * 5
        sub = ["Remote explosive/landmine/IED", "Suicide bomb"][k % 3 == 0]
        out.append(extraction(f"art{k:02d}", published=f"2016-03-{day + rng.randint(0, 2):02d}",
                              incidents=[incident(place=place, date=f"2016-03-{day:02d}", sub=sub, killed=rng.randint(1, 90))]))
    return out


@settings(max_examples=12, deadline=None)
@given(st.permutations(list(range(14))))
def test_merging_does_not_depend_on_arrival_order(order):
    corpus = _corpus()
    with Store.open(":memory:") as ref:
        for e in corpus:
            Incidents(ref).add(e)
        expected = ref.dump()
    with Store.open(":memory:") as s:
        for i in order:
            Incidents(s).add(corpus[i])
        assert s.dump() == expected


def test_cluster_function_is_order_free_and_blocked():
    sigs = [signature(f"r{i}", f"a{i}", e.incidents[0], e.article.published) for i, e in enumerate(_corpus())]
    groups = cluster(sigs)
    assert cluster(list(reversed(sigs))) == groups
    assert any(len(g) > 1 for g in groups)


def test_pair_scores():
    got = pair_scores([["a", "b", "c"], ["d"]], [["a", "b"], ["c", "d"]])
    assert got["precision"] == 1 / 3 and got["recall"] == 1 / 2
