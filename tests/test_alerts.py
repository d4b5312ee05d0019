"""Alert rules (issue 12, item 3) on synthetic incident series with known answers: a surge in one
admin1 and none in another, a 30-day fatality sum crossing its 1-year high, a new actor; and the
same rules through the store, the CLI and the API."""
import datetime as dt
import json

import pytest
from fastapi.testclient import TestClient

from serve_fixtures import TOKEN
from sitrep.brief import alerts
from sitrep.brief.alerts import Row, evaluate, fatalities, new_actor, rolling_sums, surge, threat
from sitrep.cli import main
from sitrep.models import Actor
from sitrep.reconcile.across import Incidents
from sitrep.serve import ServeConfig, create_app
from sitrep.store import Store
from store_fixtures import HOMS, ZEINAB, extraction, incident

AS_OF = dt.date(2016, 3, 31)


def _rows(admin1, days_ago, *, killed=1, actors=(), event_type="Battles", cc="SY"):
    return [Row(f"{admin1}-{k}-{d}", AS_OF - dt.timedelta(days=d), cc, "Syria", admin1, event_type, killed, tuple(actors))
            for k, d in enumerate(days_ago)]


def test_a_surge_in_one_admin1_and_none_in_another():
    # Homs: 1 event a week for 4 weeks, then 5 last week (>= 2 x 1); Idlib: 3 a week throughout
    homs = _rows("Homs", [7, 14, 21, 28] + [0, 1, 2, 3, 4])
    idlib = _rows("Idlib", [d for w in range(5) for d in (7 * w, 7 * w + 1, 7 * w + 2)])
    fired = surge(homs + idlib, AS_OF)
    assert [(a.admin1, a.value, a.baseline) for a in fired] == [("Homs", 5, 1.0)]
    assert len(fired[0].incident_ids) == 5
    # protests are no violent events: the same series of protests is no surge
    assert surge(_rows("Homs", [7, 14, 21, 28, 0, 1, 2, 3], event_type="Protests"), AS_OF) == []


def test_one_event_where_there_was_none_is_no_surge():
    assert surge(_rows("Raqqa", [0]), AS_OF) == []  # min_events: a mean of 0 is no baseline
    assert [a.admin1 for a in surge(_rows("Raqqa", [0, 1]), AS_OF)] == ["Raqqa"]


def test_threat_needs_a_busy_month_and_a_weekly_mean_of_one():
    # a quiet year (1 event a month), then 8 in the last 30 days, 4 of them in the last 4 weeks... and more
    year = [30 * m + 15 for m in range(1, 13)]
    busy = _rows("Daraa", year + [0, 2, 5, 9, 12, 16, 20, 26])
    assert [(a.admin1, a.value, a.baseline) for a in threat(busy, AS_OF)] == [("Daraa", 8, 1.0)]
    sparse = _rows("Daraa", year + [1, 29])  # 2 in the month is 2x, but fewer than 1 a week lately
    assert threat(sparse, AS_OF) == []


def test_rolling_sums():
    days = {dt.date(2016, 1, 1): 5, dt.date(2016, 1, 3): 7}
    sums = rolling_sums(days, dt.date(2016, 1, 1), dt.date(2016, 1, 5), 3)
    assert [sums[dt.date(2016, 1, d)] for d in range(1, 6)] == [5, 5, 12, 7, 7]


def test_a_30_day_fatality_sum_crossing_its_1_year_high():
    # 60 killed in one bad month 200 days ago, then 150 in the last 30 days: a 1-year high (and 3-year)
    rows = _rows("Homs", [200], killed=60) + _rows("Homs", [3, 10, 20], killed=50)
    [a] = fatalities(rows, AS_OF)
    assert (a.rule, a.country_code, a.value, a.baseline) == ("fatalities", "SY", 150, 60)
    assert "past 3 year(s)" in a.message
    # the same 150 after a worse month 300 days ago: no signal
    assert fatalities(rows + _rows("Homs", [300], killed=200), AS_OF) == []
    # below the floor of 100: no signal
    assert fatalities(_rows("Homs", [3, 10], killed=40), AS_OF) == []


