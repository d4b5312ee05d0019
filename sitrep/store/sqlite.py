"""The SQLite store: one writer, WAL, content-hash ids; rows in, rows out.

The store keeps articles, reports (one article's incident), claims, the block table (candidate
keys: place x date, type, names), the match graph (links, reviewers' must/cannot constraints),
the merged incidents with their R*Tree boxes, aliases of retired incident ids, overrides and the
audit log. It decides nothing about which reports are one incident: that is
``sitrep.reconcile.across``, which reads and writes through the methods here. Reports' match
signatures are stored as the JSON text the reconcile stage gives, and handed back as is.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import time
from collections.abc import Container, Iterable, Iterator
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import ConfigError, StoreError
from ..models import Article, Claim, Incident
from . import codec
from .migrations import migrate
from .read import QueryTooLong, ReadMixin, list_summary
from .review import ReviewMixin, apply_overrides


#: ``scheme://`` (or ``scheme:/``, as ``pathlib.Path`` folds it): a database URL, not a file path.
#: Two letters at least, so that a Windows drive (``C:/``) stays a path.
_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):/")
#: the tables whose planner statistics ``Store.refresh_statistics`` keeps fresh (each a rowid table:
#: its largest rowid stands for its size), and how many times larger or smaller one grows before it is analysed again
STATISTICS_TABLES = ("incidents", "reports", "articles", "claims")
STATISTICS_DRIFT = 2.0
#: they are checked (two small reads a table) every this many write transactions, and at ``close``
STATISTICS_EVERY = 64
#: the URL schemes of the PostgreSQL backend (``store/postgres.py``)
POSTGRES_SCHEMES = ("postgresql", "postgres")


def database_path(path: str | Path | None = None) -> str:
    """The database that ``path`` names (when None: ``$SITREP_DB``, else the ``store.db`` setting):
    an SQLite file path, or a ``postgresql://`` URL.

    Any other URL is a usage error (``ConfigError``, exit 2): without this check ``mysql://host/db``
    would quietly become a local folder ``mysql:`` holding a new SQLite file. The message names the
    scheme only, never the rest of the URL (it may hold a password).
    """
    if path is None:
        path = os.environ.get("SITREP_DB") or settings.get("store", "db")
    where = str(path)
    url = _URL.match(where)
    if url:
        scheme = url.group(1)
        if scheme.lower() not in POSTGRES_SCHEMES:
            raise ConfigError(f"database {scheme}://... is not one sitrep can open: pass an SQLite file path or a "
                              f"postgresql:// URL (--db, SITREP_DB or store.db)")
        return where if "://" in where else where.replace(":/", "://", 1)
    return where


def is_url(where: str) -> bool:
    """Whether ``where`` (as ``database_path`` gives it) is a server database, not a file."""
    return bool(_URL.match(where))


def redacted(where: str) -> str:
    """``where`` as messages show it: a URL without its password."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", where)


