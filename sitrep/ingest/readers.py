"""Readers: one input (a file, a feed, an archive) in, Articles and Failures out.

Every reader is a generator that yields ``Article`` or ``Failure``; a bad record is a Failure with
its reason and the reader goes on with the next record. A reader only raises ``InputError`` when
the input as a whole cannot be opened.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from .. import settings
from ..errors import InputError, MalformedRecord
from ..models import Article, date_or_none
from .text import decode, read_lines, sanitize, too_large

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


@dataclass(slots=True)
class Failure:
    """An input or record that could not be read, and why."""

    where: str
    reason: str


Item = Article | Failure


def text_id(text: str) -> str:
    """Content-hash id for an input that has no id of its own."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_date(value: Any) -> dt.date | None:
    """A date from what feeds, HTML metadata and WARC headers give: ISO, RFC 2822 or a struct_time."""
    if isinstance(value, tuple):  # feedparser's time.struct_time
        try:
            return dt.date(value[0], value[1], value[2])
        except (ValueError, IndexError, TypeError):
            return None
    try:
        return date_or_none(value.strip() if isinstance(value, str) else value)
    except ValueError:
        pass
    text = str(value).strip()
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _outlet(url: str | None) -> str | None:
    if not url or not isinstance(url, str):
        return None
    try:
        host = urlparse(url).hostname or ""
    except ValueError:  # "http://[::1": no outlet rather than no article
        return None
    return host[4:] if host.startswith("www.") else host or None


def _clean(text: str) -> str:
    lines = [_SPACE.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line).strip()


def _text_or_none(value: Any) -> str | None:
    return sanitize(value).strip() or None if isinstance(value, str) else None


# -- plain text and HTML ---------------------------------------------------------------------------


def read_txt(stream: BinaryIO, where: str) -> Iterator[Item]:
    try:
        text = _clean(decode(_read_all(stream, where), where))
    except InputError as e:
        yield Failure(where, str(e))
        return
    if not text:
        yield Failure(where, "empty input: no text once blank lines and spacing are removed")
        return
    yield Article(id=text_id(text), text=text, title=text.split("\n", 1)[0][:200] or None)


