"""Ingest: read inputs, skip what is stored, extract in worker processes, store in batches.

The main process reads, de-duplicates and is the store's one writer; workers only extract. Each
batch is written in one transaction, so a ``kill -9`` loses at most the batch in flight, and the
next run (which skips every article already stored) picks up exactly there.
"""
from __future__ import annotations

import concurrent.futures as cf
import importlib
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import SitrepError, StoreError
from ..models import Article, Extraction
from .readers import Failure
from .sources import estimate, read_inputs

if TYPE_CHECKING:
    from ..reconcile.across import Incidents

DEFAULT_EXTRACTOR = "sitrep.pipeline:extract_many"


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    copy: int = 0
    failed: int = 0
    incidents: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "new": self.new, "duplicate": self.duplicate, "copy": self.copy, "failed": self.failed,
            "incidents": self.incidents, "seconds": round(self.seconds, 2),
            "failures": [{"where": f.where, "reason": f.reason} for f in self.failures],
        }

    def lines(self, max_failures: int = 20) -> list[str]:
        rate = self.read / self.seconds if self.seconds else 0.0
        out = [f"read {self.read}, new {self.new}, copies {self.copy}, duplicate {self.duplicate}, failed {self.failed}"
               f" ({self.incidents} incidents in the database; {rate:.1f} articles/s)"]
        reasons = Counter(f.reason.split(":", 1)[-1].strip()[:60] for f in self.failures)
        for f in self.failures[:max_failures]:
            out.append(f"  failed: {f.where}: {f.reason}")
        if len(self.failures) > max_failures:
            out.append(f"  ... {len(self.failures) - max_failures} more; most common: "
                       + "; ".join(f"{n} x {r}" for r, n in reasons.most_common(3)))
        return out


def load_extractor(path: str) -> Callable[[Iterable[Article]], Iterator[tuple[Article, Extraction | SitrepError]]]:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name or "extract_many")  # type: ignore[no-any-return]


def _extract_batch(extractor: str, articles: list[Article]) -> list[tuple[Article, Extraction | str]]:
    """Runs in a worker: errors travel back as one-line reasons (exceptions need not pickle)."""
    try:
        extract_many = load_extractor(extractor)
    except (ImportError, AttributeError, ValueError) as e:
        return [(a, f"extraction failed: cannot load the extractor {extractor!r}: {e}") for a in articles]
    return [(a, r if isinstance(r, Extraction) else f"extraction failed: {r}") for a, r in extract_each(extract_many, articles)]


def extract_each(extract_many: Callable[[Iterable[Article]], Iterator[tuple[Article, Extraction | SitrepError]]],
                 articles: list[Article]) -> list[tuple[Article, Extraction | SitrepError]]:
    """``extract_many(articles)``, with failure per article, not per batch.

    When the extractor breaks off mid-batch, the articles it did not get to are retried one by
    one, so only the one that breaks it fails (with the reason) and the rest are still read.
    """
    out: list[tuple[Article, Extraction | SitrepError]] = []
    try:
        for pair in extract_many(articles):
            out.append(pair)
    except Exception:  # noqa: BLE001 - which article broke the batch is found below, one at a time
        done = {a.id for a, _ in out}
        for article in articles:
            if article.id in done:
                continue
            try:
                got = list(extract_many([article]))
            except Exception as e:  # noqa: BLE001 - one broken article must not end the run; it fails with the reason
                got = [(article, e if isinstance(e, SitrepError) else SitrepError(f"{type(e).__name__}: {e}"))]
            out.extend(got or [(article, SitrepError("the extractor gave no result"))])
    return out


def _add(incidents: Incidents, extraction: Extraction, raw_text: str) -> str:
    """``incidents.add`` of one article inside the batch's transaction, undone alone when it fails.

    ``Incidents.add`` is a nested transaction (a savepoint), so a value the database cannot take (a
    type it cannot bind, text it cannot encode) fails that article with a StoreError and the rest
    of the batch is written. A database that cannot be written at all (locked, full, read-only)
    still ends the run.
    """
    try:
        return incidents.add(extraction, raw_text=raw_text)
    except (*incidents.store.value_errors, ValueError, TypeError, AttributeError, OverflowError) as e:
        raise StoreError(f"cannot store it: {type(e).__name__}: {e}") from e


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _die_with_parent(parent: int) -> None:
    """Worker initializer: a worker ends when the ingest that started it ends, ``kill -9`` included.

    Without it a killed ingest's workers went on with their batch, then waited on a queue that
    their own inherited copy of the pipe kept open, for a minute or more. Linux: the kernel sends
    SIGKILL when the parent dies (PR_SET_PDEATHSIG). Elsewhere a daemon thread polls the parent pid.
    """
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        if ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL) == 0:
            if os.getppid() != parent:  # the parent was gone before the request took effect
                os._exit(1)
            return
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="sitrep-parent-watch", daemon=True).start()


