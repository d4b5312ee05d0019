"""Schema migrations: small functions applied in order, all pending ones in one transaction.

``PRAGMA user_version`` holds the number of migrations applied. A database from an older sitrep is
migrated forward, never reset; one from a newer sitrep is refused.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from ..errors import StoreError


def _script(db: sqlite3.Connection, sql: str) -> None:
    # not executescript: it would commit the migration's transaction half-way
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


def _m1_initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE articles(
            id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT, url TEXT, outlet TEXT,
            published TEXT, dateline TEXT, text TEXT NOT NULL, copy_of TEXT, minhash BLOB,
            seq INTEGER NOT NULL);
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE INDEX articles_copy ON articles(copy_of);
        CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text);
        CREATE TABLE reports(
            id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), incident_id TEXT,
            sig TEXT NOT NULL, data TEXT NOT NULL, manual INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX reports_article ON reports(article_id);
        CREATE INDEX reports_incident ON reports(incident_id);
        CREATE TABLE blocks(key TEXT NOT NULL, day INTEGER NOT NULL, report_id TEXT NOT NULL,
            PRIMARY KEY(key, day, report_id)) WITHOUT ROWID;
        CREATE TABLE claims(
            id TEXT PRIMARY KEY, report_id TEXT NOT NULL, article_id TEXT NOT NULL, pos INTEGER NOT NULL,
            kind TEXT, min INTEGER, max INTEGER, qualifier TEXT, source TEXT, quote TEXT,
            start INTEGER, "end" INTEGER, victims TEXT, hedge TEXT, reported TEXT, credible INTEGER);
        CREATE INDEX claims_report ON claims(report_id);
        CREATE TABLE links(a TEXT NOT NULL, b TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;
        CREATE INDEX links_b ON links(b);
        CREATE TABLE constraints(a TEXT NOT NULL, b TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;
        CREATE TABLE incidents(
            id TEXT PRIMARY KEY, event_date TEXT, country_code TEXT, country TEXT, admin1 TEXT,
            event_type TEXT, sub_event_type TEXT, fatalities_best INTEGER, actors TEXT, data TEXT NOT NULL);
        CREATE INDEX incidents_date ON incidents(event_date, id);
        CREATE INDEX incidents_country ON incidents(country_code);
        CREATE VIRTUAL TABLE incidents_rtree USING rtree(rid, min_lon, max_lon, min_lat, max_lat);
        CREATE TABLE incident_aliases(old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);
        CREATE TABLE overrides(incident_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT,
            PRIMARY KEY(incident_id, field));
        CREATE TABLE audit(
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,
            incident_id TEXT, before TEXT, after TEXT, undone_by INTEGER);
        CREATE INDEX audit_incident ON audit(incident_id);
        """
    )


def _m2_raw_text(db: sqlite3.Connection) -> None:
    # the extractor stores the cleaned text (claim offsets point into it); keep the raw input too,
    # and hash the raw input, so that re-ingesting it is recognised as a duplicate
    db.execute("ALTER TABLE articles ADD COLUMN raw TEXT")


def _m3_sort_indexes(db: sqlite3.Connection) -> None:
    # the list API sorts on COALESCE(...) and filters country/admin1 case-insensitively: index those
    # exact expressions so a page is an index walk, not a sort of every match (bench/bench_serve.py)
    for sql in (
        "CREATE INDEX IF NOT EXISTS incidents_date_key ON incidents(COALESCE(event_date, ''), id)",
        "CREATE INDEX IF NOT EXISTS incidents_fatalities_key ON incidents(COALESCE(fatalities_best, -1), id)",
        "CREATE INDEX IF NOT EXISTS incidents_type_fatalities ON incidents(event_type, fatalities_best)",
        "CREATE INDEX IF NOT EXISTS incidents_type_date ON incidents(event_type, COALESCE(event_date, ''), id)",
        "CREATE INDEX IF NOT EXISTS incidents_country_nocase ON incidents(country_code COLLATE NOCASE, event_date)",
        "CREATE INDEX IF NOT EXISTS incidents_country_fatalities ON incidents(country_code COLLATE NOCASE, COALESCE(fatalities_best, -1), id)",
        "CREATE INDEX IF NOT EXISTS incidents_countryname_nocase ON incidents(country COLLATE NOCASE, event_date)",
        "CREATE INDEX IF NOT EXISTS incidents_admin1_date ON incidents(admin1 COLLATE NOCASE, COALESCE(event_date, ''), id)",
        "CREATE INDEX IF NOT EXISTS incidents_admin1_fatalities ON incidents(admin1 COLLATE NOCASE, COALESCE(fatalities_best, -1), id)",
    ):
        db.execute(sql)


