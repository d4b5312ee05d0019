"""The quality gate: figures from ``sitrep eval`` against floors pinned in a baseline file.

    sitrep eval GOLD... --baseline data/gold/eval_baseline.json        # exit 1 when a floor is missed
    sitrep eval GOLD... --write-baseline data/gold/eval_baseline.json  # record today's figures as floors

The baseline is JSON (the standard library reads and writes it, so recording is one command), keyed by
gold file name: each file's SHA-256 and, per dataset and measure, ``floor``, ``tolerance``, ``n`` and
the ``measured`` figure. A figure fails when it is below ``floor - tolerance``. The tolerance is the
noise of a share measured on ``n`` items: one binomial standard error sqrt(p(1-p)/n), with
p = (f·n + 1)/(n + 2), at least 0.005, rounded up to 3 decimals (1 of 20 peer tests is noise; 9 of
the 400 GVDB texts, 0.022, is more than noise).
Floors are the measured figure rounded down to 3 decimals. A gold file whose hash differs from the
recorded one fails: its floors were measured on other gold and are not compared.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError

FORMAT = 1
MIN_TOLERANCE = 0.005
#: scores that are counts, not shares: printed by ``sitrep eval``, never floored
NOT_SHARES = {"codings_out_of_scope", "hard_negatives_merged"}
#: shares where lower is better (texts read as no incident, or as several): printed, never floored;
#: their complement, one_incident, carries the floor
LOWER_IS_BETTER = {"zero_incidents", "several_incidents"}
RECORD_HINT = "re-measure and re-record with `sitrep eval GOLD... --write-baseline FILE` (a lowered floor needs a note in the commit)"


@dataclass(frozen=True)
class Figure:
    """One share sitrep scored: ``value`` of ``n`` items of ``dataset`` in the gold file ``gold``."""

    gold: str
    dataset: str
    measure: str
    value: float
    n: int


@dataclass(frozen=True)
class Floor:
    floor: float
    tolerance: float
    n: int
    measured: float | None = None


@dataclass
class GoldFloors:
    sha256: str
    floors: dict[str, dict[str, Floor]] = field(default_factory=dict)  # dataset -> measure -> floor


@dataclass
class Baseline:
    gold: dict[str, GoldFloors] = field(default_factory=dict)  # gold file name -> its hash and floors
    recorded: str | None = None
    sitrep: str | None = None


@dataclass(frozen=True)
class Check:
    gold: str
    dataset: str
    measure: str
    floor: Floor
    value: float | None  # None: the measure was not scored at all

    @property
    def margin(self) -> float | None:
        return None if self.value is None else self.value - self.floor.floor

    @property
    def passed(self) -> bool:
        return self.margin is not None and self.margin >= -self.floor.tolerance - 1e-9

    def line(self) -> str:
        name = f"{self.dataset} {self.measure}"
        f = self.floor
        if self.value is None:
            return f"MISSED  {name:<40} not scored (floor {f.floor:.3f})"
        status = "ok" if self.margin >= 0 else ("noise" if self.passed else "MISSED")  # type: ignore[operator]
        return (f"{status:<7} {name:<40} {self.value:.3f}  floor {f.floor:.3f}  {self.margin:+.3f}"
                f"  (tolerance {f.tolerance:.3f}, n={f.n})")

    def problem(self) -> str:
        if self.value is None:
            return f"{self.gold}: {self.dataset} {self.measure} was not scored (floor {self.floor.floor:.3f})"
        return (f"{self.gold}: {self.dataset} {self.measure} {self.value:.3f} is below its floor {self.floor.floor:.3f}"
                f" by {-self.margin:.3f}, more than its tolerance {self.floor.tolerance:.3f} (n={self.floor.n})")  # type: ignore[operator]


@dataclass
class GateResult:
    checks: list[Check] = field(default_factory=list)
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # (gold file, recorded sha256, actual)
    unrecorded: list[str] = field(default_factory=list)  # gold files given that the baseline has no floors for
    not_given: list[str] = field(default_factory=list)  # gold files in the baseline that were not scored

    @property
    def missed(self) -> list[Check]:
        return [c for c in self.checks if not c.passed]

    @property
    def ok(self) -> bool:
        return not self.missed and not self.changed

    def problems(self) -> list[str]:
        """One line per missed floor and per changed gold file."""
        out = [c.problem() for c in self.missed]
        for name, recorded, actual in self.changed:
            out.append(f"{name}: gold file differs from the one the floors were measured on (sha256 {actual[:12]}…,"
                       f" recorded {recorded[:12]}…): its floors were not compared; {RECORD_HINT}")
        return out

    def lines(self) -> list[str]:
        """The whole comparison, for the terminal and for a failing test's message."""
        out = [c.line() for c in self.checks]
        out += [f"CHANGED {name}: sha256 {actual} (floors were measured on {recorded})" for name, recorded, actual in self.changed]
        out += [f"notice  {name}: no floors recorded for this gold file" for name in self.unrecorded]
        out += [f"notice  {name}: in the baseline but not given: its floors were not checked" for name in self.not_given]
        missed, n = len(self.missed), len(self.checks)
        verdict = "passed" if self.ok else "FAILED"
        out.append(f"gate {verdict}: {n - missed} of {n} floors met, {missed} missed, {len(self.changed)} gold file(s) changed")
        return out


def sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def figures(rows: Iterable[dict[str, Any]]) -> list[Figure]:
    """The shares sitrep scored in ``sitrep eval`` rows (the regex baseline's rows are not gated)."""
    out = []
    for r in rows:
        if r.get("system") != "sitrep":
            continue
        for measure, (value, n) in r["scores"].items():
            if measure in NOT_SHARES or measure in LOWER_IS_BETTER or not isinstance(value, float) or not isinstance(n, int) or n <= 0:
                continue
            out.append(Figure(r["gold"], r["dataset"], measure, value, n))
    return out


