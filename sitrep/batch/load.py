"""``sitrep load``: a batch's Parquet tables into the incident database, as ``sitrep ingest`` stores.

The items are read back in input order (``seq``) and go through the ingest's own steps: the same
screening (read failures, copies within the run, articles already stored: ``new_articles``), the
same batched write (``write_results``: one transaction a batch, ``Incidents.add`` for each
article), under the same writer lock. So a database built by batch + load is the one ``sitrep
ingest`` builds from the same inputs.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from ..ingest.pipeline import IngestReport, _batches, _say, new_articles, write_results
from ..ingest.readers import Failure
from ..models import Article, Extraction
from .tables import read_back


def load(out: str | Path, db: str | Path | None = None, *, batch_size: int = 32) -> IngestReport:
    """Store the batch under ``out`` in the database ``db``; its errors are the report's failures."""
    from ..reconcile.across import Incidents
    from ..store import Store, database_path, writer_lock

    started = time.perf_counter()
    report = IngestReport()
    items = list(read_back(Path(out)))
    result_of: dict[int, Extraction | str] = {}

    def stream() -> Iterator[Article | Failure]:
        for r in items:
            if r.article is None:
                yield Failure(r.where, r.reason)
            else:
                assert r.result is not None
                result_of[id(r.article)] = r.result
                yield r.article

    where = database_path(db)
    with writer_lock(where, on_wait=_say), Store.open(where) as store:
        incidents = Incidents(store)
        for batch in _batches(new_articles(stream(), store, report), batch_size):
            write_results(store, incidents, report, [(a, result_of[id(a)]) for a in batch])
        report.incidents = store.incident_count()
    report.seconds = time.perf_counter() - started
    return report