def _m4_writer_indexes(db: sqlite3.Connection) -> None:
    # the writer asks for the newest article (MAX(seq)) and the articles after one (seq > ?) on
    # every add, and walks must-links from either end: without these, each add read every row, and
    # adds slowed as the database grew (bench/bench_store_add.py)
    db.execute("CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq)")
    db.execute("CREATE INDEX IF NOT EXISTS constraints_b ON constraints(b)")


def _m5_grade(db: sqlite3.Connection) -> None:
    # each incident's confidence grade (reconcile/grades.py), a column so that totals and lists can be
    # restricted to some grades; incidents written before this migration have none until re-merged
    db.execute("ALTER TABLE incidents ADD COLUMN grade TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS incidents_grade ON incidents(grade, event_date)")


def _m6_admin2(db: sqlite3.Connection) -> None:
    # the incident place's second-order area (district, county: Place.admin2), a column so that
    # roll-ups and filters can group by it; existing rows take it from their stored JSON (null for
    # incidents resolved before the gazetteer knew admin2, until they are re-merged)
    db.execute("ALTER TABLE incidents ADD COLUMN admin2 TEXT")
    db.execute("UPDATE incidents SET admin2 = json_extract(data, '$.location.admin2')"
               " WHERE json_type(data, '$.location.admin2') = 'text'")
    db.execute("CREATE INDEX IF NOT EXISTS incidents_admin2_date ON incidents(admin2 COLLATE NOCASE, COALESCE(event_date, ''), id)")


def _m7_fatality_range(db: sqlite3.Connection) -> None:
    # the killed range's low and high beside fatalities_best, so roll-ups sum columns instead of
    # parsing every incident's JSON (4x faster at 100,000 incidents); filled from the stored JSON
    db.execute("ALTER TABLE incidents ADD COLUMN fatalities_low INTEGER")
    db.execute("ALTER TABLE incidents ADD COLUMN fatalities_high INTEGER")
    db.execute("UPDATE incidents SET fatalities_low = json_extract(data, '$.fatalities.low'),"
               " fatalities_high = json_extract(data, '$.fatalities.high')")


def _m8_generation(db: sqlite3.Connection) -> None:
    # a counter that every committed change to the incidents bumps, whichever process writes: a
    # reader's cached answer (the API's roll-ups) holds while the counter it was computed at holds
    db.execute("CREATE TABLE generation (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)")
    db.execute("INSERT INTO generation VALUES (1, 0)")
    for event in ("INSERT", "UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER incidents_generation_{event.lower()} AFTER {event} ON incidents"
                   " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END")


def _m9_list_plans(db: sqlite3.Connection) -> None:
    # the list API at 100,000 incidents (bench/bench_serve.py): "this type, at least N killed, newest
    # first" walks one index without reading a row (fatalities_best in it), and the planner gets its
    # statistics (sqlite_stat1): without them it sorted every match of a type, or walked a country's
    # incidents to test each against a full-text search instead of starting from the search
    db.execute("CREATE INDEX IF NOT EXISTS incidents_type_date_fatalities"
               " ON incidents(event_type, COALESCE(event_date, ''), id, fatalities_best)")
    db.execute("DROP INDEX IF EXISTS incidents_type_date")
    db.execute("ANALYZE")


