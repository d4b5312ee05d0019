"""A reviewer's decisions on incident identity and figures: correct a field, merge incidents, split
claims off into an incident of their own, weigh a claim, undo any of these.

Merges and splits are must- and cannot-links between reports in the match graph that clustering
honours (``across.Incidents.recluster``); corrections are overrides applied after every re-merge,
so a later ingest never overwrites a reviewed field. Every action is logged in the store's audit
table with what it changed, in one transaction with the change.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, StoreError
from ..store.review import UNSET

if TYPE_CHECKING:
    import datetime as dt

    from ..models import Incident
    from ..store import Store
    from .merge import Signature


class ReviewActions:
    """Mixed into ``across.Incidents``: the actions re-cluster and re-merge what they change."""

    store: Store

    if TYPE_CHECKING:  # provided by ``across.Incidents``
        def recluster(self, report_ids: Iterable[str], changed: set[str] | None = None) -> list[str]: ...

        def materialize(self, incident_id: str) -> None: ...

        def insert_report(self, article_id: str, published: dt.date | None, inc: Incident, manual: bool = False,
                          rid: str | None = None, body: str | None = None) -> Signature: ...

    def correct_field(self, incident_id: str, field: str, value: Any, user: str) -> int:
        """Set one field of an incident by hand; returns the audit id."""
        store = self.store
        with store.transaction():
            iid, before = store.set_field(incident_id, field, value)
            self.materialize(iid)
            return store.audit(user, "correct_field", iid, before, {"field": field, "value": value})

    def merge_incidents(self, ids: Iterable[str], user: str) -> str:
        """Merge incidents into one (must-links between their reports); returns its id."""
        store = self.store
        with store.transaction():
            iids = sorted({store.need_incident(i) for i in ids})
            if len(iids) < 2:
                raise ConfigError("merge needs two or more incidents")
            reports = {i: store.reports_in(i) for i in iids}
            lead = [reports[i][0] for i in iids]
            # every report with every other: a cluster is checked for coherence member by member,
            # so links between the leads alone would leave the other reports behind
            everyone = sorted(r for i in iids for r in reports[i])
            added = [[a, b] for a in everyone for b in everyone if a < b and store.constrain(a, b, "must")]
            written = self.recluster(lead)
            new_id = store.incident_of(lead[0])
            store.audit(user, "merge_incidents", new_id, {"incidents": reports}, {"incident": new_id, "must": added, "written": written})
            return str(new_id)

    def split_incident(self, incident_id: str, claim_ids: Iterable[str], user: str) -> str:
        """Move claims into a new incident of their own; returns its id."""
        store = self.store
        wanted = sorted(set(claim_ids))
        with store.transaction():
            iid = store.need_incident(incident_id)
            if not wanted:
                raise ConfigError("split needs at least one claim id")
            rows = store.claims_of(iid, wanted)
            _, _, article_id, inc = rows[0]
            new_rid = "m" + hashlib.sha256("|".join(wanted).encode()).hexdigest()[:16]
            self.insert_report(article_id, store.published(article_id), inc, manual=True, rid=new_rid)
            moved = {cid: rid for cid, rid, _, _ in rows}
            for cid in wanted:
                store.move_claim(cid, new_rid)
            others = [r for r in store.reports_in(iid) if r != new_rid]
            cannot = [sorted((other, new_rid)) for other in others]
            for a, b in cannot:
                store.constrain(a, b, "cannot")
            self.recluster([new_rid, *others])
            new_id = store.incident_of(new_rid)
            store.audit(user, "split_incident", iid, {"incident": iid, "claims": moved}, {"incident": new_id, "report": new_rid, "cannot": cannot})
            return str(new_id)

    def mark_claim(self, claim_id: str, credible: bool, user: str) -> int:
        """Mark a claim (not) credible; low/best/high ignore claims marked not credible."""
        store = self.store
        with store.transaction():
            iid, before = store.set_credible(claim_id, int(bool(credible)))
            self.materialize(iid)
            return store.audit(user, "mark_claim", iid, {"claim": claim_id, "credible": before},
                               {"claim": claim_id, "credible": int(bool(credible))})

    def undo(self, audit_id: int, user: str) -> int:
        """Revert one review action; returns the audit id of the undo."""
        store = self.store
        with store.transaction():
            entry = store.audit_entry(audit_id)
            before, after, action = entry["before"], entry["after"], entry["action"]
            if action == "correct_field":
                iid = store.need_incident(entry["incident_id"])
                store.set_override(iid, before["field"], before["override"] if before["had_override"] else UNSET)
                self.materialize(iid)
                touched = iid
            elif action == "mark_claim":
                touched, _ = store.set_credible(before["claim"], before["credible"])
                self.materialize(touched)
            elif action == "merge_incidents":
                for a, b in after["must"]:
                    store.unconstrain(a, b, "must")
                leads = [rs[0] for rs in before["incidents"].values()]
                for a in leads:
                    for b in leads:
                        if a < b:
                            store.constrain(a, b, "cannot", replace=False)
                self.recluster([r for rs in before["incidents"].values() for r in rs])
                touched = after["incident"]
            elif action == "split_incident":
                for cid, rid in before["claims"].items():
                    store.move_claim(cid, rid)
                for a, b in after["cannot"]:
                    store.unconstrain(a, b)
                rid = after["report"]
                current = store.incident_of(rid)
                others = [r for r in store.reports_in(current) if r != rid] if current else []
                store.drop_report(rid)
                self.recluster(list(before["claims"].values()) + others)
                touched = before["incident"]
            else:
                raise StoreError(f"cannot undo {action!r}")
            new = store.audit(user, "undo", touched, {"audit_id": audit_id}, {"undid": action})
            store.mark_undone(audit_id, new)
            return new
