"""Review: a person corrects, merges, splits and weighs claims; every act is logged and undoable.

Corrections are stored as overrides and applied after every re-merge, so a later ingest never
overwrites a reviewed field. Merges and splits are must-/cannot-links between reports that the
clustering honours.
"""
from __future__ import annotations

import dataclasses
import hashlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..errors import ConfigError, StoreError
from ..models import ACLED_TYPES, DatePrecision, Incident
from . import codec

FIELDS = ("event_type", "sub_event_type", "cameo", "event_date", "date_precision", "location", "actors",
          "fatalities", "injuries", "toll_may_rise", "notes")


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
        elif name != "notes":
            setattr(inc, name, value)
    return inc


def _check(name: str, value: Any) -> None:
    if name not in FIELDS:
        raise ConfigError(f"field must be one of {', '.join(FIELDS)}, not {name!r}")
    if name == "event_type" and value not in ACLED_TYPES:
        raise ConfigError(f"unknown event_type {value!r}")
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
    db: sqlite3.Connection

    def _audit(self, user: str, action: str, incident_id: str | None, before: Any, after: Any) -> int:
        if not user:
            raise ConfigError("review actions need a user")
        cur = self.db.execute(
            "INSERT INTO audit(at, user, action, incident_id, before, after) VALUES (?,?,?,?,?,?)",
            (dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), user, action, incident_id,
             json.dumps(before, default=str), json.dumps(after, default=str)),
        )
        return int(cur.lastrowid or 0)

    def _need(self, incident_id: str) -> str:
        iid = self.resolve_incident_id(incident_id)  # type: ignore[attr-defined]
        if iid is None:
            raise StoreError(f"no incident {incident_id!r}")
        return str(iid)

    def _set_override(self, iid: str, name: str, value: Any) -> None:
        if value is _UNSET:
            self.db.execute("DELETE FROM overrides WHERE incident_id = ? AND field = ?", (iid, name))
        else:
            self.db.execute("INSERT OR REPLACE INTO overrides(incident_id, field, value) VALUES (?,?,?)",
                            (iid, name, json.dumps(value, default=str)))

    def correct_field(self, incident_id: str, field: str, value: Any, user: str) -> int:
        """Set one field of an incident by hand; returns the audit id."""
        _check(field, value)
        with self.transaction():  # type: ignore[attr-defined]
            iid = self._need(incident_id)
            row = self.db.execute("SELECT value FROM overrides WHERE incident_id = ? AND field = ?", (iid, field)).fetchone()
            current = json.loads(self.db.execute("SELECT data FROM incidents WHERE id = ?", (iid,)).fetchone()[0]).get(field)
            before = {"field": field, "value": current, "override": json.loads(row[0]) if row else None, "had_override": row is not None}
            self._set_override(iid, field, value)
            self.materialize(iid)  # type: ignore[attr-defined]
            return self._audit(user, "correct_field", iid, before, {"field": field, "value": value})

    def merge_incidents(self, ids: Iterable[str], user: str) -> str:
        """Merge incidents into one (must-links between their reports); returns its id."""
        with self.transaction():  # type: ignore[attr-defined]
            iids = sorted({self._need(i) for i in ids})
            if len(iids) < 2:
                raise ConfigError("merge needs two or more incidents")
            reports = {i: [r[0] for r in self.db.execute("SELECT id FROM reports WHERE incident_id = ? ORDER BY id", (i,))] for i in iids}
            added = []
            lead = [reports[i][0] for i in iids]
            # every report with every other: a cluster is checked for coherence member by member,
            # so links between the leads alone would leave the other reports behind
            everyone = sorted(r for i in iids for r in reports[i])
            for a in everyone:
                for b in everyone:
                    if a < b:
                        self.db.execute("DELETE FROM constraints WHERE a = ? AND b = ? AND kind = 'cannot'", (a, b))
                        if self.db.execute("INSERT OR IGNORE INTO constraints(a, b, kind) VALUES (?,?, 'must')", (a, b)).rowcount:
                            added.append([a, b])
            written = self.recluster(lead)  # type: ignore[attr-defined]
            new_id = self.db.execute("SELECT incident_id FROM reports WHERE id = ?", (lead[0],)).fetchone()[0]
            self._audit(user, "merge_incidents", new_id, {"incidents": reports}, {"incident": new_id, "must": added, "written": written})
            return str(new_id)

    def split_incident(self, incident_id: str, claim_ids: Iterable[str], user: str) -> str:
        """Move claims into a new incident of their own; returns its id."""
        claim_ids = sorted(set(claim_ids))
        with self.transaction():  # type: ignore[attr-defined]
            iid = self._need(incident_id)
            if not claim_ids:
                raise ConfigError("split needs at least one claim id")
            marks = ",".join("?" * len(claim_ids))
            rows = self.db.execute(
                f"SELECT c.id, c.report_id, r.article_id, r.data, r.sig FROM claims c JOIN reports r ON r.id = c.report_id"
                f" WHERE c.id IN ({marks}) AND r.incident_id = ?", (*claim_ids, iid)).fetchall()
            if len(rows) != len(claim_ids):
                raise StoreError(f"not all of {claim_ids} are claims of incident {iid}")
            source = rows[0]
            article_id = source["article_id"]
            pub = self.db.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
            published = codec.date_or_none(pub)
            new_rid = "m" + hashlib.sha256("|".join(claim_ids).encode()).hexdigest()[:16]
            inc = codec.incident(json.loads(source["data"]))
            inc.claims = []
            self._insert_report(article_id, published, inc, manual=True, rid=new_rid)  # type: ignore[attr-defined]
            moved = {r["id"]: r["report_id"] for r in rows}
            for cid in claim_ids:
                self.db.execute("UPDATE claims SET report_id = ? WHERE id = ?", (new_rid, cid))
            others = [r[0] for r in self.db.execute("SELECT id FROM reports WHERE incident_id = ? AND id != ?", (iid, new_rid))]
            cannot = []
            for other in others:
                a, b = sorted((other, new_rid))
                self.db.execute("DELETE FROM constraints WHERE a = ? AND b = ?", (a, b))
                self.db.execute("INSERT INTO constraints(a, b, kind) VALUES (?,?, 'cannot')", (a, b))
                cannot.append([a, b])
            self.recluster([new_rid, *others])  # type: ignore[attr-defined]
            new_id = self.db.execute("SELECT incident_id FROM reports WHERE id = ?", (new_rid,)).fetchone()[0]
            self._audit(user, "split_incident", iid, {"incident": iid, "claims": moved}, {"incident": new_id, "report": new_rid, "cannot": cannot})
            return str(new_id)

    def mark_claim(self, claim_id: str, credible: bool, user: str) -> int:
        """Mark a claim (not) credible; low/best/high ignore claims marked not credible."""
        with self.transaction():  # type: ignore[attr-defined]
            row = self.db.execute("SELECT c.credible, r.incident_id FROM claims c JOIN reports r ON r.id = c.report_id WHERE c.id = ?", (claim_id,)).fetchone()
            if row is None:
                raise StoreError(f"no claim {claim_id!r}")
            self.db.execute("UPDATE claims SET credible = ? WHERE id = ?", (int(bool(credible)), claim_id))
            self.materialize(row["incident_id"])  # type: ignore[attr-defined]
            return self._audit(user, "mark_claim", row["incident_id"], {"claim": claim_id, "credible": row["credible"]},
                               {"claim": claim_id, "credible": int(bool(credible))})

    def undo(self, audit_id: int, user: str) -> int:
        """Revert one review action; returns the audit id of the undo."""
        with self.transaction():  # type: ignore[attr-defined]
            row = self.db.execute("SELECT * FROM audit WHERE id = ?", (audit_id,)).fetchone()
            if row is None:
                raise StoreError(f"no audit entry {audit_id}")
            if row["undone_by"] is not None:
                raise StoreError(f"audit entry {audit_id} was already undone (by {row['undone_by']})")
            before, after, action = json.loads(row["before"]), json.loads(row["after"]), row["action"]
            if action == "correct_field":
                iid = self._need(row["incident_id"])
                self._set_override(iid, before["field"], before["override"] if before["had_override"] else _UNSET)
                self.materialize(iid)  # type: ignore[attr-defined]
                touched = iid
            elif action == "mark_claim":
                self.db.execute("UPDATE claims SET credible = ? WHERE id = ?", (before["credible"], before["claim"]))
                touched = self.db.execute("SELECT incident_id FROM reports r JOIN claims c ON c.report_id = r.id WHERE c.id = ?", (before["claim"],)).fetchone()[0]
                self.materialize(touched)  # type: ignore[attr-defined]
            elif action == "merge_incidents":
                for a, b in after["must"]:
                    self.db.execute("DELETE FROM constraints WHERE a = ? AND b = ? AND kind = 'must'", (a, b))
                leads = [rs[0] for rs in before["incidents"].values()]
                for a in leads:
                    for b in leads:
                        if a < b:
                            self.db.execute("INSERT OR IGNORE INTO constraints(a, b, kind) VALUES (?,?, 'cannot')", (a, b))
                self.recluster([r for rs in before["incidents"].values() for r in rs])  # type: ignore[attr-defined]
                touched = after["incident"]
            elif action == "split_incident":
                for cid, rid in before["claims"].items():
                    self.db.execute("UPDATE claims SET report_id = ? WHERE id = ?", (rid, cid))
                for a, b in after["cannot"]:
                    self.db.execute("DELETE FROM constraints WHERE a = ? AND b = ?", (a, b))
                rid = after["report"]
                others = [r[0] for r in self.db.execute("SELECT id FROM reports WHERE incident_id IN (SELECT incident_id FROM reports WHERE id = ?) AND id != ?", (rid, rid))]
                self.db.execute("DELETE FROM blocks WHERE report_id = ?", (rid,))
                self.db.execute("DELETE FROM links WHERE a = ? OR b = ?", (rid, rid))
                self.db.execute("DELETE FROM reports WHERE id = ?", (rid,))
                self.recluster(list(before["claims"].values()) + others)  # type: ignore[attr-defined]
                touched = before["incident"]
            else:
                raise StoreError(f"cannot undo {action!r}")
            new = self._audit(user, "undo", touched, {"audit_id": audit_id}, {"undid": action})
            self.db.execute("UPDATE audit SET undone_by = ? WHERE id = ?", (new, audit_id))
            return new

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


_UNSET: Any = object()
