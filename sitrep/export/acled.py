"""One incident as one ACLED row: every column of ACLED's current export in its order, then sitrep's.

``acled_row`` is shared by ``sitrep export --format acled`` (merged incidents from the store),
``sitrep extract --format acled`` (one article's incidents) and the API's CSV download: pass what
the store knows about the cluster (``sources``, ``n_sources``) when there is a cluster, and the
time the row last changed (``timestamp``, Unix seconds) when it is known; else the export time.

Computed columns (rules and vocabularies in ``data/acled.toml`` and ``data/regions.toml``):
``disorder_type`` from the event and sub-event type; ``inter1``/``inter2`` from each side's first
actor, as the words ACLED's current export writes ("State forces" ... "External/Other forces"),
and ``interaction`` from them, as words too ("State forces-Civilians", "Protesters only"; lower
code first); ``civilian_targeting``; ``region`` from the country; ``admin2`` from the place.
``admin3``, ``source_scale`` and ``tags`` are left empty: sitrep does not know them (ACLED's tag
vocabulary, crowd sizes and the like, has no tag for what sitrep reads).
"""
from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Sequence
from typing import Any

from ..extract import actors as actor_rules
from ..models import Actor, Incident
from . import codes, countries

#: ACLED's export, in the codebook's order (31 columns)
CODEBOOK_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
#: sitrep's own columns, after ACLED's
EXTRA_COLUMNS = ("fatalities_low", "fatalities_best", "fatalities_high", "injuries_low", "injuries_best",
                 "injuries_high", "cameo")
COLUMNS = (*CODEBOOK_COLUMNS, *EXTRA_COLUMNS)
#: UCDP where_prec (1 exact place ... 7 waters) -> ACLED geo_precision (1 town, 2 near/part of region, 3 region)
_GEO_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}
_SIDE_1 = ("perpetrator", "party")
_SIDE_2 = ("target", "victim")


def _side(actors: Sequence[Actor], roles: tuple[str, ...]) -> list[Actor]:
    out: list[Actor] = []
    for role in roles:
        for a in actors:
            if a.role == role and a.name and all(a.name != b.name for b in out):
                out.append(a)
    return out


def _crowd(incident: Incident) -> list[Actor]:
    """The demonstrators of a protest or a riot, as ACLED names them: "Protesters (India)" in a
    protest, "Rioters (India)" in a riot (ACLED Codebook 2019 pp. 24-25: the crowd of a
    demonstration is its first actor, by its country when it has no name of its own); a protest or
    a riot that names no crowd has one all the same, of the incident's country."""
    if incident.event_type not in ("Protests", "Riots") or incident.sub_event_type == "Excessive force against protesters":
        return []  # force against protesters: the crowd is the target, side 2
    word = "Rioters" if incident.event_type == "Riots" else "Protesters"
    crowd = [a for a in incident.actors if a.actor_type == "Protesters"]
    if not crowd:
        code = incident.location.country_code if incident.location else None
        country = (incident.location.country if incident.location else None) or countries.name(code)
        crowd = [Actor(f"{word} ({country})" if country else word, "other", None, "Protesters")]
    named = lambda a: a.name.replace("Protesters", word, 1) if a.name.startswith("Protesters") else a.name  # noqa: E731
    return [Actor(named(a), "party", a.mention, a.actor_type) for a in crowd]


def _unidentified(incident: Incident) -> list[Actor]:
    """"Unidentified Armed Group (Mexico)": the attacker ACLED names when the report names none, in
    an attack, a battle or a blast that does name its target (ACLED Codebook 2019 p. 27)."""
    if incident.event_type not in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return []
    code = incident.location.country_code if incident.location else None
    country = (incident.location.country if incident.location else None) or countries.name(code)
    name = f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"
    return [Actor(name, "perpetrator", None, "Rebel group")]


def side_actors(incident: Incident) -> tuple[list[Actor], list[Actor]]:
    """(side 1, side 2) actors: perpetrators/parties, then targets/victims; one name appears once.
    The crowd of a protest or a riot comes first (``_crowd``); an attack whose attacker is unnamed
    has an Unidentified Armed Group of its country (``_unidentified``)."""
    one = _crowd(incident) + [a for a in _side(incident.actors, _SIDE_1) if a.actor_type != "Protesters"]
    two = [a for a in _side(incident.actors, _SIDE_2) if all(a.name != b.name for b in one)]
    if not one and (not two or two[0].role == "victim" or incident.event_type == "Violence against civilians"):
        one = _unidentified(incident)
    if not one and len(two) > 1:
        one, two = two[:1], two[1:]
    if not two and len(one) > 1:  # parties to a clash face each other: the later ones are side 2
        two = [a for a in one[1:] if a.role == "party"]
        one = [a for a in one if all(a is not b for b in two)]
    return one, two


