"""Copying a whole database to another backend: SQLite to PostgreSQL when a project outgrows a laptop,
or back, for a copy to take away. ``sitrep copy SOURCE DEST``.

Rows are copied as they are (ids, merged incidents, review overrides, the audit log), so the copy
answers every query as the original does; nothing is re-extracted or re-clustered. Each table is
read in key order, a chunk at a time (keyset paging on its primary key, so neither side holds a
table in memory), and everything is written in one transaction: a copy that fails leaves the
destination as empty as it was. The indexes that differ between backends (full-text, bounding box)
are filled by the destination's own hooks.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..errors import StoreError
from ..models import Article
from .sqlite import Store

#: table -> (primary key columns, every column), in an order that keeps references valid
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "meta": (("key",), ("key", "value")),
    "articles": (("id",), ("id", "content_hash", "title", "url", "outlet", "published", "dateline", "text", "copy_of",
                           "minhash", "seq", "raw")),
    "reports": (("id",), ("id", "article_id", "incident_id", "sig", "data", "manual")),
    "blocks": (("key", "day", "report_id"), ("key", "day", "report_id")),
    "claims": (("id",), ("id", "report_id", "article_id", "pos", "kind", "min", "max", "qualifier", "source", "quote",
                         "start", '"end"', "victims", "hedge", "reported", "credible")),
    "links": (("a", "b"), ("a", "b", "score")),
    "constraints": (("a", "b"), ("a", "b", "kind")),
    "incidents": (("id",), ("id", "event_date", "country_code", "country", "admin1", "admin2", "event_type",
                            "sub_event_type", "fatalities_best", "fatalities_low", "fatalities_high", "actors", "grade",
                            "summary", "data")),
    "incident_aliases": (("old_id",), ("old_id", "new_id")),
    "overrides": (("incident_id", "field"), ("incident_id", "field", "value")),
    "audit": (("id",), ("id", "at", '"user"', "action", "incident_id", "before", "after", "undone_by")),
}
CHUNK = 2000


def _chunks(store: Store, table: str) -> Any:
    """The rows of ``table``, in primary-key order, ``CHUNK`` at a time."""
    keys, columns = TABLES[table]
    cols, order = ", ".join(columns), ", ".join(keys)
    first = f"SELECT {cols} FROM {table} ORDER BY {order} LIMIT {CHUNK}"
    after = f"SELECT {cols} FROM {table} WHERE ({order}) > ({', '.join('?' * len(keys))}) ORDER BY {order} LIMIT {CHUNK}"
    at = [columns.index(k) for k in keys]
    rows = store.db.execute(first).fetchall()
    while rows:
        yield rows
        if len(rows) < CHUNK:
            return
        rows = store.db.execute(after, tuple(rows[-1][i] for i in at)).fetchall()


def _point(data: str) -> tuple[float, float] | None:
    """(lon, lat) of an incident's stored JSON, or None."""
    loc = json.loads(data).get("location") or {}
    lon, lat = loc.get("longitude"), loc.get("latitude")
    return (lon, lat) if lon is not None and lat is not None else None


def copy_database(source: Store, dest: Store, on_table: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every row of ``source`` into the empty database ``dest``; returns the rows per table."""
    if dest.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() or dest.db.execute("SELECT 1 FROM audit LIMIT 1").fetchone():
        raise StoreError(f"{dest.path}: not empty: sitrep copy writes into a new, empty database only")
    counts: dict[str, int] = {}
    with dest.transaction():
        dest._before_copy()
        dest.db.execute("DELETE FROM meta")  # a new database's own meta rows give way to the source's
        for table, (_, columns) in TABLES.items():
            insert = f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            n = 0
            for rows in _chunks(source, table):
                dest.db.executemany(insert, [tuple(r) for r in rows])
                if table == "articles":
                    for r in rows:
                        dest._index_text(Article(id=r[0], text=r[7], title=r[2]))
                elif table == "incidents":
                    dest._set_boxes([(r[0], _point(r[-1])) for r in rows])
                n += len(rows)
            counts[table] = n
            if on_table is not None:
                on_table(table, n)
        dest._after_copy()
    dest._settle_after_copy()
    return counts
