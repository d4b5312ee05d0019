"""The bad-input sweep (issue 8): every reader, every field, through the CLI.

For each input: the documented exit code, no traceback, and the good records beside it still
stored or printed. Ingest runs with the tiny fake extractor (store_fixtures), since these tests
are about reading, not extraction.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

TESTS = str(Path(__file__).parent)
BODY = "A car bomb exploded near a market in Homs on Sunday, killing at least 57 people, officials said. "
GOOD = {"id": "good", "text": "Report from Homs: a blast killed people. Witnesses described the scene.", "published": "2016-03-02"}
HTML = f"<html><head><title>Homs</title></head><body><article><h1>Homs</h1><p>{BODY * 3}</p></article></body></html>"
# billion laughs: nine levels of ten, a gigabyte if expanded
BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
        + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
        + f']><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9; {BODY}'
          "</description></item></channel></rss>")


def sitrep(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": TESTS + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], input=stdin, capture_output=True, env=env,
                          timeout=timeout)


def ingest(db: Path, *paths: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return sitrep("ingest", *map(str, paths), "--db", str(db), "--workers", "1", "--no-progress", "--json",
                  "--extractor", "store_fixtures:fake_extract_many", stdin=stdin)


def stored(db: Path) -> set[str]:
    with sqlite3.connect(db) as con:
        return {r[0] for r in con.execute("SELECT id FROM articles")}


def no_traceback(r: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in r.stderr, r.stderr.decode(errors="replace")[-2000:]


def warc(pages: list[tuple[str, str]]) -> bytes:
    out = io.BytesIO()
    w = WARCWriter(out, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))
    return out.getvalue()


# (file name, content, read: whether the file yields an article)
FILES = [
    ("empty.txt", b"", False),
    ("blank.txt", b" \n\t\n", False),
    ("binary.txt", bytes(range(256)) * 20, False),
    ("utf16-bom.txt", ("Homs bombing\n" + BODY).encode("utf-16"), True),
    ("utf16-no-bom.txt", ("Homs bombing\n" + BODY).encode("utf-16-le"), True),
    ("cp1252.txt", ("Caf\u00e9 bombing \u2013 " + BODY).encode("cp1252"), True),
    ("nested.html", ("<html><body>" + "<div>" * 50_000 + f"<p>{BODY}</p>" + "</div>" * 50_000 + "</body></html>").encode(), False),
    ("unclosed.html", f"<html><body><article><p>{BODY * 3}<p><b><i><div>".encode() * 50, True),
    ("nul.html", b"<html>\x00\x00<body>x</body></html>", False),
    ("malformed.rss", b"<rss><channel><item><title>broken", False),
    ("malformed.atom", f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>{BODY}</conten'.encode(), False),
    ("bomb.rss", BOMB.encode(), True),
    ("truncated.txt.gz", gzip.compress(BODY.encode() * 20)[:60], False),
    ("fake.gz", b"\x1f\x8b\x08\x00 not really gzip" * 5, False),
    ("fake.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort", False),
    ("fake.warc.gz", b"\x1f\x8b\x08\x00garbage" * 10, False),
    ("truncated.warc.gz", warc([("https://n.example/1", HTML)])[:-120], False),
    ("empty.jsonl", b"", False),
    ("wrong.jsonl", b"\xff\xfe\x00garbage\n", False),
]


@pytest.mark.parametrize("name,content,read", FILES, ids=[f[0] for f in FILES])
def test_each_bad_file_is_reported_and_the_good_one_beside_it_stored(tmp_path, name, content, read):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(content)
    (folder / "good.jsonl").write_text(json.dumps(GOOD) + "\n")
    r = ingest(tmp_path / "x.db", folder)
    no_traceback(r)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert "good" in stored(tmp_path / "x.db")
    failed_here = [f for f in report["failures"] if name in f["where"]]
    assert report["read"] == 1 + read and (bool(failed_here) != read or name == "bomb.rss"), report
    assert all(f["reason"] and "\n" not in f["reason"] for f in report["failures"])


def test_entity_bomb_is_not_expanded(tmp_path):
    from sitrep.ingest.readers import Article, read_bytes

    items = list(read_bytes(BOMB.encode(), "bomb.rss"))
    texts = [i.text + (i.title or "") for i in items if isinstance(i, Article)]
    assert texts and all(len(t) < 10_000 and "lollollol" not in t for t in texts)


WRONG = {
    "id": [{"a": 1}, [1], True, 1.5],
    "text": [None, 5, ["x"], {"t": "x"}, "", "   "],
    "title": [{"a": 1}, [1, 2], 7, False],
    "source": [{"x": 1}, ["a"], 3.0],
    "url": [5, ["http://x"], "http://[::1", "http://example.com:99999999/"],
    "published": [{"y": 2016}, [2016, 1, 1], 20160101, 1e308, True],
}
CASES = [(k, v) for k, vs in WRONG.items() for v in vs]


def test_jsonl_every_field_of_the_wrong_type_is_one_failure_naming_it(tmp_path):
    lines = [json.dumps({**GOOD, "id": "g0"})]
    for n, (key, value) in enumerate(CASES):
        lines.append(json.dumps({"id": f"bad{n}", "text": f"Text of bad record {n} about Homs.", key: value}))
    lines += ["[1, 2, 3]", '"just a string"', "null", "{not json", "[" * 100_000,
              json.dumps({"id": "surrogate", "text": "A bomb \ud800 killed 3 in Homs.", "title": "t\udc80"}),
              json.dumps({"id": "nul", "text": "A bomb \u0000 killed 3 in Homs."}),
              json.dumps({"id": "ancient", "text": "A bomb killed 3 people yesterday.", "published": "0001-01-01"}),
              json.dumps({**GOOD, "id": "g1", "text": GOOD["text"] + " Second report."})]
    path = tmp_path / "corpus.jsonl"
    path.write_bytes("\n".join(lines).encode() + b"\n" + b'{"id": "rawnul", "text": "bomb\x00 in Homs"}\n')
    r = ingest(tmp_path / "x.db", path)
    no_traceback(r)
    assert r.returncode == 0
    report = json.loads(r.stdout)
    reasons = {int(f["where"].rsplit(":", 1)[1]): f["reason"] for f in report["failures"]}
    for n, (key, _) in enumerate(CASES, start=2):
        assert f"'{key}'" in reasons[n], (n, key, reasons.get(n))
    assert stored(tmp_path / "x.db") == {"g0", "g1", "surrogate", "nul", "ancient", "rawnul"}
    with sqlite3.connect(tmp_path / "x.db") as con:
        (text,) = con.execute("SELECT text FROM articles WHERE id = 'surrogate'").fetchone()
    assert "\ufffd" in text


def test_a_rerun_after_bad_records_finishes_the_corpus(tmp_path):
    path = tmp_path / "c.jsonl"
    good = [json.dumps({"id": f"g{k}", "text": f"Report {k} about the blast in Homs, number {k}."}) for k in range(40)]
    path.write_text("\n".join(good[:20] + [json.dumps({"id": "b", "text": "x y z", "title": {"a": 1}})] + good[20:]) + "\n")
    first, again = ingest(tmp_path / "x.db", path), ingest(tmp_path / "x.db", path)
    assert json.loads(first.stdout)["new"] == 40 and json.loads(again.stdout)["duplicate"] == 40
    assert first.returncode == again.returncode == 0


def test_path_with_spaces_and_unicode_glob_and_missing(tmp_path):
    folder = tmp_path / "dossier spécial ünïcode 报道"
    folder.mkdir()
    (folder / "rapport d'été.txt").write_text("Rapport\n" + BODY, encoding="utf-8")
    (folder / "good 2.jsonl").write_text(json.dumps(GOOD) + "\n")
    r = ingest(tmp_path / "x.db", str(folder / "*.txt"), folder / "good 2.jsonl", tmp_path / "nope.txt")
    no_traceback(r)
    report = json.loads(r.stdout)
    assert r.returncode == 0 and report["read"] == 2 and any("nope.txt" in f["where"] for f in report["failures"])


def test_nothing_readable_exits_3(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01" * 100)
    r = ingest(tmp_path / "x.db", tmp_path / "bin.txt")
    no_traceback(r)
    assert r.returncode == 3 and r.stderr.decode().strip().count("\n") == 0


def test_fifo(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    payload = (json.dumps(GOOD) + "\n{bad\n").encode()

    def feed() -> None:
        with open(fifo, "wb") as f:
            f.write(payload)

    writer = threading.Thread(target=feed)
    writer.start()
    r = ingest(tmp_path / "x.db", fifo)
    writer.join(timeout=10)
    no_traceback(r)
    assert r.returncode == 0 and stored(tmp_path / "x.db") == {"good"}


def test_30_mb_text_is_refused_alone(tmp_path):
    from sitrep.errors import InputTooLarge
    from sitrep.ingest.text import read_text

    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.write(b"The shelling went on. " * 1_400_000)  # 30.8 MB
    with pytest.raises(InputTooLarge):
        read_text(big)
    r = sitrep("places", str(big), "--no-ner")
    no_traceback(r)
    assert r.returncode == 3 and b"limit" in r.stderr
    (tmp_path / "good.jsonl").write_text(json.dumps(GOOD) + "\n")
    r = ingest(tmp_path / "x.db", big, tmp_path / "good.jsonl")
    assert r.returncode == 0 and stored(tmp_path / "x.db") == {"good"}


def test_one_oversize_jsonl_line_is_one_failure(tmp_path, monkeypatch):
    from sitrep.ingest.readers import Failure, read_path

    monkeypatch.setattr("sitrep.ingest.text.limit", lambda: 1000)
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "huge", "text": "x " * 5000}) + "\n" + json.dumps(GOOD) + "\n")
    items = list(read_path(path))
    assert isinstance(items[0], Failure) and "limit" in items[0].reason and items[1].id == "good"


NOT_UTF8 = (json.dumps(GOOD).replace("Homs", "H\u00f6ms").encode("latin-1") + b"\n"
            + b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\n" + b"{bad json\n")


def test_stdin_ingest_not_utf8(tmp_path):
    r = ingest(tmp_path / "x.db", "-", stdin=NOT_UTF8)
    no_traceback(r)
    assert r.returncode == 0 and stored(tmp_path / "x.db") == {"good"}


@pytest.mark.parametrize("stdin,code", [(b"", 3), (b"\x00\x01\x02\x03" * 50, 3), (b"\xff\xfe\x00\xd8", 3)])
def test_stdin_bad_text_one_line_and_exit_3(stdin, code):
    for args in (["extract", "-"], ["places", "-", "--no-ner"], ["extract", "-", "--format", "jsonl"]):
        r = sitrep(*args, stdin=stdin)
        no_traceback(r)
        assert r.returncode == code and len(r.stderr.decode().strip().splitlines()) == 1, (args, r.stderr)


def test_stdin_places_not_utf8():
    r = sitrep("places", "-", "--no-ner", stdin=NOT_UTF8)
    no_traceback(r)
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert r.returncode == 0 and [row["id"] for row in rows] == ["good", "stdin:2", "stdin:3"]
    assert "places" in rows[0] and all("error" in row for row in rows[1:])


def test_stdin_extract_jsonl_not_utf8_and_a_nul_line():
    stdin = NOT_UTF8 + b'{"id": "nul", "text": "A bomb\x00 killed 3 people in Homs."}\n'
    r = sitrep("extract", "-", "--format", "jsonl", stdin=stdin)
    no_traceback(r)
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert r.returncode == 0 and [row["id"] for row in rows] == ["good", "line-2", "line-3", "nul"]
    assert "incidents" in rows[0] and "incidents" in rows[3] and all("error" in row for row in rows[1:3])
