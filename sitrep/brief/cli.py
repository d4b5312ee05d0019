"""``sitrep alerts`` (the alert rules of ``brief/data/alerts.toml`` on the stored incidents) and
``sitrep report`` (a situation report: ``brief/report.py``)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..settings import DB_HELP


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from ..export.cli import filter_options

    p = sub.add_parser("alerts", help="what the alert rules (ACLED surge and threat, HDX Signals, new actor) say now",
                       description="Evaluate the alert rules of brief/data/alerts.toml on the incidents the filters "
                       "select, as of a date (default: the latest event date among them): ACLED's subnational surge "
                       "and threat, OCHA HDX Signals' fatalities rule, a new actor in an area. Each alert lists the "
                       "incidents behind it.")
    p.add_argument("--as-of", help="evaluate as of this date (YYYY-MM-DD; default: the latest event date)")
    p.add_argument("--rule", action="append", choices=("surge", "threat", "fatalities", "new_actor"),
                   help="only this rule (repeatable; default: all)")
    p.add_argument("--format", "-f", default="table", choices=("table", "json"))
    p.add_argument("--db", default=None, help=DB_HELP)
    filter_options(p)
    p.set_defaults(func=run)
    r = sub.add_parser("report", help="a situation report for a period and area (html, md or pdf)",
                       description="A situation report of the incidents the filters select between --since and "
                       "--until (default: the 7 days ending on the latest event date): headline ranges and grade mix, "
                       "the change against the previous period of the same length, a map, a timeline, a table per "
                       "admin1, the ten deadliest incidents with their sources and quotes, toll revisions, the alerts "
                       "that fire, and a methods box. HTML is one self-contained file; PDF is printed from it by "
                       "headless chromium (tools/setup-system.sh installs it).")
    r.add_argument("--format", "-f", default="html", choices=("html", "md", "pdf"))
    r.add_argument("--output", "-o", default="-", help="output file (default: standard output; pdf needs a file)")
    r.add_argument("--db", default=None, help=DB_HELP)
    filter_options(r)
    r.set_defaults(func=run_report)


def run(args: argparse.Namespace) -> int:
    from ..errors import StoreError
    from ..export.cli import filters
    from ..filters import parse_date
    from ..store import Store, database_exists, database_path, redacted
    from . import alerts

    chosen = filters(args)  # a filter that means nothing is a usage error, before the database is opened
    as_of = parse_date("as_of", args.as_of) if args.as_of else None
    db = database_path(args.db)
    if not database_exists(db):
        raise StoreError(f"{redacted(db)}: no database (run `sitrep ingest` first)")
    with Store.open(db) as store:
        rows = alerts.rows_from(store.alert_rows(**chosen))
    day = alerts.as_of_day(rows, as_of)
    fired = alerts.evaluate(rows, day, args.rule)
    if args.format == "json":
        json.dump({"as_of": day.isoformat() if day else None, "alerts": [a.to_dict() for a in fired]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for a in fired:
        print(f"{a.rule:<10} {a.as_of}  {a.message}  [{len(a.incident_ids)} incident(s)]")
    if not fired:
        print(f"sitrep: no alert fires as of {day}" if day else "sitrep: no dated incidents", file=sys.stderr)
    return 0


CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def run_report(args: argparse.Namespace) -> int:
    from ..errors import ConfigError, SitrepError, StoreError
    from ..export.cli import filters
    from ..store import Store, database_exists, database_path, redacted
    from . import report

    chosen = filters(args)
    if args.format == "pdf" and args.output == "-":
        raise ConfigError("--format pdf needs --output FILE")
    db = database_path(args.db)
    if not database_exists(db):
        raise StoreError(f"{redacted(db)}: no database (run `sitrep ingest` first)")
    with Store.open(db) as store:
        content = report.build(store, **chosen)
    text = report.to_markdown(content) if args.format == "md" else report.to_html(content)
    if args.format == "pdf":
        print_pdf(text, Path(args.output))
        return 0
    if args.output == "-":
        sys.stdout.write(text)
    else:
        try:
            Path(args.output).write_text(text, "utf-8")
        except OSError as e:
            raise SitrepError(f"{args.output}: cannot write: {e.strerror or e}") from e
    return 0


def print_pdf(page: str, target: Path) -> None:
    """The HTML printed to PDF by headless chromium (no network: the page needs none)."""
    import shutil
    import subprocess
    import tempfile

    from ..errors import ConfigError, SitrepError

    browser = next((b for b in CHROMIUM if Path(b).exists()), None) or shutil.which("chromium")
    if browser is None:
        raise ConfigError("--format pdf needs chromium: run tools/setup-system.sh (Debian's chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.html"
        src.write_text(page, "utf-8")
        out = Path(tmp) / "report.pdf"
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--no-first-run", "--no-pdf-header-footer", f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", src.as_uri()]
        try:
            subprocess.run(cmd, capture_output=True, timeout=120, check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise SitrepError(f"chromium could not print the report: {e}") from e
        if not out.exists() or out.stat().st_size == 0:
            raise SitrepError("chromium could not print the report (no PDF written)")
        try:
            shutil.copyfile(out, target)
        except OSError as e:
            raise SitrepError(f"{target}: cannot write: {e.strerror or e}") from e
