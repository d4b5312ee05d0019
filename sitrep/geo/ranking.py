"""The candidate ranking's weights (``data/ranking.toml``) and the record of why a candidate won.

``Geoparser._rank`` adds, for each gazetteer entry a toponym may name, the weighted terms that apply
to it; with ``explain`` on it keeps those terms, so ``sitrep places --explain`` can print them.
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return tomllib.loads(resources.files("sitrep.geo").joinpath("data", "ranking.toml").read_text("utf-8"))


@dataclass(frozen=True, slots=True)
class Weights:
    """The weights of ``data/ranking.toml`` as attributes (read once per Geoparser: ranking is hot)."""

    population: float
    country: float
    country_derived: float
    admin1: float
    admin2_typed: float
    admin2_bare: float
    capital: float
    continent: float
    curated: float
    name_quality: tuple[float, ...]
    type_exact: float
    type_admin: float
    water: float
    article_countries: float
    admin1_named: float
    container_inside: float
    container_outside: float
    near_inside: float
    near_outside: float
    near_km: float
    close_to_others: float
    close_km: float
    document_country: float
    document_admin1: float
    holding_area: float
    unsettled_country: float
    unsettled_admin1: float
    actor_country: float
    demonym_country: float
    leave_min_population: int
    abroad_max_population: int
    self_evidence_min_population: int
    neighbourhood_max_population: int
    city_min_population: int
    version: int
    short_alternate_max_letters: int = 4
    short_alternate_min_population: int = 1_000_000
    same_name_confident: float = 1.0
    metropolis_min_population: int = 3_000_000
    same_name_floor: float = -1.6
    same_name_repeated_floor: float = -4.6
    pair: float = 0.0
    local_seat: float = 0.0
    pair_km: float = 40.0
    pair_area_km: float = 0.0
    region: float = 0.0
    pair_cap: int = 2
    city_part_min_population: int = 100_000
    alternate_abroad_max_population: int = 0
    actor_area: float = 0.0
    no_namesake_min_population: int = 0

    @classmethod
    def load(cls) -> Weights:
        r = rules()
        w = dict(r["weights"])
        w["name_quality"] = tuple(w["name_quality"])
        if "pair_cap" in w:
            w["pair_cap"] = int(w["pair_cap"])
        return cls(**w, leave_min_population=int(r["leave"]["min_population"]),
                   abroad_max_population=int(r["leave"]["unsettled_max_population"]),
                   self_evidence_min_population=int(r["leave"]["self_evidence_min_population"]),
                   neighbourhood_max_population=int(r["leave"]["neighbourhood_max_population"]),
                   city_min_population=int(r["leave"]["city_min_population"]), version=int(r["version"]),
                   short_alternate_max_letters=int(r["leave"]["short_alternate_max_letters"]),
                   short_alternate_min_population=int(r["leave"]["short_alternate_min_population"]),
                   same_name_confident=float(r["detect"]["same_name_confident"]),
                   same_name_floor=float(r["detect"]["same_name_floor"]),
                   same_name_repeated_floor=float(r["detect"].get("same_name_repeated_floor", -4.6)),
                   metropolis_min_population=int(r["leave"]["metropolis_min_population"]),
                   city_part_min_population=int(r["leave"]["city_part_min_population"]),
                   alternate_abroad_max_population=int(r["leave"].get("alternate_abroad_max_population", 0)),
                   no_namesake_min_population=int(r["leave"].get("no_namesake_min_population", 0)))


def explanation(ranking: list[tuple[float, Any]], terms: dict[int, list[tuple[str, float]]], limit: int = 5) -> list[dict[str, Any]]:
    """The top candidates of one toponym, each with its score and the terms that made it."""
    out = []
    for s, c in ranking[:limit]:
        out.append({"score": round(s, 3), "name": c.name, "geonameid": c.gid if c.gid > 0 else None,
                    "feature": f"{c.fclass}.{c.fcode}", "country_code": c.cc, "admin1": c.admin1,
                    "population": c.pop, "terms": {k: round(v, 3) for k, v in terms.get(id(c), [])}})
    return out