def sides(incident: Incident) -> tuple[list[str], list[str]]:
    """(side 1, side 2) actor names as ACLED writes them (``acled_name``): perpetrators/parties,
    then targets/victims."""
    one, two = side_actors(incident)
    return [acled_name(a.name, incident.event_date) for a in one], [acled_name(a.name, incident.event_date) for a in two]


_STATE_FORCES = re.compile(r"(?:Military|Police) Forces of (?:the )?(.+)")


def acled_name(name: str, when: dt.date | None) -> str:
    """An actor's name as ACLED writes it: the alias table's ACLED name where it differs from the
    group's own ("Houthis": "Military Forces of Yemen (2016-) Supreme Political Council"), and a
    state's forces with the years of the government in power that day ("Military Forces of Syria
    (2000-2024)"; ``countries.state_period``)."""
    name = actor_rules.acled_name(name) or name
    forces = _STATE_FORCES.fullmatch(name)
    period = countries.state_period(countries.code_of(forces.group(1)), when) if forces else None
    return f"{name} ({period})" if period else name


def notes(incident: Incident) -> str:
    if incident.evidence:
        return " ".join(e.text.strip() for e in incident.evidence[:2])[:1000]
    return " ".join(c.quote for c in incident.claims[:2])[:1000]


def actor_types(incident: Incident) -> tuple[str | None, str | None]:
    """(inter1, inter2) as ACLED's words; an untyped target of violence against civilians is Civilians."""
    one, two = side_actors(incident)
    inter1 = codes.actor_type(one[0]) if one else None
    inter2 = codes.actor_type(two[0]) if two else None
    if two and inter2 is None and incident.event_type == "Violence against civilians":
        inter2 = "Civilians"
    return inter1, inter2


def acled_row(incident: Incident, *, sources: Sequence[str] | None = None, n_sources: int | None = None,
              note: str | None = None, timestamp: int | None = None) -> dict[str, Any]:
    loc = incident.location
    one, two = sides(incident)
    inter1, inter2 = actor_types(incident)
    f, i = incident.fatalities, incident.injuries
    code = loc.country_code if loc else None
    if sources is None:
        sources = sorted({c.source for c in incident.claims if c.source})
    return {
        "event_id_cnty": f"{countries.iso3(code)}{incident.id}",
        "event_date": incident.event_date.isoformat() if incident.event_date else None,
        "year": incident.event_date.year if incident.event_date else None,
        "time_precision": incident.date_precision.to_acled() if incident.date_precision else None,
        "disorder_type": codes.disorder_type(incident.event_type, incident.sub_event_type),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "actor1": one[0] if one else None,
        "assoc_actor_1": "; ".join(one[1:]) or None,
        "inter1": inter1,
        "actor2": two[0] if two else None,
        "assoc_actor_2": "; ".join(two[1:]) or None,
        "inter2": inter2,
        "interaction": codes.interaction(inter1, inter2),
        "civilian_targeting": codes.civilian_targeting(incident, inter2),
        "iso": countries.isonumeric(code),
        "region": countries.acled_region(code),
        "country": (loc.country if loc else None) or countries.name(code),
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "admin3": None,
        "location": (loc.name or loc.text) if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "geo_precision": _GEO_PRECISION.get(loc.precision or 0) if loc else None,
        "source": "; ".join(sources) or None,
        "source_scale": None,
        "notes": note if note is not None else notes(incident),
        # ACLED codes the most conservative figure when reports conflict
        "fatalities": f.low if f.low is not None else (f.best if f.best is not None else 0),
        "tags": None,
        "timestamp": int(timestamp) if timestamp is not None else int(time.time()),
        "fatalities_low": f.low, "fatalities_best": f.best, "fatalities_high": f.high,
        "injuries_low": i.low, "injuries_best": i.best, "injuries_high": i.high,
        "cameo": incident.cameo,
    }
