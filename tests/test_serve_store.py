"""The API over the real Store (seed expected reading, built by hand): shapes and review round trip,
plus the CLI's refusal of a missing database."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from serve_fixtures import TOKEN, build_seed_db
from sitrep.serve import ServeConfig, create_app

AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Sitrep-User": "ana"}


@pytest.fixture()
def client(new_db) -> TestClient:
    db = build_seed_db(new_db(), pipeline=False)
    return TestClient(create_app(ServeConfig(db=db, tokens={TOKEN: ""})))


def homs(client: TestClient) -> dict:
    rows = client.get("/api/incidents?q=Homs&sort=-fatalities").json()["incidents"]
    return next(r for r in rows if r["location"]["name"] == "Homs")


def test_real_store_list_filter_detail_stats(client):
    assert client.get("/api/incidents").json()["count"] == 2
    assert [r["fatalities"]["best"] for r in client.get("/api/incidents?min_fatalities=60").json()["incidents"]] == [83]
    assert client.get("/api/incidents?bbox=36.5,34.5,37,35").json()["count"] == 1
    inc = client.get("/api/incidents/" + homs(client)["id"]).json()
    assert (inc["fatalities"]["low"], inc["fatalities"]["high"]) == (25, 57)
    assert client.get("/api/stats").json()["by_week"][0]["week"] == "2016-W07"
    r = client.get("/api/incidents?cursor=not-a-cursor")
    assert r.status_code == 400 and r.json()["error"]["details"][0]["param"] == "cursor"


def test_real_store_grades(client):
    # the seed's bombings: Islamic State claimed both (Airwars' "Confirmed"); a reviewer may set one aside
    rows = client.get("/api/incidents").json()["incidents"]
    assert {r["grade"] for r in rows} == {"Confirmed"}
    assert client.get("/api/incidents?grades=weak,fair").json()["count"] == 0
    assert client.get("/api/stats?grades=confirmed").json()["incidents"] == 2
    bad = client.get("/api/incidents?grades=probable")
    assert bad.status_code == 400 and bad.json()["error"]["details"][0]["param"] == "grades"
    iid = homs(client)["id"]
    r = client.post(f"/api/incidents/{iid}/corrections", headers=AUTH, json={"field": "grade", "value": "Discounted"})
    assert r.status_code == 200 and r.json()["incident"]["grade"] == "Discounted"
    assert client.get("/api/incidents?grades=confirmed").json()["count"] == 1
    feature = client.get("/api/export/incidents.geojson?grades=discounted").json()["features"][0]
    assert feature["properties"]["grade"] == "Discounted"


def test_real_store_review_round_trip(client):
    inc = client.get("/api/incidents/" + homs(client)["id"]).json()
    sana = next(c for c in inc["claims"] if c["kind"] == "killed" and "SANA" in (c["source"] or ""))
    r = client.post(f"/api/claims/{sana['id']}/credibility", json={"credible": False}, headers=AUTH)
    assert r.status_code == 200, r.text
    after = client.get(f"/api/incidents/{inc['id']}").json()
    assert after["fatalities"]["low"] == 57
    log = client.get(f"/api/audit?incident_id={inc['id']}").json()["audit"]
    assert log[0]["user"] == "ana" and log[0]["action"] == "mark_claim"
    assert client.post(f"/api/audit/{r.json()['audit_id']}/undo", headers=AUTH).status_code == 200
    assert client.get(f"/api/incidents/{inc['id']}").json()["fatalities"]["low"] == 25
    again = client.post(f"/api/audit/{r.json()['audit_id']}/undo", headers=AUTH)
    assert again.status_code == 409
    assert client.post("/api/claims/nope/credibility", json={"credible": False}, headers=AUTH).status_code == 404
    fix = client.post(f"/api/incidents/{inc['id']}/corrections", headers=AUTH,
                      json={"field": "fatalities", "value": {"low": 25, "best": 40, "high": 57}})
    assert fix.status_code == 200, fix.text
    assert fix.json()["incident"]["fatalities"]["best"] == 40


def test_serve_checks_a_postgresql_database_and_hides_its_password(pg_cluster, tmp_path, capsys):
    from sitrep.cli import main
    from sitrep.serve.server import check_db
    from sitrep.store import redacted

    url = pg_cluster.new_database()
    assert main(["serve", "--db", url, "--port", "0"]) == 5  # an empty database: no sitrep schema there
    assert "no sitrep database here" in capsys.readouterr().err
    build_seed_db(url, pipeline=False)
    assert check_db(url) == url
    secret = url.replace("postgresql://sitrep@", "postgresql://sitrep:hunter2@")
    assert "hunter2" not in redacted(secret) and redacted(secret).startswith("postgresql://sitrep:***@")


def test_cli_refuses_a_missing_database(tmp_path):
    from sitrep.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.db"), "--port", "0"]) == 5


def _cursor(raw: str) -> str:
    import base64

    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


# issue 8 item 4: each of these cursors answered 500 (its values went unchecked into SQL)
@pytest.mark.parametrize("raw, sort", [
    ("[[1], [2]]", "-event_date"),                    # nested lists
    ('{"k": "2016-02-21", "id": "x"}', "-event_date"),  # an object
    ('[{"a": 1}, "x"]', "-event_date"),               # a list holding an object
    ('["2016-02-21", {"a": 1}]', "id"),
    ("[100000000000000000000000000000000000000, \"x\"]", "-fatalities"),  # a huge integer
    ("[\"x\", 100000000000000000000000000000000000000]", "-event_date"),
    ("100000000000000000000000000000000000000", "-event_date"),
    ("[1e400, \"x\"]", "fatalities"),
    ("[null, null]", "-event_date"),
    ("[true, \"x\"]", "-fatalities"),
    ('["2016-02-21", "x"]', "-fatalities"),           # a cursor of another sort
    ("[" * 5000 + "]" * 5000, "-event_date"),         # deeper than the JSON parser goes
])
def test_crafted_cursors_are_400_not_500(client, raw, sort):
    r = client.get("/api/incidents", params={"cursor": _cursor(raw), "sort": sort})
    assert r.status_code == 400, r.text
    assert r.json()["error"]["details"][0]["param"] == "cursor"


@pytest.mark.parametrize("sort", ["-event_date", "event_date", "-fatalities", "fatalities", "id"])
def test_the_cursors_the_api_makes_still_walk_every_incident(client, sort):
    first = client.get(f"/api/incidents?limit=1&sort={sort}").json()
    second = client.get(first["next"]).json()
    assert second["count"] == 1 and second["next_cursor"] is None
    assert first["incidents"][0]["id"] != second["incidents"][0]["id"]


# issue 8 item 4: a location whose country_code is an object or whose country is a list answered 500
@pytest.mark.parametrize("location", [
    {"name": "Homs", "country_code": {"a": 1}},
    {"name": "Homs", "country": ["Syria"]},
    {"name": ["Homs"]},
    {"admin1": {"x": 1}},
    {"geonameid": "169577"},
    {"geonameid": 1.5},
    {"population": -3},
    {"precision": {}},
    {"precision": 9},
    {"country_code": "SYR"},
    {"feature": ["P.PPL"]},
    {"latitude": "34.7"},
])
def test_crafted_locations_are_400_not_500_on_the_real_store(client, location):
    iid = homs(client)["id"]
    r = client.post(f"/api/incidents/{iid}/corrections", headers=AUTH, json={"field": "location", "value": location})
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == "invalid_parameter"
    assert client.get(f"/api/audit?incident_id={iid}").json()["audit"] == []


def test_a_read_past_the_loop_limit_is_answered_from_a_worker_thread(client, monkeypatch):
    """Lists, stats and roll-ups run on the event loop under a time limit; one that runs past it
    (here: every one, the limit already spent) is answered by a worker thread, the same answer."""
    from sitrep.serve import api
    from sitrep.store import sqlite

    urls = ["/api/incidents?sort=-fatalities", "/api/incidents?q=Homs", "/api/stats", "/api/rollup?period=month"]
    on_loop = [client.get(u).json() for u in urls]
    client.app.state.cache._items.clear()
    hops = []
    real = api.anyio.to_thread.run_sync

    async def counted(fn, *args, limiter=None, **kw):
        hops.append(limiter)
        return await real(fn, *args, limiter=limiter, **kw)

    monkeypatch.setattr(api, "LOOP_SECONDS", -1.0)
    monkeypatch.setattr(sqlite, "PROGRESS_STEPS", 1)  # the clock looked at from the first step
    monkeypatch.setattr(api.anyio.to_thread, "run_sync", counted)
    assert [client.get(u).json() for u in urls] == on_loop
    # each in a worker thread, a few at a time (ServeConfig.readers)
    assert hops == [client.app.state.readers] * len(urls)


def test_reads_in_threads_are_bounded_by_the_configured_number():
    """SITREP_READERS: how many database reads run in worker threads at once; a bad value is refused
    with one line, before anything listens."""
    from sitrep.errors import ConfigError
    from sitrep.serve.config import default_readers

    assert ServeConfig.from_env({"SITREP_READERS": "6"}).readers == 6
    assert ServeConfig.from_env({}).readers == default_readers() >= 8
    assert create_app(ServeConfig(readers=3)).state.readers.total_tokens == 3
    for bad in ("0", "-2", "lots", "1000"):
        with pytest.raises(ConfigError, match="SITREP_READERS must be a whole number from 1 to 256"):
            ServeConfig.from_env({"SITREP_READERS": bad})


def test_time_limit_stops_a_long_read_and_only_inside_it(tmp_path, monkeypatch):
    from sitrep.store import Store, sqlite
    from sitrep.store.read import QueryTooLong

    count = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) FROM n"
    with Store.open(tmp_path / "s.db") as store:
        with pytest.raises(QueryTooLong), store.time_limit(0.005):
            store.db.execute(count).fetchone()
        monkeypatch.setattr(sqlite, "PROGRESS_STEPS", 1)
        with pytest.raises(QueryTooLong), store.time_limit(-1):  # the list's own error handling lets it through
            store.query_incidents(q="bombing")
        monkeypatch.undo()
        assert store.db.execute(count).fetchone()[0] == 3000000  # outside the limit: runs to its end
        with store.time_limit(5):
            assert store.query_incidents() == ([], None)


def test_a_change_another_process_makes_is_what_the_list_answers_next(new_db):
    # the list keeps its answers while the store's generation holds; a change made by another
    # process (here another connection) moves it, and the next answers say so: at once on SQLite
    # (the counter read each time), once announced on PostgreSQL (GenerationWatch: a notification
    # after the commit, a moment later)
    import time

    from sitrep.reconcile.across import Incidents
    from sitrep.store import Store

    db = build_seed_db(new_db(), pipeline=False)
    client = TestClient(create_app(ServeConfig(db=db, tokens={TOKEN: ""})))
    before = client.get("/api/incidents?grades=confirmed").json()["count"]
    assert before == 2 and client.get("/api/incidents?grades=confirmed").json()["count"] == 2  # kept
    with Store.open(db) as other:
        iid = homs(client)["id"]
        Incidents(other).correct_field(iid, "grade", "Discounted", "ana")
    deadline = time.monotonic() + 10
    while client.get("/api/incidents?grades=confirmed").json()["count"] != 1:
        assert time.monotonic() < deadline, "the list never saw the other process's change"
        time.sleep(0.05)
    client.close()


def test_the_generation_watch_follows_every_writer(backend, new_db):
    if backend != "postgresql":
        pytest.skip("SQLite readers read the counter from the file; PostgreSQL announces it")
    import time

    from sitrep.reconcile.across import Incidents
    from sitrep.store import Store

    db = build_seed_db(new_db(), pipeline=False)
    with Store.open(db) as store:
        watch = store.generation_watch()
        try:
            deadline = time.monotonic() + 10
            while watch.value != store.generation():
                assert time.monotonic() < deadline
                time.sleep(0.02)
            start = watch.value
            iid = store.db.execute("SELECT id FROM incidents LIMIT 1").fetchone()[0]
            Incidents(store).correct_field(iid, "notes", "checked", "ana")
            while watch.value == start:
                assert time.monotonic() < deadline, "no announcement of the change"
                time.sleep(0.02)
            assert watch.value == store.generation() > start
            watch.stale()
            assert watch.value is None
            watch.saw(store.generation())
            assert watch.value == store.generation()
        finally:
            watch.close()
