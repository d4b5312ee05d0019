"""The PostgreSQL store: the same ``Store``, on a server several writers and readers share.

``--db postgresql://user@host/dbname`` (or ``SITREP_DB``) opens it; psycopg 3 is the driver (the
``postgresql`` extra). The tables, ids and results are those of the SQLite store: the SQL of
``sqlite.py``, ``read.py`` and ``review.py`` runs here through ``_Connection``, which rewrites its
``?`` marks as psycopg's ``%s``; what SQLite and PostgreSQL say differently is a hook:

- full-text search is a generated ``tsvector`` column on ``articles`` (``simple`` configuration:
  no stemming, as FTS5's default tokenizer) with a GIN index, not an FTS5 table;
- the bounding-box filter reads ``lon``/``lat`` columns of ``incidents`` with a B-tree index, not
  an R*Tree (PostGIS is not needed);
- case-insensitive equality is ``lower(x) = lower(?)`` on expression indexes; text columns are
  ``COLLATE "C"``, so ids and dates sort byte by byte, as SQLite sorts them.

**Writers.** Each write transaction takes one transaction-level advisory lock first: writes are
serialized as SQLite serializes them (``BEGIN IMMEDIATE``), but only for the length of one
transaction (an ingest's batch of 32 articles), never for a whole run and never by a file. Several
``sitrep ingest`` processes extract at the same time and commit in turn; each article is checked
against what is stored inside the transaction that stores it, so none is lost or stored twice.
Migrations take the same lock and read the version again under it.
"""
from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import ConfigError, StoreError
from ..models import Article, Incident
from .migrations import _m18_copies_index  # the same statements on both backends (an index of the copies alone)
from .sqlite import Store, redacted

try:
    import psycopg
    from psycopg import errors as pg_errors
except ImportError:  # pragma: no cover - the extra is not installed
    psycopg = None  # type: ignore[assignment]

#: the advisory lock every write transaction and migration holds ("sitrep" in ASCII)
WRITE_LOCK = 0x736974726570

_C = 'COLLATE "C"'


def _need_driver() -> None:
    if psycopg is None:
        raise ConfigError("a postgresql:// database needs the PostgreSQL driver: pip install 'sitrep[postgresql]'")


class Row(tuple):  # type: ignore[type-arg]
    """A result row read by position or by column name, as ``sqlite3.Row`` is (``dict(row)`` works)."""

    __slots__ = ()
    _names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


@functools.lru_cache(maxsize=1024)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"__slots__": (), "_names": {n: i for i, n in enumerate(names)}})


def _row_factory(cursor: Any) -> Any:
    if cursor.description is None:
        return None
    return _row_class(tuple(c.name for c in cursor.description))


@functools.lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """SQLite's ``?`` marks as psycopg's ``%s`` (a literal ``%`` doubled): the only rewrite; the
    store's SQL is otherwise written to mean the same on both (no ``?`` inside its literals)."""
    return sql.replace("%", "%%").replace("?", "%s")


