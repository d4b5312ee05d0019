"""Roll-ups (issue 12, item 2): incidents and fatalities (low, best, high) per area and period,
with ACLED's Saturday-Friday weeks, from the store, the CLI and the API."""
import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from serve_fixtures import TOKEN
from sitrep.cli import main
from sitrep.errors import ConfigError
from sitrep.reconcile.across import Incidents
from sitrep.serve import ServeConfig, create_app
from sitrep.store import Store
from store_fixtures import HOMS, ZEINAB, extraction, incident


@pytest.fixture()
def db(new_db):
    path = new_db()
    with Store.open(path) as store:
        add = Incidents(store).add
        # Friday 19 and Saturday 20 February 2016 fall in two ACLED weeks; Friday 26 in the second
        add(extraction("fri", text="A roadside bomb killed three farmers near Homs on Friday.", published="2016-02-20", incidents=[incident(date="2016-02-19", killed=3, high=5, perpetrator=None,
                                                                            quote="a roadside bomb killed three farmers")]))
        add(extraction("sat", text="Eleven pilgrims died near the shrine in Sayyida Zeinab.", published="2016-02-21", incidents=[incident(date="2016-02-20", place=ZEINAB, killed=11, perpetrator=None,
                                                                            quote="eleven pilgrims died near the shrine")]))
        add(extraction("fri2", text="Warplanes struck a bakery in Homs, leaving seven dead.", published="2016-02-27", incidents=[incident(date="2016-02-26", sub="Air/drone strike", killed=7,
                                                                              perpetrator=None, quote="warplanes struck a bakery, seven dead")]))
        add(extraction("nodate", text="Forty soldiers are missing after an ambush.", incidents=[incident(date=None, place=ZEINAB, killed=40, perpetrator=None,
                                                                 quote="forty soldiers are missing")]))
    return path


def test_weeks_run_saturday_to_friday(db):
    with Store.open(db) as store:
        rows = store.rollup("country", "week")
    assert [(r["period"], r["incidents"], r["fatalities"]) for r in rows] == [
        ("2016-02-13", 1, {"low": 3, "best": 3, "high": 5}),
        ("2016-02-20", 2, {"low": 18, "best": 18, "high": 18}),
    ]  # the undated incident is left out
    assert {r["country_code"] for r in rows} == {"SY"}


def test_admin1_by_month_and_day_with_filters(db):
    with Store.open(db) as store:
        months = store.rollup("admin1", "month")
        assert [(r["admin1"], r["period"], r["incidents"]) for r in months] == [
            (HOMS["admin1"], "2016-02-01", 2), (ZEINAB["admin1"], "2016-02-01", 1)]
        days = store.rollup("country", "day", event_type="Explosions/Remote violence", min_fatalities=5)
        assert [(r["period"], r["fatalities"]["best"]) for r in days] == [("2016-02-20", 11), ("2016-02-26", 7)]
        with pytest.raises(ConfigError, match="admin3"):
            store.rollup("admin3", "week")


