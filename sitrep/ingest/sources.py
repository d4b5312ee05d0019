"""Inputs named on the command line: files, folders (recursively), globs, URLs and ``-`` (standard input)."""
from __future__ import annotations

import glob
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import settings
from .readers import Failure, Item, read_bytes, read_path, read_stream

_SKIP = {".db", ".db-wal", ".db-shm", ".md", ".py", ".pyc", ".json", ".toml", ".png", ".jpg", ".gif", ".pdf", ".zip"}


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def expand(names: Iterable[str]) -> Iterator[str | Path]:
    """URLs as they are, then files in a stable (sorted) order; a folder is walked recursively."""
    for name in names:
        if is_url(name) or name == "-":
            yield name  # "-": standard input
            continue
        matches = sorted(glob.glob(name, recursive=True)) if glob.has_magic(name) else [name]
        if not matches:
            yield Path(name)  # reported as missing by read_path
        for m in matches:
            p = Path(m)
            if p.is_dir():
                yield from (f for f in sorted(p.rglob("*")) if f.is_file() and not f.name.startswith(".")
                            and "".join(f.suffixes[-1:]).lower() not in _SKIP)
            else:
                yield p


def fetch(url: str, timeout: float = 30.0) -> Iterator[Item]:
    limit = int(settings.get("input", "max_input_bytes"))
    request = urllib.request.Request(url, headers={"User-Agent": "sitrep (+https://github.com/sitrep)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - only http(s), checked above
            data = response.read(limit + 1)
    except (urllib.error.URLError, OSError, ValueError) as e:
        yield Failure(url, f"cannot fetch: {getattr(e, 'reason', e)}")
        return
    if len(data) > limit:
        yield Failure(url, f"over the {limit:,}-byte limit")
        return
    yield from read_bytes(data, url)


def read_inputs(names: Iterable[str]) -> Iterator[Item]:
    for item in expand(names):
        if item == "-":
            yield from read_stream(sys.stdin.buffer, "stdin")  # type: ignore[arg-type]
        else:
            yield from (fetch(item) if isinstance(item, str) else read_path(item))


def estimate(names: Iterable[str]) -> int | None:
    """Articles to expect, for the progress bar's ETA; None when an input cannot be counted cheaply."""
    total = 0
    for item in expand(names):
        if isinstance(item, str):
            return None
        lower = item.name.lower()
        if not item.is_file():  # a FIFO read here would be read up before ingest gets to it
            return None
        if lower.endswith((".jsonl", ".ndjson")):
            try:
                with item.open("rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
        elif lower.endswith((".warc", ".warc.gz", ".arc.gz", ".rss", ".atom", ".xml", ".gz")):
            return None
        else:
            total += 1
    return total