class _Connection:
    """The psycopg connection with ``sqlite3.Connection``'s ``execute(sql, params)``. Autocommit:
    ``Store.transaction`` says BEGIN and COMMIT itself, as it does on SQLite."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(translate(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(translate(sql), rows)

    @property
    def in_transaction(self) -> bool:
        return bool(self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE)

    def close(self) -> None:
        self.conn.close()


def _connect(url: str) -> _Connection:
    _need_driver()
    try:
        conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory, connect_timeout=10)
    except psycopg.Error as e:
        raise StoreError(f"{redacted(url)}: cannot open database: {str(e).strip().splitlines()[0]}") from e
    return _Connection(conn)


def schema_exists(url: str) -> bool:
    """Whether the database at ``url`` has a sitrep schema (a StoreError when it cannot be reached)."""
    db = _connect(url)
    try:
        return _has_schema(db)
    finally:
        db.close()


#: the channel on which every change of the generation counter is announced (migration 14)
GENERATION_CHANNEL = "sitrep_generation"


class GenerationWatch:
    """The store's generation as PostgreSQL announces it: a daemon thread LISTENs on a connection of
    its own (migration 14 notifies every change of the counter, whichever process makes it), so the
    API finds a kept answer without a round trip per request (serve/api.py). ``value`` is the last
    generation announced or seen, None while it is not known: before the first read, while the
    connection is lost (it is opened again a second later), and from ``stale()`` (this process
    wrote) until a read or an announcement tells it again. Announcements come after the commit, so
    another process's change is known a moment (a notification's delivery) after it is committed."""

    def __init__(self, url: str, retry_seconds: float = 1.0) -> None:
        self._url = url
        self._retry = retry_seconds
        self._value: int | None = None
        self._guard = threading.Lock()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sitrep-generation-watch", daemon=True)
        self._thread.start()

    @property
    def value(self) -> int | None:
        return self._value

    def saw(self, n: int) -> None:
        """A generation read from the store: the watch knows it now (it never goes back)."""
        with self._guard:
            if self._value is None or n > self._value:
                self._value = n

    def stale(self) -> None:
        """This process changed the store: not known again until read or announced."""
        with self._guard:
            self._value = None

    def close(self) -> None:
        self._closed.set()

    def _run(self) -> None:
        while not self._closed.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {GENERATION_CHANNEL}")
                    self.saw(int(conn.execute("SELECT n FROM generation WHERE id = 1").fetchone()[0]))
                    while not self._closed.is_set():
                        for note in conn.notifies(timeout=1.0):
                            self.saw(int(note.payload))
            except (psycopg.Error, OSError, ValueError):
                with self._guard:
                    self._value = None  # unknown until the connection is back
                self._closed.wait(self._retry)


def _has_schema(db: _Connection) -> bool:
    return bool(db.execute("SELECT to_regclass('sitrep_schema') IS NOT NULL").fetchone()[0])


class PostgresStore(Store):
    """The ``Store`` on PostgreSQL. Open with ``Store.open("postgresql://...")``."""

    backend = "postgresql"
    rollup_periods = {
        "day": "i.event_date",
        # ACLED's weeks, Saturday to Friday, named by their Saturday (extract(dow): Sunday 0 ... Saturday 6)
        "week": "to_char(i.event_date::date - ((extract(dow FROM i.event_date::date)::int + 1) % 7), 'YYYY-MM-DD')",
        "month": "to_char(date_trunc('month', i.event_date::date), 'YYYY-MM-DD')",
    }

    #: no reads on the API's event loop: each is a round trip to the server, which a worker thread waits out
    time_limit = None

    if psycopg is not None:
        value_errors = (pg_errors.DataError, pg_errors.IntegrityError, pg_errors.ProgrammingError,
                        psycopg.InterfaceError, pg_errors.ProgramLimitExceeded)
        query_errors = (pg_errors.SyntaxError, pg_errors.DataError)
        driver_errors = (psycopg.Error,)

    @classmethod
    def connect(cls, url: str) -> PostgresStore:
        db = _connect(url)
        try:
            migrate(db, redacted(url))
        except BaseException:
            db.close()
            raise
        store = cls(db, redacted(url))
        store._url = url
        return store

    def generation_watch(self) -> GenerationWatch:
        """A watch of this database's generation (``GenerationWatch``), on a connection of its own."""
        return GenerationWatch(self._url)

    def close(self) -> None:
        self.db.close()  # the server keeps the planner's statistics itself (autovacuum)

    def refresh_statistics(self) -> list[str]:
        """Nothing to do: autovacuum analyses a table once a tenth of it has changed."""
        return []

    def _begin(self) -> None:
        self.db.execute("BEGIN")
        self.db.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))

    # -- what SQLite says differently --------------------------------------------------------------

    def _index_text(self, art: Article) -> None:
        pass  # articles.tsv is a generated column

    def _box_columns(self, point: tuple[float, float] | None) -> dict[str, Any]:
        lon, lat = point if point is not None else (None, None)
        return {"lon": lon, "lat": lat}

    def _set_boxes(self, points: list[tuple[str, tuple[float, float] | None]]) -> None:
        self.db.executemany("UPDATE incidents SET lon = ?, lat = ? WHERE id = ?",
                            [(*(p if p is not None else (None, None)), iid) for iid, p in points])

    def _drop_box(self, incident_id: str) -> None:
        pass  # the point goes with the incident's row

    def write_incident(self, incident_id: str, incident: Incident, extras: dict[str, Any]) -> bool:
        # the words change only with the reports, and the row (its report ids) with them
        if not super().write_incident(incident_id, incident, extras):
            return False
        self._set_words(incident_id)
        return True

    def _set_words(self, incident_id: str | None = None) -> None:
        """The incident's words (``incidents.tsv``) as its reports' articles now hold them, written
        only where they changed (an update that changes nothing still moves the generation, its
        trigger being per statement); every incident's when ``incident_id`` is None."""
        which, values = ("WHERE r.incident_id = ?", (incident_id,)) if incident_id is not None else ("", ())
        words = ("(SELECT r.incident_id, sitrep_tsv_concat(a.tsv ORDER BY a.id) AS tsv"
                 f" FROM reports r JOIN articles a ON a.id = r.article_id {which} GROUP BY r.incident_id) w"
                 " WHERE i.id = w.incident_id AND i.tsv IS DISTINCT FROM w.tsv")
        if incident_id is None or self.db.execute(f"SELECT 1 FROM incidents i, {words}", values).fetchone():
            self.db.execute(f"UPDATE incidents i SET tsv = w.tsv FROM {words}", values)

    def _before_copy(self) -> None:
        # the generation trigger would update its one row once per copied incident: thousands of
        # versions of one row in one transaction, each update slower than the last; bumped once after
        self.db.execute("ALTER TABLE incidents DISABLE TRIGGER incidents_generation")

    def _after_copy(self) -> None:
        self.db.execute("ALTER TABLE incidents ENABLE TRIGGER incidents_generation")
        self.db.execute("UPDATE generation SET n = n + 1 WHERE id = 1")
        # rows copied with their audit ids: the identity column's next value follows the largest
        self.db.execute("SELECT setval(pg_get_serial_sequence('audit', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM audit")
        self._set_words()
        self.db.execute("ANALYZE")  # the planner's statistics, for tables that were empty a moment ago

    def _settle_after_copy(self) -> None:
        # the copied incidents' pages marked all-visible now, not whenever autovacuum comes by: a box's
        # list sorts from its index alone only then (migration 17; 10 -> 1.5 ms a box at 100,000)
        self.db.execute("VACUUM (ANALYZE) incidents")

    def _dump_indexes(self) -> dict[str, str]:
        return {"fts": "SELECT id FROM articles WHERE tsv IS NOT NULL ORDER BY id",
                "rtree": "SELECT id, lon, lat FROM incidents WHERE lon IS NOT NULL ORDER BY id"}

    @staticmethod
    def _same_text(column: str) -> str:
        return f"lower({column}) = lower(?)"

    @staticmethod
    def _contains(column: str) -> str:
        return f"strpos({column}, ?) > 0"

    @staticmethod
    def _within_box(west: float, south: float, east: float, north: float) -> tuple[str, list[str], list[Any]]:
        where = ["i.lat BETWEEN ? AND ?", "i.lon BETWEEN ? AND ?" if west <= east else "(i.lon >= ? OR i.lon <= ?)"]
        return "", where, [south, north, west, east]

    @staticmethod
    def _text_match(q: str) -> tuple[str, list[Any]]:
        # the incident's own words (migration 15: its articles' tsvectors joined) by its GIN index,
        # beside the country's and the date's; one term is in the incident's words when it is in one
        # of its articles, several are tested again article by article (all of them in one article)
        words = tsquery(q)
        if _ONE_TERM.fullmatch(words):
            return "i.tsv @@ to_tsquery('simple', ?)", [words]
        return ("i.tsv @@ to_tsquery('simple', ?) AND i.id IN (SELECT r.incident_id FROM reports r WHERE r.article_id IN"
                " (SELECT id FROM articles WHERE tsv @@ to_tsquery('simple', ?)))"), [words, words]

    @staticmethod
    def _json_field(column: str, key: str) -> str:
        return f"({column}::json -> '{key}')::text"


