"""Review: a person corrects, merges, splits and weighs claims; every act is logged and undoable.

Corrections are stored as overrides and applied after every re-merge, so a later ingest never
overwrites a reviewed field. Merges and splits are must-/cannot-links between reports that the
clustering honours.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from ..errors import ConfigError, StoreError
from ..models import ACLED_TYPES, GRADES, DatePrecision, Incident
from . import codec

FIELDS = ("event_type", "sub_event_type", "cameo", "event_date", "date_precision", "location", "actors",
          "fatalities", "injuries", "toll_may_rise", "notes", "grade")


def apply_overrides(incident: Incident, overrides: dict[str, Any]) -> Incident:
    inc = dataclasses.replace(incident)
    for name, value in overrides.items():
        if name == "event_date":
            inc.event_date = codec.date_or_none(value)
        elif name == "location":
            inc.location = codec.place(value)
        elif name == "actors":
            inc.actors = [codec.actor(a) for a in value or []]
        elif name in ("fatalities", "injuries"):
            setattr(inc, name, codec.range_(value))
        elif name == "date_precision":
            inc.date_precision = DatePrecision.of(value)
        elif name not in ("notes", "grade"):  # kept beside the incident's fields (``Store.write_incident``)
            setattr(inc, name, value)
    return inc


def check_value(name: str, value: Any) -> None:
    if name not in FIELDS:
        raise ConfigError(f"field must be one of {', '.join(FIELDS)}, not {name!r}")
    if name == "event_type" and value not in ACLED_TYPES:
        raise ConfigError(f"unknown event_type {value!r}")
    if name == "grade" and value not in GRADES:
        raise ConfigError(f"grade must be one of {', '.join(GRADES)}, not {value!r}")
    if name == "event_date" and value is not None:
        codec.date_or_none(value)
    if name == "date_precision":
        try:
            DatePrecision.of(value)
        except ValueError as e:
            raise ConfigError(str(e)) from None
    if name in ("fatalities", "injuries") and not isinstance(value, dict):
        raise ConfigError(f"{name} must be {{low, best, high}}")


class ReviewMixin:
    """The rows of review: overrides, constraints, claim marks and the audit log. The actions
    that use them (and re-cluster or re-merge after) are ``reconcile.review.ReviewActions``."""

    db: Any  # the backend's connection (sqlite3, or the PostgreSQL adapter)

    def audit(self, user: str, action: str, incident_id: str | None, before: Any, after: Any) -> int:
        """Log one review action; returns its audit id."""
        if not user:
            raise ConfigError("review actions need a user")
        cur = self.db.execute(
            'INSERT INTO audit(at, "user", action, incident_id, before, after) VALUES (?,?,?,?,?,?) RETURNING id',
            (dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), user, action, incident_id,
             json.dumps(before, default=str), json.dumps(after, default=str)),
        )
        return int(cur.fetchone()[0])

    def audit_entry(self, audit_id: int) -> dict[str, Any]:
        """One action not yet undone: its action, incident id, before and after."""
        row = self.db.execute("SELECT * FROM audit WHERE id = ?", (audit_id,)).fetchone()
        if row is None:
            raise StoreError(f"no audit entry {audit_id}")
        if row["undone_by"] is not None:
            raise StoreError(f"audit entry {audit_id} was already undone (by {row['undone_by']})")
        return {"action": row["action"], "incident_id": row["incident_id"], "before": json.loads(row["before"]),
                "after": json.loads(row["after"])}

    def mark_undone(self, audit_id: int, by: int) -> None:
        self.db.execute("UPDATE audit SET undone_by = ? WHERE id = ?", (by, audit_id))

    def need_incident(self, incident_id: str) -> str:
        """The incident's current id (an old id answers for the incident it was merged into)."""
        iid = self.resolve_incident_id(incident_id)  # type: ignore[attr-defined]
        if iid is None:
            raise StoreError(f"no incident {incident_id!r}")
        return str(iid)

    def set_field(self, incident_id: str, field: str, value: Any) -> tuple[str, dict[str, Any]]:
        """Override one field of an incident; returns its id and what the field was (for undo)."""
        check_value(field, value)
        iid = self.need_incident(incident_id)
        row = self.db.execute("SELECT value FROM overrides WHERE incident_id = ? AND field = ?", (iid, field)).fetchone()
        current = json.loads(self.db.execute("SELECT data FROM incidents WHERE id = ?", (iid,)).fetchone()[0]).get(field)
        before = {"field": field, "value": current, "override": json.loads(row[0]) if row else None, "had_override": row is not None}
        self.set_override(iid, field, value)
        return iid, before

    def set_override(self, iid: str, name: str, value: Any) -> None:
        """Set a reviewed field (``UNSET`` removes the override)."""
        if value is UNSET:
            self.db.execute("DELETE FROM overrides WHERE incident_id = ? AND field = ?", (iid, name))
        else:
            self.db.execute("INSERT INTO overrides(incident_id, field, value) VALUES (?,?,?)"
                            " ON CONFLICT(incident_id, field) DO UPDATE SET value = excluded.value",
                            (iid, name, json.dumps(value, default=str)))

    def constrain(self, a: str, b: str, kind: str, replace: bool = True) -> bool:
        """A reviewer's must- or cannot-link between two reports (``a < b``), replacing a link of
        the other kind unless ``replace`` is False; True when it is new."""
        if replace:
            self.db.execute("DELETE FROM constraints WHERE a = ? AND b = ? AND kind != ?", (a, b, kind))
        return bool(self.db.execute("INSERT INTO constraints(a, b, kind) VALUES (?,?,?) ON CONFLICT DO NOTHING", (a, b, kind)).rowcount)

    def unconstrain(self, a: str, b: str, kind: str | None = None) -> None:
        if kind is None:
            self.db.execute("DELETE FROM constraints WHERE a = ? AND b = ?", (a, b))
        else:
            self.db.execute("DELETE FROM constraints WHERE a = ? AND b = ? AND kind = ?", (a, b, kind))

    def claims_of(self, incident_id: str, claim_ids: list[str]) -> list[tuple[str, str, str, Incident]]:
        """(claim id, report id, article id, the report's incident without claims) for each of
        ``claim_ids``; a StoreError unless all are claims of the incident."""
        marks = ",".join("?" * len(claim_ids))
        rows = self.db.execute(
            f"SELECT c.id, c.report_id, r.article_id, r.data FROM claims c JOIN reports r ON r.id = c.report_id"
            f" WHERE c.id IN ({marks}) AND r.incident_id = ?", (*claim_ids, incident_id)).fetchall()
        if len(rows) != len(claim_ids):
            raise StoreError(f"not all of {claim_ids} are claims of incident {incident_id}")
        out = []
        for r in rows:
            inc = codec.incident(json.loads(r["data"]))
            inc.claims = []
            out.append((r["id"], r["report_id"], r["article_id"], inc))
        return out

    def published(self, article_id: str) -> dt.date | None:
        row = self.db.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
        return codec.date_or_none(row[0]) if row else None

    def move_claim(self, claim_id: str, report_id: str) -> None:
        self.db.execute("UPDATE claims SET report_id = ? WHERE id = ?", (report_id, claim_id))

    def drop_report(self, report_id: str) -> None:
        """Remove a (reviewer-made, emptied) report, its block entries and its links."""
        self.db.execute("DELETE FROM blocks WHERE report_id = ?", (report_id,))
        self.db.execute("DELETE FROM links WHERE a = ? OR b = ?", (report_id, report_id))
        self.db.execute("DELETE FROM reports WHERE id = ?", (report_id,))

    def set_credible(self, claim_id: str, credible: int | None) -> tuple[str, int | None]:
        """Mark a claim (not) credible (None: unmarked); returns its incident id and the mark it had."""
        row = self.db.execute("SELECT c.credible, r.incident_id FROM claims c JOIN reports r ON r.id = c.report_id WHERE c.id = ?", (claim_id,)).fetchone()
        if row is None:
            raise StoreError(f"no claim {claim_id!r}")
        self.db.execute("UPDATE claims SET credible = ? WHERE id = ?", (credible, claim_id))
        return row["incident_id"], row["credible"]

    def audit_log(self, incident_id: str | None = None) -> list[dict[str, Any]]:
        """Review actions, newest first: who, when, before, after."""
        if incident_id is None:
            rows = self.db.execute("SELECT * FROM audit ORDER BY id DESC").fetchall()
        else:
            ids = [incident_id] + [r[0] for r in self.db.execute("SELECT old_id FROM incident_aliases WHERE new_id = ?", (incident_id,))]
            marks = ",".join("?" * len(ids))
            rows = self.db.execute(f"SELECT * FROM audit WHERE incident_id IN ({marks}) ORDER BY id DESC", ids).fetchall()
        return [{"id": r["id"], "at": r["at"], "user": r["user"], "action": r["action"], "incident_id": r["incident_id"],
                 "before": json.loads(r["before"]), "after": json.loads(r["after"]), "undone_by": r["undone_by"]} for r in rows]


#: ``set_override``'s value that removes an override
UNSET: Any = object()
