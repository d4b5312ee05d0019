"""Reading the store: filtered, cursor-paginated incident lists, one incident, one article, stats.

Every result is a JSON-ready dict (see docs/store.md). All SQL is parameterized; the only text
spliced into SQL comes from the fixed ``_SORTS`` table.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import ConfigError
from ..models import Incident
from . import codec

#: an incident's date as the indexes order it (no date: '')
DATE_KEY = "COALESCE(i.event_date, '')"
#: sort name -> (SQL key expression, descending)
_SORTS = {
    "event_date": (DATE_KEY, False),
    "-event_date": (DATE_KEY, True),
    "fatalities": ("COALESCE(i.fatalities_best, -1)", False),
    "-fatalities": ("COALESCE(i.fatalities_best, -1)", True),
    "id": ("i.id", False),
    "-id": ("i.id", True),
}
_SUMMARY_KEYS = ("id", "event_type", "sub_event_type", "cameo", "event_date", "date_precision", "location", "actors",
                 "fatalities", "injuries", "toll_may_rise", "n_reports", "n_sources", "sources", "article_id", "grade")


def list_summary(data: dict[str, Any]) -> dict[str, Any]:
    """An incident as the list shows it (``query_incidents``), from its stored JSON: kept in its own
    column, so that a page of the list does not parse the claims, evidence and revisions of a story
    told by hundreds of reports."""
    item = {k: data.get(k) for k in _SUMMARY_KEYS}
    item["reviewed"] = bool(data.get("reviewed"))
    return item


#: rollup levels, each with the area columns its rows carry, and each period's first day as SQL
#: (SQLite's; a backend gives its own as ``rollup_periods``)
ROLLUP_LEVELS = ("country", "admin1", "admin2")
ROLLUP_AREAS = {"country": (), "admin1": ("admin1",), "admin2": ("admin1", "admin2")}
ROLLUP_PERIODS = {
    "day": "i.event_date",
    # ACLED's weeks run Saturday to Friday: step back to the Saturday (%w: Sunday 0 ... Saturday 6)
    "week": "date(i.event_date, '-' || ((CAST(strftime('%w', i.event_date) AS INTEGER) + 1) % 7) || ' days')",
    "month": "date(i.event_date, 'start of month')",
}


def _encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str) -> list[Any]:
    """The (sort key, id) a cursor holds, checked against the sort: its values are bound into SQL,
    so a crafted cursor (nested lists, an object, a huge number) must be refused here."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError, RecursionError) as e:
        raise ConfigError(f"bad cursor: {cursor[:80]!r}") from e
    if not isinstance(values, list) or len(values) != 2:
        raise ConfigError(f"bad cursor: {cursor[:80]!r}")
    key, last_id = values
    if "fatalities" in sort:
        key_ok = type(key) is int and -1 <= key <= 2**63 - 1
    else:
        key_ok = isinstance(key, str) and len(key) <= 256
    if not key_ok or not isinstance(last_id, str) or len(last_id) > 256:
        raise ConfigError(f"bad cursor for sort {sort!r}: {cursor[:80]!r}")
    return values


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


class QueryTooLong(Exception):
    """A read inside ``Store.time_limit`` ran past its time (not an error of the request: run it
    again where it may take its time)."""


