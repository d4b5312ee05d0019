"""Scoring sitrep's reading against incident gold (gvdb, isaf, gtd2011, acled2020, hrdsattack,
plover_gsr) and event-type gold (case2021), with a plain regex baseline beside it.

Each gold record describes one incident; sitrep's *primary* incident is the incident with the
largest best fatality figure, or, when none reports deaths, the first incident the text tells. Casualty scoring on gtd2011/acled2020
is restricted to records whose gold count appears in the text (``count_in_text``), as the gold
README advises. Nothing from the gold files is stored.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from ..export.acled import sides
from ..models import VIOLENT_TYPES, Article, Extraction, Incident, Place
from .identity import WITHIN_SETS, within

CAMEO_SETS = {"petrarch_unittest", "universalpetrarch_gsr"}
#: CAMEO roots inside sitrep's scope (ACLED's events): protest, force posture, coercion, assault,
#: fight, mass violence, plus the agreement/ceasefire codes it assigns (057, 0871)
CAMEO_SCOPE = ("14", "15", "17", "18", "19", "20", "057", "087")
INCIDENT_SETS = {"gvdb", "isaf", "gtd2011", "acled2020", "hrdsattack", "plover_gsr", "case2021"}
_GENERIC_PERPS = {"gunmen", "militants", "unknown", "individual", "assailants", "insurgents", "extremists", "terrorists",
                  "separatists", "rebels", "criminals", "bandits", "jihadists"}


def primary(extraction: Extraction) -> Incident | None:
    incs = extraction.incidents
    if not incs:
        return None
    deadly = [i for i in incs if (i.fatalities.best or 0) > 0]
    if deadly:
        return max(deadly, key=lambda i: (i.fatalities.best or 0, -incs.index(i)))
    return incs[0]  # a text about one event tells it first


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"qa.?ida", "qaeda", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = re.sub(r"\b(?:the|al|el|group|forces?)\b", " ", s)
    return " ".join(s.split())


def perpetrator_matches(gold: str, predicted: list[str]) -> bool:
    from ..extract.actors import aliases_of

    g = _norm(gold)
    acronym = re.findall(r"\(([^)]+)\)", gold)
    keys = {g} | {_norm(a) for a in acronym}
    if g in _GENERIC_PERPS:
        return any(p.startswith("Unidentified") for p in predicted) or not predicted
    for p in predicted:
        names = {_norm(p)} | {_norm(a) for a in aliases_of(p)}
        if keys & names:
            return True
        gt, pt = set(g.split()), set(_norm(p).split())
        if gt and pt and len(gt & pt) / len(gt | pt) >= 0.6:
            return True
    return False


def _place_matches(gold: str, inc: Incident | None, geo=None) -> bool:
    return _city_is(gold, inc.location if inc is not None else None, geo)


def _country_matches(gold: str, inc: Incident | None) -> bool:
    return _country_is(gold, inc.location if inc is not None else None)


def _city_is(gold: str, place: Place | None, geo=None) -> bool:
    """Is ``place`` the gold town? By name (the entry's or the text's), or, given the resolver
    ``geo``, as the gazetteer entry the gold name itself looks up (one town under GeoNames'
    spelling and the gold's: "Kelar" for ACLED's "Kalar"), or as the town's admin2 area. For
    ACLED's "City-Neighbourhood" names the city is the town, and so is the part when it lies in
    that city (not a namesake elsewhere in the country)."""
    if place is None:
        return False
    if _named(gold, place, geo) or _admin2_of(gold, place, geo):
        return True
    for city, part in _city_parts(gold, geo):
        if _named(city, place, geo):
            return True
        if (_named(part, place, geo) and place.latitude is not None and place.longitude is not None
                and any(within_km(place, c.lat, c.lon, CITY_PART_KM) for c in geo.candidates(city))):
            return True
    return False


#: how far from its city's point a neighbourhood of an ACLED "City-Neighbourhood" name may lie
CITY_PART_KM = 30.0


def _named(name: str, place: Place, geo=None) -> bool:
    g = _norm(name)
    if g and g in {_norm(place.name), _norm(place.text)}:
        return True
    return (geo is not None and place.geonameid is not None
            and any(c.gid == place.geonameid for c in geo.candidates(name)))


def _admin2_of(gold: str, place: Place, geo=None) -> bool:
    """Is ``place`` the admin2 area (district, county) of the gold town? The issue's "town (or
    its admin2)": an event sitrep can place only at "Qa'atabah district" is at the gold town
    Qatabah's district. The gold name's towns in the place's admin1 area are looked up with their
    admin2 name, where the gazetteer knows it (Chapel Hill, North Carolina is in an Orange
    County, but not California's)."""
    if geo is None or not place.name:
        return False
    if (place.feature or "").endswith("ADM2"):
        area = _norm(place.name)
        return any(c.fclass == "P" and c.cc == place.country_code and c.admin1 == place.admin1 and c.admin2
                   and _norm(c.admin2) == area for c in geo.candidates(gold))
    # the gold names a district by its own name ("Harris County", GTD's "Dima Hasao") and sitrep's town
    # lies in it: as specific as the gold or more. Not where a town bears the name too: the gold
    # "Los Angeles" or "Baramulla" may mean the town, not all of its county or district
    if not place.admin2 or place.precision not in (1, 2):
        return False
    cands = [c for c in geo.candidates(gold) if c.cc == place.country_code and c.admin1 == place.admin1]
    return not any(c.fclass == "P" and c.q <= 1 for c in cands) and any(
        c.fcode == "ADM2" and c.q == 0 and _norm(c.name) == _norm(place.admin2) for c in cands)


def _city_parts(gold: str, geo=None) -> list[tuple[str, str]]:
    """(city, neighbourhood) of an ACLED "City-Neighbourhood" name ("Beirut-Mazraa", "Ciudad de
    Mexico-Iztacalco", "Ar-Raqqa - Tishrine"). A hyphen splits only where the whole is no
    gazetteer name ("Winston-Salem" is one town) and both sides are names, not an article
    ("Ar-Raqqa", "Kan-e Ezzat" and "Deir-ez-Zor" stay whole)."""
    if "-" not in gold or geo is None or geo.candidates(gold):
        return []
    out = []
    for m in re.finditer(r"\s*-\s*", gold):
        city, part = gold[: m.start()].strip(), gold[m.end():].strip()
        if len(_norm(city)) >= 4 and len(_norm(part)) >= 4 and part[:1].isupper():
            out.append((city, part))
    return out


#: names the gold files give a country that GeoNames names otherwise, by ISO code (GTD's 2011
#: names, ACLED's "Palestine", the free-text names of the smaller sets): the same country, so
#: a place in it is the right country. Continents and misspelled demonyms are not here.
GOLD_COUNTRY_CODES = {
    "palestine": "PS", "west bank and gaza strip": "PS", "northern ireland": "GB", "britain": "GB",
    "congo (kinshasa)": "CD", "congo (brazzaville)": "CG", "people s republic of china": "CN", "usa": "US", "us": "US",
    "united states of america": "US", "bosnia": "BA", "bosnia herzegovina": "BA", "czech republic": "CZ",
    "burma": "MM", "macedonia": "MK", "turrkey": "TR",
}


def _country_is(gold: str, place: Place | None) -> bool:
    if place is None or not _norm(gold):
        return False
    code = GOLD_COUNTRY_CODES.get(gold.strip().lower()) or GOLD_COUNTRY_CODES.get(_norm(gold))
    return _norm(gold) == _norm(place.country) or code == (place.country_code or "").upper()


def within_km(place: Place | None, lat: float, lon: float, km: float = 25.0) -> bool:
    """Is the place's point within ``km`` of the gold coordinates (ACLED notes, some GTD records)?"""
    from ..geo.index import great_circle_km

    if place is None or place.latitude is None or place.longitude is None:
        return False
    return great_circle_km(place.latitude, place.longitude, lat, lon) <= km


def population_prior(geo, place: Place | None) -> Place | None:
    """The obvious method, printed beside the place figures: the same toponym sitrep chose, read as
    its most populous gazetteer entry, whatever the text says around it."""
    if place is None or not place.text:
        return place
    cands = geo.candidates(place.text)
    if not cands:
        return None
    c = max(cands, key=lambda c: (c.pop, -c.q))
    country = geo.gazetteer.countries().get(c.cc) if c.cc else None
    return Place(text=place.text, name=c.name, geonameid=c.gid, latitude=c.lat, longitude=c.lon, admin1=c.admin1,
                 country=country.name if country else None, country_code=c.cc, feature=f"{c.fclass}.{c.fcode}",
                 admin2=c.admin2, precision=1 if c.fclass == "P" else None)


_BASE_KILLED = re.compile(r"(\d+)\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+)?(?:killed|dead|died)", re.I)
_BASE_INJURED = re.compile(r"(\d+)\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+)?(?:injured|wounded|hurt)", re.I)
_BASE_TYPES = [
    (r"suicide", "Suicide bomb"), (r"air ?strike|drone", "Air/drone strike"), (r"shell|mortar|rocket|artillery", "Shelling/artillery/missile attack"),
    (r"bomb|explos|ied", "Remote explosive/landmine/IED"), (r"clash|fight", "Armed clash"), (r"protest|demonstrat", "Peaceful protest"),
    (r"riot", "Violent demonstration"), (r"kidnap|abduct", "Abduction/forced disappearance"), (r"arrest", "Arrests"),
    (r"agree|ceasefire|truce", "Agreement"),
]


def baseline(text: str) -> dict[str, Any]:
    """The plain regex baseline: first '<number> ... killed' / '... injured'; first keyword's type."""
    k = _BASE_KILLED.search(text)
    i = _BASE_INJURED.search(text)
    sub = next((s for p, s in _BASE_TYPES if re.search(p, text, re.I)), "Attack")
    return {"killed": int(k.group(1)) if k else None, "injured": int(i.group(1)) if i else None, "sub_event_type": sub}


def _articles(records: list[dict[str, Any]]) -> list[Article]:
    import datetime as dt

    out = []
    for r in records:
        pub = dt.date.fromisoformat(r["published"]) if r.get("published") else None
        out.append(Article(r["id"], r["text"], pub, r.get("title")))
    return out


def evaluate(records: list[dict[str, Any]], dataset: str, extractor=None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(sitrep's scores, the regex baseline's scores) for one dataset's records."""
    from ..pipeline import default_extractor

    ex = extractor or default_extractor()
    preds: dict[str, Extraction | None] = {}
    for art, result in ex.extract_many(_articles(records)):
        preds[art.id] = result if isinstance(result, Extraction) else None
    ours: dict[str, list[bool]] = {}
    base: dict[str, list[bool]] = {}

    def add(table: dict[str, list[bool]], key: str, ok: bool) -> None:
        table.setdefault(key, []).append(bool(ok))

    for r in records:
        g = r["gold"]
        x = preds.get(r["id"])
        inc = primary(x) if x else None
        b = baseline(r["text"])
        counted = g.get("count_in_text", True) if dataset in ("gtd2011", "acled2020") else True
        if g.get("killed") is not None and counted:
            add(ours, "killed", inc is not None and (inc.fatalities.best or 0) == g["killed"])
            add(base, "killed", (b["killed"] or 0) == g["killed"])
        inj_counted = g.get("injured_in_text", True) if dataset == "gtd2011" else True
        if g.get("injured") is not None and inj_counted:
            add(ours, "injured", inc is not None and (inc.injuries.best or 0) == g["injured"])
            add(base, "injured", (b["injured"] or 0) == g["injured"])
        if g.get("event_type") is not None or (dataset == "case2021" and g.get("sub_event_type")):
            pred_type = inc.event_type if inc else None
            pred_sub = inc.sub_event_type if inc else None
            if g.get("event_type") is not None:
                add(ours, "event_type", pred_type == g.get("event_type"))
            if g.get("sub_event_type") is not None:  # GTD maps some attack types to an event type only
                add(ours, "sub_event_type", pred_sub == g.get("sub_event_type"))
                add(base, "sub_event_type", b["sub_event_type"] == g.get("sub_event_type"))
        prior = population_prior(ex.geo, inc.location) if inc is not None else None
        if g.get("city"):
            add(ours, "city", _place_matches(g["city"], inc, ex.geo))
            add(base, "city", _city_is(g["city"], prior, ex.geo))
        if g.get("country"):
            add(ours, "country", _country_matches(g["country"], inc))
            add(base, "country", _country_is(g["country"], prior))
        if g.get("lat") is not None and g.get("lon") is not None:
            add(ours, "within_25km", within_km(inc.location if inc else None, g["lat"], g["lon"]))
            add(base, "within_25km", within_km(prior, g["lat"], g["lon"]))
        if g.get("perpetrator") and dataset == "acled2020":
            # ACLED's actor1 as the ACLED export writes it (the crowd of a protest, an unnamed attacker)
            one = sides(inc)[0] if inc is not None else []
            add(ours, "actor1", perpetrator_matches(g["perpetrator"], one[:1]))
        if g.get("perpetrator") and dataset == "gtd2011":
            perps = [a.name for a in (inc.actors if inc else []) if a.role == "perpetrator"]
            add(ours, "perpetrator", perpetrator_matches(g["perpetrator"], perps))
    summarise = lambda t: {k: (sum(v) / len(v), len(v)) for k, v in t.items()}  # noqa: E731
    ours_s, base_s = summarise(ours), summarise(base)
    if dataset in WITHIN_SETS:  # incident identity within a text (identity.py)
        w_ours, w_base = within(records, preds)
        ours_s.update(w_ours)
        base_s.update(w_base)
    return ours_s, base_s


def records_by_dataset(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        out.setdefault(r.get("dataset") or "unknown", []).append(r)
    return out


def evaluate_cameo(records: list[dict[str, Any]], extractor=None) -> dict[str, tuple[float, int]]:
    """The PETRARCH peer suites: of the gold codings inside sitrep's scope, the share whose CAMEO
    root sitrep also assigns (root_in_scope); and of the "noevents" sentences, the share where
    sitrep codes nothing (noevents_correct). Codings outside the scope (statements, consultations,
    aid) are counted, not scored: sitrep does not code them by design."""
    from ..pipeline import default_extractor

    ex = extractor or default_extractor()
    arts = _articles(records)
    got: dict[str, list[str]] = {}
    for art, result in ex.extract_many(arts):
        got[art.id] = [i.cameo or "" for i in result.incidents] if isinstance(result, Extraction) else []
    in_scope, hits, noev, noev_ok, outside = 0, 0, 0, 0, 0
    for r in records:
        g = r["gold"]
        codes = got.get(r["id"], [])
        if g.get("noevents"):
            noev += 1
            noev_ok += not codes
            continue
        for c in g.get("codings") or []:
            ev = c["event"]
            if not ev.startswith(CAMEO_SCOPE):
                outside += 1
                continue
            in_scope += 1
            hits += any(code[:2] == ev[:2] for code in codes)
    return {
        "root_in_scope": (hits / in_scope if in_scope else 0.0, in_scope),
        "noevents_correct": (noev_ok / noev if noev else 0.0, noev),
        "codings_out_of_scope": (float(outside), outside),
    }