#: a tsquery of one lexeme, or of one prefix (``'w':*``)
_ONE_TERM = re.compile(r"'\w+'(?::\*)?")
_FTS_TERM = re.compile(r'"([^"]*)"(\*?)|(\w+)(\*?)')
_FTS_OPERATORS = {"AND": "&", "OR": "|", "NOT": "& !"}


def tsquery(fts: str) -> str:
    """An FTS5 query as a PostgreSQL ``tsquery``: what ``filters.fts_query`` writes (quoted words,
    all required, ``"w"*`` a prefix: ``'w' & 'v':*``), and the plain FTS5 a Python caller may pass
    (bare words, ``"a phrase"`` as ``'a' <-> 'phrase'``, AND, OR, NOT). Lexemes are ``\\w+``, quoted."""
    out: list[str] = []
    for quoted, qstar, bare, bstar in _FTS_TERM.findall(fts):
        if bare in _FTS_OPERATORS and not bstar:
            if out and out[-1] not in _FTS_OPERATORS.values():
                out.append(_FTS_OPERATORS[bare])
            continue
        words = re.findall(r"\w+", quoted) if not bare else [bare]
        if not words:
            continue
        star = ":*" if (qstar or bstar) else ""
        term = " <-> ".join(f"'{w.lower()}'" for w in words) + star
        if out and out[-1] not in _FTS_OPERATORS.values():
            out.append("&")
        out.append(f"({term})" if len(words) > 1 else term)
    while out and out[-1] in _FTS_OPERATORS.values():
        out.pop()
    if not out:
        raise ConfigError(f"bad search: {fts[:80]!r}")
    return " ".join(out)