def tolerance(share: float, n: int) -> float:
    """One binomial standard error of ``share`` on ``n`` items, at least MIN_TOLERANCE, rounded up.

    The share is taken with one success and one failure added (as Agresti and Coull do), so that
    1.0 of 3 still has the noise of a 3-item set rather than none."""
    if n <= 0:
        return 1.0
    p = (share * n + 1) / (n + 2)
    se = math.sqrt(p * (1 - p) / n)
    return math.ceil(max(se, MIN_TOLERANCE) * 1000 - 1e-9) / 1000


def check(figs: Iterable[Figure], hashes: dict[str, str], baseline: Baseline) -> GateResult:
    """Compare figures of the gold files in ``hashes`` (name -> sha256) with ``baseline``'s floors."""
    got = {(f.gold, f.dataset, f.measure): f.value for f in figs}
    result = GateResult()
    for name, actual in hashes.items():
        recorded = baseline.gold.get(name)
        if recorded is None:
            result.unrecorded.append(name)
        elif recorded.sha256 != actual:
            result.changed.append((name, recorded.sha256, actual))
        else:
            for dataset, measures in recorded.floors.items():
                for measure, floor in measures.items():
                    result.checks.append(Check(name, dataset, measure, floor, got.get((name, dataset, measure))))
    result.not_given = [name for name in baseline.gold if name not in hashes]
    return result


def record(figs: Iterable[Figure], hashes: dict[str, str], previous: Baseline | None = None,
           today: dt.date | None = None) -> Baseline:
    """Today's figures as floors, for the gold files in ``hashes``; other files' floors are kept."""
    from .. import __version__

    gold = {name: g for name, g in (previous.gold.items() if previous else ()) if name not in hashes}
    for name, digest in hashes.items():
        gold[name] = GoldFloors(digest)
    for f in figs:
        if f.gold in hashes:
            floor = math.floor(f.value * 1000 + 1e-9) / 1000
            gold[f.gold].floors.setdefault(f.dataset, {})[f.measure] = Floor(floor, tolerance(f.value, f.n), f.n, round(f.value, 4))
    return Baseline(dict(sorted(gold.items())), (today or dt.date.today()).isoformat(), __version__)


def changes(old: Baseline | None, new: Baseline) -> list[str]:
    """Floors that went down or vanished (each needs a note in the commit) and floors that went up."""
    out = []
    for name, g in new.gold.items():
        before = old.gold.get(name) if old else None
        if before is None:
            continue
        for dataset, measures in before.floors.items():
            for measure, f in measures.items():
                now = g.floors.get(dataset, {}).get(measure)
                if now is None:
                    out.append(f"removed {name}: {dataset} {measure} (was {f.floor:.3f}): say why in the commit")
                elif now.floor < f.floor:
                    out.append(f"lowered {name}: {dataset} {measure} {f.floor:.3f} -> {now.floor:.3f}: say why in the commit")
                elif now.floor > f.floor:
                    out.append(f"raised  {name}: {dataset} {measure} {f.floor:.3f} -> {now.floor:.3f}")
    return out


def load(path: str | Path) -> Baseline:
    p = Path(path)
    try:
        data = json.loads(p.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{p}: no such baseline file (record one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot read the baseline: {e}") from e
    except json.JSONDecodeError as e:
        raise InputError(f"{p}:{e.lineno}: bad JSON in the baseline: {e.msg}") from e
    try:
        if data["format"] != FORMAT:
            raise InputError(f"{p}: baseline format {data['format']!r}, this sitrep reads format {FORMAT}")
        gold = {
            name: GoldFloors(str(g["sha256"]), {
                ds: {m: Floor(float(f["floor"]), float(f["tolerance"]), int(f["n"]), f.get("measured"))
                     for m, f in measures.items()}
                for ds, measures in g["floors"].items()})
            for name, g in data["gold"].items()
        }
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise InputError(f"{p}: not a sitrep eval baseline (format {FORMAT}): {type(e).__name__}: {e}") from None
    return Baseline(gold, data.get("recorded"), data.get("sitrep"))


def dump(baseline: Baseline) -> str:
    """The baseline as JSON with one line per measure, so a changed floor is a one-line diff."""
    lines = ["{", f'  "format": {FORMAT},',
             '  "about": "floors for `sitrep eval --baseline`: a figure fails below floor - tolerance (one binomial '
             f'standard error at n, at least {MIN_TOLERANCE}); see docs/evaluation.md",',
             f'  "recorded": {json.dumps(baseline.recorded)},', f'  "sitrep": {json.dumps(baseline.sitrep)},', '  "gold": {']
    files = list(baseline.gold.items())
    for i, (name, g) in enumerate(files):
        lines += [f"    {json.dumps(name)}: {{", f'      "sha256": {json.dumps(g.sha256)},', '      "floors": {']
        datasets = list(g.floors.items())
        for j, (ds, measures) in enumerate(datasets):
            lines.append(f"        {json.dumps(ds)}: {{")
            items = list(measures.items())
            for k, (m, f) in enumerate(items):
                body = json.dumps({"floor": f.floor, "tolerance": f.tolerance, "n": f.n, "measured": f.measured})
                lines.append(f"          {json.dumps(m)}: {body}{',' if k < len(items) - 1 else ''}")
            lines.append("        }" + ("," if j < len(datasets) - 1 else ""))
        lines += ["      }", "    }" + ("," if i < len(files) - 1 else "")]
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"
