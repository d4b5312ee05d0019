"""Bytes to text: UTF-8 first, then the configured legacy encodings; binary and oversize refused."""
from __future__ import annotations

import sys
from pathlib import Path

from .. import settings
from ..errors import BinaryInput, EmptyInput, InputTooLarge, UndecodableInput

# Control characters other than tab, newline, carriage return and form feed: text has almost none.
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    return controls > max(8, len(sample) // 100)


def decode(data: bytes, where: str = "input") -> str:
    """Decode ``data`` as text or raise an InputError naming ``where``."""
    limit = int(settings.get("input", "max_input_bytes"))
    if len(data) > limit:
        raise InputTooLarge(f"{where}: {len(data):,} bytes is over the {limit:,}-byte limit (settings: input.max_input_bytes)")
    if not data.strip():
        raise EmptyInput(f"{where}: empty input")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise UndecodableInput(f"{where}: bad UTF-16: {e.reason}") from e
    if looks_binary(data):
        raise BinaryInput(f"{where}: binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for enc in settings.get("input", "legacy_encodings"):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        return text
    raise UndecodableInput(f"{where}: not UTF-8 nor any of {settings.get('input', 'legacy_encodings')}")


def read_text(path: str | Path) -> str:
    """Read a file (or ``-`` for standard input) as text."""
    if str(path) == "-":
        return decode(sys.stdin.buffer.read(), "stdin")
    p = Path(path)
    try:
        limit = int(settings.get("input", "max_input_bytes"))
        size = p.stat().st_size
        if size > limit:
            raise InputTooLarge(f"{p}: {size:,} bytes is over the {limit:,}-byte limit (settings: input.max_input_bytes)")
        data = p.read_bytes()
    except FileNotFoundError as e:
        raise EmptyInput(f"{p}: no such file") from e
    except IsADirectoryError as e:
        raise EmptyInput(f"{p}: is a directory") from e
    except PermissionError as e:
        raise EmptyInput(f"{p}: permission denied") from e
    return decode(data, str(p))