# -- migrations: the SQLite store's, step for step, as PostgreSQL says them ----------------------

def _text_c(ddl: str) -> str:
    """Every ``TEXT`` column byte-ordered (``COLLATE "C"``), as SQLite orders text."""
    return re.sub(r"\bTEXT\b", f"TEXT {_C}", ddl)


def _m1_initial(db: _Connection) -> None:
    for statement in _text_c("""
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE articles(
            id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT, url TEXT, outlet TEXT,
            published TEXT, dateline TEXT, text TEXT NOT NULL, copy_of TEXT, minhash BYTEA,
            seq BIGINT NOT NULL,
            tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED);
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE INDEX articles_copy ON articles(copy_of);
        CREATE INDEX articles_fts ON articles USING GIN (tsv);
        CREATE TABLE reports(
            id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), incident_id TEXT,
            sig TEXT NOT NULL, data TEXT NOT NULL, manual INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX reports_article ON reports(article_id);
        CREATE INDEX reports_incident ON reports(incident_id);
        CREATE TABLE blocks(key TEXT NOT NULL, day INTEGER NOT NULL, report_id TEXT NOT NULL,
            PRIMARY KEY(key, day, report_id));
        CREATE TABLE claims(
            id TEXT PRIMARY KEY, report_id TEXT NOT NULL, article_id TEXT NOT NULL, pos INTEGER NOT NULL,
            kind TEXT, min BIGINT, max BIGINT, qualifier TEXT, source TEXT, quote TEXT,
            start INTEGER, "end" INTEGER, victims TEXT, hedge TEXT, reported TEXT, credible INTEGER);
        CREATE INDEX claims_report ON claims(report_id);
        CREATE TABLE links(a TEXT NOT NULL, b TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, PRIMARY KEY(a, b));
        CREATE INDEX links_b ON links(b);
        CREATE TABLE constraints(a TEXT NOT NULL, b TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY(a, b));
        CREATE TABLE incidents(
            id TEXT PRIMARY KEY, event_date TEXT, country_code TEXT, country TEXT, admin1 TEXT,
            event_type TEXT, sub_event_type TEXT, fatalities_best BIGINT, actors TEXT, data TEXT NOT NULL,
            lon DOUBLE PRECISION, lat DOUBLE PRECISION);
        CREATE INDEX incidents_date ON incidents(event_date, id);
        CREATE INDEX incidents_country ON incidents(country_code);
        CREATE INDEX incidents_point ON incidents(lat, lon);
        CREATE TABLE incident_aliases(old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);
        CREATE TABLE overrides(incident_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT,
            PRIMARY KEY(incident_id, field));
        CREATE TABLE audit(
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, at TEXT NOT NULL, "user" TEXT NOT NULL,
            action TEXT NOT NULL, incident_id TEXT, before TEXT, after TEXT, undone_by BIGINT);
        CREATE INDEX audit_incident ON audit(incident_id)
        """).split(";"):
        db.execute(statement)