class ReadMixin:
    """Reads, over SQL both backends run; the few phrases that differ are the hooks below, each
    given here as SQLite says it and overridden by ``store/postgres.py``."""

    db: Any  # the backend's connection (sqlite3, or the PostgreSQL adapter)
    query_errors: tuple[type[BaseException], ...]
    rollup_periods: dict[str, str] = ROLLUP_PERIODS

    def interrupted(self, error: BaseException) -> bool:
        """Whether ``error`` is a read stopped by ``time_limit`` (a backend that has one says)."""
        return False

    @staticmethod
    def _same_text(column: str) -> str:
        """``column`` equals a bound value, ignoring ASCII case (an index on the same expression)."""
        return f"{column} = ? COLLATE NOCASE"

    @staticmethod
    def _contains(column: str) -> str:
        """``column`` holds a bound value as a substring."""
        return f"instr({column}, ?) > 0"

    @staticmethod
    def _within_box(west: float, south: float, east: float, north: float) -> tuple[str, list[str], list[Any]]:
        """The join, conditions and values that keep incidents whose point is inside the box
        (``west > east``: it crosses the antimeridian)."""
        where, params = ["t.min_lat >= ? AND t.max_lat <= ?"], [south, north]
        if west <= east:
            where.append("t.min_lon >= ? AND t.max_lon <= ?")
        else:
            where.append("(t.min_lon >= ? OR t.max_lon <= ?)")
        params += [west, east]
        return " JOIN incidents_rtree t ON t.rid = i.rowid", where, params

    @staticmethod
    def _text_match(q: str) -> tuple[str, list[Any]]:
        """The condition that keeps incidents one of whose articles matches ``q`` (an FTS5 query,
        ``filters.fts_query``), and its values."""
        return ("i.id IN (SELECT r.incident_id FROM reports r WHERE r.article_id IN"
                " (SELECT f.article_id FROM fts_articles f WHERE f.entry IN"
                " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))"), [q]

    @staticmethod
    def _json_field(column: str, key: str) -> str:
        """The JSON text of one top-level key of a JSON text column."""
        return f"json_extract({column}, '$.{key}')"

    def _where(self, since: Any = None, until: Any = None, country: str | None = None, admin1: str | None = None,
               event_type: str | None = None, sub_event_type: str | None = None, actor: str | None = None,
               min_fatalities: int | None = None, bbox: tuple[float, float, float, float] | None = None,
               q: str | None = None, grades: Sequence[str] | None = None,
               admin2: str | None = None) -> tuple[str, list[Any], str]:
        where, params, join = ["1 = 1"], [], ""
        # dates are compared as the date indexes hold them (COALESCE(event_date, ''), an incident with no
        # date sorting first), so one index serves a range, its order and the keyset cursor together
        if since is not None:
            where.append(f"{DATE_KEY} >= ?")
            params.append(_iso(since))
        if until is not None:
            where.append(f"{DATE_KEY} > '' AND {DATE_KEY} <= ?")
            params.append(_iso(until))
        if country:
            # an ISO code or a name, one column each, so the planner can use that column's index
            where.append(self._same_text("i.country_code" if len(country) == 2 else "i.country"))
            params.append(country)
        if admin1:
            where.append(self._same_text("i.admin1"))
            params.append(admin1)
        if admin2:
            where.append(self._same_text("i.admin2"))
            params.append(admin2)
        if event_type:
            where.append("i.event_type = ?")
            params.append(event_type)
        if sub_event_type:
            where.append("i.sub_event_type = ?")
            params.append(sub_event_type)
        if actor:
            where.append(self._contains("i.actors"))
            params.append(actor.lower())
        if min_fatalities is not None:
            where.append("i.fatalities_best >= ?")
            params.append(int(min_fatalities))
        if bbox is not None:
            west, south, east, north = (float(v) for v in bbox)
            join, box, values = self._within_box(west, south, east, north)
            where += box
            params += values
        if grades:
            where.append(f"i.grade IN ({','.join('?' * len(grades))})")
            params += list(grades)
        if q:
            matching, values = self._text_match(q)
            where.append(matching)
            params += values
        return " AND ".join(where), params, join

    def query_incidents(self, *, since: Any = None, until: Any = None, country: str | None = None,
                        admin1: str | None = None, event_type: str | None = None, sub_event_type: str | None = None,
                        actor: str | None = None, min_fatalities: int | None = None,
                        bbox: tuple[float, float, float, float] | None = None, q: str | None = None,
                        grades: Sequence[str] | None = None, sort: str = "-event_date", cursor: str | None = None,
                        limit: int = 50, admin2: str | None = None, raw: bool = False) -> tuple[list[Any], str | None]:
        """One page of incident summaries and the cursor of the next page (None at the end); ``raw``:
        each summary as the JSON text the store holds (the API sends it on as it is)."""
        if sort not in _SORTS:
            raise ConfigError(f"sort must be one of {sorted(_SORTS)}, not {sort!r}")
        key, desc = _SORTS[sort]
        where, params, join = self._where(since, until, country, admin1, event_type, sub_event_type, actor,
                                          min_fatalities, bbox, q, grades, admin2)
        if cursor:
            last_key, last_id = _decode_cursor(cursor, sort)
            op = "<" if desc else ">"
            where += f" AND ({key} {op} ? OR ({key} = ? AND i.id {op} ?))"
            params += [last_key, last_key, last_id]
        order = "DESC" if desc else "ASC"
        limit = max(1, min(int(limit), 1000))
        page = f"FROM incidents i{join} WHERE {where} ORDER BY k {order}, i.id {order} LIMIT ?"
        # a search, or a box, sorts every incident it matched: sort their ids and keys, then read the
        # page's rows (PostgreSQL sorts a box's ids and dates from its index alone, migration 17)
        if q or bbox is not None:
            sql = (f"SELECT i.id, i.summary, p.k FROM (SELECT i.id, {key} AS k {page}) p"
                   f" JOIN incidents i ON i.id = p.id ORDER BY p.k {order}, p.id {order}")
        else:
            sql = f"SELECT i.id, i.summary, {key} AS k {page}"
        try:
            rows = self.db.execute(sql, (*params, limit + 1)).fetchall()
        except self.query_errors as e:
            if self.interrupted(e):
                raise QueryTooLong("the list ran past its time limit") from e
            raise ConfigError(f"bad query: {e}") from e
        page = rows[:limit]
        items = [r["summary"] if raw else json.loads(r["summary"]) for r in page]
        next_cursor = _encode_cursor([page[-1]["k"], page[-1]["id"]]) if len(rows) > limit else None
        return items, next_cursor

    def iter_incidents(self, **filters: Any) -> Iterator[tuple[Incident, dict[str, Any]]]:
        """Every matching merged incident (typed) with the cluster's extras (sources, revisions...)."""
        cursor = None
        while True:
            page, cursor = self.query_incidents(sort="event_date", cursor=cursor, limit=500, **filters)
            for item in page:
                data = json.loads(self.db.execute("SELECT data FROM incidents WHERE id = ?", (item["id"],)).fetchone()[0])
                data["articles"] = [dict(r) for r in self.db.execute(
                    "SELECT DISTINCT a.id, a.title, a.url, a.outlet, a.published, a.copy_of FROM reports r"
                    " JOIN articles a ON a.id = r.article_id WHERE r.incident_id = ? ORDER BY a.published, a.id", (item["id"],))]
                # exports carry current ids only; an id retired by a merge is listed with the one it became
                data["aliases"] = [r[0] for r in self.db.execute(
                    "SELECT old_id FROM incident_aliases WHERE new_id = ? ORDER BY old_id", (item["id"],))]
                yield codec.incident(data), data
            if cursor is None:
                return

    def resolve_incident_id(self, incident_id: str) -> str | None:
        if self.db.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone():
            return incident_id
        row = self.db.execute("SELECT new_id FROM incident_aliases WHERE old_id = ?", (incident_id,)).fetchone()
        if row and self.db.execute("SELECT 1 FROM incidents WHERE id = ?", (row[0],)).fetchone():
            return str(row[0])
        return None

    def get_incident(self, incident_id: str) -> dict[str, Any] | None:
        """The full incident: claims with quotes and articles, revisions, reports, review state."""
        iid = self.resolve_incident_id(incident_id)
        if iid is None:
            return None
        data = json.loads(self.db.execute("SELECT data FROM incidents WHERE id = ?", (iid,)).fetchone()[0])
        if iid != incident_id:
            data["redirected_from"] = incident_id  # an old id: the incident was merged into this one
        claims = []
        for c in self.db.execute(
            "SELECT c.*, a.title, a.url, a.outlet, a.published, a.copy_of FROM claims c JOIN reports r ON r.id = c.report_id"
            " JOIN articles a ON a.id = c.article_id WHERE r.incident_id = ? ORDER BY a.published, a.id, c.pos", (iid,)):
            claims.append({
                "id": c["id"], "kind": c["kind"], "min": c["min"], "max": c["max"], "qualifier": c["qualifier"],
                "source": c["source"], "quote": c["quote"], "start": c["start"], "end": c["end"], "victims": c["victims"],
                "hedge": c["hedge"], "reported": c["reported"] or c["published"],
                "credible": None if c["credible"] is None else bool(c["credible"]), "report_id": c["report_id"],
                "article": {"id": c["article_id"], "title": c["title"], "url": c["url"], "outlet": c["outlet"],
                            "published": c["published"], "copy_of": c["copy_of"]},
            })
        data["claims"] = claims
        data["reports"] = [
            {"id": r["id"], "article_id": r["article_id"], "title": r["title"], "outlet": r["outlet"], "url": r["url"],
             "published": r["published"], "independent": r["copy_of"] is None, "copy_of": r["copy_of"], "manual": bool(r["manual"])}
            for r in self.db.execute(
                "SELECT r.id, r.article_id, r.manual, a.title, a.outlet, a.url, a.published, a.copy_of FROM reports r"
                " JOIN articles a ON a.id = r.article_id WHERE r.incident_id = ? ORDER BY a.published, r.id", (iid,))
        ]
        data["overrides"] = {r[0]: json.loads(r[1]) for r in self.db.execute("SELECT field, value FROM overrides WHERE incident_id = ?", (iid,))}
        data["aliases"] = [r[0] for r in self.db.execute("SELECT old_id FROM incident_aliases WHERE new_id = ? ORDER BY old_id", (iid,))]
        audit = self.audit_log(iid)  # type: ignore[attr-defined]
        data["review"] = {"reviewed": bool(data["overrides"]) or bool(audit), "fields": sorted(data["overrides"]), "audit": audit}
        return data

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT id, title, url, outlet, published, dateline, text, copy_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["copies"] = [r[0] for r in self.db.execute("SELECT id FROM articles WHERE copy_of = ? ORDER BY id", (article_id,))]
        out["incidents"] = []
        for r in self.db.execute(
            "SELECT DISTINCT i.id, i.data FROM reports r JOIN incidents i ON i.id = r.incident_id WHERE r.article_id = ? ORDER BY i.id", (article_id,)):
            d = json.loads(r["data"])
            out["incidents"].append({k: d.get(k) for k in ("id", "event_type", "sub_event_type", "event_date", "location", "fatalities")})
        return out

    def stats(self, **filters: Any) -> dict[str, Any]:
        """Counts and fatalities by ISO week, event type, country and confidence grade."""
        where, params, join = self._where(**filters)
        weeks: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        types: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        countries: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        grades: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        total = [0, 0]
        for r in self.db.execute(f"SELECT i.event_date, i.event_type, i.country, i.country_code, i.fatalities_best, i.grade FROM incidents i{join} WHERE {where}", params):
            f = r["fatalities_best"] or 0
            if r["event_date"]:
                y, w, _ = dt.date.fromisoformat(r["event_date"]).isocalendar()
                wk = f"{y}-W{w:02d}"
            else:
                wk = "unknown"
            for bucket in (weeks[wk], types[r["event_type"]], countries[(r["country"] or "", r["country_code"] or "")],
                           grades[r["grade"] or ""], total):
                bucket[0] += 1
                bucket[1] += f
        return {
            "incidents": total[0],
            "fatalities": total[1],
            "by_week": [{"week": k, "incidents": v[0], "fatalities": v[1]} for k, v in sorted(weeks.items())],
            "by_event_type": [{"event_type": k, "incidents": v[0], "fatalities": v[1]} for k, v in sorted(types.items())],
            "by_country": [{"country": k[0] or None, "country_code": k[1] or None, "incidents": v[0], "fatalities": v[1]}
                           for k, v in sorted(countries.items())],
            # the grade mix (incidents stored before grades were kept have none: null)
            "by_grade": [{"grade": k or None, "incidents": v[0], "fatalities": v[1]} for k, v in sorted(grades.items())],
        }


    def alert_rows(self, **filters: Any) -> list[dict[str, Any]]:
        """The filtered, dated incidents as alert rules read them (``brief.alerts``): id, date,
        country, admin1, event type, best fatalities and their actors (name, role), by date."""
        where, params, join = self._where(**filters)
        out = []
        for r in self.db.execute(
                f"SELECT i.id, i.event_date, i.country_code, i.country, i.admin1, i.event_type, i.fatalities_best,"
                f" {self._json_field('i.data', 'actors')} AS actors FROM incidents i{join} WHERE {where} AND {DATE_KEY} > ''"
                f" ORDER BY {DATE_KEY}, i.id", params):
            actors = [{"name": a.get("name"), "role": a.get("role")} for a in json.loads(r["actors"] or "[]") if a.get("name")]
            out.append({"id": r["id"], "event_date": r["event_date"], "country_code": r["country_code"], "country": r["country"],
                        "admin1": r["admin1"], "event_type": r["event_type"], "fatalities": r["fatalities_best"], "actors": actors})
        return out

    def generation(self) -> int:
        """A number that changes whenever the incidents change (any process, any write): an answer
        computed after reading it stays true while it stays the same."""
        return int(self.db.execute("SELECT n FROM generation WHERE id = 1").fetchone()[0])

    def rollup(self, level: str = "country", period: str = "week", **filters: Any) -> list[dict[str, Any]]:
        """Incidents and fatalities (sums of low, best, high) per area and period, for the filtered
        incidents: ``level`` country, admin1 or admin2 (an admin2 row carries its country and admin1 too;
        incidents whose place has no known admin2 fall in their admin1's row with admin2 null),
        ``period`` day, week (ACLED's: Saturday to Friday, named by its Saturday) or month (named by its
        first day). Rows sorted by area, then period; incidents with no date are left out."""
        if level not in ROLLUP_LEVELS:
            raise ConfigError(f"level must be one of {', '.join(ROLLUP_LEVELS)}, not {level!r}")
        if period not in ROLLUP_PERIODS:
            raise ConfigError(f"period must be one of {', '.join(ROLLUP_PERIODS)}, not {period!r}")
        where, params, join = self._where(**filters)
        area = ", ".join(f"i.{c}" for c in ("country_code", "country", *ROLLUP_AREAS[level]))
        order = ", ".join(f"{c} NULLS FIRST" for c in area.split(", "))  # as SQLite sorts them, on both
        start = self.rollup_periods[period]
        # a range's missing bound falls back to the nearest known one (best to low, high to best)
        # (fatalities_best already falls back to low)
        sql = (f"SELECT {area}, {start} AS period, COUNT(*) AS n, SUM(COALESCE(i.fatalities_low, 0)) AS low,"
               " SUM(COALESCE(i.fatalities_best, 0)) AS best, SUM(COALESCE(i.fatalities_high, i.fatalities_best, 0)) AS high"
               f" FROM incidents i{join} WHERE {where} AND i.event_date IS NOT NULL"
               f" GROUP BY {area}, period ORDER BY {order}, period")
        out = []
        for r in self.db.execute(sql, params):
            row: dict[str, Any] = {"country_code": r["country_code"], "country": r["country"]}
            for c in ROLLUP_AREAS[level]:
                row[c] = r[c]
            row.update(period=r["period"], incidents=r["n"], fatalities={k: int(r[k]) for k in ("low", "best", "high")})  # PostgreSQL sums as numeric
            out.append(row)
        return out


def article_groups(db: Any) -> list[list[str]]:
    """Articles that share at least one incident, as groups (for pair precision/recall)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in db.execute("SELECT id FROM articles", ()):
        find(r[0])
    first: dict[str, str] = {}  # incident id -> its first article seen
    for r in db.execute("SELECT DISTINCT incident_id, article_id FROM reports", ()):
        if r[0] in first:
            parent[find(r[1])] = find(first[r[0]])
        else:
            first[r[0]] = r[1]
            find(r[1])
    groups: dict[str, list[str]] = defaultdict(list)
    for a in list(parent):
        groups[find(a)].append(a)
    return sorted(sorted(g) for g in groups.values())
