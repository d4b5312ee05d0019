"""One incident as one UCDP GED row, as far as the text lets the columns be derived."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..models import Incident
from . import countries
from .acled import sides

COLUMNS = (
    "id", "relid", "year", "active_year", "type_of_violence", "conflict_name", "side_a", "side_b",
    "source_article", "source_original", "source_headline", "where_prec", "where_coordinates",
    "adm_1", "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "latitude", "longitude", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "number_of_sources", "event_type", "sub_event_type",
)
_STATE = re.compile(r"\b(military|army|armed forces|police|government|forces of|security forces|navy|air force|soldiers|troops)\b", re.I)
_CIVILIAN = re.compile(r"civilian|people|residents|worshippers|children|women|villagers|passengers|students", re.I)


def type_of_violence(incident: Incident) -> int | None:
    """1 state-based, 2 non-state, 3 one-sided (against civilians); None when not organized violence."""
    one, two = sides(incident)
    if incident.event_type == "Violence against civilians":
        return 3
    if incident.event_type == "Battles":
        return 1 if any(_STATE.search(n) for n in one + two) else 2
    if incident.event_type == "Explosions/Remote violence":
        if not two or any(c.victims and _CIVILIAN.search(c.victims) for c in incident.claims):
            return 3
        return 1 if any(_STATE.search(n) for n in one + two) else 2
    return None


def ucdp_row(incident: Incident, *, sources: Sequence[str] | None = None, n_sources: int | None = None,
             articles: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    loc = incident.location
    one, two = sides(incident)
    f = incident.fatalities
    civilians = sum(c.min for c in incident.claims if c.kind == "killed" and c.victims and _CIVILIAN.search(c.victims))
    best = f.best if f.best is not None else f.low
    civ = min(civilians, best) if best is not None and civilians else 0
    side_a, side_b = "; ".join(one) or None, "; ".join(two) or None
    code = loc.country_code if loc else None
    date = incident.event_date.isoformat() if incident.event_date else None
    return {
        "id": incident.id,
        "relid": incident.id,
        "year": incident.event_date.year if incident.event_date else None,
        "active_year": None,
        "type_of_violence": type_of_violence(incident),
        "conflict_name": f"{side_a} - {side_b}" if side_a and side_b else side_a,
        "side_a": side_a,
        "side_b": side_b,
        "source_article": "; ".join(f"{a.get('outlet') or ''} {a.get('published') or ''} \"{a.get('title') or a.get('id')}\"".strip()
                                    for a in articles) or None,
        "source_original": "; ".join(sorted({c.source for c in incident.claims if c.source})) or None,
        "source_headline": "; ".join(a.get("title") or "" for a in articles) or None,
        "where_prec": loc.precision if loc else None,
        "where_coordinates": (loc.name or loc.text) if loc else None,
        "adm_1": loc.admin1 if loc else None,
        "country": (loc.country if loc else None) or countries.name(code),
        "country_id": countries.isonumeric(code),
        "region": None,
        "event_clarity": 1,
        "date_prec": incident.date_precision.to_ucdp() if incident.event_date and incident.date_precision else None,
        "date_start": date,
        "date_end": date,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "deaths_a": None,
        "deaths_b": None,
        "deaths_civilians": civ if best is not None else None,
        "deaths_unknown": best - civ if best is not None else None,
        "best": best,
        "high": f.high,
        "low": f.low,
        "number_of_sources": n_sources if n_sources is not None else len({c.article_id for c in incident.claims if c.article_id}) or 1,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
    }
