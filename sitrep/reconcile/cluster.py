"""Clustering reports into incidents: blocking, pair matching, coherent greedy linkage.

Candidate pairs come from a block index (grid cell or admin area, type family for reports with no
place, LSH bands of the evidence, named people; each key with its own date window, see
``merge.window``), so the work grows with n times the block size, not n². Clusters are built
greedily from the matched pairs sorted by (score, ids). A join must be coherent with the whole
cluster, not one member: no cross pair may conflict (``merge.conflict``: different victims, sites,
places, types...) and at least ``[match] link_share`` of the cross pairs must be matched links, so
A-B and B-C no longer put A with C when A and C disagree. A join that would put two reports of one
article (or a reviewer's cannot-link) in one incident is refused. Must-links (a reviewer's) are
joined first; a copy's reports are not clustered here but follow their original's
(``across.Incidents._cluster``). The result is a function of the *set* of reports, never of their
order.
"""
from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from . import content
from .merge import Signature, conflict, match, window

Edge = tuple[float, str, str]  # (score, a, b) with a < b


class BlockIndex:
    """Reports filed by block key, each key's entries sorted by day."""

    def __init__(self) -> None:
        self._keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._sigs: dict[str, Signature] = {}

    def add(self, sig: Signature) -> None:
        if sig.day is None or sig.id in self._sigs:
            return
        self._sigs[sig.id] = sig
        for key in sig.block_keys():
            bisect.insort(self._keys[key], (sig.day, sig.id))

    def candidates(self, sig: Signature) -> Iterator[Signature]:
        if sig.day is None:
            return
        seen: set[str] = {sig.id}
        for key in sig.lookup_keys():
            entries = self._keys.get(key)
            if not entries:
                continue
            days = window(key)
            lo_key, hi_key = (sig.day - days, ""), (sig.day + days, "\uffff")
            lo, hi = bisect.bisect_left(entries, lo_key), bisect.bisect_right(entries, hi_key)
            for _, other in entries[lo:hi]:
                if other not in seen:
                    seen.add(other)
                    yield self._sigs[other]


def candidate_pairs(sigs: Sequence[Signature]) -> Iterator[tuple[Signature, Signature]]:
    """Each candidate pair once, from the block index (bulk version, for batch runs)."""
    keys: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, s in enumerate(sigs):
        if s.day is not None:
            for key in s.block_keys():
                keys[key].append((s.day, i))
    for entries in keys.values():
        entries.sort()
    for i, s in enumerate(sigs):
        if s.day is None:
            continue
        seen: set[int] = set()
        for key in s.lookup_keys():
            entries = keys.get(key)
            if not entries:
                continue
            days = window(key)
            lo = bisect.bisect_left(entries, (s.day - days, -1))
            hi = bisect.bisect_right(entries, (s.day + days, len(sigs)))
            for _, j in entries[lo:hi]:
                if j > i and j not in seen:
                    seen.add(j)
                    yield s, sigs[j]


def edge(a: Signature, b: Signature) -> Edge | None:
    if b.id < a.id:
        a, b = b, a
    score = match(a, b)
    return None if score is None else (score, a.id, b.id)


def find_edges(sigs: Sequence[Signature]) -> list[Edge]:
    return [e for a, b in candidate_pairs(sigs) if (e := edge(a, b)) is not None]


def cluster(
    sigs: Sequence[Signature],
    edges: Iterable[Edge] | None = None,
    must: Iterable[tuple[str, str]] = (),
    cannot: Iterable[tuple[str, str]] = (),
    conflicts: dict[tuple[str, str], bool] | None = None,
) -> list[list[str]]:
    """Groups of report ids, each sorted by (published, id); groups sorted by their first member.

    ``conflicts`` memoizes ``merge.conflict`` by id pair (a pure function of two signatures): a
    writer that re-clusters the same component as reports arrive passes one dict for the run."""
    if edges is None:
        edges = find_edges(sigs)
    by_id = {s.id: s for s in sigs}
    parent: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    forbid: dict[str, set[str]] = defaultdict(set)
    for a, b in cannot:
        forbid[a].add(b)
        forbid[b].add(a)

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def group(root: str) -> list[str]:
        return members.get(root, [root])

    def union(ra: str, rb: str) -> None:
        if rb < ra:
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra] = group(ra) + group(rb)
        members.pop(rb, None)

    for a, b in sorted(must):
        if a in by_id and b in by_id and (ra := find(a)) != (rb := find(b)):
            union(ra, rb)
    edges = sorted(edges, key=lambda e: (-e[0], e[1], e[2]))
    linked = {(a, b) for _, a, b in edges}
    share = float(content.rules()["match"]["link_share"])
    for _, a, b in edges:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        ga, gb = group(ra), group(rb)
        if {by_id[x].article_id for x in ga} & {by_id[y].article_id for y in gb}:
            continue
        if forbid and any(forbid[x] & set(gb) for x in ga):
            continue
        if not coherent([by_id[x] for x in ga], [by_id[y] for y in gb], linked, share, conflicts):
            continue
        union(ra, rb)
    groups = [sorted(group(r), key=lambda i: by_id[i].order) for r in {find(s.id) for s in sigs}]
    return sorted(groups, key=lambda g: by_id[g[0]].order)


def coherent(ga: Sequence[Signature], gb: Sequence[Signature], linked: set[tuple[str, str]], share: float,
             conflicts: dict[tuple[str, str], bool] | None = None) -> bool:
    """Whether two clusters may join: no cross pair conflicts, and at least ``share`` of the cross
    pairs are matched links (average linkage over the match graph, not a single link)."""
    memo = {} if conflicts is None else conflicts
    n = hits = 0
    for x in ga:
        for y in gb:
            n += 1
            pair = (x.id, y.id) if x.id < y.id else (y.id, x.id)
            if pair in linked:
                hits += 1
                continue
            clash = memo.get(pair)
            if clash is None:
                clash = memo[pair] = conflict(x, y)
            if clash:
                return False
    return hits >= share * n


def pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for g in groups:
        out.update(itertools.combinations(sorted(set(g)), 2))
    return out


def pair_scores(predicted: Iterable[Iterable[str]], gold: Iterable[Iterable[str]]) -> dict[str, float]:
    """Precision/recall/F1 of same-incident pairs (the standard entity-resolution pair measure)."""
    p, g = pairs(predicted), pairs(gold)
    tp = len(p & g)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pairs_predicted": len(p), "pairs_gold": len(g), "true_pairs": tp}
