"""``sitrep copy``: a database moved to the other backend answers as the original, reviews included."""
from __future__ import annotations

import json

import pytest

from sitrep.cli import main
from sitrep.ingest.pipeline import ingest
from sitrep.reconcile.across import Incidents
from sitrep.store import Store
from store_fixtures import marked_corpus

FAKE = "store_fixtures:fake_extract_many"
QUERIES = [{}, {"country": "sy"}, {"q": '"report"'}, {"bbox": (36.0, 33.0, 37.0, 35.0)}, {"sort": "-fatalities"},
           {"min_fatalities": 5}]


@pytest.fixture()
def reviewed(tmp_path):
    """A small SQLite database with a reviewer's correction and a merge in its audit log."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in marked_corpus(24)))
    db = str(tmp_path / "source.db")
    assert ingest([str(corpus)], db, workers=1, extractor=FAKE, progress=False).new == 24
    with Store.open(db) as s:
        rows, _ = s.query_incidents(sort="id", limit=3)
        review = Incidents(s)
        review.correct_field(rows[0]["id"], "fatalities", {"low": 4, "best": 5, "high": 6}, user="ana")
        review.merge_incidents([rows[1]["id"], rows[2]["id"]], user="bo")
    return db


def _answers(db):
    with Store.open(db) as s:
        first = s.query_incidents(sort="id", limit=1)[0][0]["id"]
        return ([s.query_incidents(limit=100, **q) for q in QUERIES], s.stats(), s.rollup("admin1", "month"),
                s.get_incident(first), s.audit_log())


def test_a_copy_to_postgresql_and_back_answers_as_the_original(reviewed, pg_cluster, tmp_path, capsys):
    url = pg_cluster.new_database()
    assert main(["copy", reviewed, url]) == 0
    assert "copied 24 articles" in capsys.readouterr().out
    assert _answers(url) == _answers(reviewed)
    with Store.open(url) as s:  # vacuumed after the copy: a box's list can sort from its index alone
        assert s.db.execute("SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'incidents'").fetchone()[0]
    back = str(tmp_path / "back.db")
    assert main(["copy", url, back, "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["articles"] == 24 and counts["audit"] == 2
    assert _answers(back) == _answers(reviewed)
    with Store.open(url) as s:  # reviewing goes on in the copy: new audit ids follow the copied ones
        iid = s.query_incidents(sort="id", limit=1)[0][0]["id"]
        assert Incidents(s).correct_field(iid, "notes", "checked against the hospital list", user="cy") == 3


def test_a_copy_into_a_database_that_holds_data_is_refused(reviewed, new_db, capsys):
    dest = new_db()
    assert main(["copy", reviewed, dest]) == 0
    capsys.readouterr()
    assert main(["copy", reviewed, dest]) == 5
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not empty" in err
    assert main(["copy", reviewed, reviewed]) == 5
    assert "the same database" in capsys.readouterr().err


def test_a_missing_source_is_exit_5(tmp_path, capsys):
    assert main(["copy", str(tmp_path / "none.db"), str(tmp_path / "new.db")]) == 5
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "new.db").exists()
