"""Make docs/report.png: the situation report of the bundled corpus, rendered by Debian's chromium.

    .venv/bin/python tools/report_screenshot.py [--db sitrep.db] [--since 2020-11-01 --until 2020-11-30]

Needs a database (``make run`` builds one from data/sample) and Playwright with /usr/bin/chromium
(tools/setup-system.sh). Not run by the tests.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=str(ROOT / "sitrep.db"))
    ap.add_argument("--since")
    ap.add_argument("--until")
    ap.add_argument("--out", default=str(ROOT / "docs" / "report.png"))
    args = ap.parse_args()
    import datetime as dt

    from playwright.sync_api import sync_playwright

    from sitrep.brief import report
    from sitrep.store import Store

    with Store.open(args.db) as store:
        content = report.build(store, dt.date.fromisoformat(args.since) if args.since else None,
                               dt.date.fromisoformat(args.until) if args.until else None)
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(report.to_html(content), "utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 900, "height": 1200})
            page.goto(page_file.as_uri())
            page.screenshot(path=args.out, full_page=True)
            browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
