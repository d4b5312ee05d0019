"""Readers: every format, and bad input skipped with its reason."""
from __future__ import annotations

import gzip
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.ingest.readers import Failure
from sitrep.ingest.sources import read_inputs
from sitrep.models import Article

BODY = "A car bomb exploded near a market in Homs on Sunday, killing at least 57 people, officials said. " * 3
HTML = (f"<html><head><title>Homs bombing</title><meta property='og:site_name' content='Example News'>"
        f"<meta name='date' content='2016-02-22'></head><body><nav>Home | World</nav><article><h1>Homs bombing</h1>"
        f"<p>{BODY}</p><p>The toll may rise, hospital sources said.</p></article></body></html>")
RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Bomb in Homs</title><link>https://ex.com/1</link><pubDate>Mon, 22 Feb 2016 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Only a title</title><link>https://ex.com/2</link></item></channel></rss>"""


def _items(*paths):
    items = list(read_inputs([str(p) for p in paths]))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


def _warc(path, pages, gz=True):
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))


def test_txt_html_jsonl_feed_warc(tmp_path):
    (tmp_path / "a.txt").write_text("Homs bombing\n\n" + BODY)
    (tmp_path / "b.html").write_text(HTML)
    (tmp_path / "c.jsonl").write_text('{"id": "j1", "text": "%s", "published": "2016-02-22", "title": "T", "url": "https://www.ex.org/x"}\n' % BODY)
    (tmp_path / "d.rss").write_text(RSS)
    _warc(tmp_path / "e.warc.gz", [("https://news.example/1", HTML), ("https://news.example/2", "<html><body></body></html>")])
    arts, fails = _items(tmp_path)
    by = {a.title: a for a in arts}
    assert len(arts) == 5
    assert by["Homs bombing"].text.startswith("Homs bombing")
    assert by["T"].id == "j1" and by["T"].outlet == "ex.org" and str(by["T"].published) == "2016-02-22"
    assert by["Bomb in Homs"].url == "https://ex.com/1" and str(by["Bomb in Homs"].published) == "2016-02-22"
    html = [a for a in arts if a.outlet == "Example News"]
    assert len(html) == 2 and all("Home | World" not in a.text for a in html)
    assert {f.reason.split(":")[-1].strip() for f in fails} >= {"feed entry has no text (only a title or a link)"}
    assert any("no article text" in f.reason for f in fails)  # the empty WARC page


def test_a_record_whose_headers_are_damaged_bytes_is_corrupt(tmp_path):
    # regression (about 1 run in 25 of the test below): garbage inside a gzip member can decode
    # into a "record" whose headers are binary; it was reported as "not an HTML response"
    _warc(tmp_path / "a.warc.gz", [("https://g/1", HTML), ("\x1f\x8b\x08\x00garbage\x00", HTML)])
    arts, fails = _items(tmp_path)
    assert len(arts) == 1
    assert [f.reason for f in fails] == ["corrupt record: its WARC-Target-URI holds control characters or spaces"]
    assert fails[0].where.endswith("a.warc.gz#2")


def test_bad_inputs_are_skipped_with_reasons(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "ok", "text": "fine text here"}\nnot json\n{"id": "x"}\n')
    (tmp_path / "corrupt.txt.gz").write_bytes(gzip.compress(b"text " * 50)[:-6])
    (tmp_path / "feed.rss").write_text("<rss><channel><item><title>broken")
    (tmp_path / "empty.html").write_text("<html><body><p>hi</p></body></html>")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "legacy.txt").write_bytes("Caf\xe9 bombing in Homs killed five people on Sunday.".encode("cp1252"))
    data = gzip.compress(b"")  # a WARC that is cut off mid-record
    _warc(tmp_path / "cut.warc.gz", [("https://n/1", HTML), ("https://n/2", HTML)])
    whole = (tmp_path / "cut.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(whole[: len(whole) - 200] + data)
    _warc(tmp_path / "garbage.warc.gz", [("https://g/1", HTML), ("https://g/2", HTML)])
    good = (tmp_path / "garbage.warc.gz").read_bytes()
    # garbage inside the second record's gzip member: where it lands must not depend on the
    # random record ids that change the compressed sizes from run to run
    from warcio.archiveiterator import ArchiveIterator

    with open(tmp_path / "garbage.warc.gz", "rb") as f:
        it = ArchiveIterator(f)
        offsets = [it.get_record_offset() for _ in it]
    at = offsets[1] + 40
    (tmp_path / "garbage.warc.gz").write_bytes(good[:at] + b"\x00garbage" * 20 + good[at:])
    arts, fails = _items(tmp_path, tmp_path / "missing.txt")
    texts = {a.text for a in arts}
    assert "fine text here" in texts
    assert any(t.startswith("Café bombing") for t in texts)
    where = {f.where.split("/")[-1]: f.reason for f in fails}
    assert "bad.jsonl:2" in where and "bad.jsonl:3" in where
    assert "corrupt" in where["corrupt.txt.gz"]
    assert "binary" in where["bin.txt"]
    assert "no article" in where["empty.html"]
    assert "missing.txt" in where
    assert any("cut.warc.gz#2" in f.where for f in fails)
    assert any("garbage.warc.gz" in f.where and "corrupt" in f.reason for f in fails)
    assert sum(1 for a in arts if a.outlet == "Example News") == 2  # each broken archive keeps its first record
    assert any(k.startswith("feed.rss") for k in where) or not any(a.title == "broken" for a in arts)


def test_stdin_and_fifo_streams_are_sniffed_without_seeking(tmp_path):
    from sitrep.ingest.readers import read_stream

    class Pipe(io.RawIOBase):  # a pipe: readable, never seekable
        def __init__(self, data):
            self.data = io.BytesIO(data)

        def readable(self):
            return True

        def readinto(self, b):
            n = self.data.readinto(b)
            return n

    for data in (gzip.compress(RSS.encode()), RSS.encode(), ('{"id": "s", "text": "%s"}\n' % BODY).encode()):
        items = list(read_stream(io.BufferedReader(Pipe(data)), "stdin"))
        assert isinstance(items[0], Article) and "Homs" in items[0].text


def test_record_fields_are_checked_where_the_article_is_built():
    import pytest

    from sitrep.errors import MalformedRecord
    from sitrep.ingest.readers import record_article

    a = record_article({"id": 7, "text": " Bomb \ud800 in Homs\x00. ", "url": "https://www.ex.org/a", "published": "2016-02-22"}, "t:1")
    assert (a.id, a.text, a.outlet, str(a.published)) == ("7", "Bomb \ufffd in Homs.", "ex.org", "2016-02-22")
    assert record_article({"text": "x", "published": "not a date"}, "t:1").published is None
    for rec, field in [({"text": "x", "url": "http://[::1"}, "'url'"), ({"text": "x", "source": ["a"]}, "'source'"),
                       ({"text": "x", "id": None, "title": 3}, "'title'"), ({"text": "x", "published": "nope"}, "'published'")]:
        with pytest.raises(MalformedRecord, match=field):
            record_article(rec, "t:1", strict_dates=True)
