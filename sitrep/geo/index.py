"""Lookup structures that keep toponym resolution linear in the number of mentions.

* ``Anchors``: the confidently resolved places of an article on a grid of 1.5° cells, so "is any
  other name's place within 150 km of this candidate?" looks at a few cells, not at every mention.
* ``Spans``: NER spans sorted by start, so the spans over a mention are found by bisection.
"""
from __future__ import annotations

import bisect
import math
from collections import Counter
from typing import Protocol

NEAR_KM = 150
_CELL = 1.5  # degrees; more than the 1.35° of latitude that 150 km spans
_LON_CELLS = round(360 / _CELL)


class _Point(Protocol):
    gid: int
    lat: float
    lon: float


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in km (Earth's mean diameter 12,742 km): the one distance sitrep uses."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def km(a: _Point, b: _Point) -> float:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor((lat + 90) / _CELL), math.floor((lon + 180) / _CELL) % _LON_CELLS


class Anchors:
    """Places chosen for the names of an article, keyed by the name (its ``norm`` key)."""

    def __init__(self, chosen: list[tuple[str, _Point]]) -> None:
        self._rows: dict[int, dict[int, list[tuple[str, _Point]]]] = {}
        self._keys = Counter(k for k, _ in chosen)
        self._total = len(chosen)
        self._memo: dict[tuple[str, int, float, float], bool] = {}
        seen: set[tuple[str, int]] = set()
        for key, p in chosen:
            if (key, p.gid) in seen:
                continue  # a name repeated a hundred times is one anchor
            seen.add((key, p.gid))
            row, col = _cell(p.lat, p.lon)
            self._rows.setdefault(row, {}).setdefault(col, []).append((key, p))

    def without(self, key: str) -> NearOthers:
        return NearOthers(self, key)

    def near(self, p: _Point, key: str) -> bool:
        """Is a place chosen for a name other than ``key``, and other than ``p`` itself, within 150 km?"""
        memo_key = (key, p.gid, p.lat, p.lon)
        hit = self._memo.get(memo_key)
        if hit is None:
            hit = self._memo[memo_key] = any(
                k != key and a.gid != p.gid and km(a, p) < NEAR_KM for k, a in self._around(p))
        return hit

    def _around(self, p: _Point):  # type: ignore[no-untyped-def]
        lo_row, hi_row = math.floor((p.lat - _CELL + 90) / _CELL), math.floor((p.lat + _CELL + 90) / _CELL)
        widest = abs(p.lat) + _CELL
        if widest >= 80:
            cols = None  # near a pole every longitude is close
        else:
            dlon = _CELL / math.cos(math.radians(widest))
            first, last = math.floor((p.lon - dlon + 180) / _CELL), math.floor((p.lon + dlon + 180) / _CELL)
            cols = None if last - first + 1 >= _LON_CELLS else [c % _LON_CELLS for c in range(first, last + 1)]
        for r in range(lo_row, hi_row + 1):
            row = self._rows.get(r)
            if not row:
                continue
            for cell in (row.values() if cols is None else (row.get(c) for c in cols)):
                if cell:
                    yield from cell


class NearOthers:
    """The anchors one mention may use: those of the other names."""

    def __init__(self, anchors: Anchors, key: str) -> None:
        self._anchors = anchors
        self._key = key

    def __bool__(self) -> bool:
        return self._anchors._total - self._anchors._keys[self._key] > 0

    def near(self, p: _Point) -> bool:
        return self._anchors.near(p, self._key)


class Spans:
    """(start, end, label) spans, sorted, with the ones over a range found by bisection."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _, _ in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

    def over(self, start: int, end: int) -> list[tuple[int, int, str]]:
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [sp for sp in self._spans[lo:hi] if sp[0] < end and start < sp[1]]


def disjoint(spans: list[tuple[int, int, str]]) -> bool:
    ordered = sorted(spans)
    return all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:]))


def overlapping(items: list, ends: list[int], start: int, end: int) -> list:  # type: ignore[type-arg]
    """Items (with .start/.end, in text order, not overlapping each other) that overlap [start, end)."""
    out = []
    i = bisect.bisect_right(ends, start)
    while i < len(items) and items[i].start < end:
        if start < items[i].end:
            out.append(items[i])
        i += 1
    return out


def neighbours_by_name(named: list[tuple[str, _Point]], radius_km: float, area_km: float = 0.0,
                       counties: frozenset[str] | set[str] = frozenset()) -> dict[tuple[str, int], int]:
    """For each (name, entry) of ``named``, how many *other* names have an entry within
    ``radius_km`` of it: "Paris" and "Henry County" both have one in Tennessee a few km apart.
    A county's point is its middle: a pair with a county entry of a name in ``counties`` (one
    written as a county, "Harris County") may lie ``area_km`` further ("Columbus" and "Harris
    County", Georgia: the county's point lies 41 km from the city, its edge beside it).
    ``radius_km`` plus ``area_km`` must stay under the 150 km the grid's cells span."""
    grid = Anchors(named)
    out: dict[tuple[str, int], int] = {}
    for key, p in named:
        if (key, p.gid) in out:
            continue
        out[(key, p.gid)] = len({k for k, a in grid._around(p) if k != key and a.gid != p.gid
                                 and km(a, p) < radius_km + (area_km if _county(key, p, counties) or _county(k, a, counties) else 0.0)})
    return out


def _county(key: str, p: _Point, counties: frozenset[str] | set[str]) -> bool:
    return key in counties and getattr(p, "fcode", "") == "ADM2"
