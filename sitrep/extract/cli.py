"""``sitrep extract``: read articles, print their incidents (json, jsonl, acled CSV or a table)."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from ..errors import ConfigError, InputError, MalformedRecord, SitrepError

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


def read_jsonl(lines, default_published: dt.date | None = None):
    """Yield (id, Article | InputError) for each non-blank line of an extract-format JSONL stream."""
    from ..models import Article

    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise MalformedRecord(f"line {n}: not a JSON object")
            rid = str(rec.get("id") or f"line-{n}")
            text = rec.get("text")
            if not isinstance(text, str) or not text.strip():
                raise MalformedRecord(f"line {n}: no text")
            try:
                published = _date(rec.get("published"), f"line {n}") or default_published
            except ConfigError as e:
                raise MalformedRecord(str(e)) from e
            yield rid, Article(rid, text, published, rec.get("title"), rec.get("url"), rec.get("source"))
        except json.JSONDecodeError as e:
            yield f"line-{n}", MalformedRecord(f"line {n}: bad JSON: {e.msg}")
        except InputError as e:
            yield f"line-{n}", e


def run(args: argparse.Namespace) -> int:
    from ..ingest.text import read_text
    from ..models import Article
    from .pipeline import article_id, extract_many

    published = _date(args.published, "--published")
    is_jsonl = args.path.endswith(".jsonl") or args.format == "jsonl" and args.path == "-"
    fmt = args.format or ("jsonl" if is_jsonl else "json")
    if is_jsonl:
        stream = sys.stdin if args.path == "-" else _open_text(args.path)
        records = list(read_jsonl(stream, published))
        good = [a for _, a in records if not isinstance(a, SitrepError)]
        results = {a.id: r for a, r in extract_many(good)}
        out = []
        for rid, a in records:
            out.append((rid, a if isinstance(a, SitrepError) else results[a.id]))
        return _emit(out, fmt)
    text = read_text(args.path)
    if args.path.lower().endswith((".html", ".htm")):
        text = _html_text(text)
    article = Article(args.id or article_id(text), text, published, url=None if args.path == "-" else str(Path(args.path)))
    (_, result), = list(extract_many([article]))
    if isinstance(result, SitrepError):
        raise result
    return _emit([(article.id, result)], fmt)


def _open_text(path: str):
    from ..ingest.text import read_text

    return read_text(path).splitlines()


def _html_text(html: str) -> str:
    import trafilatura

    text = trafilatura.extract(html) or ""
    if not text.strip():
        raise InputError("HTML has no article text")
    return text


def _emit(results, fmt: str) -> int:
    from ..models import Extraction

    failures = 0
    if fmt == "json":
        if len(results) != 1:
            raise ConfigError("--format json prints one article; use --format jsonl for a batch")
        rid, r = results[0]
        if isinstance(r, SitrepError):
            raise r
        print(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for rid, r in results:
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
            if isinstance(r, Extraction):
                for inc in r.incidents:
                    w.writerow(acled_row(inc))
            else:
                failures += 1
                print(f"sitrep: {rid}: {r}", file=sys.stderr)
    else:
        failures = _table(results)
    return 0 if failures < len(results) or not results else 3


def _table(results) -> int:
    from ..models import Extraction

    failures = 0
    print(f"{'article':<14} {'date':<10} {'event type':<28} {'sub-event type':<34} {'place':<22} {'killed':>9} {'injured':>9}")
    for rid, r in results:
        if not isinstance(r, Extraction):
            failures += 1
            print(f"{rid[:14]:<14} error: {r}")
            continue
        for inc in r.incidents:
            place = (inc.location.name if inc.location and inc.location.name else "?")[:22]
            k = _range(inc.fatalities)
            i = _range(inc.injuries)
            print(f"{rid[:14]:<14} {str(inc.event_date or ''):<10} {inc.event_type[:28]:<28} {inc.sub_event_type[:34]:<34} {place:<22} {k:>9} {i:>9}")
    return failures


def _range(r) -> str:
    if r.low is None:
        return "-"
    return str(r.low) if r.low == r.high else f"{r.low}-{r.high}"