def _m2_raw_text(db: _Connection) -> None:
    db.execute(_text_c("ALTER TABLE articles ADD COLUMN raw TEXT"))


def _m3_sort_indexes(db: _Connection) -> None:
    for name, expr in (
        ("incidents_date_key", "COALESCE(event_date, ''), id"),
        ("incidents_fatalities_key", "COALESCE(fatalities_best, -1), id"),
        ("incidents_type_fatalities", "event_type, fatalities_best"),
        ("incidents_type_date", "event_type, COALESCE(event_date, ''), id"),
        ("incidents_country_nocase", "lower(country_code), event_date"),
        ("incidents_country_fatalities", "lower(country_code), COALESCE(fatalities_best, -1), id"),
        ("incidents_countryname_nocase", "lower(country), event_date"),
        ("incidents_admin1_date", "lower(admin1), COALESCE(event_date, ''), id"),
        ("incidents_admin1_fatalities", "lower(admin1), COALESCE(fatalities_best, -1), id"),
    ):
        db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON incidents({expr})")


def _m4_writer_indexes(db: _Connection) -> None:
    db.execute("CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq)")
    db.execute("CREATE INDEX IF NOT EXISTS constraints_b ON constraints(b)")


def _m5_grade(db: _Connection) -> None:
    db.execute(_text_c("ALTER TABLE incidents ADD COLUMN grade TEXT"))
    db.execute("CREATE INDEX IF NOT EXISTS incidents_grade ON incidents(grade, event_date)")


def _m6_admin2(db: _Connection) -> None:
    db.execute(_text_c("ALTER TABLE incidents ADD COLUMN admin2 TEXT"))
    db.execute("UPDATE incidents SET admin2 = data::json -> 'location' ->> 'admin2'")
    db.execute("CREATE INDEX IF NOT EXISTS incidents_admin2_date ON incidents(lower(admin2), COALESCE(event_date, ''), id)")


def _m7_fatality_range(db: _Connection) -> None:
    db.execute("ALTER TABLE incidents ADD COLUMN fatalities_low BIGINT")
    db.execute("ALTER TABLE incidents ADD COLUMN fatalities_high BIGINT")
    db.execute("UPDATE incidents SET fatalities_low = (data::json -> 'fatalities' ->> 'low')::bigint,"
               " fatalities_high = (data::json -> 'fatalities' ->> 'high')::bigint")


