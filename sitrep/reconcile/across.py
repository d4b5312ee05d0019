"""Across articles: which stored reports are one incident, decided as reports arrive.

``Incidents(store).add(extraction)`` stores one article and its reports, marks it a copy of an
earlier article when it nearly repeats one (``clean.near_duplicates``), links its reports to the
stored reports that match (candidates from the block table, scored by ``cluster.edge``) and
re-clusters the connected part of the match graph they touch (``cluster.cluster``). Each incident
of a changed cluster is then merged from its reports (``merge.combine``) and written. Because
clusters are a function of the set of reports, any order of ``add`` calls gives the same
database. The store only keeps the rows; the reviewers' merges and splits
(``review.ReviewActions``) are must- and cannot-links in the same graph.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from ..clean import near_duplicates
from ..models import Extraction, Incident
from ..store import Store, content_hash
from . import cluster as clustering
from . import content, grades
from .merge import Merged, Report, Signature, claim_id, combine, copy_pairs, lead_story, report_id, signature, window
from .review import ReviewActions


def sig_to_json(s: Signature) -> str:
    d = {f: getattr(s, f) for f in s.__slots__}  # type: ignore[attr-defined]
    d["perpetrators"] = sorted(s.perpetrators)
    d["features"] = content.to_json(s.features)
    return json.dumps(d, ensure_ascii=False, sort_keys=True, default=str)


def sig_from_json(text: str) -> Signature:
    d = json.loads(text)
    d["perpetrators"] = frozenset(d["perpetrators"])
    d["order"] = tuple(d["order"])
    d["features"] = content.from_json(d.get("features"))  # absent in signatures stored before merge-2
    return Signature(**d)


class Incidents(ReviewActions):
    """The incidents of one store, kept as reports arrive and as reviewers merge and split them.

    Holds the copy-detection index of the stored articles; reuse one for a whole run.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._near: near_duplicates.NearDuplicates | None = None
        self._near_seq = 0  # the highest article seq in the index
        self._near_rollbacks = store.rollbacks

    # -- adding ----------------------------------------------------------------------------------

    def add(self, extraction: Extraction, raw_text: str | None = None) -> str:
        """Store one article and its incidents. Returns "new", "duplicate" or "copy".

        ``raw_text`` is the input as read, when the extractor cleaned it: the content hash is taken
        of the raw text (so re-reading the input is a no-op) and the raw text is kept beside the
        cleaned one. One transaction (a savepoint inside a caller's): a failure leaves none of it.
        """
        store, art = self.store, extraction.article
        h = content_hash(raw_text if raw_text is not None else art.text)
        with store.transaction():
            if store.stored_state(art.id, h) == "duplicate":
                return "duplicate"
            sig = near_duplicates.signature(art.text)
            seq = store.last_seq() + 1
            index = self._near_index(seq - 1)
            near = index.query(sig)
            store.insert_article(art, h, sig, seq, raw_text)
            index.add(art.id, sig)
            self._near_seq = seq
            touched = store.relink_copies(art.id, near)
            # the lead incident reads people and sites from the whole story (``merge.lead``)
            lead, story = lead_story(extraction.incidents, art.text, len(extraction.summaries))
            new_reports = [self.insert_report(art.id, art.published, inc, body=story if inc is lead else None)
                           for inc in extraction.incidents]
            self._link(new_reports)
            self.recluster([s.id for s in new_reports], extra_incidents=touched)
            copy_of = store.copy_of(art.id)
        return "copy" if copy_of else "new"

    def _near_index(self, stored_seq: int) -> near_duplicates.NearDuplicates:
        """The copy-detection index of every stored article, up to ``stored_seq`` (the highest seq).

        Another process may have added articles since this index was built (a second ingest, the
        Python API): those are read in first, so that copies are found whoever stored the original.
        After a rolled-back write the index may hold articles that are not stored: it is rebuilt.
        """
        if self._near is None or self._near_rollbacks != self.store.rollbacks:
            self._near, self._near_seq, self._near_rollbacks = near_duplicates.NearDuplicates(), 0, self.store.rollbacks
        if self._near_seq < stored_seq:
            self._near.add_many(self.store.minhashes(self._near_seq))
            self._near_seq = stored_seq
        return self._near

    def insert_report(self, article_id: str, published: dt.date | None, inc: Incident, manual: bool = False,
                      rid: str | None = None, body: str | None = None) -> Signature:
        """Store one report with its claims, filed under its block keys; returns its signature."""
        rid = rid or report_id(article_id, inc)
        sig = signature(rid, article_id, inc, published, body)
        # a report with no day is found by its content only (filed at day 0)
        blocks = [(key, sig.day or 0) for key in sig.block_keys() if sig.day is not None or key[0] in "hn"]
        self.store.insert_report(rid, article_id, sig_to_json(sig), inc, [claim_id(rid, pos, c) for pos, c in enumerate(inc.claims)],
                                 blocks, manual)
        return sig

    def _link(self, sigs: list[Signature]) -> None:
        """Store the matched pairs between new reports and the stored reports of their blocks
        (each block key with its own date window, ``merge.window``)."""
        for s in sigs:
            by_window: dict[int | None, list[str]] = {}
            for key in s.lookup_keys():
                if s.day is not None:
                    by_window.setdefault(window(key), []).append(key)
                elif key[0] in "hn":
                    by_window.setdefault(None, []).append(key)
            seen: set[str] = set()
            for days, keys in sorted(by_window.items(), key=lambda kv: -1 if kv[0] is None else kv[0]):
                span = None if days is None else (s.day - days, s.day + days)  # type: ignore[operator]
                for rid, text in self.store.filed_under(keys, s.id, span):
                    if rid in seen:
                        continue
                    seen.add(rid)
                    e = clustering.edge(s, sig_from_json(text))
                    if e is not None:
                        self.store.add_link(e[1], e[2], e[0])

    # -- clustering and materializing ------------------------------------------------------------

    def recluster(self, report_ids: Iterable[str], extra_incidents: Iterable[str] = ()) -> list[str]:
        """Re-cluster the match-graph component of ``report_ids``; returns the incident ids written."""
        store = self.store
        start = set(report_ids)
        for iid in extra_incidents:
            start.update(store.reports_in(iid))
        comp = store.component(start)
        if not comp:
            return []
        rows, edges, must, cannot = store.graph(comp)
        sigs = [sig_from_json(sig) for _, sig, _ in rows]
        old = {rid: iid for rid, _, iid in rows}
        groups = clustering.cluster(sigs, edges, must=must + self._copy_links(sigs), cannot=cannot)
        written = []
        new_of: dict[str, str] = {}
        for g in groups:
            iid = g[0]
            for rid in g:
                new_of[rid] = iid
                if old[rid] != iid:
                    store.assign(rid, iid)
            written.append(iid)
        gone = {i for i in old.values() if i is not None} - set(written)
        for iid in sorted(gone):
            target = new_of.get(iid) or next((new_of[r] for r, o in sorted(old.items()) if o == iid), None)
            store.retire(iid, target)
        for iid in written:
            self.materialize(iid)
        return written

    def _copy_links(self, sigs: list[Signature]) -> list[tuple[str, str]]:
        """Must-links from each copy's reports to its original's (``merge.copy_pairs``)."""
        by_article: dict[str, list[Signature]] = {}
        for sig in sigs:
            by_article.setdefault(sig.article_id, []).append(sig)
        out: list[tuple[str, str]] = []
        for copy, original in self.store.copies_among(by_article):
            if original in by_article:
                out += copy_pairs(by_article[copy], by_article[original])
        return out

    def reports_of(self, incident_id: str) -> list[Report]:
        return [Report(id=r.id, article_id=r.article_id, incident=r.incident, published=r.published, outlet=r.outlet,
                       title=r.title, independent=r.copy_of is None, claim_ids=r.claim_ids, credible=r.credible)
                for r in self.store.stored_reports(incident_id)]

    def merged(self, incident_id: str) -> Merged | None:
        reports = self.reports_of(incident_id)
        return combine(reports) if reports else None

    def materialize(self, incident_id: str) -> None:
        """Write the merged incident (reviewed fields applied) and its R*Tree box; an incident left
        with no report is retired."""
        m = self.merged(incident_id)
        if m is None:
            self.store.retire(incident_id, None)
            return
        self.store.write_incident(incident_id, m.incident, {
            "n_reports": m.n_reports, "n_sources": m.n_sources, "sources": m.sources,
            "revisions": [v.to_dict() for v in m.revisions], "report_ids": m.report_ids,
            "grade": grades.grade(m.incident, m.n_sources),
        })
