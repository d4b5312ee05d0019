"""Builders for store/merge/export tests, and a tiny rule-based stand-in for the extractor.

``fake_extract_many`` reads lines like ``[[Homs|SY|34.7268|36.7234|2016-02-21|Remote explosive/landmine/IED|57|39|Islamic State]]``
embedded in an article's text, so ingest tests do not need the spaCy model.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from sitrep.errors import SitrepError
from sitrep.models import Actor, Article, Claim, Extraction, Incident, Place, Range

HOMS = dict(name="Homs", admin1="Homs", country="Syria", country_code="SY", geonameid=169577, latitude=34.7268, longitude=36.7234)
ZEINAB = dict(name="Sayyida Zaynab", admin1="Rif Dimashq", country="Syria", country_code="SY", geonameid=170654,
              latitude=33.4444, longitude=36.3406)
TYPES = {
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Armed clash": "Battles",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
}


def incident(place: dict | None = None, date: str | None = "2016-02-21", sub: str = "Remote explosive/landmine/IED",
             killed: int | None = None, injured: int | None = None, perpetrator: str | None = "Islamic State",
             quote: str | None = None, qualifier: str | None = None, source: str | None = None,
             reported: str | None = None, high: int | None = None) -> Incident:
    place = HOMS if place is None else place
    claims = []
    if killed is not None:
        claims.append(Claim("killed", killed, high, qualifier, source, quote or f"{killed} people were killed", 0, 10,
                            reported=dt.date.fromisoformat(reported) if reported else None))
    if injured is not None:
        claims.append(Claim("injured", injured, None, None, source, f"{injured} were injured", 11, 20))
    return Incident(
        id="tmp",
        event_type=TYPES[sub],
        sub_event_type=sub,
        cameo="183",
        event_date=dt.date.fromisoformat(date) if date else None,
        date_precision=1 if date else None,
        location=Place(text=place["name"], precision=1, **place) if place else None,
        actors=[Actor(perpetrator, "perpetrator", claimed_responsibility=True)] if perpetrator else [],
        fatalities=Range(killed, killed, high or killed) if killed is not None else Range(),
        injuries=Range(injured, injured, injured) if injured is not None else Range(),
        claims=claims,
    )


def extraction(article_id: str, text: str | None = None, published: str = "2016-02-22", incidents: Iterable[Incident] = (),
               outlet: str | None = None) -> Extraction:
    art = Article(id=article_id, text=text or f"Report {article_id}: a unique text about events number {article_id}.",
                  published=dt.date.fromisoformat(published), title=f"Title {article_id}", outlet=outlet or f"outlet-{article_id}")
    return Extraction(article=art, incidents=list(incidents))


_MARK = re.compile(r"\[\[([^\]]+)\]\]")


def fake_extract(article: Article) -> Extraction:
    incidents = []
    for m in _MARK.finditer(article.text):
        name, cc, lat, lon, date, sub, killed, injured, perp = (m.group(1).split("|") + [""] * 9)[:9]
        place = dict(name=name, admin1=name, country=cc, country_code=cc, geonameid=None, latitude=float(lat), longitude=float(lon))
        inc = incident(place=place, date=date or None, sub=sub, killed=int(killed) if killed else None,
                       injured=int(injured) if injured else None, perpetrator=perp or None, quote=m.group(0))
        for c in inc.claims:
            c.start, c.end = m.start(), m.end()
        incidents.append(inc)
    if "EXTRACT-FAIL" in article.text:
        raise SitrepError(f"{article.id}: extractor refused")
    return Extraction(article=article, incidents=incidents)


def fake_extract_many(articles: Iterable[Article]) -> Iterator[tuple[Article, Extraction | SitrepError]]:
    for a in articles:
        try:
            yield a, fake_extract(a)
        except SitrepError as e:
            yield a, e


def slow_extract_many(articles: Iterable[Article]) -> Iterator[tuple[Article, Extraction | SitrepError]]:
    import time

    for pair in fake_extract_many(articles):
        time.sleep(0.05)
        yield pair


def marked_corpus(n: int) -> list[dict]:
    """JSONL records whose texts carry fake-extractor marks; every third one reports an earlier event again."""
    places = [("Homs", 34.7268, 36.7234), ("Aleppo", 36.2021, 37.1343), ("Idlib", 35.9306, 36.6339)]
    out = []
    for k in range(n):
        name, lat, lon = places[k % 3]
        day = 1 + (k // 6) % 27
        out.append({"id": f"m{k:03d}", "published": f"2016-03-{day + 1:02d}",
                    "text": f"Report {k} from {name}: a blast killed people. "
                            f"[[{name}|SY|{lat}|{lon}|2016-03-{day:02d}|Remote explosive/landmine/IED|{10 + k}||Islamic State]] "
                            f"Witness number {k * 7919 % 1000} described the scene in detail."})
    return out


def unstorable_extract_many(articles: Iterable[Article]) -> Iterator[tuple[Article, Extraction | SitrepError]]:
    """As fake_extract_many, but an article saying UNSTORABLE gets an event type SQLite cannot bind."""
    for a, result in fake_extract_many(articles):
        if isinstance(result, Extraction) and "UNSTORABLE" in a.text:
            for inc in result.incidents:
                inc.event_type = {"not": "a string"}  # type: ignore[assignment]
        yield a, result
