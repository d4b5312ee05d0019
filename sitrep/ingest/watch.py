"""``sitrep watch``: poll feeds and pages, ingest what is new, report each new alert once.

Each round fetches every URL with a conditional request (``If-None-Match`` / ``If-Modified-Since``
from the last answer's ``ETag`` / ``Last-Modified``): an unchanged feed costs one 304 and nothing
else. A changed one is ingested like any input (``ingest.pipeline.ingest``: stored articles are
skipped, copies found, reports merged). Then the alert rules (``brief.alerts``) are evaluated on
the whole database, and each alert not reported before is printed (one JSON line), given to
``--exec`` on standard input and POSTed to ``--webhook``. An alert is the same alert while it keeps
firing (its rule, area and actor); once it stops, a new firing is new again.

A feed that is down, slow or malformed is reported on stderr and the round goes on; SIGINT and
SIGTERM stop the loop after the current round (exit 0). The validators and the alerts already
reported are kept in ``DB.watch.json`` beside the database (for a PostgreSQL database, in
``sitrep-watch-HASH.json`` in the working folder, HASH naming the database), so a restarted watch
neither re-downloads unchanged feeds nor repeats alerts.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import ConfigError

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
USER_AGENT = "sitrep-watch (+https://github.com/sitrep)"


def parse_every(text: str) -> float:
    """"15m", "30s", "1h", "90" (seconds) as seconds; a ConfigError otherwise."""
    m = _EVERY.match(text)
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"--every {text!r}: a positive duration such as 30s, 15m, 1h")
    return float(m.group(1)) * _UNITS[m.group(2)]


@dataclasses.dataclass
class Fetched:
    url: str
    status: int  # 200, 304 (unchanged), or 0 when it failed
    body: bytes = b""
    error: str | None = None


def fetch(url: str, validators: dict[str, str], timeout: float = 30.0) -> Fetched:
    """One conditional GET; updates ``validators`` (etag, modified) from a 200 answer."""
    headers = {"User-Agent": USER_AGENT}
    if validators.get("etag"):
        headers["If-None-Match"] = validators["etag"]
    if validators.get("modified"):
        headers["If-Modified-Since"] = validators["modified"]
    limit = int(settings.get("input", "max_input_bytes"))
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout) as r:  # noqa: S310
            body = r.read(limit + 1)
            if len(body) > limit:
                return Fetched(url, 0, error=f"over the {limit:,}-byte limit")
            validators.clear()
            if r.headers.get("ETag"):
                validators["etag"] = r.headers["ETag"]
            if r.headers.get("Last-Modified"):
                validators["modified"] = r.headers["Last-Modified"]
            return Fetched(url, r.status, body)
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return Fetched(url, 304)
        return Fetched(url, 0, error=f"HTTP {e.code} {e.reason}")
    except (urllib.error.URLError, OSError, ValueError) as e:
        return Fetched(url, 0, error=f"cannot fetch: {getattr(e, 'reason', e)}")


def alert_key(alert: dict[str, Any]) -> str:
    """The identity of an alert while it keeps firing: its rule, area and actor."""
    return "|".join(str(alert.get(k) or "") for k in ("rule", "country_code", "admin1", "actor"))


def state_path(db: str) -> Path:
    """Where the watch of the database ``db`` keeps its state."""
    from ..store import is_url, redacted

    if not is_url(db):
        return Path(f"{db}.watch.json")
    return Path(f"sitrep-watch-{hashlib.sha1(redacted(db).encode()).hexdigest()[:12]}.json")


class Watch:
    def __init__(self, urls: Iterable[str], db: str, *, extractor: str | None = None, run: str | None = None,
                 webhook: str | None = None, out: Callable[[str], None] | None = None,
                 err: Callable[[str], None] | None = None) -> None:
        self.urls = list(urls)
        self.db = db
        self.extractor = extractor
        self.run_command = run
        self.webhook = webhook
        self.out = out or (lambda line: print(line, flush=True))
        self.err = err or (lambda line: print(f"sitrep: {line}", file=sys.stderr, flush=True))
        self.state_path = state_path(db)
        self.state = self._load()
        self.stop = threading.Event()

    def _load(self) -> dict[str, Any]:
        try:
            state = json.loads(self.state_path.read_text("utf-8"))
            if isinstance(state, dict):
                return {"validators": dict(state.get("validators") or {}), "reported": list(state.get("reported") or [])}
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as e:
            self.err(f"{self.state_path}: unreadable watch state, starting afresh ({e})")
        return {"validators": {}, "reported": []}

    def _save(self) -> None:
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state, indent=1, sort_keys=True), "utf-8")
        tmp.replace(self.state_path)  # atomic: a kill mid-write leaves the old state

    def round(self) -> list[dict[str, Any]]:
        """Fetch, ingest what changed, evaluate the alerts; returns the alerts reported this round."""
        from .pipeline import DEFAULT_EXTRACTOR, ingest

        with tempfile.TemporaryDirectory(prefix="sitrep-watch-") as tmp:
            changed: dict[str, str] = {}  # the fetched body's file -> its URL
            for k, url in enumerate(self.urls):
                got = fetch(url, self.state["validators"].setdefault(url, {}))
                if got.error:
                    self.err(f"{url}: {got.error} (skipped this round)")
                elif got.status == 200:
                    path = Path(tmp) / f"{k:04d}.input"  # its reader is chosen from its first bytes
                    path.write_bytes(got.body)
                    changed[str(path)] = url
            if changed:
                report = ingest(list(changed), self.db, workers=1, extractor=self.extractor or DEFAULT_EXTRACTOR,
                                progress=False)
                for f in report.failures[:20]:
                    where = next((f.where.replace(p, u) for p, u in changed.items() if f.where.startswith(p)), f.where)
                    self.err(f"{where}: {f.reason}")
                self.err(f"ingested {report.new} new, {report.duplicate} already stored, {report.failed} failed")
        from ..store import database_exists

        fired = self._alerts() if database_exists(self.db) else []
        keys = {alert_key(a) for a in fired}
        reported = set(self.state["reported"])
        new = [a for a in fired if alert_key(a) not in reported]
        for a in new:
            self._report(a)
        self.state["reported"] = sorted(keys)  # an alert that stopped firing may be new again later
        self._save()
        return new

    def _alerts(self) -> list[dict[str, Any]]:
        from ..brief import alerts
        from ..store import Store

        with Store.open(self.db) as store:
            rows = alerts.rows_from(store.alert_rows())
        return [a.to_dict() for a in alerts.evaluate(rows)]

    def _report(self, alert: dict[str, Any]) -> None:
        line = json.dumps(alert, ensure_ascii=False, sort_keys=True)
        self.out(line)
        if self.run_command:
            try:
                subprocess.run(self.run_command, shell=True, input=line + "\n", text=True, timeout=60, check=False)  # noqa: S602
            except (OSError, subprocess.SubprocessError) as e:
                self.err(f"--exec failed: {e}")
        if self.webhook:
            request = urllib.request.Request(self.webhook, data=line.encode("utf-8"), method="POST",
                                             headers={"Content-Type": "application/json", "User-Agent": USER_AGENT})
            try:
                urllib.request.urlopen(request, timeout=30).close()  # noqa: S310
            except (urllib.error.URLError, OSError, ValueError) as e:
                self.err(f"--webhook {self.webhook}: {getattr(e, 'reason', e)}")

    def loop(self, every: float, rounds: int | None = None) -> int:
        """Rounds every ``every`` seconds until a signal (or ``rounds`` rounds); returns 0."""
        done = 0
        while not self.stop.is_set():
            self.round()
            done += 1
            if rounds is not None and done >= rounds:
                break
            self.stop.wait(every)
        return 0


def install_signal_handlers(watch: Watch) -> None:
    """SIGINT and SIGTERM end the loop after the current round."""
    def handler(signum: int, frame: object) -> None:
        watch.err(f"signal {signum}: stopping after this round")
        watch.stop.set()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


__all__ = ["Watch", "alert_key", "fetch", "install_signal_handlers", "parse_every"]
