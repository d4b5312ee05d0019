"""Answers of the read API kept while the data under them is unchanged.

A dashboard asks the same roll-ups again and again (every analyst's page, every refresh). The store's
``generation`` counter changes with every committed change to the incidents, by any process, so an
answer computed *after* reading the counter stays true while the counter stays the same: the key is
(the request's path and query, the counter), and a write simply makes the old keys unreachable. Kept
in memory, least recently used first out, bounded in entries and in bytes.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable


class ResponseCache:
    def __init__(self, max_entries: int = 256, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._items: OrderedDict[tuple[str, int], bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: str, generation: int) -> bytes | None:
        """The kept body for ``key`` at ``generation``, or None."""
        k = (key, generation)
        with self._lock:
            body = self._items.get(k)
            if body is not None:
                self._items.move_to_end(k)
                self.hits += 1
            return body

    def put(self, key: str, generation: int, body: bytes) -> bytes:
        """Keep ``body``, an answer just made for ``key`` at ``generation`` (counted as a miss);
        returns it. One over an eighth of the byte budget is not kept."""
        k = (key, generation)
        with self._lock:
            self.misses += 1
            if len(body) <= self.max_bytes // 8 and k not in self._items:
                self._items[k] = body
                self._bytes += len(body)
            while self._items and (len(self._items) > self.max_entries or self._bytes > self.max_bytes):
                _, old = self._items.popitem(last=False)
                self._bytes -= len(old)
        return body

    def get_or_make(self, key: str, generation: int, make: Callable[[], bytes]) -> bytes:
        """The cached body for ``key`` at ``generation``, else ``make()``'s (then kept)."""
        body = self.get(key, generation)
        if body is not None:
            return body
        return self.put(key, generation, make())  # made outside the lock: two misses of one key may both compute it, never wait

    def __len__(self) -> int:
        return len(self._items)
