"""``sitrep extract``: read articles, print their incidents (json, jsonl, acled CSV or a table)."""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import ConfigError, EmptyInput, InputError, MalformedRecord, SitrepError

FORMATS = ("json", "jsonl", "acled", "table")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="read articles and print their incidents",
        description="Read one article (text or HTML file, or - for stdin) or a JSONL batch and print its incidents, "
        "summaries and every claim with its quote. JSONL input lines: {\"id\", \"text\", \"published\"?, \"title\"?, \"url\"?}; "
        "one output line per input line, {\"id\", \"error\"} for a bad one.",
    )
    p.add_argument("path", help="a .txt/.html file, a .jsonl batch, or - for standard input")
    p.add_argument("--published", help="publication date YYYY-MM-DD (resolves 'yesterday', weekdays, ...)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="json (one article), jsonl (batch, default for .jsonl input), acled (CSV), table (summary table)")
    p.add_argument("--id", help="article id (default: a hash of the text)")
    p.set_defaults(func=run)


def _date(value: str | None, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as e:
        raise ConfigError(f"{where}: not a date (YYYY-MM-DD): {value!r}") from e


def read_jsonl(stream: BinaryIO, default_published: dt.date | None = None, where: str = "input"):
    """Yield (id, Article | InputError) for each non-blank line of an extract-format JSONL stream (bytes).

    Each line is decoded, limited and checked on its own (sitrep.ingest.text.read_lines,
    sitrep.ingest.readers.record_article): a bad line is one bad record, never the whole file.
    """
    from ..ingest.readers import record_article
    from ..ingest.text import read_lines

    for n, line in read_lines(stream, where):
        rid = f"line-{n}"
        if isinstance(line, InputError):
            yield rid, type(line)(f"line {n}: {str(line).removeprefix(f'{where}:{n}: ')}")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield rid, MalformedRecord(f"line {n}: bad JSON: {e.msg}")
            continue
        except RecursionError:
            yield rid, MalformedRecord(f"line {n}: bad JSON: nested too deeply")
            continue
        try:
            article = record_article(rec, f"line {n}", default_id=rid, default_published=default_published, strict_dates=True)
        except InputError as e:
            yield rid, e
            continue
        yield article.id, article


def _extracted(records: Iterable[tuple[str, Any]], chunk: int = 64) -> Iterator[tuple[str, Any]]:
    """(id, Extraction | SitrepError) per record, in order, a chunk at a time (a batch may be large)."""
    from ..ingest.pipeline import extract_each
    from ..pipeline import extract_many

    it = iter(records)
    while True:
        part = list(itertools.islice(it, chunk))
        if not part:
            return
        good = [a for _, a in part if not isinstance(a, SitrepError)]
        results = iter(extract_each(extract_many, good))
        for rid, a in part:
            yield rid, a if isinstance(a, SitrepError) else next(results)[1]


def run(args: argparse.Namespace) -> int:
    from ..ingest.text import open_input, read_text
    from ..models import Article
    from ..pipeline import article_id, extract_many

    published = _date(args.published, "--published")
    is_jsonl = args.path.endswith((".jsonl", ".ndjson")) or args.format == "jsonl" and args.path == "-"
    fmt = args.format or ("jsonl" if is_jsonl else "json")
    if is_jsonl:
        where = "stdin" if args.path == "-" else args.path
        stream = open_input(args.path)
        try:
            return _emit(_extracted(read_jsonl(stream, published, where)), fmt, where)
        finally:
            if args.path != "-":
                stream.close()
    text = read_text(args.path)
    if args.path.lower().endswith((".html", ".htm")):
        text = _html_text(text)
    article = Article(args.id or article_id(text), text, published, url=None if args.path == "-" else str(Path(args.path)))
    (_, result), = list(extract_many([article]))
    if isinstance(result, SitrepError):
        raise result
    return _emit([(article.id, result)], fmt, args.path)


def _html_text(html: str) -> str:
    import trafilatura

    text = trafilatura.extract(html) or ""
    if not text.strip():
        raise InputError("HTML has no article text")
    return text


def _emit(results: Iterable[tuple[str, Any]], fmt: str, where: str) -> int:
    """Print each result as it comes; an InputError (exit 3) when every record failed or there were none."""
    from ..models import Extraction

    total = failures = 0
    if fmt == "json":
        results = list(results)
        if not results:
            raise EmptyInput(f"{where}: no records")
        if len(results) != 1:
            raise ConfigError("--format json prints one article; use --format jsonl for a batch")
        rid, r = results[0]
        if isinstance(r, SitrepError):
            raise r
        print(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
        return 0
    if fmt == "jsonl":
        for rid, r in results:
            total += 1
            if isinstance(r, Extraction):
                d = r.to_dict()
                print(json.dumps({"id": rid, "incidents": d["incidents"], "summaries": d["summaries"]}, ensure_ascii=False))
            else:
                failures += 1
                print(json.dumps({"id": rid, "error": str(r)}, ensure_ascii=False))
    elif fmt == "acled":
        import csv

        from ..export.acled import COLUMNS, acled_row

        w = csv.DictWriter(sys.stdout, fieldnames=list(COLUMNS), extrasaction="ignore")
        w.writeheader()
        for rid, r in results:
            total += 1
            if isinstance(r, Extraction):
                for inc in r.incidents:
                    w.writerow(acled_row(inc))
            else:
                failures += 1
                print(f"sitrep: {rid}: {r}", file=sys.stderr)
    else:
        total, failures = _table(results)
    if not total:
        raise EmptyInput(f"{where}: no records")
    if failures == total:
        raise InputError(f"{where}: nothing could be read ({failures} record{'s' * (failures > 1)} failed)")
    return 0


def _table(results: Iterable[tuple[str, Any]]) -> tuple[int, int]:
    from ..models import Extraction

    total = failures = 0
    print(f"{'article':<14} {'date':<10} {'event type':<28} {'sub-event type':<34} {'place':<22} {'killed':>9} {'injured':>9}")
    for rid, r in results:
        total += 1
        if not isinstance(r, Extraction):
            failures += 1
            print(f"{rid[:14]:<14} error: {r}")
            continue
        for inc in r.incidents:
            place = (inc.location.name if inc.location and inc.location.name else "?")[:22]
            k = _range(inc.fatalities)
            i = _range(inc.injuries)
            print(f"{rid[:14]:<14} {str(inc.event_date or ''):<10} {inc.event_type[:28]:<28} {inc.sub_event_type[:34]:<34} {place:<22} {k:>9} {i:>9}")
    return total, failures


def _range(r) -> str:
    if r.low is None:
        return "-"
    return str(r.low) if r.low == r.high else f"{r.low}-{r.high}"
