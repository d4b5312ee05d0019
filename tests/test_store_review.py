"""Read API (filters, cursor pages, bbox, FTS, stats) and review with audit log and undo."""
from __future__ import annotations

import pytest

from sitrep.errors import ConfigError
from sitrep.store import Store
from sitrep.reconcile.across import Incidents
from store_fixtures import HOMS, ZEINAB, extraction, incident


@pytest.fixture()
def store(new_db):
    with Store.open(new_db()) as s:
        for k in range(12):
            place = [HOMS, ZEINAB][k % 2]
            Incidents(s).add(extraction(f"a{k:02d}", text=f"Article {k} about a blast {'market' if k == 3 else 'street'} number {k}.",
                             published=f"2016-{1 + k:02d}-1{k % 9}",
                             incidents=[incident(place=place, date=f"2016-{1 + k:02d}-1{k % 9}", killed=k)]))
        yield s


def test_filters_and_cursor_pagination(store):
    seen, cursor = [], None
    while True:
        page, cursor = store.query_incidents(limit=5, cursor=cursor)
        seen += page
        if cursor is None:
            break
    assert len(seen) == 12 == len({r["id"] for r in seen})
    dates = [r["event_date"] for r in seen]
    assert dates == sorted(dates, reverse=True)
    assert all(r["location"]["name"] == "Homs" for r in store.query_incidents(bbox=(36.5, 34.5, 37.0, 35.0))[0])
    assert len(store.query_incidents(bbox=(36.5, 34.5, 37.0, 35.0))[0]) == 6
    assert [r["fatalities"]["best"] for r in store.query_incidents(q="market")[0]] == [3]
    assert len(store.query_incidents(min_fatalities=10)[0]) == 2
    assert len(store.query_incidents(since="2016-03-01", until="2016-04-30")[0]) == 2
    assert len(store.query_incidents(country="sy", actor="islamic")[0]) == 12
    top = store.query_incidents(sort="-fatalities", limit=1)[0][0]
    assert top["fatalities"]["best"] == 11
    with pytest.raises(ConfigError):
        store.query_incidents(sort="drop table")
    st = store.stats(country="SY")
    assert st["incidents"] == 12 and st["fatalities"] == sum(range(12))
    assert sum(w["incidents"] for w in st["by_week"]) == 12


def test_review_correct_mark_merge_split_undo(store):
    rows, _ = store.query_incidents(sort="id", limit=20)
    a, b = rows[0]["id"], rows[1]["id"]
    audit = Incidents(store).correct_field(a, "fatalities", {"low": 1, "best": 2, "high": 3}, "ana")
    assert store.get_incident(a)["fatalities"] == {"low": 1, "best": 2, "high": 3}
    # a later ingest that joins this incident does not overwrite the reviewed field
    inc = store.get_incident(a)
    place = HOMS if inc["location"]["name"] == "Homs" else ZEINAB
    Incidents(store).add(extraction("late", published=inc["event_date"], incidents=[incident(place=place, date=inc["event_date"], killed=99)]))
    assert store.get_incident(a)["fatalities"] == {"low": 1, "best": 2, "high": 3}
    assert store.get_incident(a)["n_reports"] == 2
    Incidents(store).undo(audit, "ana")
    assert store.get_incident(a)["fatalities"]["high"] == 99

    claim = next(c for c in store.get_incident(a)["claims"] if c["min"] == 99)
    mark = Incidents(store).mark_claim(claim["id"], False, "bo")
    assert store.get_incident(a)["fatalities"]["high"] != 99
    Incidents(store).undo(mark, "bo")
    assert store.get_incident(a)["fatalities"]["high"] == 99

    merged = Incidents(store).merge_incidents([a, b], "ana")
    got = store.get_incident(merged)
    assert got["n_reports"] == 3 and store.get_incident(b)["id"] == merged  # old id still answers
    split = Incidents(store).split_incident(merged, [claim["id"]], "ana")
    assert split != merged and [c["min"] for c in store.get_incident(split)["claims"]] == [99]
    log = store.audit_log()
    assert [e["action"] for e in log][:3] == ["split_incident", "merge_incidents", "undo"]
    assert all(e["user"] and e["at"] for e in log)
    Incidents(store).undo(log[0]["id"], "ana")
    assert store.get_incident(merged)["n_reports"] == 3
    with pytest.raises(Exception):
        Incidents(store).undo(log[0]["id"], "ana")  # already undone
    with pytest.raises(ConfigError):
        Incidents(store).correct_field(merged, "no_such_field", 1, "ana")