def test_cli_writes_csv(db, capsys):
    assert main(["rollup", "--db", str(db), "--level", "admin1", "--period", "week"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == {"country_code": "SY", "country": "Syria", "admin1": HOMS["admin1"], "period": "2016-02-13",
                       "incidents": "1", "fatalities_low": "3", "fatalities_best": "3", "fatalities_high": "5"}
    assert main(["rollup", "--db", str(db), "--format", "json", "--since", "2016-02-20"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["period"] == "week" and [r["incidents"] for r in out["rows"]] == [2]


def test_api_rollup(db):
    client = TestClient(create_app(ServeConfig(db=db, tokens={TOKEN: ""})))
    r = client.get("/api/rollup?level=admin1&period=month&country=SY")
    assert r.status_code == 200 and len(r.json()["rows"]) == 2 and r.json()["filters"] == {"country": "SY"}
    bad = client.get("/api/rollup?level=admin3")
    assert bad.status_code == 400 and "admin2" in bad.text  # the message names the levels there are


# admin2 (issue 12 item 2, issue 10 item 4): towns in two US counties and a Pakistani district;
# Springfield has no admin2 known and falls in its admin1's row with admin2 null
DAYTON = dict(name="Dayton", admin1="Ohio", admin2="Montgomery County", country="United States", country_code="US",
              geonameid=4509884, latitude=39.7589, longitude=-84.1916)
KETTERING = dict(name="Kettering", admin1="Ohio", admin2="Montgomery County", country="United States", country_code="US",
                 geonameid=4515843, latitude=39.6895, longitude=-84.1688)
AKRON = dict(name="Akron", admin1="Ohio", admin2="Summit County", country="United States", country_code="US",
             geonameid=5145476, latitude=41.0814, longitude=-81.519)
SPRINGFIELD = dict(name="Springfield", admin1="Ohio", country="United States", country_code="US",
                   geonameid=4525353, latitude=39.9242, longitude=-83.8088)
MARDAN = dict(name="Mardan", admin1="Khyber Pakhtunkhwa", admin2="Mardan District", country="Pakistan", country_code="PK",
              geonameid=1171305, latitude=34.2012, longitude=72.0258)


@pytest.fixture()
def db2(new_db):
    path = new_db()
    rows = [
        ("dayton", DAYTON, "2016-02-19", 2, "A gunman shot and killed two men outside a bar in Dayton on Friday night."),
        ("kettering", KETTERING, "2016-02-27", 1, "A Kettering woman was shot dead in her driveway on Saturday, police said."),
        ("akron", AKRON, "2016-02-20", 3, "Three people were killed in a shooting at an Akron house party."),
        ("springfield", SPRINGFIELD, "2016-02-21", 1, "One man died after a shooting on the east side of Springfield."),
        ("mardan", MARDAN, "2016-02-22", 12, "A suicide bomber killed twelve people outside a court in Mardan."),
    ]
    with Store.open(path) as store:
        add = Incidents(store).add
        for aid, place, day, killed, text in rows:
            add(extraction(aid, text=text, published=day, incidents=[incident(
                date=day, place=place, killed=killed, perpetrator=None, sub="Attack", quote=text[:30])]))
    return path


def test_admin2_by_month(db2):
    with Store.open(db2) as store:
        rows = store.rollup("admin2", "month")
        assert [(r["country_code"], r["admin1"], r["admin2"], r["incidents"], r["fatalities"]["best"]) for r in rows] == [
            ("PK", "Khyber Pakhtunkhwa", "Mardan District", 1, 12),
            ("US", "Ohio", None, 1, 1),
            ("US", "Ohio", "Montgomery County", 2, 3),
            ("US", "Ohio", "Summit County", 1, 3),
        ]
        assert store.rollup("admin2", "week", country="PK")[0]["period"] == "2016-02-20"
        assert [r["incidents"] for r in store.rollup("admin1", "month")] == [1, 4]  # admin2 does not split admin1


def test_admin2_column_filled_on_insert(db2):
    with Store.open(db2) as store:
        got = {json.loads(r[0])["location"]["name"]: r[1] for r in store.db.execute("SELECT data, admin2 FROM incidents")}
    assert got == {"Dayton": "Montgomery County", "Kettering": "Montgomery County", "Akron": "Summit County",
                   "Springfield": None, "Mardan": "Mardan District"}


def test_admin2_cli_and_api(db2, capsys):
    assert main(["rollup", "--db", str(db2), "--level", "admin2", "--period", "month", "--country", "US"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == ["country_code", "country", "admin1", "admin2", "period", "incidents", "fatalities_low",
                             "fatalities_best", "fatalities_high"]
    assert [(r["admin2"], r["incidents"]) for r in rows] == [("", "1"), ("Montgomery County", "2"), ("Summit County", "1")]
    client = TestClient(create_app(ServeConfig(db=db2, tokens={TOKEN: ""})))
    r = client.get("/api/rollup?level=admin2&period=month&country=PK")
    assert r.status_code == 200 and r.json()["level"] == "admin2"
    assert [(x["admin1"], x["admin2"], x["incidents"]) for x in r.json()["rows"]] == [("Khyber Pakhtunkhwa", "Mardan District", 1)]


def test_admin2_filter(db2, capsys):
    with Store.open(db2) as store:
        rows, _ = store.query_incidents(admin2="montgomery county")  # case-insensitive, like admin1
        assert sorted(r["location"]["name"] for r in rows) == ["Dayton", "Kettering"]
        assert store.stats(admin2="Summit County")["incidents"] == 1
        assert [r["incidents"] for r in store.rollup("admin1", "month", admin2="Montgomery County")] == [2]
    assert main(["export", "--db", str(db2), "--format", "jsonl", "--admin2", "Mardan District"]) == 0
    assert [json.loads(x)["location"]["name"] for x in capsys.readouterr().out.splitlines()] == ["Mardan"]
    client = TestClient(create_app(ServeConfig(db=db2, tokens={TOKEN: ""})))
    r = client.get("/api/incidents?admin2=Montgomery%20County")
    assert r.status_code == 200 and len(r.json()["incidents"]) == 2 and r.json()["filters"] == {"admin2": "Montgomery County"}
    assert client.get("/api/incidents?admin2=%20").status_code == 400


def test_migration_7_fills_the_killed_range_columns_the_rollup_sums(tmp_path, monkeypatch):
    """A database written before migration 7 rolls up the same low/best/high once migrated."""
    import json
    import sqlite3

    from sitrep.store.migrations import MIGRATIONS

    i = next(n for n, m in enumerate(MIGRATIONS) if m.__name__ == "_m7_fatality_range")
    path = tmp_path / "old.db"
    monkeypatch.setattr("sitrep.store.migrations.MIGRATIONS", MIGRATIONS[:i])
    Store.open(path).close()
    monkeypatch.undo()
    db = sqlite3.connect(path)
    db.executemany("INSERT INTO incidents(id, event_date, country_code, country, fatalities_best, data) VALUES (?, ?, 'SY', 'Syria', ?, ?)",
                   [("a", "2016-02-21", 57, json.dumps({"fatalities": {"low": 46, "best": 57, "high": 57}})),
                    ("b", "2016-02-21", 83, json.dumps({"fatalities": {"low": 83, "best": 83, "high": 90}})),
                    ("c", "2016-02-22", 4, json.dumps({"fatalities": {"low": 4, "best": None, "high": None}}))])
    db.commit()
    db.close()
    with Store.open(path) as s:
        rows = s.rollup("country", "week")
    assert [(r["period"], r["incidents"], r["fatalities"]) for r in rows] == [
        ("2016-02-20", 3, {"low": 46 + 83 + 4, "best": 57 + 83 + 4, "high": 57 + 90 + 4})]


def test_api_rollup_is_kept_until_another_process_writes(db):
    """The API keeps a roll-up's answer (serve.cache) while the store's generation holds; a write
    by another connection (an ingest process) changes the generation, and the next answer is new."""
    app = create_app(ServeConfig(db=db, tokens={TOKEN: ""}))
    client = TestClient(app)
    url = "/api/rollup?period=month&country=SY"
    first = client.get(url).json()
    assert client.get("/api/rollup?country=SY&period=month").json() == first  # same query, other order: kept
    assert app.state.cache.hits == 1 and app.state.cache.misses == 1
    with Store.open(db) as other:  # another writer, outside the server
        Incidents(other).add(extraction("sun", text="Shelling killed two children in Homs on Sunday.", published="2016-02-22",
                                        incidents=[incident(date="2016-02-21", killed=2, perpetrator=None,
                                                            quote="shelling killed two children")]))
    after = client.get(url).json()
    assert app.state.cache.misses == 2
    assert sum(r["incidents"] for r in after["rows"]) == sum(r["incidents"] for r in first["rows"]) + 1


def test_response_cache_is_bounded():
    from sitrep.serve.cache import ResponseCache

    cache = ResponseCache(max_entries=2, max_bytes=800)
    for k in ("a", "b", "c"):
        cache.get_or_make(k, 1, lambda: b"x" * 10)
    assert len(cache) == 2 and cache.get_or_make("a", 1, lambda: b"new") == b"new"  # "a" went first
    assert cache.get_or_make("c", 2, lambda: b"fresh") == b"fresh"  # another generation, another answer
    cache.get_or_make("big", 1, lambda: b"y" * 500)  # over an eighth of the byte budget: answered, not kept
    assert cache.get_or_make("big", 1, lambda: b"z") == b"z"
