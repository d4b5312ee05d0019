"""sitrep watch (issue 12, item 4): polls feeds served on 127.0.0.1, ingests only what is new
(conditional requests), reports each new alert once, survives a feed that is down or malformed,
and stops cleanly on a signal."""
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep.errors import ConfigError
from sitrep.ingest.watch import Watch, alert_key, parse_every

FAKE = "store_fixtures:fake_extract_many"


def _item(k, day, actor):
    return (f"<item><title>Blast {k}</title><link>https://news.example/{k}</link><guid>news-{k}</guid>"
            f"<pubDate>{day} Mar 2016 10:00:00 GMT</pubDate><description>Report {k}: a blast hit the town. "
            f"[[Homs|SY|34.7268|36.7234|2016-03-{day:02d}|Remote explosive/landmine/IED|{3 + k}||{actor}]] "
            f"Witness {k * 7919 % 1000} spoke.</description></item>")


class Feeds:
    """Feeds by path; counts requests and answers 304 to a matching If-None-Match."""

    def __init__(self):
        self.body = {"/feed.rss": "", "/broken.rss": "<rss><channel><item><title>cut"}
        self.requests: list[tuple[str, str | None]] = []

    def handler(self):
        feeds = self

        class H(BaseHTTPRequestHandler):
            def do_GET(self):
                feeds.requests.append((self.path, self.headers.get("If-None-Match")))
                if self.path == "/down.rss":
                    self.send_response(503)
                    self.end_headers()
                    return
                body = feeds.body.get(self.path, "").encode()
                etag = f'"{hash(body) & 0xffffffff:x}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("ETag", etag)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return H


@pytest.fixture()
def feeds():
    f = Feeds()
    server = ThreadingHTTPServer(("127.0.0.1", 0), f.handler())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    f.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield f
    server.shutdown()


def _rss(*items):
    return "<?xml version='1.0'?><rss version='2.0'><channel><title>News</title>" + "".join(items) + "</channel></rss>"


def test_every_parses_durations():
    assert [parse_every(t) for t in ("30s", "15m", "1h", "90", "0.5m")] == [30, 900, 3600, 90, 30]
    for bad in ("soon", "0m", "-5m", ""):
        with pytest.raises(ConfigError):
            parse_every(bad)


def test_rounds_ingest_what_is_new_and_report_each_alert_once(feeds, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(os.path.dirname(__file__))
    db = str(tmp_path / "w.db")
    out, err = [], []
    feeds.body["/feed.rss"] = _rss(_item(1, 1, "Islamic State"), _item(2, 2, "Islamic State"))
    urls = [feeds.base + p for p in ("/feed.rss", "/down.rss", "/broken.rss")]
    watch = Watch(urls, db, extractor=FAKE, out=out.append, err=err.append)
    first = watch.round()
    # a new actor in Homs: reported once, with the incidents behind it
    assert [(a["rule"], a["actor"]) for a in first] == [("new_actor", "Islamic State")]
    assert any("down.rss" in e and "503" in e for e in err)  # the feed that is down is reported, the round goes on
    assert [json.loads(line)["rule"] for line in out] == ["new_actor"]
    # the same feed again: a 304, nothing ingested, the alert not repeated
    assert watch.round() == [] and len(out) == 1
    assert feeds.requests[-3][1] is not None  # the second request was conditional (If-None-Match)
    # a new entry by another group: one more alert; the state survives a restart
    feeds.body["/feed.rss"] = _rss(_item(1, 1, "Islamic State"), _item(2, 2, "Islamic State"), _item(3, 3, "Jaysh al-Islam"))
    # (the first two reports were one incident; with the third, Homs has two violent events this week: a surge)
    again = Watch(urls, db, extractor=FAKE, out=out.append, err=err.append)
    assert {(a["rule"], a["actor"]) for a in again.round()} == {("new_actor", "Jaysh al-Islam"), ("surge", None)}
    assert {alert_key(json.loads(line)) for line in out} == {
        "new_actor|SY|Homs|Islamic State", "new_actor|SY|Homs|Jaysh al-Islam", "surge|SY|Homs|"}
    assert again.round() == []  # still firing: not reported again


def test_the_command_stops_cleanly_on_a_signal(feeds, tmp_path):
    feeds.body["/feed.rss"] = _rss(_item(1, 1, "Islamic State"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([os.path.dirname(__file__), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "watch", feeds.base + "/feed.rss", "--db", str(tmp_path / "s.db"),
                             "--every", "1s", "--extractor", FAKE], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.time() + 60
    while not (tmp_path / "s.db.watch.json").exists():  # the first round is done
        assert time.time() < deadline and proc.poll() is None, proc.stderr.read() if proc.poll() is not None else "timeout"
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "stopping after this round" in err and "Traceback" not in err
    assert json.loads(out.splitlines()[0])["rule"] == "new_actor"


def test_bad_arguments_are_usage_errors(tmp_path):
    r = subprocess.run([sys.executable, "-m", "sitrep.cli", "watch", "feed.rss", "--db", str(tmp_path / "x.db")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "not an http(s) URL" in r.stderr and "Traceback" not in r.stderr
