"""The batch's Parquet tables: their schemas, the rows of one result, and reading them back.

    articles  one row per article read: its sequence number, the raw article and, when extraction
              worked, the cleaned article and its summaries (JSON)
    reports   one row per extracted incident: the article's seq, its position, the incident's JSON
    claims    one row per claim of a report: report id, kind, numbers, quote, offsets
    errors    one row per input or article that failed: seq, stage (read, extract), where, reason

``seq`` orders everything as ``sitrep ingest`` would have read it: the input's place in the
expanded input list in the high 32 bits, the item's place in that input in the low 32. Rows are
plain tuples in schema order, so Spark and pyarrow write the same files.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..models import Article, Extraction, Incident, Summary
from ..store import codec

TABLES = ("articles", "reports", "claims", "errors")
FORMAT_VERSION = 1

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("seq", pa.int64()), ("id", pa.string()), ("title", pa.string()), ("url", pa.string()),
        ("published", pa.string()), ("raw", pa.string()), ("cleaned", pa.string()), ("summaries", pa.string()),
        ("reports", pa.int32()),
    ]),
    "reports": pa.schema([
        ("seq", pa.int64()), ("article_id", pa.string()), ("position", pa.int32()), ("report_id", pa.string()),
        ("event_type", pa.string()), ("sub_event_type", pa.string()), ("event_date", pa.string()),
        ("country", pa.string()), ("json", pa.string()),
    ]),
    "claims": pa.schema([
        ("seq", pa.int64()), ("article_id", pa.string()), ("report_id", pa.string()), ("report_position", pa.int32()),
        ("position", pa.int32()), ("kind", pa.string()), ("min", pa.int64()), ("max", pa.int64()),
        ("qualifier", pa.string()), ("source", pa.string()), ("quote", pa.string()), ("start", pa.int64()),
        ("end", pa.int64()),
    ]),
    "errors": pa.schema([("seq", pa.int64()), ("stage", pa.string()), ("where", pa.string()), ("reason", pa.string())]),
}

Row = tuple[str, tuple[Any, ...]]  # (table, row in schema order)


def seq_of(unit: int, item: int) -> int:
    return (unit << 32) | item


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def failure_rows(seq: int, stage: str, where: str, reason: str) -> list[Row]:
    return [("errors", (seq, stage, where, reason))]


def result_rows(seq: int, raw: Article, result: Extraction | str) -> list[Row]:
    """The rows of one article read: the article, its reports and claims, or its error."""
    published = raw.published.isoformat() if raw.published else None
    if isinstance(result, str):
        return [("articles", (seq, raw.id, raw.title, raw.url, published, _json(raw.to_dict()), None, None, 0)),
                ("errors", (seq, "extract", raw.id, result))]
    rows: list[Row] = [("articles", (seq, raw.id, raw.title, raw.url, published, _json(raw.to_dict()),
                                     _json(result.article.to_dict()), _json([s.to_dict() for s in result.summaries]),
                                     len(result.incidents)))]
    for pos, inc in enumerate(result.incidents):
        loc = inc.location
        rows.append(("reports", (seq, result.article.id, pos, inc.id, inc.event_type, inc.sub_event_type,
                                 inc.event_date.isoformat() if inc.event_date else None,
                                 loc.country if loc else None, _json(inc.to_dict()))))
        for cpos, c in enumerate(inc.claims):
            rows.append(("claims", (seq, result.article.id, inc.id, pos, cpos, c.kind, c.min, c.max, c.qualifier,
                                    c.source, c.quote, c.start, c.end)))
    return rows


class Writer:
    """The four tables with pyarrow, a row group every ``group`` rows (the local engine; Spark
    writes its own part files). Memory holds one row group a table, not the batch."""

    def __init__(self, out: Path, group: int = 2048) -> None:
        import pyarrow.parquet as pq

        self.group = group
        self.pending: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
        self.writers: dict[str, Any] = {}
        for table in TABLES:
            folder = out / table
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.parquet"):
                old.unlink()
            self.writers[table] = pq.ParquetWriter(folder / "part-00000.parquet", SCHEMAS[table])

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.pending[table].append(row)
        if len(self.pending[table]) >= self.group:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows, schema = self.pending[table], SCHEMAS[table]
        columns = list(zip(*rows)) if rows else [() for _ in schema.names]
        self.writers[table].write_table(
            pa.table([pa.array(list(col), type=f.type) for col, f in zip(columns, schema)], schema=schema))
        self.pending[table] = []

    def close(self) -> None:
        for table in TABLES:
            if self.pending[table]:
                self._flush(table)
            self.writers[table].close()


def read_table(out: Path, table: str) -> list[dict[str, Any]]:
    """A table's rows in ``seq`` order (then position), whoever wrote it."""
    import pyarrow.dataset as ds

    folder = out / table
    if not folder.is_dir():
        from ..errors import InputError

        raise InputError(f"{out}: not a sitrep batch output (no {table}/ folder)")
    try:
        got = ds.dataset(folder, format="parquet", schema=SCHEMAS[table]).to_table()
    except (OSError, ValueError, TypeError) as e:  # pyarrow's ArrowInvalid is a ValueError
        from ..errors import InputError

        raise InputError(f"{out}: cannot read its {table} table: {str(e).splitlines()[0]}") from None
    keys = [(k, "ascending") for k in ("seq", "position") if k in got.column_names]
    return got.sort_by(keys).to_pylist()  # type: ignore[no-any-return]


@dataclass(slots=True)
class Read:
    """One item of the batch, in input order: an article and its result, or a read failure."""

    seq: int
    article: Article | None = None
    result: Extraction | str | None = None
    where: str = ""
    reason: str = ""


def read_back(out: Path) -> Iterator[Read]:
    """The batch's items in input order, as typed records (the inverse of ``result_rows``)."""
    reports: dict[int, list[Incident]] = {}
    broken: dict[int, str] = {}  # seq -> why one of its rows could not be read back
    for r in read_table(out, "reports"):
        try:
            reports.setdefault(r["seq"], []).append(codec.incident(json.loads(r["json"])))
        except (ValueError, KeyError, TypeError) as e:
            broken.setdefault(r["seq"], f"report {r.get('report_id')}: {type(e).__name__}: {e}")
    errors = {(e["seq"], e["stage"]): e for e in read_table(out, "errors")}
    items: list[Read] = []
    for a in read_table(out, "articles"):
        try:  # a row that does not decode fails its article, with the reason; the rest are stored
            raw = codec.article(json.loads(a["raw"]))
            if a["seq"] in broken:
                raise ValueError(broken[a["seq"]])
            if a["cleaned"] is None:
                err = errors.get((a["seq"], "extract"))
                result: Extraction | str = err["reason"] if err else "extraction failed: no result in the batch"
            else:
                summaries = [Summary(**s) for s in json.loads(a["summaries"] or "[]")]
                result = Extraction(codec.article(json.loads(a["cleaned"])), reports.get(a["seq"], []), summaries)
        except (ValueError, KeyError, TypeError) as e:
            items.append(Read(a["seq"], where=a.get("id") or f"seq {a['seq']}",
                              reason=f"cannot read its batch row back: {str(e).splitlines()[0][:200]}"))
            continue
        items.append(Read(a["seq"], raw, result))
    items.extend(Read(seq, where=e["where"], reason=e["reason"]) for (seq, stage), e in errors.items() if stage == "read")
    items.sort(key=lambda r: r.seq)
    yield from items