def _m10_list_summary(db: sqlite3.Connection) -> None:
    # the list API's view of each incident (read.list_summary) in a column of its own: a page of the list
    # parsed every row's whole JSON, claims and evidence of hundreds of reports included (42 ms for 50
    # rows of a database of wire stories, 1 ms from the column); filled from the stored JSON
    db.execute("ALTER TABLE incidents ADD COLUMN summary TEXT")
    fill_summaries(db)


def _m11_reports_by_article(db: sqlite3.Connection) -> None:
    # a full-text search goes from the matching articles to their incidents: an index holding both ids
    # answers that without reading each report's row (its JSON), a third of a search's time at 100,000
    db.execute("CREATE INDEX IF NOT EXISTS reports_article_incident ON reports(article_id, incident_id)")
    db.execute("DROP INDEX IF EXISTS reports_article")
    db.execute("ANALYZE reports")


#: migration 12's indexes (name, columns), the same on both backends but for case folding (``{nocase}``)
DATE_KEYED = (
    ("incidents_country_date", "{country_code}, COALESCE(event_date, ''), id"),
    ("incidents_countryname_date", "{country}, COALESCE(event_date, ''), id"),
    ("incidents_grade_date", "grade, COALESCE(event_date, ''), id"),
)
#: the indexes they replace, and two the lists no longer use (dates are compared as COALESCE(event_date, ''))
DATE_UNKEYED = ("incidents_date", "incidents_country", "incidents_country_nocase", "incidents_countryname_nocase",
                "incidents_grade")


def _m12_date_keys(db: sqlite3.Connection) -> None:
    # the lists compare and sort dates as one expression, COALESCE(event_date, ''), and every index that
    # holds a date holds that expression and the id after it: "this country, newest first" walks one
    # index and stops at the page's end (a full-text search in a country tests each of the country's
    # incidents in date order against the search's set, instead of sorting every incident the search
    # matched), and five indexes that only held the raw date go: an add updates 12 indexes, not 14
    for name in DATE_UNKEYED:
        db.execute(f"DROP INDEX IF EXISTS {name}")
    for name, columns in DATE_KEYED:
        columns = columns.format(country_code="country_code COLLATE NOCASE", country="country COLLATE NOCASE")
        db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON incidents({columns})")
    db.execute("ANALYZE incidents")


#: migration 13's index: a search's incidents, probed by id, tested for a country and sorted by date from it
SEARCH_PROBE = ("incidents_id_country", "id, {country_code}, COALESCE(event_date, '')")


def _m13_search_probe(db: sqlite3.Connection) -> None:
    # a full-text search in a country probes every incident of the matching articles (about 1,500 for a
    # word in 1.5% of 57,000 articles) by id: with the country and the date key beside the id, the
    # probe and the sort read no incident's row, only the page's (5.2 ms a search at 100,000 incidents
    # with the page read last, read.query_incidents, against 7.4 ms)
    name, columns = SEARCH_PROBE
    db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON incidents({columns.format(country_code='country_code COLLATE NOCASE')})")
    db.execute("ANALYZE incidents")


def _m14_generation_notify(db: sqlite3.Connection) -> None:
    # PostgreSQL's migration 14 announces each change of the generation counter on a channel, for
    # the API (store/postgres.py GenerationWatch); SQLite has no channel, and a reader of the file
    # reads the counter itself for next to nothing: the schema's version moves on, nothing else
    pass


def _m15_incident_words(db: sqlite3.Connection) -> None:
    # PostgreSQL's migration 15 gives each incident its articles' words, for a search in a country
    # by two indexes; SQLite's FTS5 search and incidents_id_country (migration 13) already do it
    pass


