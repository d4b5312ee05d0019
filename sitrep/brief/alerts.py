"""Alerts: the rules analysts already use to say "something changed here", evaluated on incidents.

Each rule is named and documented, with its thresholds, in ``data/alerts.toml``:

    surge       ACLED's subnational surge (an admin1's violent events last week vs the 4 weeks before)
    threat      ACLED's subnational threat (last month vs the monthly mean of the past year)
    fatalities  OCHA HDX Signals (a country's 30-day fatality sum not seen in 1 or 3 years, >= 100)
    new_actor   a named actor active in an admin1 this week, not seen there in the year before

Windows end on the as-of date: "last week" is the 7 days ending on it, "last month" the 30 days,
the baselines the same-sized periods just before. Every alert lists the incidents behind it (those
of its area in the window that fired). Input rows come from ``Store.alert_rows``.
"""
from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return tomllib.loads(resources.files("sitrep.brief").joinpath("data/alerts.toml").read_text("utf-8"))


@dataclass(slots=True)
class Alert:
    rule: str
    country_code: str | None
    country: str | None
    admin1: str | None
    as_of: str
    value: float  # what the rule measured (events, fatalities)
    baseline: float | None  # what it was compared with
    message: str
    incident_ids: list[str] = field(default_factory=list)
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class Row:
    """One incident as the rules see it."""

    id: str
    day: dt.date
    country_code: str | None
    country: str | None
    admin1: str | None
    event_type: str
    fatalities: int
    actors: tuple[str, ...] = ()  # the actors who acted: perpetrators and parties (not victims or targets)


#: the roles of an actor that is "active" in an area (a victim or a target is not)
ACTING = ("perpetrator", "party")


def rows_from(records: Iterable[dict[str, Any]]) -> list[Row]:
    """``Store.alert_rows`` dicts as rows (undated incidents are left out)."""
    out = []
    for r in records:
        if not r.get("event_date"):
            continue
        acting = tuple(a["name"] for a in r.get("actors") or () if isinstance(a, dict) and a.get("role") in ACTING)
        out.append(Row(r["id"], dt.date.fromisoformat(r["event_date"]), r.get("country_code"), r.get("country"),
                       r.get("admin1"), r.get("event_type") or "", int(r.get("fatalities") or 0), acting))
    return out


def _between(rows: Sequence[Row], first: dt.date, last: dt.date) -> list[Row]:
    return [r for r in rows if first <= r.day <= last]


def _by_admin1(rows: Iterable[Row]) -> dict[tuple[str | None, str | None, str], list[Row]]:
    out: dict[tuple[str | None, str | None, str], list[Row]] = defaultdict(list)
    for r in rows:
        if r.admin1:
            out[(r.country_code, r.country, r.admin1)].append(r)
    return out


def _violent_areas(rows: Sequence[Row]) -> list[tuple[tuple[str | None, str | None, str], list[Row]]]:
    """Each admin1's violent events (``violent_types``), areas in order."""
    violent = set(rules()["violent_types"])
    return sorted(_by_admin1(r for r in rows if r.event_type in violent).items(), key=_key)


def surge(rows: Sequence[Row], as_of: dt.date) -> list[Alert]:
    cfg = rules()["surge"]
    weeks = int(cfg["baseline_weeks"])
    out = []
    for (cc, country, admin1), area in _violent_areas(rows):
        last = _between(area, as_of - dt.timedelta(days=6), as_of)
        before = _between(area, as_of - dt.timedelta(days=7 * (weeks + 1) - 1), as_of - dt.timedelta(days=7))
        mean = len(before) / weeks
        if len(last) >= int(cfg["min_events"]) and len(last) >= float(cfg["factor"]) * mean:
            out.append(Alert("surge", cc, country, admin1, as_of.isoformat(), len(last), round(mean, 2),
                             f"{len(last)} violent events in {admin1} in the week to {as_of}, against a weekly mean of "
                             f"{mean:.2f} in the {weeks} weeks before", [r.id for r in last]))
    return out


def threat(rows: Sequence[Row], as_of: dt.date) -> list[Alert]:
    cfg = rules()["threat"]
    months = int(cfg["baseline_months"])
    out = []
    for (cc, country, admin1), area in _violent_areas(rows):
        last = _between(area, as_of - dt.timedelta(days=29), as_of)
        before = _between(area, as_of - dt.timedelta(days=30 * (months + 1) - 1), as_of - dt.timedelta(days=30))
        weekly = len(_between(area, as_of - dt.timedelta(days=27), as_of)) / 4
        mean = len(before) / months
        if weekly >= float(cfg["min_weekly_mean"]) and len(last) >= float(cfg["factor"]) * mean:
            out.append(Alert("threat", cc, country, admin1, as_of.isoformat(), len(last), round(mean, 2),
                             f"{len(last)} violent events in {admin1} in the 30 days to {as_of}, against a monthly mean of "
                             f"{mean:.2f} in the {months} months before", [r.id for r in last]))
    return out


