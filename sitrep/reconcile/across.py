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
import itertools
import json
from collections.abc import Iterable

from ..clean import near_duplicates
from ..models import Extraction, Incident
from ..store import Store, content_hash
from ..store.sqlite import StoredReport
from . import cluster as clustering
from . import content, grades
from .merge import Merged, Report, Signature, claim_id, combine, copy_partners, lead_story, report_id, signature, window
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


#: how many decoded signatures and stored reports a writer keeps between adds (about 1 GB at most)
CACHE_REPORTS = 50_000
#: how many memoized ``merge.conflict`` verdicts it keeps
CACHE_CONFLICTS = 2_000_000


def _bounded(cache: dict, limit: int) -> None:
    """Forget the oldest entries of ``cache`` (insertion order) once it holds more than ``limit``,
    down to four fifths of it: a writer whose blocks reach back over the whole database (articles
    of every date, in no order) keeps most of what it decoded, not half."""
    if len(cache) > limit:
        for key in list(itertools.islice(cache, len(cache) - limit * 4 // 5)):
            del cache[key]


class Incidents(ReviewActions):
    """The incidents of one store, kept as reports arrive and as reviewers merge and split them.

    Holds the copy-detection index of the stored articles, and what a writer would otherwise
    re-read and re-decode at every add: the reports' signatures and stored reports (never changed
    once stored; a report's claims are checked against the store before its copy is used, since a
    split may move them) and the conflict verdicts between reports. Reuse one for a whole run.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._near: near_duplicates.NearDuplicates | None = None
        self._near_seq = 0  # the highest article seq in the index
        self._near_rollbacks = store.rollbacks
        self._sigs: dict[str, Signature] = {}
        self._reports: dict[str, StoredReport] = {}
        self._conflicts: dict[tuple[str, str], bool] = {}
        self._partners: dict[tuple[str, tuple[str, ...]], dict[str, str]] = {}  # (copy, original's reports): partners
        self._cache_rollbacks = store.rollbacks

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
            copy_of = store.copy_of(art.id)
            if new_reports and not (copy_of and store.has_reports(copy_of)):  # a copy's reports follow its original's
                self._link(new_reports)
            if touched:  # the group's original changed: its copies follow the new one, or stand alone
                self._relink_group(copy_of or art.id)
            start = [s.id for s in new_reports]
            for iid in sorted(touched):
                start += store.reports_in(iid)
            self.recluster(start, changed=set(start))
        return "copy" if copy_of else "new"

    def _relink_group(self, original: str) -> None:
        """The original of a group of copies changed. When it has reports of its own, its copies'
        reports follow them and keep no matched pairs of their own (the links table stays a
        function of the set of articles); when it has none, they stand for themselves, and are
        matched as any article's (they were not while they followed another original's)."""
        rows = self.store.report_signatures(self.store.copies_of(original))
        if self.store.has_reports(original):
            self.store.unlink(rid for rid, _ in rows)
        else:
            self._link([self._signature(rid, text) for rid, text in rows])

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

    def _fresh(self) -> None:
        """Forget the caches after a rolled-back write (they may hold reports that are not stored)."""
        if self._cache_rollbacks != self.store.rollbacks:
            self._sigs.clear()
            self._reports.clear()
            self._conflicts.clear()
            self._partners.clear()
            self._cache_rollbacks = self.store.rollbacks

    def _signature(self, rid: str, text: str | None) -> Signature:
        """The decoded signature of report ``rid`` (``text`` is its stored JSON, None when cached)."""
        sig = self._sigs.get(rid)
        if sig is None:
            if text is None:
                raise KeyError(rid)
            sig = self._sigs[rid] = sig_from_json(text)
        return sig

    def insert_report(self, article_id: str, published: dt.date | None, inc: Incident, manual: bool = False,
                      rid: str | None = None, body: str | None = None) -> Signature:
        """Store one report with its claims, filed under its block keys; returns its signature."""
        rid = rid or report_id(article_id, inc)
        sig = signature(rid, article_id, inc, published, body)
        # a report with no day is found by its content only (filed at day 0)
        blocks = [(key, sig.day or 0) for key in sig.block_keys() if sig.day is not None or key[0] in "hn"]
        text = sig_to_json(sig)
        self.store.insert_report(rid, article_id, text, inc, [claim_id(rid, pos, c) for pos, c in enumerate(inc.claims)],
                                 blocks, manual)
        return sig

    def _link(self, sigs: list[Signature]) -> None:
        """Store the matched pairs between new reports and the stored reports of their blocks
        (each block key with its own date window, ``merge.window``)."""
        self._fresh()
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
                for rid, text in self.store.filed_under(keys, s.id, span, known=self._sigs):
                    if rid in seen:
                        continue
                    seen.add(rid)
                    e = clustering.edge(s, self._signature(rid, text))
                    if e is not None:
                        self.store.add_link(e[1], e[2], e[0])

    # -- clustering and materializing ------------------------------------------------------------

    def recluster(self, report_ids: Iterable[str], changed: set[str] | None = None) -> list[str]:
        """Re-cluster the match-graph component of ``report_ids``; returns the incident ids of its
        clusters. Each is merged and written again, unless ``changed`` is given: then only those
        whose reports changed, or that hold one of the ``changed`` reports (new, or whose article's
        copy status changed), are (the others are as stored)."""
        store = self.store
        self._fresh()
        comp = store.component(set(report_ids))
        if not comp:
            return []
        rows, edges, must, cannot = store.graph(comp, known=self._sigs)
        sigs = [self._signature(r.id, r.sig) for r in rows]
        old = {r.id: r.incident_id for r in rows}
        groups = self._cluster(sigs, {r.id for r in rows if r.manual}, edges, must, cannot)
        written = []
        new_of: dict[str, str] = {}
        stale: set[str] = set()
        for g in groups:
            iid = g[0]
            for rid in g:
                new_of[rid] = iid
                if old[rid] != iid:
                    store.assign(rid, iid)
                    stale.add(iid)
            written.append(iid)
        gone = {i for i in old.values() if i is not None} - set(written)
        for iid in sorted(gone):
            target = new_of.get(iid) or next((new_of[r] for r, o in sorted(old.items()) if o == iid), None)
            store.retire(iid, target)
        stale |= {old[rid] for rid in old if old[rid] is not None and new_of[rid] != old[rid]}  # incidents that lost reports
        for g, iid in zip(groups, written):
            if changed is None or iid in stale or not changed.isdisjoint(g):
                self.materialize(iid)
        _bounded(self._sigs, CACHE_REPORTS)
        _bounded(self._conflicts, CACHE_CONFLICTS)
        _bounded(self._partners, CACHE_REPORTS)
        return written

    def _cluster(self, sigs: list[Signature], manual: set[str], edges: list[clustering.Edge],
                 must: list[tuple[str, str]], cannot: list[tuple[str, str]]) -> list[list[str]]:
        """``cluster.cluster`` over the reports that stand for themselves; a copy's reports (an
        article's own, when its original has reports of its own) go where the original's report
        they resemble goes (``merge.copy_partners``). The reviewers' constraints on a copy's report
        hold for that report. A copy adds no evidence its original does not give, so it neither
        joins nor vetoes a merge: with a thousand copies of one wire story the clustering is the
        clustering of the originals."""
        by_article: dict[str, list[Signature]] = {}
        for sig in sigs:
            if sig.id not in manual:
                by_article.setdefault(sig.article_id, []).append(sig)
        partner: dict[str, str] = {}
        for copy, original in self.store.copies_among(by_article):
            if original in by_article:
                key = (copy, tuple(sorted(o.id for o in by_article[original])))
                if (found := self._partners.get(key)) is None:
                    found = self._partners[key] = copy_partners(by_article[copy], by_article[original])
                partner.update(found)

        def pairs(links: list[tuple[str, str]]) -> list[tuple[str, str]]:
            out = {(min(a, b), max(a, b)) for a, b in ((partner.get(a, a), partner.get(b, b)) for a, b in links) if a != b}
            return sorted(out)

        core = [s for s in sigs if s.id not in partner]
        groups = clustering.cluster(core, [e for e in edges if e[1] not in partner and e[2] not in partner],
                                    must=pairs(must), cannot=pairs(cannot), conflicts=self._conflicts)
        if not partner:
            return groups
        by_id = {s.id: s for s in sigs}
        group_of = {rid: i for i, g in enumerate(groups) for rid in g}
        for c, o in sorted(partner.items()):
            groups[group_of[o]].append(c)
        groups = [sorted(g, key=lambda i: by_id[i].order) for g in groups]
        return sorted(groups, key=lambda g: by_id[g[0]].order)

    def reports_of(self, incident_id: str) -> list[Report]:
        """The reports of an incident, from the cache where their claims are still the stored ones."""
        self._fresh()
        states = self.store.report_states(incident_id)
        missing = [st.id for st in states if (c := self._reports.get(st.id)) is None or c.claim_ids != [cid for cid, _ in st.claims]]
        for r in self.store.stored_reports(missing):
            self._reports[r.id] = r
        out = []
        for st in states:
            r = self._reports[st.id]
            out.append(Report(id=r.id, article_id=r.article_id, incident=r.incident, published=r.published, outlet=r.outlet,
                              title=r.title, independent=st.copy_of is None, claim_ids=r.claim_ids,
                              credible={cid: bool(mark) for cid, mark in st.claims if mark is not None}))
        _bounded(self._reports, CACHE_REPORTS)
        return out

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