def _m8_generation(db: _Connection) -> None:
    # one statement-level trigger: a counter the API's cached roll-ups are keyed by (read.generation)
    db.execute("CREATE TABLE generation (id INTEGER PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL)")
    db.execute("INSERT INTO generation VALUES (1, 0)")
    db.execute("CREATE FUNCTION sitrep_generation_bump() RETURNS trigger LANGUAGE plpgsql AS"
               " $$ BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; RETURN NULL; END $$")
    db.execute("CREATE TRIGGER incidents_generation AFTER INSERT OR UPDATE OR DELETE ON incidents"
               " FOR EACH STATEMENT EXECUTE FUNCTION sitrep_generation_bump()")


def _m9_list_plans(db: _Connection) -> None:
    # as SQLite's: the type-and-killed list walks one index (PostgreSQL keeps its statistics itself)
    db.execute("CREATE INDEX IF NOT EXISTS incidents_type_date_fatalities"
               " ON incidents(event_type, COALESCE(event_date, ''), id, fatalities_best)")
    db.execute("DROP INDEX IF EXISTS incidents_type_date")


def _m10_list_summary(db: _Connection) -> None:
    # as SQLite's: the list API's view of each incident in a column of its own
    from .migrations import fill_summaries

    db.execute("ALTER TABLE incidents ADD COLUMN summary TEXT")
    fill_summaries(db)


def _m11_reports_by_article(db: _Connection) -> None:
    # as SQLite's: from a search's articles to their incidents by the index alone (an index-only scan)
    db.execute("CREATE INDEX IF NOT EXISTS reports_article_incident ON reports(article_id, incident_id)")
    db.execute("DROP INDEX IF EXISTS reports_article")


def _m12_date_keys(db: _Connection) -> None:
    # as SQLite's: dates compared and sorted as COALESCE(event_date, ''), one index per area holding it
    from .migrations import DATE_KEYED, DATE_UNKEYED

    for name in DATE_UNKEYED:
        db.execute(f"DROP INDEX IF EXISTS {name}")
    for name, columns in DATE_KEYED:
        db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON incidents({columns.format(country_code='lower(country_code)', country='lower(country)')})")
    # an admin1 lies in one country: without being told, the planner multiplies the two filters'
    # selectivities, expects a country-and-admin1 list to hold a handful of rows and sorts all of
    # them (19 ms at 100,000 incidents) instead of walking the admin1 index to the page's end (0.6 ms)
    db.execute("CREATE STATISTICS IF NOT EXISTS incidents_areas (dependencies, ndistinct)"
               " ON lower(country_code), lower(country), lower(admin1) FROM incidents")
    db.execute("ANALYZE incidents")


def _m13_search_probe(db: _Connection) -> None:
    # as SQLite's: a search's incidents tested for a country and sorted from the index (index-only scan)
    from .migrations import SEARCH_PROBE

    name, columns = SEARCH_PROBE
    db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON incidents({columns.format(country_code='lower(country_code)')})")
    db.execute("ANALYZE incidents")


def _m14_generation_notify(db: _Connection) -> None:
    # every change of the generation counter is announced on a channel, with the new value: `sitrep
    # serve` learns it without a round trip per request (GenerationWatch; the list API's kept answers)
    db.execute("CREATE FUNCTION sitrep_generation_notify() RETURNS trigger LANGUAGE plpgsql AS"
               f" $$ BEGIN PERFORM pg_notify('{GENERATION_CHANNEL}', NEW.n::text); RETURN NULL; END $$")
    db.execute("CREATE TRIGGER generation_notify AFTER UPDATE ON generation FOR EACH ROW"
               " EXECUTE FUNCTION sitrep_generation_notify()")


def _m15_incident_words(db: _Connection) -> None:
    # a search in a country walked the country's incidents and tested each one's articles (or the
    # articles' incidents for the country), 10-40 ms at 100,000 incidents: each incident now holds
    # its articles' words (PostgresStore._set_words), so that its GIN index and the country's meet
    db.execute("CREATE AGGREGATE sitrep_tsv_concat(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')")
    db.execute("ALTER TABLE incidents ADD COLUMN tsv tsvector")
    db.execute("UPDATE incidents i SET tsv = w.tsv FROM (SELECT r.incident_id, sitrep_tsv_concat(a.tsv ORDER BY a.id) AS tsv"
               " FROM reports r JOIN articles a ON a.id = r.article_id GROUP BY r.incident_id) w WHERE i.id = w.incident_id")
    db.execute("CREATE INDEX IF NOT EXISTS incidents_words ON incidents USING GIN (tsv)")
    db.execute("ANALYZE incidents")


