"""One incident as one UCDP GED row: the 49 columns of the GED codebook in order, then sitrep's.

Computed: ``country_id`` and ``gwnoa`` are Gleditsch-Ward numbers (``gwnoa`` when side A is a
state's forces); ``region`` is UCDP's (Africa, Americas, Asia, Europe, Middle East);
``geom_wkt`` the WKT point; ``priogrid_gid`` the PRIO-GRID cell of the coordinates;
``where_description`` the place as the text wrote it; ``source_date`` the articles' published dates.
GED's own identifiers (``conflict_dset_id`` ... ``side_b_new_id``), ``active_year``,
``code_status``, ``deaths_a``/``deaths_b`` and ``gwnob`` (which foreign state a side B belongs to)
are left empty: they come from UCDP's actor and conflict lists, which sitrep does not have.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from ..models import Actor, Incident
from . import codes, countries
from .acled import side_actors

CODEBOOK_COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id",
    "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a",
    "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates", "where_description",
    "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
)
EXTRA_COLUMNS = ("event_type", "sub_event_type")
COLUMNS = (*CODEBOOK_COLUMNS, *EXTRA_COLUMNS)
_STATE = re.compile(r"\b(military|army|armed forces|police|government|forces of|security forces|navy|air force|soldiers|troops)\b", re.I)
_CIVILIAN = re.compile(r"civilian|people|residents|worshippers|children|women|villagers|passengers|students", re.I)


def sides(incident: Incident) -> tuple[list[str], list[str]]:
    """(side A, side B) names; in state-based violence the state's forces are side A, as in GED."""
    one, two = side_actors(incident)
    if type_of_violence(incident) == 1 and two and _state(two[0]) and not (one and _state(one[0])):
        one, two = two, one
    return [a.name for a in one], [a.name for a in two]


def _state(actor: Actor) -> bool:
    return codes.actor_type(actor) == "State forces" or bool(_STATE.search(actor.name))


def _is_state(incident: Incident, names: list[str]) -> bool:
    """Whether the first of ``names`` is a state's forces."""
    one, two = side_actors(incident)
    actors = {a.name: a for a in one + two}
    return bool(names) and names[0] in actors and _state(actors[names[0]])


def type_of_violence(incident: Incident) -> int | None:
    """1 state-based, 2 non-state, 3 one-sided (against civilians); None when not organized violence."""
    one, two = side_actors(incident)
    if incident.event_type == "Violence against civilians":
        return 3
    if incident.event_type == "Battles":
        return 1 if any(_state(a) for a in one + two) else 2
    if incident.event_type == "Explosions/Remote violence":
        if not two or any(c.victims and _CIVILIAN.search(c.victims) for c in incident.claims):
            return 3
        return 1 if any(_state(a) for a in one + two) else 2
    return None


def priogrid_gid(latitude: float | None, longitude: float | None) -> int | None:
    """The PRIO-GRID v2 cell: 0.5-degree cells numbered row by row from (-90, -180), the first being 1."""
    if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    row = min(math.floor((latitude + 90) / 0.5), 359)
    col = min(math.floor((longitude + 180) / 0.5), 719)
    return row * 720 + col + 1


def wkt_point(latitude: float | None, longitude: float | None) -> str | None:
    """The WKT point GED writes in geom_wkt: longitude first."""
    if latitude is None or longitude is None:
        return None
    return f"POINT ({longitude:g} {latitude:g})"


def _joined(values: Sequence[Any]) -> str | None:
    return "; ".join(str(v) for v in values if v) or None


def ucdp_row(incident: Incident, *, sources: Sequence[str] | None = None, n_sources: int | None = None,
             articles: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    loc = incident.location
    violence = type_of_violence(incident)
    one, two = sides(incident)
    f = incident.fatalities
    civilians = sum(c.min for c in incident.claims if c.kind == "killed" and c.victims and _CIVILIAN.search(c.victims))
    best = f.best if f.best is not None else f.low
    civ = min(civilians, best) if best is not None and civilians else 0
    side_a = "; ".join(one) or None
    side_b = "; ".join(two) or ("Civilians" if violence == 3 and side_a else None)  # GED's one-sided side B
    dyad = f"{side_a} - {side_b}" if side_a and side_b else side_a
    code = loc.country_code if loc else None
    lat, lon = (loc.latitude, loc.longitude) if loc else (None, None)
    date = incident.event_date.isoformat() if incident.event_date else None
    return {
        "id": incident.id,
        "relid": incident.id,
        "year": incident.event_date.year if incident.event_date else None,
        "active_year": None,
        "code_status": None,
        "type_of_violence": violence,
        "conflict_dset_id": None,
        "conflict_new_id": None,
        "conflict_name": dyad,
        "dyad_dset_id": None,
        "dyad_new_id": None,
        "dyad_name": dyad,
        "side_a_dset_id": None,
        "side_a_new_id": None,
        "side_a": side_a,
        "side_b_dset_id": None,
        "side_b_new_id": None,
        "side_b": side_b,
        "number_of_sources": n_sources if n_sources is not None else len({c.article_id for c in incident.claims if c.article_id}) or 1,
        "source_article": "; ".join(f"{a.get('outlet') or ''} {a.get('published') or ''} \"{a.get('title') or a.get('id')}\"".strip()
                                    for a in articles) or None,
        "source_office": _joined(sorted({a.get("outlet") for a in articles if a.get("outlet")})),
        "source_date": _joined(sorted({str(a.get("published"))[:10] for a in articles if a.get("published")})),
        "source_headline": "; ".join(a.get("title") or "" for a in articles) or None,
        "source_original": "; ".join(sorted({c.source for c in incident.claims if c.source})) or None,
        "where_prec": loc.precision if loc else None,
        "where_coordinates": (loc.name or loc.text) if loc else None,
        "where_description": loc.text if loc else None,
        "adm_1": loc.admin1 if loc else None,
        "adm_2": loc.admin2 if loc else None,
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": wkt_point(lat, lon),
        "priogrid_gid": priogrid_gid(lat, lon),
        "country": (loc.country if loc else None) or countries.name(code),
        "country_id": countries.gwno(code),
        "region": countries.ucdp_region(code),
        "event_clarity": 1,
        "date_prec": incident.date_precision.to_ucdp() if incident.event_date and incident.date_precision else None,
        "date_start": date,
        "date_end": date,
        "deaths_a": None,
        "deaths_b": None,
        "deaths_civilians": civ if best is not None else None,
        "deaths_unknown": best - civ if best is not None else None,
        "best": best,
        "high": f.high,
        "low": f.low,
        "gwnoa": countries.gwno(code) if _is_state(incident, one) else None,
        "gwnob": None,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
    }