def html_article(html: str, where: str, url: str | None = None, published: dt.date | None = None) -> Article:
    """Main text and metadata of one HTML page (trafilatura); raises MalformedRecord when there is no article."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    except (ValueError, RecursionError, MemoryError) as e:  # lxml's parser errors are ValueErrors
        raise MalformedRecord(f"{where}: HTML that cannot be parsed: {type(e).__name__}") from e
    text = sanitize(_clean(getattr(doc, "text", None) or "")) if doc is not None else ""
    if len(text) < 40:
        raise MalformedRecord(f"{where}: no article text found in the HTML")
    page_url = _text_or_none(getattr(doc, "url", None)) or url
    return Article(
        id=text_id(text),
        text=text,
        published=parse_date(getattr(doc, "date", None)) or published,
        title=_text_or_none(getattr(doc, "title", None)),
        url=page_url,
        outlet=_text_or_none(getattr(doc, "sitename", None)) or _outlet(page_url),
    )


def read_html(stream: BinaryIO, where: str) -> Iterator[Item]:
    try:
        yield html_article(decode(_read_all(stream, where), where), where)
    except InputError as e:
        yield Failure(where, str(e))


# -- JSONL (the extract input format) ---------------------------------------------------------------


def read_jsonl(stream: BinaryIO, where: str) -> Iterator[Item]:
    # line by line: a corpus file may be far larger than one input may be
    empty = True
    for n, line in read_lines(stream, where):
        empty = False
        at = f"{where}:{n}"
        if isinstance(line, InputError):
            yield Failure(at, str(line))
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(at, f"not JSON: {e.msg}")
            continue
        except RecursionError:
            yield Failure(at, "not JSON: nested too deeply")
            continue
        try:
            yield record_article(rec, at)
        except MalformedRecord as e:
            yield Failure(at, str(e).removeprefix(f"{at}: "))
    if empty:
        yield Failure(where, "empty input: no records")


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _string(rec: dict[str, Any], key: str, at: str) -> str | None:
    value = rec.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedRecord(f"{at}: '{key}' must be a string, not {_kind(value)}")
    return sanitize(value).strip() or None


def record_article(rec: Any, at: str, *, default_id: str | None = None, default_published: dt.date | None = None,
                   strict_dates: bool = False) -> Article:
    """The Article of one JSON record ``{"id", "text", "published"?, "title"?, "url"?, "source"?}``.

    Every field is checked here, where the Article is built: a field of the wrong type (or a URL
    that does not parse) raises MalformedRecord naming the field, so that record is reported and
    the batch goes on. Strings lose NULs and lone surrogates. An id defaults to ``default_id``, else
    to the text's hash; a ``published`` string that is no date is None (or, ``strict_dates``, an error).
    """
    if not isinstance(rec, dict):
        raise MalformedRecord(f"{at}: a record must be a JSON object, not {_kind(rec)}")
    text = rec.get("text")
    if not isinstance(text, str) or not sanitize(text).strip():
        what = "missing" if text is None else "empty" if isinstance(text, str) else _kind(text)
        raise MalformedRecord(f"{at}: a record needs a non-empty string 'text' (it is {what})")
    text = sanitize(text).strip()
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int, type(None))):
        raise MalformedRecord(f"{at}: 'id' must be a string or an integer, not {_kind(rid)}")
    rid = sanitize(str(rid)).strip() if rid is not None else ""
    title, url = _string(rec, "title", at), _string(rec, "url", at)
    outlet = _string(rec, "source", at) or _string(rec, "outlet", at)
    if url is not None:
        try:
            urlparse(url).port  # noqa: B018 - parsing is the check: "http://[::1" or a bad port raise here
        except ValueError as e:
            raise MalformedRecord(f"{at}: 'url' is not a valid URL: {e}") from e
    published = rec.get("published")
    if published is not None and not isinstance(published, str):
        raise MalformedRecord(f"{at}: 'published' must be a date string (YYYY-MM-DD), not {_kind(published)}")
    day = parse_date(published) if published and published.strip() else None
    if day is None and published and published.strip() and strict_dates:
        raise MalformedRecord(f"{at}: 'published' is not a date (YYYY-MM-DD): {published[:40]!r}")
    return Article(
        id=rid or default_id or text_id(text),
        text=text,
        published=day or default_published,
        title=title,
        url=url,
        outlet=outlet or _outlet(url),
    )


# -- RSS / Atom feeds ---------------------------------------------------------------------------


def read_feed(stream: BinaryIO, where: str) -> Iterator[Item]:
    import feedparser

    try:
        data = _read_all(stream, where)
    except InputError as e:
        yield Failure(where, str(e))
        return
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield Failure(where, f"malformed feed: {parsed.get('bozo_exception')}")
        return
    feed_title = parsed.feed.get("title") if parsed.get("feed") else None
    for n, entry in enumerate(parsed.entries, start=1):
        at = f"{where}#{n}"
        body = ""
        if entry.get("content"):
            body = " ".join(str(c.get("value") or "") for c in entry["content"] if isinstance(c, dict))
        body = body or entry.get("summary") or entry.get("description") or ""
        body = body if isinstance(body, str) else ""
        text = _clean(_TAG.sub(" ", body.replace("</p>", "\n").replace("<br", "\n<br")))
        import html as htmlmod

        text = sanitize(htmlmod.unescape(text))
        if len(text) < 40:
            yield Failure(at, "feed entry has no text (only a title or a link)")
            continue
        url = _text_or_none(entry.get("link"))
        yield Article(
            id=text_id(text),
            text=text,
            published=parse_date(entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published")),
            title=_text_or_none(entry.get("title")),
            url=url,
            outlet=_text_or_none(feed_title) or _outlet(url),
        )



# -- WARC / WARC.gz (Common Crawl News) -----------------------------------------------------------


#: no URI holds a control character or a space (RFC 3986); a Target-URI that does is damaged data
_NOT_URI = re.compile(r"[\x00-\x20\x7f-\x9f]")


def read_warc(stream: BinaryIO, where: str) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type != "response":
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            if url and _NOT_URI.search(url):
                # damaged bytes read as a record's headers (warcio does not check the gzip CRC)
                yield Failure(f"{where}#{n}", "corrupt record: its WARC-Target-URI holds control characters or spaces")
                continue
            at = f"{where}#{n} {url or ''}".rstrip()
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                yield Failure(at, f"not an HTML response ({ctype or 'no content type'})")
                continue
            try:
                body = record.content_stream().read()
            except (OSError, EOFError, zlib.error, ValueError) as e:
                yield Failure(at, f"corrupt record: {e}")
                continue
            short = _unread(record.raw_stream)
            if short:
                # a cut-off archive can end inside a record without any decoder complaining
                yield Failure(at, f"corrupt record: truncated, {short} bytes of its declared length missing")
                continue
            published = parse_date(record.rec_headers.get_header("WARC-Date"))
            try:
                yield html_article(decode(body, at), at, url=url, published=published)
            except InputError as e:
                yield Failure(at, str(e))
    except Exception as e:  # noqa: BLE001 - on a damaged archive warcio raises bare Exceptions, AttributeErrors...
        # (only the reading is in this try: each record's own errors are Failures above)
        yield Failure(f"{where}#{n + 1}", f"corrupt archive, stopped reading it here: {type(e).__name__}: {e}")


def _unread(stream: object) -> int:
    """Bytes a warcio LimitReader still expected when the data ran out (0 when complete)."""
    while stream is not None:
        limit = getattr(stream, "limit", None)
        if isinstance(limit, int):
            return limit if limit > 0 else 0
        stream = getattr(stream, "stream", None)
    return 0


READERS = {"txt": read_txt, "html": read_html, "jsonl": read_jsonl, "feed": read_feed, "warc": read_warc}


def sniff(name: str, head: bytes) -> str:
    """The reader for a file, from its name, then from its first bytes."""
    lower = name.lower()
    for suffixes, kind in (((".warc", ".warc.gz", ".arc", ".arc.gz"), "warc"), ((".jsonl", ".ndjson"), "jsonl"),
                           ((".html", ".htm", ".xhtml"), "html"), ((".rss", ".atom", ".xml", ".rdf"), "feed"),
                           ((".txt", ".text"), "txt")):
        if lower.endswith(suffixes):
            return kind
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip()[:200].lower()
    if start.startswith(b"<?xml") or b"<rss" in start or b"<feed" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "txt"


def _read_all(stream: BinaryIO, where: str) -> bytes:
    limit = int(settings.get("input", "max_input_bytes"))
    try:
        data = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise MalformedRecord(f"{where}: corrupt compressed data: {e}") from e
    if len(data) > limit:
        raise too_large(where)
    return data


def read_bytes(data: bytes, where: str, kind: str | None = None) -> Iterator[Item]:
    """Read an input held in memory (a fetched URL, a test)."""
    yield from read_stream(io.BufferedReader(io.BytesIO(data)), where, kind)  # type: ignore[arg-type]


def read_path(path: Path) -> Iterator[Item]:
    """Read one file, streaming (WARC and JSONL files may be large)."""
    where = str(path)
    try:
        with path.open("rb") as raw:
            yield from read_stream(raw, where)
    except OSError as e:
        yield Failure(where, f"cannot read: {e.strerror or e}")


def read_stream(raw: io.BufferedReader, where: str, kind: str | None = None) -> Iterator[Item]:
    """Read one input from a stream (a file, standard input, bytes), gunzipping it as it goes.

    Its first bytes are peeked, not read and sought back: a FIFO or a pipe cannot seek. A gzip
    member is decompressed as it is read, so the size limit holds for what it expands to.
    """
    head = raw.peek(512)[:512]
    lower = where.lower()
    name = where[:-3] if lower.endswith(".gz") and not lower.endswith((".warc.gz", ".arc.gz")) else where
    if kind is None and head.startswith(b"\x1f\x8b"):
        # gzip without a telling name (stdin, "x.gz"): what it holds decides, WARC.gz or gzipped text
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 512)
        except zlib.error:
            inner = b""
        kind = sniff(name, head) if not inner or inner.startswith(b"WARC/") else sniff(name, inner)
    kind = kind or sniff(name, head)
    if kind != "warc" and head.startswith(b"\x1f\x8b"):
        with gzip.open(raw) as unzipped:
            yield from _guard(READERS[kind](unzipped, where), where)  # type: ignore[arg-type]
    else:
        yield from _guard(READERS[kind](raw, where), where)  # type: ignore[arg-type]


def _guard(items: Iterator[Item], where: str) -> Iterator[Item]:
    """A decompression error mid-stream ends this input with a Failure, not the run."""
    try:
        yield from items
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield Failure(where, f"corrupt compressed data, stopped reading here: {e}")
