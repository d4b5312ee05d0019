"""incidents.admin2 (issue 10 item 4, issue 12 item 2): migration 6 adds the column and fills it
from each stored incident's JSON; new writes fill it from the incident's place."""
from __future__ import annotations

import json
import sqlite3

import pytest

from sitrep.reconcile.across import Incidents
from sitrep.store import Store
from sitrep.store.migrations import MIGRATIONS
from store_fixtures import HOMS, extraction, incident

CHARLESTON = dict(name="Charleston", admin1="South Carolina", admin2="Charleston County", country="United States",
                  country_code="US", geonameid=4574324, latitude=32.7765, longitude=-79.9311)


def _before_admin2(path, monkeypatch):
    """A database written by the sitrep before migration 6, with two incidents in it."""
    i = next(n for n, m in enumerate(MIGRATIONS) if m.__name__ == "_m6_admin2")
    monkeypatch.setattr("sitrep.store.migrations.MIGRATIONS", MIGRATIONS[:i])
    Store.open(path).close()
    monkeypatch.undo()
    db = sqlite3.connect(path)
    rows = [("with", {"location": {"text": "Charleston", "admin1": "South Carolina", "admin2": "Charleston County"}}),
            ("without", {"location": {"text": "Homs", "admin1": "Homs"}}),
            ("nowhere", {"location": None})]
    db.executemany("INSERT INTO incidents(id, event_date, data) VALUES (?, '2016-02-20', ?)",
                   [(k, json.dumps(v)) for k, v in rows])
    db.commit()
    db.close()


def test_migration_backfills_admin2_from_the_stored_json(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    _before_admin2(path, monkeypatch)
    with Store.open(path) as s:
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        got = dict(s.db.execute("SELECT id, admin2 FROM incidents"))
        indexes = {r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert got == {"with": "Charleston County", "without": None, "nowhere": None}
    assert "incidents_admin2_date" in indexes


@pytest.mark.parametrize("place,admin2", [(CHARLESTON, "Charleston County"), (HOMS, None)])
def test_write_fills_admin2(new_db, place, admin2):
    with Store.open(new_db()) as s:
        Incidents(s).add(extraction("c1", text="Nine people were shot dead at a church in Charleston on Wednesday night.",
                                    incidents=[incident(place=place, killed=9, perpetrator=None, sub="Attack")]))
        assert [tuple(r) for r in s.db.execute("SELECT admin2 FROM incidents")] == [(admin2,)]
