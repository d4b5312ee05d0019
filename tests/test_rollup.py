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
def db(tmp_path):
    path = tmp_path / "r.db"
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
        with pytest.raises(ConfigError, match="admin2"):
            store.rollup("admin2", "week")


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
    bad = client.get("/api/rollup?level=admin2")
    assert bad.status_code == 400 and "admin2" in bad.text
