"""Bytes to text, the one way every command reads its input.

UTF-8 first, then the configured legacy encodings; binary and oversize input refused with an
``InputError``. ``read_text`` reads a whole file or standard input; ``read_lines`` reads a JSONL
stream line by line, each line under the same limit and fallbacks, so one bad line is one bad
record and never the whole file.
"""
from __future__ import annotations

import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .. import settings
from ..errors import BinaryInput, EmptyInput, InputError, InputTooLarge, UndecodableInput

# Control characters other than tab, newline, carriage return and form feed: text has almost none.
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))
# NUL breaks C strings downstream (SQLite FTS, PostgreSQL); a lone surrogate cannot be encoded at all
_NUL = re.compile("\x00")
_SURROGATE = re.compile("[\ud800-\udfff]")


def limit() -> int:
    return int(settings.get("input", "max_input_bytes"))


def too_large(where: str, size: int | None = None) -> InputTooLarge:
    n = f"{size:,} bytes is " if size is not None else ""
    return InputTooLarge(f"{where}: {n}over the {limit():,}-byte limit (settings: input.max_input_bytes)")


def sanitize(text: str) -> str:
    """``text`` without NULs and with each lone surrogate (from a JSON ``"\\ud800"``) as U+FFFD."""
    if "\x00" in text:
        text = _NUL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    return controls > max(8, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like mostly-ASCII UTF-16 (a NUL in every other byte)."""
    sample = data[:8192]
    half = len(sample) // 2
    if half < 8 or len(data) % 2:
        return None
    even, odd = sample[0:2 * half:2].count(0), sample[1:2 * half:2].count(0)
    if odd >= 0.9 * half and even == 0:
        return "utf-16-le"
    if even >= 0.9 * half and odd == 0:
        return "utf-16-be"
    return None


def decode(data: bytes, where: str = "input") -> str:
    """Decode ``data`` as text or raise an InputError naming ``where``."""
    if len(data) > limit():
        raise too_large(where, len(data))
    if not data.strip():
        raise EmptyInput(f"{where}: empty input")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return sanitize(data.decode("utf-16"))
        except UnicodeDecodeError as e:
            raise UndecodableInput(f"{where}: bad UTF-16: {e.reason}") from e
    bom_less = _utf16_without_bom(data)
    if bom_less:
        try:
            text = data.decode(bom_less)
        except UnicodeDecodeError as e:
            raise UndecodableInput(f"{where}: bad UTF-16: {e.reason}") from e
        if looks_binary(text[:8192].encode("utf-8", "replace")):
            raise BinaryInput(f"{where}: binary data, not text")
        return sanitize(text)
    if looks_binary(data):
        raise BinaryInput(f"{where}: binary data, not text")
    try:
        return sanitize(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    for enc in settings.get("input", "legacy_encodings"):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        return sanitize(text)
    raise UndecodableInput(f"{where}: not UTF-8 nor any of {settings.get('input', 'legacy_encodings')}")


def open_input(path: str | Path) -> BinaryIO:
    """A binary stream of a file, or of standard input for ``-``; InputError when it cannot be opened."""
    if str(path) == "-":
        return sys.stdin.buffer
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise EmptyInput(f"{p}: is a directory")
        if stat.S_ISREG(st.st_mode) and st.st_size > limit() and not p.name.lower().endswith((".jsonl", ".ndjson")):
            raise too_large(str(p), st.st_size)
        return p.open("rb")
    except FileNotFoundError as e:
        raise EmptyInput(f"{p}: no such file") from e
    except PermissionError as e:
        raise EmptyInput(f"{p}: permission denied") from e
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from e


def read_bytes(stream: BinaryIO, where: str) -> bytes:
    """All of ``stream``, refused as soon as it passes the limit (a pipe or FIFO has no size to check first)."""
    cap = limit()
    try:
        data = stream.read(cap + 1)
    except OSError as e:
        raise InputError(f"{where}: cannot read: {e.strerror or e}") from e
    if len(data) > cap:
        raise too_large(where)
    return data


def read_text(path: str | Path) -> str:
    """Read a file (or ``-`` for standard input) as text."""
    where = "stdin" if str(path) == "-" else str(path)
    stream = open_input(path)
    try:
        return decode(read_bytes(stream, where), where)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def read_lines(stream: BinaryIO, where: str) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text or the InputError of that line) for each non-blank line of a JSONL stream.

    A file may be far larger than one input may be; each line is held to the limit on its own and
    never read whole into memory when it is over it.
    """
    cap = limit()
    n = 0
    while True:
        try:
            raw = stream.readline(cap + 1)
        except OSError as e:
            yield n + 1, InputError(f"{where}:{n + 1}: cannot read: {e.strerror or e}")
            return
        if not raw:
            return
        n += 1
        at = f"{where}:{n}"
        if len(raw) > cap and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the long line, a chunk at a time
                raw = stream.readline(1 << 20)
            yield n, too_large(at)
            continue
        if not raw.strip():
            continue
        if b"\x00" in raw:  # a stray NUL byte is one damaged record, not a binary file: drop it and read the rest
            raw = raw.replace(b"\x00", b"")
        try:
            yield n, decode(raw, at)
        except InputError as e:
            yield n, e
