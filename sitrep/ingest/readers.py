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
from ..errors import InputError, InputTooLarge, MalformedRecord
from ..models import Article, date_or_none
from .text import decode

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
    except (TypeError, ValueError, IndexError):
        return None


def _outlet(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host[4:] if host.startswith("www.") else host or None


def _clean(text: str) -> str:
    lines = [_SPACE.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line).strip()


# -- plain text and HTML ---------------------------------------------------------------------------


def read_txt(stream: BinaryIO, where: str) -> Iterator[Item]:
    try:
        text = _clean(decode(_read_all(stream, where), where))
    except InputError as e:
        yield Failure(where, str(e))
        return
    yield Article(id=text_id(text), text=text, title=text.split("\n", 1)[0][:200] or None)


def html_article(html: str, where: str, url: str | None = None, published: dt.date | None = None) -> Article:
    """Main text and metadata of one HTML page (trafilatura); raises MalformedRecord when there is no article."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    text = _clean(getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text) < 40:
        raise MalformedRecord(f"{where}: no article text found in the HTML")
    page_url = getattr(doc, "url", None) or url
    return Article(
        id=text_id(text),
        text=text,
        published=parse_date(getattr(doc, "date", None)) or published,
        title=getattr(doc, "title", None),
        url=page_url,
        outlet=getattr(doc, "sitename", None) or _outlet(page_url),
    )


def read_html(stream: BinaryIO, where: str) -> Iterator[Item]:
    try:
        yield html_article(decode(_read_all(stream, where), where), where)
    except InputError as e:
        yield Failure(where, str(e))


# -- JSONL (the extract input format) ---------------------------------------------------------------


def read_jsonl(stream: BinaryIO, where: str) -> Iterator[Item]:
    # line by line: a corpus file may be far larger than one input may be
    for n, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        at = f"{where}:{n}"
        try:
            rec = json.loads(decode(raw, at))
        except InputError as e:
            yield Failure(at, str(e))
            continue
        except json.JSONDecodeError as e:
            yield Failure(at, f"not JSON: {e.msg}")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            yield Failure(at, "a record needs a non-empty string 'text'")
            continue
        text = rec["text"].strip()
        rid = rec.get("id")
        yield Article(
            id=str(rid) if rid not in (None, "") else text_id(text),
            text=text,
            published=parse_date(rec.get("published")),
            title=rec.get("title") or None,
            url=rec.get("url") or None,
            outlet=rec.get("source") or rec.get("outlet") or _outlet(rec.get("url")),
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
            body = " ".join(c.get("value", "") for c in entry["content"])
        body = body or entry.get("summary") or entry.get("description") or ""
        text = _clean(_TAG.sub(" ", body.replace("</p>", "\n").replace("<br", "\n<br")))
        import html as htmlmod

        text = htmlmod.unescape(text)
        if len(text) < 40:
            yield Failure(at, "feed entry has no text (only a title or a link)")
            continue
        url = entry.get("link")
        yield Article(
            id=text_id(text),
            text=text,
            published=parse_date(entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published")),
            title=entry.get("title"),
            url=url,
            outlet=feed_title or _outlet(url),
        )


# -- WARC / WARC.gz (Common Crawl News) -----------------------------------------------------------


def read_warc(stream: BinaryIO, where: str) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type != "response":
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
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
    except (OSError, EOFError, zlib.error, ValueError, gzip.BadGzipFile) as e:
        yield Failure(f"{where}#{n + 1}", f"corrupt archive, stopped reading it here: {e}")
    except Exception as e:  # noqa: BLE001 - warcio raises bare Exception subclasses on bad headers
        if type(e).__module__.startswith("warcio") or "warc" in str(e).lower():
            yield Failure(f"{where}#{n + 1}", f"corrupt archive, stopped reading it here: {e}")
        else:
            raise


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
        raise InputTooLarge(f"{where}: over the {limit:,}-byte limit (settings: input.max_input_bytes)")
    return data


def read_bytes(data: bytes, where: str, kind: str | None = None) -> Iterator[Item]:
    """Read an input held in memory (a fetched URL, a test)."""
    kind = kind or sniff(where, data[:512])
    if kind != "warc" and where.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            yield Failure(where, f"corrupt gzip: {e}")
            return
    yield from _guard(READERS[kind](io.BytesIO(data), where), where)


def read_path(path: Path) -> Iterator[Item]:
    """Read one file, streaming (WARC and JSONL files may be large)."""
    where = str(path)
    try:
        with path.open("rb") as raw:
            head = raw.read(512)
            raw.seek(0)
            kind = sniff(where[:-3] if where.lower().endswith(".gz") and not where.lower().endswith((".warc.gz", ".arc.gz")) else where, head)
            if kind != "warc" and head.startswith(b"\x1f\x8b"):
                with gzip.open(raw) as unzipped:
                    yield from _guard(READERS[kind](unzipped, where), where)  # type: ignore[arg-type]
            else:
                yield from _guard(READERS[kind](raw, where), where)
    except OSError as e:
        yield Failure(where, f"cannot read: {e.strerror or e}")


def _guard(items: Iterator[Item], where: str) -> Iterator[Item]:
    """A decompression error mid-stream ends this input with a Failure, not the run."""
    try:
        yield from items
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield Failure(where, f"corrupt compressed data, stopped reading here: {e}")
