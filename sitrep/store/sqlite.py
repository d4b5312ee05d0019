"""The SQLite store: one writer, WAL, content-hash ids, incidents re-clustered as reports arrive.

``add`` writes one article, its reports and claims in one transaction, links the new reports to
matching stored ones (candidates from the block table: place x date) and re-clusters the connected
part of the match graph they touch. Because clusters are a function of the set of reports (see
``sitrep.reconcile.cluster``), any order of ``add`` calls gives the same database.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .. import settings
from ..clean import near_duplicates
from ..errors import ConfigError, StoreError
from ..models import Extraction, Incident
from ..reconcile import cluster as clustering
from ..reconcile import content
from ..reconcile.merge import (Merged, Report, Signature, claim_id, combine, copy_pairs, lead_story, report_id, signature,
                               window)
from . import codec
from .migrations import migrate
from .read import ReadMixin
from .review import ReviewMixin, apply_overrides


#: ``scheme://`` (or ``scheme:/``, as ``pathlib.Path`` folds it): a database URL, not a file path.
#: Two letters at least, so that a Windows drive (``C:/``) stays a path.
_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):/")


def database_path(path: str | Path | None = None) -> str:
    """The SQLite file that ``path`` (or, when None, the ``store.db`` setting) names.

    A URL is a usage error (``ConfigError``, exit 2): without this check ``postgresql://host/db``
    would quietly become a local folder ``postgresql:`` holding a new SQLite file. The message names
    the scheme only, never the rest of the URL (it may hold a password).
    """
    where = str(path if path is not None else settings.get("store", "db"))
    url = _URL.match(where)
    if url:
        scheme = url.group(1)
        raise ConfigError(f"database {scheme}://... is a URL, not a file path: sitrep keeps its database in an SQLite "
                          f"file (there is no {scheme} backend); pass --db PATH or set store.db to a path")
    return where


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _sig_to_json(s: Signature) -> str:
    d = {f: getattr(s, f) for f in s.__slots__}  # type: ignore[attr-defined]
    d["perpetrators"] = sorted(s.perpetrators)
    d["features"] = content.to_json(s.features)
    return _dumps(d)


def _sig_from_json(text: str) -> Signature:
    d = json.loads(text)
    d["perpetrators"] = frozenset(d["perpetrators"])
    d["order"] = tuple(d["order"])
    d["features"] = content.from_json(d.get("features"))  # absent in signatures stored before merge-2
    return Signature(**d)


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
    """An incident database. Open with ``Store.open(path)``; use as a context manager."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self.path = path
        self._depth = 0
        self._near: near_duplicates.NearDuplicates | None = None
        self._near_seq = 0  # the highest article seq in the index

    # -- opening, transactions -------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        where = database_path(path)
        try:
            if where != ":memory:":
                Path(where).parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(where, isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA busy_timeout = 10000")
            _wal(db)
            db.execute("PRAGMA synchronous = NORMAL")
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
        self.db.close()

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
            try:
                yield self.db
            except BaseException:
                self.db.execute(f"ROLLBACK TO {name}")
                self._near = None  # the in-memory index may hold rolled-back articles
                raise
            finally:
                self._depth -= 1
                self.db.execute(f"RELEASE {name}")
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot write: {e}") from e
        self._depth = 1
        try:
            yield self.db
        except BaseException:
            self._depth = 0
            self.db.execute("ROLLBACK")
            self._near = None  # the in-memory index may hold rolled-back articles
            raise
        self._depth = 0
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: commit failed: {e}") from e

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

    def _near_index(self, stored_seq: int) -> near_duplicates.NearDuplicates:
        """The copy-detection index of every stored article, up to ``stored_seq`` (the highest seq).

        Another process may have added articles since this index was built (a second ingest, the
        Python API): those are read in first, so that copies are found whoever stored the original.
        """
        if self._near is None:
            self._near, self._near_seq = near_duplicates.NearDuplicates(), 0
        if self._near_seq < stored_seq:
            self._near.add_many((r[0], r[1]) for r in self.db.execute(
                "SELECT id, minhash FROM articles WHERE seq > ? AND minhash IS NOT NULL ORDER BY seq", (self._near_seq,)))
            self._near_seq = stored_seq
        return self._near

    # -- adding ----------------------------------------------------------------------------------

    def add(self, extraction: Extraction, raw_text: str | None = None) -> str:
        """Store one article and its incidents. Returns "new", "duplicate" or "copy".

        ``raw_text`` is the input as read, when the extractor cleaned it: the content hash is taken
        of the raw text (so re-reading the input is a no-op) and the raw text is kept beside the
        cleaned one.
        """
        art = extraction.article
        h = content_hash(raw_text if raw_text is not None else art.text)
        with self.transaction():
            row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (art.id,)).fetchone()
            if row is not None:
                if row[0] != h:
                    raise StoreError(f"article {art.id}: id already stored with a different text")
                return "duplicate"
            if self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (h,)).fetchone():
                return "duplicate"
            sig = near_duplicates.signature(art.text)
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
            index = self._near_index(seq - 1)
            near = index.query(sig)
            self.db.execute(
                "INSERT INTO articles(id, content_hash, title, url, outlet, published, dateline, text, copy_of, minhash, seq, raw)"
                " VALUES (?,?,?,?,?,?,?,?,NULL,?,?,?)",
                (art.id, h, art.title, art.url, art.outlet, art.published.isoformat() if art.published else None,
                 art.dateline, art.text, sig, seq, raw_text if raw_text not in (None, art.text) else None),
            )
            self.db.execute("INSERT INTO articles_fts(article_id, title, text) VALUES (?,?,?)", (art.id, art.title or "", art.text))
            index.add(art.id, sig)
            self._near_seq = seq
            touched = self._relink_copies(art.id, near)
            # the lead incident reads people and sites from the whole story (``merge.lead``)
            lead, story = lead_story(extraction.incidents, art.text, len(extraction.summaries))
            new_reports = [self._insert_report(art.id, art.published, inc, body=story if inc is lead else None)
                           for inc in extraction.incidents]
            self._link(new_reports)
            self.recluster([s.id for s in new_reports], extra_incidents=touched)
            copy_of = self.db.execute("SELECT copy_of FROM articles WHERE id = ?", (art.id,)).fetchone()[0]
        return "copy" if copy_of else "new"

    def _relink_copies(self, article_id: str, near: list[str]) -> set[str]:
        """Point every article of a near-duplicate group at its original; returns incidents to redo."""
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

    def _insert_report(self, article_id: str, published: dt.date | None, inc: Incident, manual: bool = False,
                       rid: str | None = None, body: str | None = None) -> Signature:
        rid = rid or report_id(article_id, inc)
        sig = signature(rid, article_id, inc, published, body)
        data = inc.to_dict()
        data.pop("claims", None)
        self.db.execute(
            "INSERT OR IGNORE INTO reports(id, article_id, incident_id, sig, data, manual) VALUES (?,?,NULL,?,?,?)",
            (rid, article_id, _sig_to_json(sig), _dumps(data), int(manual)),
        )
        for pos, c in enumerate(inc.claims):
            self.db.execute(
                'INSERT OR IGNORE INTO claims(id, report_id, article_id, pos, kind, min, max, qualifier, source, quote, start, "end", victims, hedge, reported, credible)'
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL)",
                (claim_id(rid, pos, c), rid, article_id, pos, c.kind, c.min, c.max, c.qualifier, c.source, c.quote,
                 c.start, c.end, c.victims, c.hedge, c.reported.isoformat() if c.reported else None),
            )
        for key in sig.block_keys():
            if sig.day is not None or key[0] in "hn":  # no day: found by content only (day 0)
                self.db.execute("INSERT OR IGNORE INTO blocks(key, day, report_id) VALUES (?,?,?)", (key, sig.day or 0, rid))
        return sig

    def _link(self, sigs: list[Signature]) -> None:
        """Store the matched pairs between new reports and the stored reports of their blocks
        (each block key with its own date window, ``merge.window``)."""
        for s in sigs:
            by_window: dict[int | None, list[str]] = {}
            for key in s.lookup_keys():
                if s.day is not None:
                    by_window.setdefault(window(key), []).append(key)
                elif key[0] in "hn":
                    by_window.setdefault(None, []).append(key)
            seen: set[str] = set()
            for days, keys in sorted(by_window.items(), key=lambda kv: -1 if kv[0] is None else kv[0]):
                marks = ",".join("?" * len(keys))
                sql = (f"SELECT DISTINCT r.id, r.sig FROM blocks b JOIN reports r ON r.id = b.report_id"
                       f" WHERE b.key IN ({marks}) AND b.report_id != ?")
                params: list[Any] = [*keys, s.id]
                if days is not None:
                    sql += " AND b.day BETWEEN ? AND ?"
                    params += [s.day - days, s.day + days]  # type: ignore[operator]
                for r in self.db.execute(sql, params).fetchall():
                    if r["id"] in seen:
                        continue
                    seen.add(r["id"])
                    e = clustering.edge(s, _sig_from_json(r["sig"]))
                    if e is not None:
                        self.db.execute("INSERT OR IGNORE INTO links(a, b, score) VALUES (?,?,?)", (e[1], e[2], e[0]))

    # -- clustering and materializing ------------------------------------------------------------

    def _component(self, start: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(start)
        while todo:
            rid = todo.pop()
            if rid in seen:
                continue
            seen.add(rid)
            for r in self.db.execute(
                "SELECT b FROM links WHERE a = ? UNION SELECT a FROM links WHERE b = ?"
                " UNION SELECT b FROM constraints WHERE a = ? AND kind = 'must' UNION SELECT a FROM constraints WHERE b = ? AND kind = 'must'"
                " UNION SELECT id FROM reports WHERE incident_id = (SELECT incident_id FROM reports WHERE id = ?)"
                # a copy's reports and its original's are always clustered together
                " UNION SELECT r2.id FROM reports r2 JOIN articles a2 ON a2.id = r2.article_id, reports r1"
                " JOIN articles a1 ON a1.id = r1.article_id WHERE r1.id = ? AND (a2.copy_of = a1.id OR a2.id = a1.copy_of)",
                (rid, rid, rid, rid, rid, rid),
            ):
                if r[0] not in seen:
                    todo.append(r[0])
        return seen

    def recluster(self, report_ids: Iterable[str], extra_incidents: Iterable[str] = ()) -> list[str]:
        """Re-cluster the match-graph component of ``report_ids``; returns the incident ids written."""
        start = set(report_ids)
        for iid in extra_incidents:
            start.update(r[0] for r in self.db.execute("SELECT id FROM reports WHERE incident_id = ?", (iid,)))
        comp = self._component(start)
        if not comp:
            return []
        ids = sorted(comp)
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT id, sig, incident_id FROM reports WHERE id IN ({marks})", ids).fetchall()
        sigs = [_sig_from_json(r["sig"]) for r in rows]
        old = {r["id"]: r["incident_id"] for r in rows}
        edges = [(r["score"], r["a"], r["b"]) for r in self.db.execute(f"SELECT a, b, score FROM links WHERE a IN ({marks}) AND b IN ({marks})", ids * 2)]
        cons = self.db.execute(f"SELECT a, b, kind FROM constraints WHERE a IN ({marks}) AND b IN ({marks})", ids * 2).fetchall()
        must = [(c[0], c[1]) for c in cons if c[2] == "must"] + self._copy_links(sigs)
        groups = clustering.cluster(sigs, edges, must=must,
                                    cannot=[(c[0], c[1]) for c in cons if c[2] == "cannot"])
        written = []
        new_of: dict[str, str] = {}
        for g in groups:
            iid = g[0]
            for rid in g:
                new_of[rid] = iid
                if old[rid] != iid:
                    self.db.execute("UPDATE reports SET incident_id = ? WHERE id = ?", (iid, rid))
            written.append(iid)
        gone = {i for i in old.values() if i is not None} - set(written)
        for iid in sorted(gone):
            target = new_of.get(iid) or next((new_of[r] for r, o in sorted(old.items()) if o == iid), None)
            self._retire(iid, target)
        for iid in written:
            self.materialize(iid)
        return written

    def _copy_links(self, sigs: list[Signature]) -> list[tuple[str, str]]:
        """Must-links from each copy's reports to its original's (``merge.copy_pairs``)."""
        by_article: dict[str, list[Signature]] = {}
        for sig in sigs:
            by_article.setdefault(sig.article_id, []).append(sig)
        arts = sorted(by_article)
        marks = ",".join("?" * len(arts))
        out: list[tuple[str, str]] = []
        for r in self.db.execute(f"SELECT id, copy_of FROM articles WHERE id IN ({marks}) AND copy_of IS NOT NULL ORDER BY id", arts):
            if r["copy_of"] in by_article:
                out += copy_pairs(by_article[r["id"]], by_article[r["copy_of"]])
        return out

    def _retire(self, old_id: str, new_id: str | None) -> None:
        row = self.db.execute("SELECT rowid FROM incidents WHERE id = ?", (old_id,)).fetchone()
        if row is not None:
            self.db.execute("DELETE FROM incidents_rtree WHERE rid = ?", (row[0],))
            self.db.execute("DELETE FROM incidents WHERE id = ?", (old_id,))
        if new_id is None or new_id == old_id:
            return
        self.db.execute("INSERT OR REPLACE INTO incident_aliases(old_id, new_id) VALUES (?,?)", (old_id, new_id))
        self.db.execute("UPDATE incident_aliases SET new_id = ? WHERE new_id = ?", (new_id, old_id))
        self.db.execute("DELETE FROM incident_aliases WHERE old_id = new_id")
        # a reviewer's corrections follow the incident; the surviving incident's own win
        self.db.execute(
            "INSERT OR IGNORE INTO overrides(incident_id, field, value) SELECT ?, field, value FROM overrides WHERE incident_id = ?",
            (new_id, old_id),
        )
        self.db.execute("DELETE FROM overrides WHERE incident_id = ?", (old_id,))

    def reports_of(self, incident_id: str) -> list[Report]:
        rows = self.db.execute(
            "SELECT r.id, r.article_id, r.data, a.published, a.outlet, a.title, a.copy_of FROM reports r"
            " JOIN articles a ON a.id = r.article_id WHERE r.incident_id = ? ORDER BY r.id",
            (incident_id,),
        ).fetchall()
        out = []
        for r in rows:
            inc = codec.incident(json.loads(r["data"]))
            claims = self.db.execute("SELECT * FROM claims WHERE report_id = ? ORDER BY pos, id", (r["id"],)).fetchall()
            inc.claims = [codec.claim({k: c[k] for k in c.keys()}) for c in claims]
            out.append(Report(
                id=r["id"], article_id=r["article_id"], incident=inc, published=codec.date_or_none(r["published"]),
                outlet=r["outlet"], title=r["title"], independent=r["copy_of"] is None,
                claim_ids=[c["id"] for c in claims],
                credible={c["id"]: bool(c["credible"]) for c in claims if c["credible"] is not None},
            ))
        return out

    def merged(self, incident_id: str) -> Merged | None:
        reports = self.reports_of(incident_id)
        return combine(reports) if reports else None

    def materialize(self, incident_id: str) -> None:
        """Write the merged incident (reviewed fields applied) and its R*Tree box."""
        m = self.merged(incident_id)
        row = self.db.execute("SELECT rowid FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        if m is None:
            if row is not None:
                self._retire(incident_id, None)
            return
        overrides = {r[0]: json.loads(r[1]) for r in self.db.execute("SELECT field, value FROM overrides WHERE incident_id = ?", (incident_id,))}
        inc = apply_overrides(m.incident, overrides)
        data = inc.to_dict()
        data.update(n_reports=m.n_reports, n_sources=m.n_sources, sources=m.sources,
                    revisions=[v.to_dict() for v in m.revisions], report_ids=m.report_ids,
                    reviewed=sorted(overrides), notes=overrides.get("notes"))
        loc = inc.location
        values = (inc.event_date.isoformat() if inc.event_date else None, loc.country_code if loc else None,
                  loc.country if loc else None, loc.admin1 if loc else None, inc.event_type, inc.sub_event_type,
                  inc.fatalities.best if inc.fatalities.best is not None else inc.fatalities.low,
                  "|" + "|".join(a.name.lower() for a in inc.actors) + "|", _dumps(data))
        self.db.execute(
            "INSERT INTO incidents(id, event_date, country_code, country, admin1, event_type, sub_event_type, fatalities_best, actors, data)"
            " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET event_date=excluded.event_date,"
            " country_code=excluded.country_code, country=excluded.country, admin1=excluded.admin1,"
            " event_type=excluded.event_type, sub_event_type=excluded.sub_event_type,"
            " fatalities_best=excluded.fatalities_best, actors=excluded.actors, data=excluded.data",
            (incident_id, *values),
        )
        rid = self.db.execute("SELECT rowid FROM incidents WHERE id = ?", (incident_id,)).fetchone()[0]
        self.db.execute("DELETE FROM incidents_rtree WHERE rid = ?", (rid,))
        if loc is not None and loc.latitude is not None and loc.longitude is not None:
            self.db.execute("INSERT INTO incidents_rtree(rid, min_lon, max_lon, min_lat, max_lat) VALUES (?,?,?,?,?)",
                            (rid, loc.longitude, loc.longitude, loc.latitude, loc.latitude))

    # -- comparing databases ---------------------------------------------------------------------

    def dump(self) -> dict[str, list[list[Any]]]:
        """Every table's content in a canonical order, without insertion counters (for tests)."""
        out: dict[str, list[list[Any]]] = {}
        queries = {
            "articles": "SELECT id, content_hash, title, url, outlet, published, text, copy_of FROM articles ORDER BY id",
            "reports": "SELECT id, article_id, incident_id, sig, data, manual FROM reports ORDER BY id",
            "claims": "SELECT * FROM claims ORDER BY id",
            "links": "SELECT * FROM links ORDER BY a, b",
            "incidents": "SELECT id, event_date, country_code, event_type, fatalities_best, data FROM incidents ORDER BY id",
            "fts": "SELECT article_id FROM articles_fts ORDER BY article_id",
            "rtree": "SELECT i.id, t.min_lon, t.min_lat FROM incidents_rtree t JOIN incidents i ON i.rowid = t.rid ORDER BY i.id",
        }
        for name, sql in queries.items():
            out[name] = [list(r) for r in self.db.execute(sql)]
        return out
