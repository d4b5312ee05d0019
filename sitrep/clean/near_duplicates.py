"""Near-duplicate articles (wire copies, re-publications) with MinHash LSH.

An article's signature is a MinHash of its word 5-shingles (lower-cased, punctuation dropped), so a
copy with a different headline, a trimmed last paragraph or changed quotes still matches. The
index answers "which stored articles look like this one"; the caller decides which is the original
(the store: earliest published, then smallest id).
"""
from __future__ import annotations

import functools

import re
from collections.abc import Iterable

import numpy as np

NUM_PERM = 64
THRESHOLD = 0.8
SHINGLE = 5
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures depend on it
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


@functools.lru_cache(maxsize=1)
def _permutations():  # type: ignore[no-untyped-def]
    """The seed-1 permutations, computed once: datasketch would redo them for every MinHash."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def signature(text: str) -> bytes:
    """MinHash hash values of ``text`` as bytes (stored with the article)."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    m.update_batch(list(shingles(text)))
    return m.hashvalues.astype(np.uint64).tobytes()


def _minhash(sig: bytes):  # type: ignore[no-untyped-def]
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(sig, dtype=np.uint64),
                   permutations=_permutations())


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    va, vb = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    return float(np.mean(va == vb))


class NearDuplicates:
    """An LSH index of article signatures; ``query`` returns ids whose estimated Jaccard >= threshold."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: str, sig: bytes) -> None:
        if article_id in self._sigs:
            return
        self._sigs[article_id] = sig
        self._lsh.insert(article_id, _minhash(sig))

    def add_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        for article_id, sig in items:
            self.add(article_id, sig)

    def query(self, sig: bytes) -> list[str]:
        """Stored ids near ``sig``, most similar first (LSH candidates re-checked on the signature)."""
        found = [(similarity(sig, self._sigs[c]), c) for c in self._lsh.query(_minhash(sig))]
        return [c for s, c in sorted(found, key=lambda x: (-x[0], x[1])) if s >= self.threshold]
