"""One incident as one ACLED row (the codebook's columns, plus sitrep's ranges and CAMEO code).

``acled_row`` is shared by ``sitrep export --format acled`` (merged incidents from the store) and
``sitrep extract --format acled`` (one article's incidents): pass what the store knows about the
cluster (``sources``, ``n_sources``) when there is a cluster.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..models import Actor, Incident
from . import countries

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "country", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities", "fatalities_low", "fatalities_best",
    "fatalities_high", "injuries_low", "injuries_best", "injuries_high", "cameo",
)
#: UCDP where_prec (1 exact place ... 7 waters) -> ACLED geo_precision (1 town, 2 near/part of region, 3 region)
_GEO_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}
_SIDE_1 = ("perpetrator", "party")
_SIDE_2 = ("target", "victim")


def _side(actors: Sequence[Actor], roles: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    for role in roles:
        for a in actors:
            if a.role == role and a.name and a.name not in names:
                names.append(a.name)
    return names


def sides(incident: Incident) -> tuple[list[str], list[str]]:
    """(side 1, side 2) actor names: perpetrators/parties, then targets/victims."""
    one = _side(incident.actors, _SIDE_1)
    two = [n for n in _side(incident.actors, _SIDE_2) if n not in one]
    if not one and len(two) > 1:
        one, two = two[:1], two[1:]
    return one, two


def notes(incident: Incident) -> str:
    if incident.evidence:
        return " ".join(e.text.strip() for e in incident.evidence[:2])[:1000]
    return " ".join(c.quote for c in incident.claims[:2])[:1000]


def acled_row(incident: Incident, *, sources: Sequence[str] | None = None, n_sources: int | None = None,
              note: str | None = None) -> dict[str, Any]:
    loc = incident.location
    one, two = sides(incident)
    f, i = incident.fatalities, incident.injuries
    code = loc.country_code if loc else None
    if sources is None:
        sources = sorted({c.source for c in incident.claims if c.source})
    return {
        "event_id_cnty": f"{countries.iso3(code)}{incident.id}",
        "event_date": incident.event_date.isoformat() if incident.event_date else None,
        "year": incident.event_date.year if incident.event_date else None,
        "time_precision": incident.date_precision.to_acled() if incident.date_precision else None,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "actor1": one[0] if one else None,
        "assoc_actor_1": "; ".join(one[1:]) or None,
        "actor2": two[0] if two else None,
        "assoc_actor_2": "; ".join(two[1:]) or None,
        "iso": countries.isonumeric(code),
        "country": (loc.country if loc else None) or countries.name(code),
        "admin1": loc.admin1 if loc else None,
        "admin2": None,
        "location": (loc.name or loc.text) if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "geo_precision": _GEO_PRECISION.get(loc.precision or 0) if loc else None,
        "source": "; ".join(sources) or None,
        "notes": note if note is not None else notes(incident),
        # ACLED codes the most conservative figure when reports conflict
        "fatalities": f.low if f.low is not None else (f.best if f.best is not None else 0),
        "fatalities_low": f.low, "fatalities_best": f.best, "fatalities_high": f.high,
        "injuries_low": i.low, "injuries_best": i.best, "injuries_high": i.high,
        "cameo": incident.cameo,
    }