def _m16_search_ids(db: sqlite3.Connection) -> None:
    # a search read each matching entry's article id from the FTS5 table's own content row, which
    # holds the article's whole text too (4.6 ms for a word in 1,564 of 57,000 articles, against
    # 0.8 ms for their rowids): the id of each entry now stands in a narrow table of its own, keyed
    # by the entry's rowid (read._text_match), filled here from the index and by _flush_index
    db.execute("CREATE TABLE fts_articles(entry INTEGER PRIMARY KEY, article_id TEXT NOT NULL)")
    db.execute("INSERT INTO fts_articles(entry, article_id) SELECT rowid, article_id FROM articles_fts")


def _m17_box_dates(db: sqlite3.Connection) -> None:
    # PostgreSQL's migration 17 puts the date and id beside the bounding box in its index, for an
    # index-only sort of a box's incidents; SQLite's R*Tree (incidents_rtree) holds boxes only, and
    # auxiliary columns there saved a fifth of a box list's time, not worth a rebuilt index
    pass


#: migration 18's index: the copies of an article, only the rows that are copies
COPIES_INDEX = "CREATE INDEX IF NOT EXISTS articles_copies ON articles(copy_of) WHERE copy_of IS NOT NULL"


def _m18_copies_index(db: Any) -> None:
    # both backends' migration 18 (PostgreSQL's planner knew the NULLs from its statistics; the
    # smaller index is kept the same there). copy_of is NULL in nearly every row, so ANALYZE gave articles_copy one key for all of them and
    # SQLite answered every "the copies of these articles" (the writer's component walk, relink_copies,
    # an article's page) by scanning the whole table: 0.85 ms an add at 20,000 incidents and growing
    # with the database. An index of the copies alone is small and its statistics say what it is worth
    db.execute(COPIES_INDEX)
    db.execute("DROP INDEX IF EXISTS articles_copy")
    db.execute("ANALYZE articles")


def fill_summaries(db: Any, chunk: int = 500) -> None:
    """Write every incident's ``summary`` from its ``data`` (both backends' migration 10)."""
    from .read import list_summary
    from .sqlite import _dumps  # as write_incident writes it

    last = ""
    while True:
        rows = db.execute("SELECT id, data FROM incidents WHERE id > ? ORDER BY id LIMIT ?", (last, chunk)).fetchall()
        if not rows:
            return
        db.executemany("UPDATE incidents SET summary = ? WHERE id = ?",
                       [(_dumps(list_summary(json.loads(r[1]))), r[0]) for r in rows])
        last = rows[-1][0]


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_m1_initial, _m2_raw_text, _m3_sort_indexes, _m4_writer_indexes, _m5_grade,
                                                          _m6_admin2, _m7_fatality_range, _m8_generation, _m9_list_plans,
                                                          _m10_list_summary, _m11_reports_by_article, _m12_date_keys,
                                                          _m13_search_probe, _m14_generation_notify, _m15_incident_words,
                                                          _m16_search_ids, _m17_box_dates, _m18_copies_index]


def migrate(db: sqlite3.Connection, where: str) -> int:
    """Apply pending migrations; returns the schema version.

    All pending steps run in one ``BEGIN IMMEDIATE`` transaction and the version is read again once
    it holds SQLite's write lock: of two processes opening a new database at once, the second waits
    (busy_timeout) and then finds the schema done, instead of creating the tables a second time.
    """
    version = _version(db, where)
    if version == len(MIGRATIONS):
        return version  # the common case: no write lock taken, so readers never wait on writers here
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as e:
        raise StoreError(f"{where}: cannot migrate the database: {e}") from e
    try:
        version = _version(db, where)
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            try:
                step(db)
            except sqlite3.Error as e:
                raise StoreError(f"{where}: migration {number} ({step.__name__}) failed: {e}") from e
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return len(MIGRATIONS)


def _version(db: sqlite3.Connection, where: str) -> int:
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise StoreError(f"{where}: schema version {version} is newer than this sitrep ({len(MIGRATIONS)}); upgrade sitrep")
    return version