def rolling_sums(days: dict[dt.date, int], first: dt.date, last: dt.date, window: int) -> dict[dt.date, int]:
    """The sum over the ``window`` days ending on each day from ``first`` to ``last``."""
    out: dict[dt.date, int] = {}
    total = sum(v for d, v in days.items() if first - dt.timedelta(days=window - 1) <= d <= first)
    day = first
    while day <= last:
        out[day] = total
        nxt = day + dt.timedelta(days=1)
        total += days.get(nxt, 0) - days.get(nxt - dt.timedelta(days=window), 0)
        day = nxt
    return out


def fatalities(rows: Sequence[Row], as_of: dt.date) -> list[Alert]:
    cfg = rules()["fatalities"]
    window = int(cfg["window_days"])
    lookbacks = sorted(int(y) for y in cfg["lookback_years"])
    by_country: dict[tuple[str | None, str | None], list[Row]] = defaultdict(list)
    for r in rows:
        if r.country_code:
            by_country[(r.country_code, r.country)].append(r)
    out = []
    for (cc, country), area in sorted(by_country.items(), key=lambda kv: kv[0][0] or ""):
        days: dict[dt.date, int] = defaultdict(int)
        for r in area:
            days[r.day] += r.fatalities
        start = as_of - dt.timedelta(days=365 * lookbacks[-1])
        sums = rolling_sums(days, start, as_of, window)
        now = sums[as_of]
        if now < int(cfg["min_fatalities"]):
            continue
        beaten = [y for y in lookbacks
                  if now > max((v for d, v in sums.items() if as_of - dt.timedelta(days=365 * y) <= d <= as_of - dt.timedelta(days=window)), default=0)]
        if not beaten:
            continue
        before = max((v for d, v in sums.items() if as_of - dt.timedelta(days=365 * beaten[0]) <= d <= as_of - dt.timedelta(days=window)), default=0)
        last = _between(area, as_of - dt.timedelta(days=window - 1), as_of)
        out.append(Alert("fatalities", cc, country, None, as_of.isoformat(), now, before,
                         f"{now} fatalities in {country or cc} in the {window} days to {as_of}: more than in any {window} days "
                         f"of the past {beaten[-1]} year(s) (highest {before})", [r.id for r in last]))
    return out


def new_actor(rows: Sequence[Row], as_of: dt.date) -> list[Alert]:
    cfg = rules()["new_actor"]
    window, lookback = int(cfg["window_days"]), int(cfg["lookback_days"])
    ignore = tuple(cfg["ignore_prefixes"])
    out = []
    for (cc, country, admin1), area in sorted(_by_admin1(rows).items(), key=_key):
        last = _between(area, as_of - dt.timedelta(days=window - 1), as_of)
        seen = {a for r in _between(area, as_of - dt.timedelta(days=window + lookback - 1), as_of - dt.timedelta(days=window))
                for a in r.actors}
        new: dict[str, list[str]] = {}
        for r in last:
            for a in r.actors:
                if a not in seen and not a.startswith(ignore):
                    new.setdefault(a, []).append(r.id)
        for actor, ids in sorted(new.items()):
            out.append(Alert("new_actor", cc, country, admin1, as_of.isoformat(), len(ids), None,
                             f"{actor} active in {admin1} in the {window} days to {as_of}, not seen there in the {lookback} days before",
                             ids, actor=actor))
    return out


RULES = {"surge": surge, "threat": threat, "fatalities": fatalities, "new_actor": new_actor}


def history_days() -> int:
    """How many days up to its as-of day the rules read: the longest window and look-back of any
    rule (the fatalities rule's 30-day sums over the past 3 years, as the data file sets them).
    Rows older than that change no alert, so callers need not read them."""
    r = rules()
    return max(7 * (int(r["surge"]["baseline_weeks"]) + 1),
               30 * (int(r["threat"]["baseline_months"]) + 1),
               365 * max(int(y) for y in r["fatalities"]["lookback_years"]) + int(r["fatalities"]["window_days"]),
               int(r["new_actor"]["window_days"]) + int(r["new_actor"]["lookback_days"]))


def as_of_day(rows: Sequence[Row], as_of: dt.date | None = None) -> dt.date | None:
    """The day the rules are evaluated on: ``as_of``, else the latest event date (None: no rows)."""
    return as_of or max((r.day for r in rows), default=None)


def evaluate(rows: Sequence[Row], as_of: dt.date | None = None, only: Iterable[str] | None = None) -> list[Alert]:
    """Every alert that fires as of ``as_of`` (default: the latest event date among ``rows``)."""
    day = as_of_day(rows, as_of)
    if day is None:
        return []
    out: list[Alert] = []
    for name in only or RULES:
        out += RULES[name](rows, day)
    return out


def _key(item: tuple[tuple[str | None, str | None, str], list[Row]]) -> tuple[str, str]:
    (cc, _, admin1), _rows = item
    return (cc or "", admin1)