def test_a_new_actor_in_an_area():
    old = _rows("Aleppo", [100, 200], actors=("Syrian Army",))
    week = _rows("Aleppo", [1, 2], actors=("Syrian Army", "Jaysh al-Islam", "Unidentified Armed Group (Syria)"))
    [a] = new_actor(old + week, AS_OF)
    assert (a.actor, a.admin1, a.value) == ("Jaysh al-Islam", "Aleppo", 2)


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "a.db"
    with Store.open(path) as store:
        add = Incidents(store).add
        homs = ["Shells struck a vegetable market in the old city.", "A car bomb exploded outside a bakery at dawn.",
                "Mortar rounds landed on a school courtyard during lessons.", "A roadside device hit a minibus of workers."]
        for k, (day, text) in enumerate(zip(["2016-02-01", "2016-02-09", "2016-02-16", "2016-02-23"], homs)):
            add(extraction(f"old{k}", text=text, published=day,
                           incidents=[incident(date=day, killed=k + 2, perpetrator=None, quote=text)]))
        zeinab = ["Jaysh al-Islam fired rockets at the shrine district.", "Gunmen of Jaysh al-Islam attacked a checkpoint.",
                  "A suicide bomber blew himself up near a hospital gate.", "Rebels shelled the bus station at noon."]
        for k, (day, text) in enumerate(zip(["2016-02-27", "2016-02-28", "2016-02-29", "2016-03-01"], zeinab)):
            inc = incident(place=ZEINAB, date=day, killed=10 + k, perpetrator=None, quote=text)
            inc.actors = [Actor("Jaysh al-Islam", "perpetrator")]
            add(extraction(f"new{k}", text=text, published=day, incidents=[inc]))
    return path


def test_store_cli_and_api(db, capsys):
    with Store.open(db) as store:
        rows = alerts.rows_from(store.alert_rows())
    assert len(rows) == 8 and {r.admin1 for r in rows} == {HOMS["admin1"], ZEINAB["admin1"]}
    fired = {(a.rule, a.admin1) for a in evaluate(rows)}  # as of the latest event, 1 March
    assert ("new_actor", ZEINAB["admin1"]) in fired and ("surge", ZEINAB["admin1"]) in fired
    assert ("surge", HOMS["admin1"]) not in fired
    assert main(["alerts", "--db", str(db), "--format", "json", "--rule", "surge"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["as_of"] == "2016-03-01" and [a["admin1"] for a in out["alerts"]] == [ZEINAB["admin1"]]
    client = TestClient(create_app(ServeConfig(db=db, tokens={TOKEN: ""})))
    r = client.get("/api/alerts?rule=new_actor&as_of=2016-03-01")
    assert r.status_code == 200 and [a["actor"] for a in r.json()["alerts"]] == ["Jaysh al-Islam"]
    assert client.get("/api/alerts?as_of=2016-03-10&rule=new_actor").json()["alerts"] == []  # old news by then
    assert client.get("/api/alerts?rule=panic").status_code == 400


def test_rows_older_than_the_rules_look_back_change_no_alert():
    """``history_days`` bounds what a caller must read: a series over 6 years fires the same alerts
    from its last ``history_days`` days alone (the report reads only those)."""
    import random

    rng = random.Random(3)
    rows = [Row(f"r{k}", AS_OF - dt.timedelta(days=rng.randrange(6 * 365)), "SY", "Syria", rng.choice(["Homs", "Idlib"]),
                "Battles", rng.choice([0, 1, 5, 60]), (rng.choice(["Army of Islam", "Al Nusra Front", "Ahrar al-Sham"]),))
            for k in range(3000)]
    rows += _rows("Homs", [0, 1, 2, 3, 4], killed=40)  # a surge and a fatality high at the end
    first = AS_OF - dt.timedelta(days=alerts.history_days())
    recent = [r for r in rows if r.day >= first]
    assert len(recent) < len(rows) and alerts.history_days() >= 3 * 365 + 30
    everything = [a.to_dict() for a in evaluate(rows, AS_OF)]
    assert everything and [a.to_dict() for a in evaluate(recent, AS_OF)] == everything