def _m16_search_ids(db: _Connection) -> None:
    # SQLite's migration 16 keeps each full-text entry's article id beside the FTS5 index; here the
    # words are a column of the article (and of the incident, migration 15): nothing to add
    pass


def _m17_box_dates(db: _Connection) -> None:
    # a list by bounding box read every incident inside the box from the table (1,570 heap blocks for
    # the 1,603 incidents of a 3-degree box at 100,000 incidents, 10 ms) to sort them by date: the box's
    # index now holds each incident's date and id, so that the sort reads the index alone (an index-only
    # scan, 1.5 ms, once autovacuum has marked the table's pages all-visible; until then it reads the
    # rows as before) and only the page's 50 rows are read
    db.execute("CREATE INDEX IF NOT EXISTS incidents_point_dates ON incidents(lat, lon) INCLUDE (event_date, id)")
    db.execute("DROP INDEX IF EXISTS incidents_point")
    db.execute("ANALYZE incidents")


MIGRATIONS = [_m1_initial, _m2_raw_text, _m3_sort_indexes, _m4_writer_indexes, _m5_grade, _m6_admin2,
              _m7_fatality_range, _m8_generation, _m9_list_plans, _m10_list_summary, _m11_reports_by_article,
              _m12_date_keys, _m13_search_probe, _m14_generation_notify, _m15_incident_words,
              _m16_search_ids, _m17_box_dates, _m18_copies_index]


def migrate(db: _Connection, where: str) -> int:
    """Apply pending migrations in one transaction under the write lock; returns the schema version.

    The version lives in ``sitrep_schema``; the numbers are the SQLite store's (``migrations.py``):
    a version means the same schema on both backends.
    """
    from .migrations import MIGRATIONS as SQLITE_MIGRATIONS

    assert len(MIGRATIONS) == len(SQLITE_MIGRATIONS), "a migration of one backend is missing on the other"
    if _version(db, where) == len(MIGRATIONS):
        return len(MIGRATIONS)
    with _locked(db, where):
        db.execute("CREATE TABLE IF NOT EXISTS sitrep_schema (version INTEGER NOT NULL)")
        version = _version(db, where)
        if version is None or not db.execute("SELECT 1 FROM sitrep_schema").fetchone():
            db.execute("INSERT INTO sitrep_schema VALUES (0)")
            version = 0
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            try:
                with db.conn.transaction():  # a savepoint: the message names the step that failed
                    step(db)
            except psycopg.Error as e:
                raise StoreError(f"{where}: migration {number} ({step.__name__}) failed: {e}") from e
        db.execute("UPDATE sitrep_schema SET version = ?", (len(MIGRATIONS),))
    return len(MIGRATIONS)


@contextlib.contextmanager
def _locked(db: _Connection, where: str) -> Iterator[None]:
    try:
        db.execute("BEGIN")
        db.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
    except psycopg.Error as e:
        raise StoreError(f"{where}: cannot migrate the database: {e}") from e
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _version(db: _Connection, where: str) -> int | None:
    """The schema version (None: no sitrep schema yet); a StoreError when it is newer than this sitrep."""
    if not _has_schema(db):
        return None
    row = db.execute("SELECT version FROM sitrep_schema").fetchone()
    version = int(row[0]) if row else 0
    if version > len(MIGRATIONS):
        raise StoreError(f"{where}: schema version {version} is newer than this sitrep ({len(MIGRATIONS)}); upgrade sitrep")
    return version