def database_exists(where: str) -> bool:
    """Whether a sitrep database is at ``where``: the file is there, or the server has the schema."""
    if not is_url(where):
        return Path(where).is_file()
    from .postgres import schema_exists

    return schema_exists(where)


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """``items`` in slices small enough for one statement's parameters (SQLite allows 32,766)."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: the most of the database file a connection maps into memory (PRAGMA mmap_size)
MMAP_BYTES = 1 << 30
#: write-ahead log pages after which a commit copies the log into the database (PRAGMA wal_autocheckpoint)
CHECKPOINT_PAGES = 10_000
#: how many virtual-machine steps a read inside ``Store.time_limit`` takes between looks at the clock
#: (a look costs ~0.7 us, 10,000 steps some 100 us)
PROGRESS_STEPS = 10_000


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _wal(db: sqlite3.Connection, wait: float = 10.0) -> None:
    """Switch to WAL, waiting out other openers: SQLite answers "database is locked" to a journal
    mode change without calling the busy handler when another connection is changing it at the
    same moment (several processes opening a new database at once), so retry until ``wait``."""
    deadline = time.monotonic() + wait
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class Store(ReadMixin, ReviewMixin):
    """An incident database. Open with ``Store.open(path)``; use as a context manager.

    This class is the SQLite backend; ``store/postgres.py`` subclasses it for PostgreSQL. The SQL
    here is written to mean the same on both (``ON CONFLICT``, ``RETURNING``, ``?`` marks, which
    the PostgreSQL connection rewrites); what cannot be (full-text search, the bounding-box index,
    case-insensitive equality, dates) is a hook method each backend defines.
    """

    #: the backend's name, as ``sitrep`` reports it
    backend = "sqlite"
    #: what the driver raises for a value it cannot bind or store (one article fails, not the batch)
    value_errors: tuple[type[BaseException], ...] = (sqlite3.InterfaceError, sqlite3.ProgrammingError,
                                                      sqlite3.IntegrityError, sqlite3.DataError)
    #: what the driver raises for a query the database refuses (a bad search expression)
    query_errors: tuple[type[BaseException], ...] = (sqlite3.OperationalError,)
    #: every error of the driver (a database that cannot be written at all)
    driver_errors: tuple[type[BaseException], ...] = (sqlite3.Error,)

    def __init__(self, db: Any, path: str) -> None:
        self.db = db
        self.path = path
        self._depth = 0
        self._deadline: float | None = None  # of the reads inside ``time_limit``
        self.commits = 0  # write transactions begun and ended by this store
        self.rollbacks = 0  # counts undone writes: a cache of stored rows (``across``) is stale after one
        self._to_index: list[tuple[str, str, str]] = []  # full-text entries of the open transaction (_index_text)

    # -- opening, transactions -------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        where = database_path(path)
        if is_url(where):
            from .postgres import PostgresStore

            return PostgresStore.connect(where)
        try:
            if where != ":memory:":
                Path(where).parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(where, isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA busy_timeout = 10000")
            _wal(db)
            db.execute("PRAGMA synchronous = NORMAL")
            # 64 MiB of page cache (SQLite's default is 2 MiB): the incidents' indexes of a growing database
            # stay in memory, so an add does not cost more as the database grows (bench/bench_store_add.py)
            db.execute("PRAGMA cache_size = -65536")
            # reads through a memory map of the file: a page is the operating system's cached page, not
            # a copy of it in each connection (the API's list at 100,000 incidents: ~40% less time)
            db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            # copy the write-ahead log into the database every 10,000 pages (40 MiB), not SQLite's 1,000:
            # an index page that many transactions change is copied once, not once per few transactions
            # (Store.add at 100,000 incidents: 240 incidents/s in the last tenth, against 200)
            db.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
            db.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as e:
            raise StoreError(f"{where}: cannot open database: {e}") from e
        try:
            migrate(db, where)
        except sqlite3.DatabaseError as e:
            db.close()
            raise StoreError(f"{where}: not a sitrep database: {e}") from e
        except StoreError:
            db.close()
            raise
        return cls(db, where)

    def close(self) -> None:
        try:  # SQLite's advice for connections that ran queries: refresh the planner's statistics where stale,
            self.db.execute("PRAGMA busy_timeout = 0")  # unless another process is writing: never wait for it
            self.db.execute("PRAGMA optimize")
            self.refresh_statistics()
        except sqlite3.Error:
            pass  # a read-only or busy database keeps the statistics it has
        self.db.close()

    def refresh_statistics(self) -> list[str]:
        """ANALYZE each table the lists plan over (``STATISTICS_TABLES``) that has no statistics yet
        or has grown or shrunk ``STATISTICS_DRIFT`` times since they were taken; the tables analysed.

        ``PRAGMA optimize`` (SQLite 3.40) only refreshes statistics a table already has, so a database
        grown from empty by ``sitrep ingest`` kept the empty tables' statistics that the migrations
        took, and the planner guessed: "this type, at least N killed" sorted every incident of the
        type (4.5 ms at 100,000 incidents, 0.25 ms with statistics). A full ANALYZE of these tables
        takes 0.25 s at 100,000 incidents; on doubling, its cost over a database's life is about
        twice the last one."""
        stale = []
        analysed = self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
        for table in STATISTICS_TABLES:
            rows = self.db.execute("SELECT max(rowid) FROM " + table).fetchone()[0] or 0
            taken = analysed and self.db.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = ? LIMIT 1",
                                                 (table,)).fetchone()
            counted = int(taken[0].split()[0]) if taken else 0
            if rows and not (counted and counted / STATISTICS_DRIFT <= rows <= counted * STATISTICS_DRIFT):
                stale.append(table)
        for table in stale:
            self.db.execute("ANALYZE " + table)
        return stale

    @contextlib.contextmanager
    def time_limit(self, seconds: float) -> Iterator[None]:
        """Reads inside give up with QueryTooLong once they have used ``seconds`` of the calling
        thread's CPU time (SQLite's progress handler, asked every PROGRESS_STEPS virtual-machine steps).
        The API answers a read on its event loop when it is short and hands one that is not to a worker
        thread, to run there unbounded. CPU time, not the clock's: on a busy machine a short read
        takes longer by the clock, and sending it to a thread would only do its work twice."""
        deadline = time.thread_time() + seconds
        self._deadline = deadline
        self.db.set_progress_handler(lambda: time.thread_time() > deadline, PROGRESS_STEPS)
        try:
            yield
        except sqlite3.OperationalError as e:
            if self.interrupted(e):
                raise QueryTooLong(f"a read ran past {seconds * 1000:.0f} ms") from e
            raise
        finally:
            self.db.set_progress_handler(None, 0)
            self._deadline = None

    def interrupted(self, error: BaseException) -> bool:
        # by the clock, not the message: stopped while opening the full-text table, SQLite says
        # "vtable constructor failed"; a real error past the deadline is told again by the re-run
        return self._deadline is not None and time.thread_time() > self._deadline

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write. A crash leaves none of it.

        A nested call is a savepoint inside the outer transaction: when it fails, only its own
        writes are undone (one bad article in an ingest batch), and the outer one goes on.
        """
        if self._depth:
            name = f"sp{self._depth}"
            self.db.execute(f"SAVEPOINT {name}")
            self._depth += 1
            queued = len(self._to_index)
            try:
                yield self.db
            except BaseException:
                self.db.execute(f"ROLLBACK TO {name}")
                del self._to_index[queued:]
                self.rollbacks += 1
                raise
            finally:
                self._depth -= 1
                self.db.execute(f"RELEASE {name}")
            return
        try:
            self._begin()
        except self.driver_errors as e:
            raise StoreError(f"{self.path}: cannot write: {e}") from e
        self._depth = 1
        try:
            yield self.db
            self._flush_index()
            self.commits += 1
            if self.commits % STATISTICS_EVERY == 0:  # a long ingest keeps the readers' plans good as it goes
                self.refresh_statistics()
        except BaseException:
            self._depth = 0
            self._to_index.clear()
            self.db.execute("ROLLBACK")
            self.rollbacks += 1
            raise
        self._depth = 0
        try:
            self.db.execute("COMMIT")
        except self.driver_errors as e:
            raise StoreError(f"{self.path}: commit failed: {e}") from e

    def _begin(self) -> None:
        """Start a write transaction, holding the database's write lock from the start (SQLite's
        one writer), so that what it reads first (the newest seq) is still true at its commit."""
        self.db.execute("BEGIN IMMEDIATE")

    # -- what is stored already ------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def known(self, items: Iterable[tuple[str, str]]) -> dict[str, str]:
        """For (article id, content hash) pairs: ``{id: "duplicate" | "conflict"}`` of those stored."""
        out: dict[str, str] = {}
        for aid, h in items:
            row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (aid,)).fetchone()
            if row is not None:
                out[aid] = "duplicate" if row[0] == h else "conflict"
            elif self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (h,)).fetchone():
                out[aid] = "duplicate"
        return out

    def stored_state(self, article_id: str, content: str) -> str | None:
        """"duplicate" when this article (or its text under another id) is stored already, None
        when it is new; a StoreError when its id is stored with a different text."""
        row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            if row[0] != content:
                raise StoreError(f"article {article_id}: id already stored with a different text")
            return "duplicate"
        if self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content,)).fetchone():
            return "duplicate"
        return None

    def last_seq(self) -> int:
        """The arrival number of the newest stored article (0 when none)."""
        return int(self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0])

    def minhashes(self, after_seq: int) -> Iterator[tuple[str, bytes]]:
        """(article id, MinHash signature) of the articles stored after ``after_seq``, in order."""
        for r in self.db.execute("SELECT id, minhash FROM articles WHERE seq > ? AND minhash IS NOT NULL ORDER BY seq", (after_seq,)):
            yield r[0], r[1]

    def insert_article(self, art: Article, content: str, minhash: bytes, seq: int, raw_text: str | None = None) -> None:
        """One article row and its full-text entry. ``raw_text`` is the input as read, kept when
        cleaning changed it."""
        self.db.execute(
            "INSERT INTO articles(id, content_hash, title, url, outlet, published, dateline, text, copy_of, minhash, seq, raw)"
            " VALUES (?,?,?,?,?,?,?,?,NULL,?,?,?)",
            (art.id, content, art.title, art.url, art.outlet, art.published.isoformat() if art.published else None,
             art.dateline, art.text, minhash, seq, raw_text if raw_text not in (None, art.text) else None),
        )
        self._index_text(art)

    def _index_text(self, art: Article) -> None:
        """Enter an article in the full-text index (FTS5; PostgreSQL indexes a column instead), at
        the end of the transaction (``_flush_index``): FTS5 writes out what it holds in memory at
        every savepoint and statement journal that follows a change to it, a new segment each time,
        so an entry made mid-transaction cost every later statement of the batch a segment write and
        the merges that follow (half of an add's time at 50,000 incidents, growing with the index).
        Nothing reads the index inside a write."""
        self._to_index.append((art.id, art.title or "", art.text))
        if not self._depth:
            self._flush_index()

    def _flush_index(self) -> None:
        """The full-text entries of the transaction's articles, in one statement before its commit."""
        if self._to_index:
            # each entry's rowid chosen here, so that its article id goes beside it (fts_articles, migration 16)
            last = self.db.execute("SELECT COALESCE(MAX(entry), 0) FROM fts_articles").fetchone()[0]
            rows = [(last + k, *entry) for k, entry in enumerate(self._to_index, start=1)]
            self.db.executemany("INSERT INTO articles_fts(rowid, article_id, title, text) VALUES (?,?,?,?)", rows)
            self.db.executemany("INSERT INTO fts_articles(entry, article_id) VALUES (?,?)", [r[:2] for r in rows])
            self._to_index.clear()

    def copy_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT copy_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def relink_copies(self, article_id: str, near: list[str]) -> set[str]:
        """Point every article of a near-duplicate group at its original (the earliest published,
        then the smallest id); returns the incidents whose reports' articles changed."""
        if not near:
            return set()
        group = {article_id, *near}
        marks = ",".join("?" * len(group))
        for r in self.db.execute(f"SELECT copy_of FROM articles WHERE id IN ({marks}) AND copy_of IS NOT NULL", tuple(group)).fetchall():
            group.add(r[0])
        marks = ",".join("?" * len(group))
        rows = self.db.execute(
            f"SELECT id, published, copy_of FROM articles WHERE id IN ({marks}) OR copy_of IN ({marks})", tuple(group) * 2
        ).fetchall()
        original = min(rows, key=lambda r: (r["published"] or "9999", r["id"]))["id"]
        changed = []
        for r in rows:
            want = None if r["id"] == original else original
            if r["copy_of"] != want:
                self.db.execute("UPDATE articles SET copy_of = ? WHERE id = ?", (want, r["id"]))
                changed.append(r["id"])
        if not changed:
            return set()
        marks = ",".join("?" * len(changed))
        return {r[0] for r in self.db.execute(f"SELECT DISTINCT incident_id FROM reports WHERE article_id IN ({marks}) AND incident_id IS NOT NULL", changed)}

    def copies_among(self, article_ids: Iterable[str]) -> list[tuple[str, str]]:
        """(copy, original) for each of ``article_ids`` that is a near-duplicate copy, by id."""
        arts = sorted(set(article_ids))
        marks = ",".join("?" * len(arts))
        return [(r[0], r[1]) for r in self.db.execute(
            f"SELECT id, copy_of FROM articles WHERE id IN ({marks}) AND copy_of IS NOT NULL ORDER BY id", arts)]

    # -- reports, claims, blocks, the match graph --------------------------------------------------

    def insert_report(self, rid: str, article_id: str, sig: str, incident: Incident, claim_ids: list[str],
                      blocks: Iterable[tuple[str, int]], manual: bool = False) -> None:
        """One report (an article's incident, stored without its claims), its claims (ids parallel
        to ``incident.claims``) and its block keys with their day; already stored ones are kept."""
        data = incident.to_dict()
        data.pop("claims", None)
        self.db.execute(
            "INSERT INTO reports(id, article_id, incident_id, sig, data, manual) VALUES (?,?,NULL,?,?,?) ON CONFLICT DO NOTHING",
            (rid, article_id, sig, _dumps(data), int(manual)),
        )
        for pos, (cid, c) in enumerate(zip(claim_ids, incident.claims, strict=True)):
            self._insert_claim(cid, rid, article_id, pos, c)
        for key, day in blocks:
            self.db.execute("INSERT INTO blocks(key, day, report_id) VALUES (?,?,?) ON CONFLICT DO NOTHING", (key, day, rid))

    def _insert_claim(self, cid: str, rid: str, article_id: str, pos: int, c: Claim) -> None:
        self.db.execute(
            'INSERT INTO claims(id, report_id, article_id, pos, kind, min, max, qualifier, source, quote, start, "end", victims, hedge, reported, credible)'
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL) ON CONFLICT DO NOTHING",
            (cid, rid, article_id, pos, c.kind, c.min, c.max, c.qualifier, c.source, c.quote,
             c.start, c.end, c.victims, c.hedge, c.reported.isoformat() if c.reported else None),
        )

    def filed_under(self, keys: list[str], exclude: str, days: tuple[int, int] | None = None,
                    known: Container[str] = ()) -> list[tuple[str, str | None]]:
        """(report id, signature) of the reports filed under any of ``keys`` (on a day within
        ``days``, inclusive, when given), other than ``exclude``; a copy's reports are left out
        when its original has reports of its own: they stand for it (``across.Incidents._cluster``).
        The signature is None for the ids in ``known`` (the caller has them decoded): the ids are
        found first and only the others' signatures are read."""
        marks = ",".join("?" * len(keys))
        sql = (f"SELECT DISTINCT r.id FROM blocks b JOIN reports r ON r.id = b.report_id JOIN articles a ON a.id = r.article_id"
               f" WHERE b.key IN ({marks}) AND b.report_id != ? AND (r.manual = 1 OR a.copy_of IS NULL"
               f" OR NOT EXISTS (SELECT 1 FROM reports o WHERE o.article_id = a.copy_of AND o.manual = 0))")
        params: list[Any] = [*keys, exclude]
        if days is not None:
            sql += " AND b.day BETWEEN ? AND ?"
            params += list(days)
        ids = [r[0] for r in self.db.execute(sql, params)]
        sigs = self._signatures([i for i in ids if i not in known])
        return [(i, sigs.get(i)) for i in ids]

    def _signatures(self, report_ids: list[str]) -> dict[str, str]:
        """The stored signature JSON of each of ``report_ids``."""
        sigs: dict[str, str] = {}
        for chunk in _chunks(report_ids):
            sigs.update((r[0], r[1]) for r in self.db.execute(
                f"SELECT id, sig FROM reports WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return sigs

    def has_reports(self, article_id: str) -> bool:
        """Whether the article has reports of its own (not a reviewer's)."""
        return self.db.execute("SELECT 1 FROM reports WHERE article_id = ? AND manual = 0 LIMIT 1", (article_id,)).fetchone() is not None

    def copies_of(self, article_id: str) -> list[str]:
        """The articles that are copies of ``article_id``, by id."""
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE copy_of = ? ORDER BY id", (article_id,))]

    def report_signatures(self, article_ids: Iterable[str]) -> list[tuple[str, str]]:
        """(report id, signature) of the articles' own reports (not a reviewer's), by id."""
        out: list[tuple[str, str]] = []
        for chunk in _chunks(sorted(set(article_ids))):
            marks = ",".join("?" * len(chunk))
            out += [(r[0], r[1]) for r in self.db.execute(
                f"SELECT id, sig FROM reports WHERE article_id IN ({marks}) AND manual = 0 ORDER BY id", chunk)]
        return out

    def unlink(self, report_ids: Iterable[str]) -> None:
        """Drop the matched pairs of these reports (a copy's, once its original stands for it)."""
        for chunk in _chunks(sorted(set(report_ids))):
            m = ",".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM links WHERE a IN ({m}) OR b IN ({m})", chunk * 2)

    def add_link(self, a: str, b: str, score: float) -> None:
        self.db.execute("INSERT INTO links(a, b, score) VALUES (?,?,?) ON CONFLICT DO NOTHING", (a, b, score))

    def reports_in(self, incident_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM reports WHERE incident_id = ? ORDER BY id", (incident_id,))]

    def incident_of(self, report_id: str) -> str | None:
        row = self.db.execute("SELECT incident_id FROM reports WHERE id = ?", (report_id,)).fetchone()
        return row[0] if row else None

    def component(self, start: Iterable[str]) -> set[str]:
        """The reports connected to ``start`` by links, must-links, a shared incident or a copy.

        Breadth first, one query per step of the walk for the whole frontier (in chunks), not one
        per report: a story with a thousand copies is a few queries."""
        seen: set[str] = set()
        frontier = set(start)
        while frontier:
            seen |= frontier
            found: set[str] = set()
            for chunk in _chunks(sorted(frontier)):
                m = ",".join("?" * len(chunk))
                found.update(r[0] for r in self.db.execute(
                    f"SELECT b FROM links WHERE a IN ({m}) UNION SELECT a FROM links WHERE b IN ({m})"
                    f" UNION SELECT b FROM constraints WHERE kind = 'must' AND a IN ({m})"
                    f" UNION SELECT a FROM constraints WHERE kind = 'must' AND b IN ({m})"
                    f" UNION SELECT id FROM reports WHERE incident_id IN (SELECT incident_id FROM reports WHERE id IN ({m}))"
                    # a copy's reports and its original's are always clustered together
                    f" UNION SELECT r2.id FROM reports r1 JOIN articles a1 ON a1.id = r1.article_id"
                    f" JOIN reports r2 ON r2.article_id = a1.copy_of WHERE r1.id IN ({m})"
                    f" UNION SELECT r2.id FROM articles a2 JOIN reports r2 ON r2.article_id = a2.id"
                    f" WHERE a2.copy_of IN (SELECT article_id FROM reports WHERE id IN ({m}))",
                    chunk * 7))
            frontier = found - seen
        return seen

    def graph(self, report_ids: Iterable[str], known: Container[str] = ()) -> tuple[
            list[GraphReport], list[tuple[float, str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
        """Among ``report_ids``: each report (its signature None when in ``known``: the caller has it
        decoded), the links (score, a, b), the must-links and the cannot-links."""
        ids = sorted(set(report_ids))
        inside = set(ids)
        rows: list[GraphReport] = []
        edges: list[tuple[float, str, str]] = []
        cons: list[tuple[str, str, str]] = []
        for chunk in _chunks(ids):
            m = ",".join("?" * len(chunk))
            rows += [GraphReport(r[0], r[1], r[2], bool(r[3])) for r in self.db.execute(
                f"SELECT id, incident_id, article_id, manual FROM reports WHERE id IN ({m})", chunk)]
            edges += [(r[2], r[0], r[1]) for r in self.db.execute(f"SELECT a, b, score FROM links WHERE a IN ({m})", chunk)
                      if r[1] in inside]
            cons += [(r[0], r[1], r[2]) for r in self.db.execute(f"SELECT a, b, kind FROM constraints WHERE a IN ({m})", chunk)
                     if r[1] in inside]
        sigs = self._signatures([r.id for r in rows if r.id not in known])
        for r in rows:
            r.sig = sigs.get(r.id)
        rows.sort(key=lambda r: r.id)
        return rows, edges, [(a, b) for a, b, k in cons if k == "must"], [(a, b) for a, b, k in cons if k == "cannot"]

    def assign(self, report_id: str, incident_id: str) -> None:
        self.db.execute("UPDATE reports SET incident_id = ? WHERE id = ? AND (incident_id IS NULL OR incident_id != ?)",
                        (incident_id, report_id, incident_id))

    def retire(self, old_id: str, new_id: str | None) -> None:
        """Drop a merged incident; when ``new_id`` took its reports, the old id answers as an alias
        of the new one and the reviewer's corrections move with it (the surviving incident's own win)."""
        self._drop_box(old_id)
        self.db.execute("DELETE FROM incidents WHERE id = ?", (old_id,))
        if new_id is None or new_id == old_id:
            return
        self.db.execute("INSERT INTO incident_aliases(old_id, new_id) VALUES (?,?)"
                        " ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id", (old_id, new_id))
        self.db.execute("UPDATE incident_aliases SET new_id = ? WHERE new_id = ?", (new_id, old_id))
        self.db.execute("DELETE FROM incident_aliases WHERE old_id = new_id")
        self.db.execute(
            "INSERT INTO overrides(incident_id, field, value) SELECT ?, field, value FROM overrides WHERE incident_id = ?"
            " ON CONFLICT DO NOTHING",
            (new_id, old_id),
        )
        self.db.execute("DELETE FROM overrides WHERE incident_id = ?", (old_id,))

    def report_states(self, incident_id: str) -> list[ReportState]:
        """What may change about each report of an incident once it is stored: its article's
        ``copy_of``, its claims (a split moves them) and their reviewers' marks. By report id."""
        claims: dict[str, list[tuple[str, int | None]]] = {}
        for c in self.db.execute("SELECT c.report_id, c.id, c.credible FROM claims c JOIN reports r ON r.id = c.report_id"
                                 " WHERE r.incident_id = ? ORDER BY c.report_id, c.pos, c.id", (incident_id,)):
            claims.setdefault(c[0], []).append((c[1], c[2]))
        return [ReportState(r[0], r[1], claims.get(r[0], [])) for r in self.db.execute(
            "SELECT r.id, a.copy_of FROM reports r JOIN articles a ON a.id = r.article_id WHERE r.incident_id = ? ORDER BY r.id",
            (incident_id,))]

    def stored_reports(self, report_ids: Iterable[str]) -> list[StoredReport]:
        """The reports ``report_ids``, each with its claims and what is known of its article, by id."""
        out: list[StoredReport] = []
        for chunk in _chunks(sorted(set(report_ids))):
            m = ",".join("?" * len(chunk))
            claims: dict[str, list[Any]] = {}
            for c in self.db.execute(f"SELECT * FROM claims WHERE report_id IN ({m}) ORDER BY report_id, pos, id", chunk):
                claims.setdefault(c["report_id"], []).append(c)
            for r in self.db.execute(
                    "SELECT r.id, r.article_id, r.data, a.published, a.outlet, a.title, a.copy_of FROM reports r"
                    f" JOIN articles a ON a.id = r.article_id WHERE r.id IN ({m}) ORDER BY r.id", chunk):
                inc = codec.incident(json.loads(r["data"]))
                mine = claims.get(r["id"], [])
                inc.claims = [codec.claim({k: c[k] for k in c.keys()}) for c in mine]
                out.append(StoredReport(
                    id=r["id"], article_id=r["article_id"], incident=inc, published=codec.date_or_none(r["published"]),
                    outlet=r["outlet"], title=r["title"], copy_of=r["copy_of"], claim_ids=[c["id"] for c in mine],
                    credible={c["id"]: bool(c["credible"]) for c in mine if c["credible"] is not None},
                ))
        return out

    def write_incident(self, incident_id: str, incident: Incident, extras: dict[str, Any]) -> bool:
        """Write one merged incident, with the reviewers' overrides applied, and its R*Tree box.
        ``extras`` (sources, revisions, report ids ...) are stored beside its fields. False when the
        stored row already said all of it (nothing written)."""
        overrides = {r[0]: json.loads(r[1]) for r in self.db.execute("SELECT field, value FROM overrides WHERE incident_id = ?", (incident_id,))}
        inc = apply_overrides(incident, overrides)
        data = inc.to_dict()
        data.update(extras, reviewed=sorted(overrides), notes=overrides.get("notes"))
        if "grade" in overrides:  # a reviewer's grade (Discounted: set aside) wins over the computed one
            data["grade"] = overrides["grade"]
        loc = inc.location
        point = (loc.longitude, loc.latitude) if loc is not None and loc.latitude is not None and loc.longitude is not None else None
        row = {"event_date": inc.event_date.isoformat() if inc.event_date else None,
               "country_code": loc.country_code if loc else None, "country": loc.country if loc else None,
               "admin1": loc.admin1 if loc else None, "admin2": loc.admin2 if loc else None,
               "event_type": inc.event_type, "sub_event_type": inc.sub_event_type,
               "fatalities_best": inc.fatalities.best if inc.fatalities.best is not None else inc.fatalities.low,
               "fatalities_low": inc.fatalities.low, "fatalities_high": inc.fatalities.high,
               "actors": "|" + "|".join(a.name.lower() for a in inc.actors) + "|", "grade": data.get("grade"),
               "summary": _dumps(list_summary(data)), "data": _dumps(data)}
        box = self._box_columns(point)
        row.update(box)
        stored = self.db.execute(f"SELECT {', '.join(row)} FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        if stored is not None:
            # set only the columns that changed: every index on a column that is set is rewritten, changed
            # or not (a re-merged incident mostly changes its JSON, which no index holds)
            changed = {c: v for c, v in row.items() if stored[c] != v}
            if not changed:
                return False
            done = self.db.execute(f"UPDATE incidents SET {', '.join(f'{c} = ?' for c in changed)} WHERE id = ?",
                                   (*changed.values(), incident_id)).rowcount
        if stored is None or not done:  # new (or removed since the look, by another writer)
            self.db.execute(
                f"INSERT INTO incidents(id, {', '.join(row)}) VALUES (?{', ?' * len(row)})"
                f" ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in row)}",
                (incident_id, *row.values()),
            )
        if not box:  # the point is kept outside the row
            self._set_boxes([(incident_id, point)])
        return True

    def _box_columns(self, point: tuple[float, float] | None) -> dict[str, Any]:
        """The incidents row's columns that hold its point: none here, SQLite keeps it in the R*Tree
        (``_set_boxes``); PostgreSQL in the row itself."""
        return {}

    def _set_boxes(self, points: list[tuple[str, tuple[float, float] | None]]) -> None:
        """Each incident's entry in the bounding-box index (an R*Tree): its (lon, lat), or none."""
        for incident_id, point in points:
            rid = self.db.execute("SELECT rowid FROM incidents WHERE id = ?", (incident_id,)).fetchone()[0]
            self.db.execute("DELETE FROM incidents_rtree WHERE rid = ?", (rid,))
            if point is not None:
                self.db.execute("INSERT INTO incidents_rtree(rid, min_lon, max_lon, min_lat, max_lat) VALUES (?,?,?,?,?)",
                                (rid, point[0], point[0], point[1], point[1]))

    def _drop_box(self, incident_id: str) -> None:
        row = self.db.execute("SELECT rowid FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        if row is not None:
            self.db.execute("DELETE FROM incidents_rtree WHERE rid = ?", (row[0],))

    # -- comparing databases ---------------------------------------------------------------------

    def incident_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM incidents").fetchone()[0])

    def dump(self) -> dict[str, list[list[Any]]]:
        """Every table's content in a canonical order, without insertion counters (for tests)."""
        out: dict[str, list[list[Any]]] = {}
        queries = {
            "articles": "SELECT id, content_hash, title, url, outlet, published, text, copy_of FROM articles ORDER BY id",
            "reports": "SELECT id, article_id, incident_id, sig, data, manual FROM reports ORDER BY id",
            "claims": "SELECT * FROM claims ORDER BY id",
            "links": "SELECT * FROM links ORDER BY a, b",
            "incidents": "SELECT id, event_date, country_code, event_type, fatalities_best, data FROM incidents ORDER BY id",
            **self._dump_indexes(),
        }
        for name, sql in queries.items():
            out[name] = [list(r) for r in self.db.execute(sql)]
        return out

    def _before_copy(self) -> None:
        """Before ``store.copy`` writes every row (SQLite: nothing to prepare)."""

    def _after_copy(self) -> None:
        """After ``store.copy`` wrote rows with their own ids (SQLite's AUTOINCREMENT follows by itself)."""

    def _settle_after_copy(self) -> None:
        """After ``store.copy`` committed (SQLite: nothing; its readers need no visibility map)."""

    def _dump_indexes(self) -> dict[str, str]:
        """``dump``'s queries of the full-text and bounding-box indexes: (article id), (id, lon, lat)."""
        return {"fts": "SELECT article_id FROM articles_fts ORDER BY article_id",
                "rtree": "SELECT i.id, t.min_lon, t.min_lat FROM incidents_rtree t JOIN incidents i ON i.rowid = t.rid ORDER BY i.id"}


@dataclasses.dataclass
class StoredReport:
    """One stored report: an article's incident with its claims, as the store holds it."""

    id: str
    article_id: str
    incident: Incident
    published: dt.date | None
    outlet: str | None
    title: str | None
    copy_of: str | None  # the original, when the article is a near-duplicate copy
    claim_ids: list[str]  # parallel to incident.claims
    credible: dict[str, bool]  # reviewers' marks by claim id


@dataclasses.dataclass(slots=True)
class GraphReport:
    """One report of a match-graph component, as clustering needs it."""

    id: str
    incident_id: str | None
    article_id: str
    manual: bool  # a reviewer's (a split's), not an article's own
    sig: str | None = None  # the signature's JSON, unless the caller has it


@dataclasses.dataclass(slots=True)
class ReportState:
    """What may change about a stored report: its article's original, its claims and their marks."""

    id: str
    copy_of: str | None
    claims: list[tuple[str, int | None]]  # (claim id, reviewer's credible mark or None), in claim order
