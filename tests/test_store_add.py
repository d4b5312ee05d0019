"""Store: content-hash idempotence, copies, migrations, read-back."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.errors import StoreError
from sitrep.store import Store
from sitrep.store.migrations import MIGRATIONS
from sitrep.reconcile.across import Incidents
from store_fixtures import ZEINAB, extraction, incident

WIRE = ("Bomb blasts in the Syrian cities of Homs and Damascus have left at least 140 people dead. Monitors and state "
        "media say at least four blasts struck the southern Damascus suburb of Sayyida Zeinab, killing at least 83 "
        "people. Earlier in Homs, 57 people, mainly civilians, were reportedly killed in a double car bombing.")


def test_add_is_idempotent_and_reports_status(new_db):
    with Store.open(new_db()) as s:
        e = extraction("a1", incidents=[incident(killed=57), incident(place=ZEINAB, killed=83)])
        assert Incidents(s).add(e) == "new"
        before = s.dump()
        assert Incidents(s).add(e) == "duplicate"
        assert s.dump() == before
        # the same text under another id is a duplicate too (content hash)
        assert Incidents(s).add(extraction("other-id", text=e.article.text)) == "duplicate"
        with pytest.raises(StoreError):
            Incidents(s).add(extraction("a1", text="a different text"))
        assert len(s.query_incidents()[0]) == 2


def test_wire_copy_is_linked_and_not_an_independent_source(new_db):
    with Store.open(new_db()) as s:
        assert Incidents(s).add(extraction("orig", text=WIRE, published="2016-02-22", incidents=[incident(killed=57)])) == "new"
        copy_text = "(Reuters) " + WIRE
        assert Incidents(s).add(extraction("copy", text=copy_text, published="2016-02-23", incidents=[incident(killed=60)])) == "copy"
        assert s.get_article("copy")["copy_of"] == "orig"
        assert s.get_article("orig")["copies"] == ["copy"]
        (row,), _ = s.query_incidents()
        assert row["n_sources"] == 1 and row["n_reports"] == 2
        assert row["fatalities"]["best"] == 57  # the copy's 60 does not count as confirmation


def test_copy_original_does_not_depend_on_order(new_db):
    with Store.open(new_db()) as s:
        Incidents(s).add(extraction("late", text="Wire: " + WIRE, published="2016-02-23"))
        assert Incidents(s).add(extraction("early", text=WIRE, published="2016-02-22")) == "new"
        assert s.get_article("late")["copy_of"] == "early"


def test_schema_is_migrated_and_a_newer_one_refused(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # version 0: an empty database from before the store existed
    with Store.open(path) as s:
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        Incidents(s).add(extraction("a1", incidents=[incident(killed=5)]))
    with Store.open(path) as s:  # reopening keeps the data
        assert s.has_article("a1")
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_a_newer_postgresql_schema_is_refused_and_migrations_run_once(pg_cluster):
    url = pg_cluster.new_database()
    with Store.open(url) as s:
        assert s.backend == "postgresql"
        assert s.db.execute("SELECT version FROM sitrep_schema").fetchone()[0] == len(MIGRATIONS)
        Incidents(s).add(extraction("a1", incidents=[incident(killed=5)]))
    with Store.open(url) as s:  # reopening keeps the data and migrates nothing
        assert s.has_article("a1")
        assert s.db.execute("SELECT COUNT(*) FROM sitrep_schema").fetchone()[0] == 1
        s.db.execute("UPDATE sitrep_schema SET version = ?", (len(MIGRATIONS) + 1,))
    with pytest.raises(StoreError, match="newer"):
        Store.open(url)


@pytest.mark.parametrize("title", ["", "Ataque en Bogotá: «dos muertos»", "لقي شخصان حتفهما", "100% sure? 'quoted'"])
def test_incident_round_trip_on_postgresql(pg_cluster, title):
    with Store.open(pg_cluster.new_database()) as s:
        e = extraction("p1", incidents=[incident(killed=12, injured=3, date="2016-02-09")])
        e.article.title = title
        Incidents(s).add(e)
        (row,), _ = s.query_incidents()
        got = s.get_incident(row["id"])
        assert got["fatalities"] == {"low": 12, "best": 12, "high": 12}
        assert got["event_date"] == "2016-02-09"
        assert [c["min"] for c in got["claims"] if c["kind"] == "killed"] == [12]
        assert s.get_article("p1")["title"] == title


def test_a_url_of_another_scheme_is_a_usage_error():
    from sitrep.errors import ConfigError
    from sitrep.store import database_path

    with pytest.raises(ConfigError, match="mysql://... is not one sitrep can open"):
        database_path("mysql://me:secret@host/db")
    assert database_path("postgresql://me@host/db") == "postgresql://me@host/db"


def test_not_a_database_is_a_store_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store.open(bad)


@settings(max_examples=25, deadline=None)
@given(killed=st.integers(0, 10_000), injured=st.one_of(st.none(), st.integers(0, 10_000)),
       title=st.text(max_size=40), day=st.integers(1, 28))
def test_incident_round_trip(killed, injured, title, day):
    with Store.open(":memory:") as s:
        e = extraction("p1", incidents=[incident(killed=killed, injured=injured, date=f"2016-02-{day:02d}")])
        e.article.title = title
        Incidents(s).add(e)
        (row,), _ = s.query_incidents()
        got = s.get_incident(row["id"])
        assert got["fatalities"] == {"low": killed, "best": killed, "high": killed}
        assert got["event_date"] == f"2016-02-{day:02d}"
        assert [c["min"] for c in got["claims"] if c["kind"] == "killed"] == [killed]
        assert s.get_article("p1")["title"] == title


def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    # all pending migrations run in one transaction: a step that fails undoes the steps before it too
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()

    def broken(db):
        db.execute("CREATE TABLE half_done(x)")
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setattr("sitrep.store.migrations.MIGRATIONS", [*MIGRATIONS, broken])
    with pytest.raises(StoreError, match=f"migration {len(MIGRATIONS) + 1} \\(broken\\) failed"):
        Store.open(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 0
    assert db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == []
    db.close()
    monkeypatch.undo()
    with Store.open(path) as s:  # and the next open migrates it
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