def _say(message: str) -> None:
    print(f"sitrep: {message}", file=sys.stderr, flush=True)


def new_articles(items: Iterable[Article | Failure], store: Any, report: IngestReport, bar: Any = None) -> Iterator[Article]:
    """The articles of ``items`` to extract: read failures, copies within the run and articles
    already stored are counted in ``report`` and left out."""
    from ..store import content_hash

    seen: dict[str, str] = {}  # id -> content hash, for this run
    seen_hashes: set[str] = set()
    for item in items:
        if isinstance(item, Failure):
            report.failed += 1
            report.failures.append(item)
            if bar is not None:
                bar.update(1)
            continue
        report.read += 1
        h = content_hash(item.text)
        if item.id in seen:
            if seen[item.id] == h:
                report.duplicate += 1
            else:
                report.failed += 1
                report.failures.append(Failure(item.id, "duplicate id with a different text (kept the first)"))
            if bar is not None:
                bar.update(1)
            continue
        if h in seen_hashes:
            report.duplicate += 1
            if bar is not None:
                bar.update(1)
            continue
        seen[item.id] = h
        seen_hashes.add(h)
        state = store.known([(item.id, h)]).get(item.id)
        if state == "duplicate":
            report.duplicate += 1
        elif state == "conflict":
            report.failed += 1
            report.failures.append(Failure(item.id, "id already stored with a different text"))
        else:
            yield item
            continue
        if bar is not None:
            bar.update(1)


def write_results(store: Any, incidents: Incidents, report: IngestReport,
                  results: list[tuple[Article, Extraction | str]], bar: Any = None) -> None:
    """The write step: one batch of extraction results in one transaction, counted in ``report``
    (shared by ``sitrep ingest`` and ``sitrep load``)."""
    with store.transaction():
        for article, result in results:
            if isinstance(result, str):
                report.failed += 1
                report.failures.append(Failure(article.id, result))
                continue
            try:
                status = _add(incidents, result, article.text)
            except SitrepError as e:
                report.failed += 1
                report.failures.append(Failure(article.id, str(e)))
                continue
            setattr(report, status, getattr(report, status) + 1)
    if bar is not None:
        bar.update(len(results))
        bar.set_postfix(new=report.new, dup=report.duplicate, failed=report.failed, refresh=False)


def ingest(paths: Iterable[str], db: str | Path | None = None, *, workers: int = 2, batch_size: int = 32,
           extractor: str = DEFAULT_EXTRACTOR, progress: bool | None = None) -> IngestReport:
    """Ingest ``paths`` (files, folders, globs, URLs) into the store at ``db``."""
    from ..reconcile.across import Incidents
    from ..store import Store, database_path, writer_lock

    paths = list(paths)
    report = IngestReport()
    started = time.perf_counter()
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(total=estimate(paths), unit="art", desc="ingest", file=sys.stderr, dynamic_ncols=True,
                   smoothing=0.1)
    where = database_path(db)  # a URL is a usage error before anything is created
    # one ingest at a time: a second one waits, then runs on what the first stored (store/writer.py)
    with writer_lock(where, on_wait=_say), Store.open(where) as store:
        incidents = Incidents(store)

        def write(results: list[tuple[Article, Extraction | str]]) -> None:
            write_results(store, incidents, report, results, bar)

        batches = _batches(new_articles(read_inputs(paths), store, report, bar), batch_size)
        if workers <= 1:
            for batch in batches:
                write(_extract_batch(extractor, batch))
        else:
            # load the model and any lazily built data once, here, before the workers fork: they
            # inherit it instead of each loading (or building) it at the same time
            _extract_batch(extractor, [Article(id="warm-up", text="A bomb killed two people in Kabul on Monday.")])
            with cf.ProcessPoolExecutor(max_workers=min(workers, os.cpu_count() or 1), initializer=_die_with_parent,
                                        initargs=(os.getpid(),)) as pool:
                pending: deque[cf.Future[list[tuple[Article, Extraction | str]]]] = deque()
                for batch in batches:
                    pending.append(pool.submit(_extract_batch, extractor, batch))
                    while len(pending) > 2 * workers:
                        write(pending.popleft().result())
                while pending:
                    write(pending.popleft().result())
        report.incidents = store.incident_count()
    if bar is not None:
        bar.close()
    report.seconds = time.perf_counter() - started
    return report
