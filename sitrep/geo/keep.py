"""A town stays inside the document's country unless strong evidence takes it out.

``DocumentKeeping`` (a mixin of ``Geoparser``) runs after the ranking: in a settled document (local
news; a dateline names the country) the best candidate inside the document's country wins over one
outside, and a one-word name read only by a near spelling, with nothing written beside it, is no
place (local news is full of capitalised names: "Wilbourn" is not Wellborn); in an unsettled one
a near spelling or a small town does not cross into a country the text gives no weight. A name
with no candidate inside is placed as the document's area, or dropped.
In an unsettled document a name just short of the detection score, written after a locative, is
kept when it names a town of the document's country (``_near_misses_inside``).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Callable

from .context import DocumentGeography, leaves_document, weak_country
from .gazetteer import Candidate, Gazetteer
from .index import great_circle_km
from .normalize import norm
from .ranking import Weights
from .shapes import ACCEPT as _ACCEPT
from .shapes import Mention as _Mention

# a candidate abroad that outranks the best one inside the document's country by this much (the
# document's own bonus included) has strong evidence of its own: population, nearby places, a container
_FAR_ABOVE = 3.0
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|outside)\s+(?:the\s+)?(?:(?:village|town|settlement)\s+of\s+)?$")


class DocumentKeeping:
    """``Geoparser``'s rules that keep a document's towns inside its country."""

    weights: Weights
    gazetteer: Gazetteer
    candidates: Callable[[str], tuple[Candidate, ...]]
    _container: Callable[[str], Candidate | None]
    compass: frozenset[str]

    def _keep_in_document(self, mentions: list[_Mention], doc: DocumentGeography) -> list[_Mention]:
        """A town stays inside the document's country unless strong evidence takes it out: the
        best-ranked candidate inside wins over one outside; a name with none inside is dropped, or
        kept unresolved when its detection was strong (an NER place, a type word)."""
        mentions = self._near_spelling_in_area(mentions, doc)
        if not doc.settled:
            # international news: the ranking's bonus is all
            mentions = self._keep_alternates_with_places(mentions, doc)
            return self._keep_in_actor_areas(self._keep_near_spelling_inside(mentions, doc), doc)
        keep = []
        for m in mentions:
            c = m.chosen
            if c is None or m.fallback:
                keep.append(m)
                continue
            stated = m.container is not None or m.near is not None
            if c.q >= 3 and " " not in m.text.strip() and not stated and m.type_hint is None:
                # local news is full of capitalised words: one read only by its near spelling
                # ("Boulevard" for Bulverde, "Wilbourn" for Wellborn) is no place
                m.leaves = "dropped: a near spelling in local news"
                continue
            why = leaves_document(c, doc, stated=stated, min_population=self.weights.leave_min_population, own=m.text)
            if why == "a country":
                # "Augusta, Georgia" in an American story: the state before the country abroad
                area = next((o for _, o in m.ranking if o.cc == doc.country and o.fcode == "ADM1" and o.q <= 1), None)
                if area is not None:
                    m.chosen, why = area, ""
            if why is not None:
                m.leaves = why or None
                keep.append(m)
                continue
            inside = next(((s, o) for s, o in m.ranking if o.cc == doc.country and o.q < 3), None)
            if inside is not None and m.ranking[0][0] - inside[0] >= _FAR_ABOVE and c.q < 3:
                m.leaves = "ranked far above every candidate inside the document's country"
                keep.append(m)
            elif inside is not None:
                m.chosen, m.leaves = inside[1], f"inside the document's country {doc.country}"
                keep.append(m)
            elif self._city_abroad(m, c):
                m.leaves = f"a city abroad, no namesake in the document's country {doc.country}"
                keep.append(m)
            elif m.score >= _ACCEPT + 1.0:
                m.chosen, m.leaves = None, f"no candidate in the document's country {doc.country}"
                keep.append(m)
            else:
                m.leaves = f"dropped: no candidate in the document's country {doc.country}"
        self._document_fallback(keep, doc)
        self._neighbourhoods_of_city(keep, doc)
        return keep

    def _city_abroad(self, m: _Mention, c: Candidate) -> bool:
        """Is ``c`` a city abroad that a name with no namesake in the document's country names
        ("Liverpool" in a Cairo story): its main name, the most populous of its namesakes and at
        least ``leave.no_namesake_min_population``?"""
        floor = self.weights.no_namesake_min_population
        return bool(floor) and c.q == 0 and c.fclass == "P" and c.pop >= floor and all(c.pop >= o.pop for o in m.cands)

    def _near_misses_inside(self, text: str, found: list[_Mention], accepted: list[_Mention],
                            doc: DocumentGeography) -> list[_Mention]:
        """A small town written after a locative ("observed 81 explosions near Molodizhne"), just
        short of the detection score, is a place when it lies in the country the rest of the text
        points to (its armed groups, its areas), even on thin evidence: the name and the document
        agree; not in a settled document. ``accepted`` with those near misses added, in text order."""
        cc = doc.country or weak_country(doc)
        if cc is None or doc.settled:
            # local news is settled and full of capitalised names (people, streets, shops): a near
            # miss there is more often one of those than a hamlet
            return accepted
        rescued = [m for m in found if _ACCEPT - 1.0 <= m.score < _ACCEPT
                   and _LOCATIVE_BEFORE.search(text, max(0, m.start - 30), m.start)
                   and any(c.cc == cc and c.q <= 1 and c.fclass == "P" for c in m.cands)]
        if not rescued:
            return accepted
        for m in rescued:
            m.score = _ACCEPT
        return sorted(accepted + rescued, key=lambda m: m.start)

    def _neighbourhoods_of_city(self, mentions: list[_Mention], doc: DocumentGeography) -> None:
        """"Westwood" in a Cincinnati story is the city's neighbourhood, not Westwood, Kentucky: in a
        document settled in one admin1 area, a small town of another area of its country, with no
        namesake inside the document's area and nothing written beside it to place it, is read as
        the document's city (its point, where_prec 2). The document's city: the town of its area
        the text names most (``document_city``), if it is a city large enough to have named
        neighbourhoods (``leave.city_min_population``). The dateline's own name is never one."""
        area = doc.area
        if area is None:
            return
        dated = {norm(what.partition(",")[0]) for kind, what, _ in doc.evidence if kind == "dateline"}
        found = [m for m in mentions if norm(m.text) not in dated  # "ROSEBUD, Mo.": the dateline names the city
                 and neighbourhood_of_city(m, area, self.weights.neighbourhood_max_population)]
        city = document_city(mentions, area) if found else None
        if city is None or city.pop < self.weights.city_min_population:
            return  # a city with neighbourhoods, not a surname read as a hamlet ("Eric Campbell")
        for m in found:
            town = m.chosen
            if town is not None:
                m.leaves = f"read as {city.name}: {town.name}, {town.admin1} lies outside the document's area {area[1]}"
                m.chosen, m.fallback = city, True

    def _keep_near_spelling_inside(self, mentions: list[_Mention], doc: DocumentGeography) -> list[_Mention]:
        """An unsettled document still keeps its names from crossing borders on thin evidence: a
        near-spelling match never lands in a country the text gives no weight ("Kirni" in a text on
        India and Pakistan is not Kearny, New Jersey), nor, where the text leans to one country, does
        it or a small town leave that country ("Karisyaka, Ankara"; "Dunda (Uttarakhand)"). The best
        candidate inside stands, else the document's area stands in (strong detection) or the name goes."""
        main = doc.country
        if not doc.countries:
            return mentions  # a text that names no country, area or city of note: nothing to keep inside
        # the towns read by their own names, which no place abroad bears ("Kansas City"; not
        # "Norfolk", a county of England too): a small town abroad beside one of them is placed by it
        towns = [(norm(x.text), x.chosen) for x in mentions if _read_unambiguously(x) and x.chosen.fclass == "P"]
        keep = []
        for m in mentions:
            c = m.chosen
            # a name placed at the area written after it takes that area's reading, a near spelling
            # too ("near Loka in Lainya county": Lane County, Oregon): it is judged as one
            copied = m.fallback and m.by_address and c.q >= 3
            if c is not None and self._compass_abroad(c, m, doc):
                m.leaves = f"dropped: a compass word, and {c.name}, {c.cc} is in no country the text names"
                continue
            if c is None or (m.fallback or m.by_address) and not copied or c.cc == main or self._stated_there(m, c):
                keep.append(m)
                continue
            # a mission's area is evidence enough ("the OSCE SMM observed 2 shots near Trudovskiye": Trudivskyi, Donetsk)
            near_spelling = (c.q >= 3 or self._short_alternate(m, c)) and not doc.holds(c, m.text) and not doc.in_actor_area(c) \
                and not _typed_in_text_country(m, c, doc)
            if not near_spelling and (main is None or (c.q < 3 and not (self._small_town_abroad(c, m, doc)
                                                                         and not self._beside_town(c, m, towns))
                                                        and not self._alternate_abroad(c, m, doc))):
                keep.append(m)
                continue
            allowed = {main} if main is not None else {o.cc for _, o in m.ranking if doc.holds(o, m.text)}
            inside = next((o for _, o in m.ranking if o.cc in allowed), None)
            where = main or "the document's countries"
            if inside is not None:
                m.chosen, m.leaves = inside, f"kept inside {where}, not {c.name}, {c.cc}"
                keep.append(m)
            elif m.score >= _ACCEPT + 1.0:
                # "Chora district, Urozgan" with no Afghan Chora: the area the text gives stands in (where_prec 4)
                m.chosen, m.leaves = None, f"not {c.name}, {c.cc}: outside {where}"
                if main is not None:
                    self._document_fallback([m], doc)
                keep.append(m)
            else:
                m.leaves = f"dropped: {c.name}, {c.cc} is outside {where}"
        return keep

    def _keep_alternates_with_places(self, mentions: list[_Mention], doc: DocumentGeography) -> list[_Mention]:
        """A town read only by an alternate name does not take an unsettled text into a country nothing
        else in it points to, when the text's other places, read by their own names that no place
        abroad bears, all lie in one other country: "around Pedro Juan Caballero (Amambay) ... in Jaguary farm" is not Jaguariúna
        in Brazil (Jaguary is one of its old names), "armed youth from Tonj ... Western Bahr el Ghazal"
        is not Moussoro in Chad. A reading inside that country stands, else the name stays unplaced.
        Cities of ``leave.alternate_abroad_max_population`` or more keep their exonyms ("Bombay")."""
        # the other places: read by their own names, which no place abroad bears ("Alexandria" does)
        own = {id(m): m.chosen.cc for m in mentions if _read_unambiguously(m)}
        keep = []
        for m in mentions:
            c = m.chosen
            others = {cc for key, cc in own.items() if key != id(m)} - {None}
            if c is None or m.fallback or m.by_address or c.q not in (1, 2) or c.fclass != "P" \
                    or c.pop >= self.weights.alternate_abroad_max_population or c.cc in doc.countries \
                    or self._stated_there(m, c) or len(others) != 1 or c.cc in others:
                keep.append(m)
                continue
            (home,) = others
            inside = next((o for _, o in m.ranking if o.cc == home), None)
            if inside is not None:
                m.chosen, m.leaves = inside, f"kept inside {home}, not {c.name}, {c.cc}"
            elif m.score >= _ACCEPT + 1.0:  # strongly detected ("in Jaguary farm"): written, unplaced
                m.chosen, m.leaves = None, f"not {c.name}, {c.cc}: an alternate name, and the text's other places lie in {home}"
            else:
                m.leaves = f"dropped: {c.name}, {c.cc} is an alternate name, and the text's other places lie in {home}"
                continue
            keep.append(m)
        return keep

    def _keep_in_actor_areas(self, mentions: list[_Mention], doc: DocumentGeography) -> list[_Mention]:
        """A note of a mission that works in a few areas of its country (``[actor_areas]``: "the OSCE
        SMM observed 10 shots near Viktorivka") places its villages in those areas: a small town
        elsewhere in the country, or a name the gazetteer cannot place, with nothing written beside
        it and no other area of the country named, is written as named and placed as the area of
        them the text names (where_prec 4); a text that names none of them is left as it is (which
        of the areas it was is not known)."""
        if not doc.actor_areas:
            return mentions
        cc = doc.actor_areas[0][0]
        if doc.country not in (None, cc) or any(k[0] == cc and k not in doc.actor_areas for k in doc.admin1):
            return mentions
        named = [k for k in doc.actor_areas if doc.admin1.get(k)]
        if not named:
            return mentions
        area = self._area_entry(*named[0])
        if area is None:
            return mentions
        for m in mentions:
            c = m.chosen
            if m.fallback or m.by_address or m.container is not None or m.near is not None:
                continue
            outside = c is not None and c.cc == cc and c.fclass == "P" and not doc.in_actor_area(c) \
                and c.pop < self.weights.abroad_max_population
            if c is None or outside:
                m.leaves = f"placed as {area.admin1}, where the text's mission works" + (f", not {c.name}, {c.admin1}" if c else "")
                m.chosen, m.fallback = area, True
        return mentions

    def _near_spelling_in_area(self, mentions: list[_Mention], doc: DocumentGeography) -> list[_Mention]:
        """A weak reading (a near spelling, or a small town read by an alternate name) stays inside
        the admin1 areas the text names for the document's country: in "Monger village, Latehar,
        Jharkhand, India" Monger is not Mangaluru, Karnataka, nor is "Lalgarh in West Midnapore,
        West Bengal" Laungowal, Punjab. It yields to a candidate inside those areas; with none, the
        name stays written and is placed as the area (its address may place it finer, shapes.py).
        A reading inside the areas, or in an area written beside the name, stands; local news'
        lone capitalised words are left to the near-spelling rule of ``_keep_in_document``."""
        cc = doc.country
        areas = doc.named_areas(cc)
        if not areas:
            return mentions
        area = doc.area if doc.area in areas else max(sorted(areas), key=lambda k: areas[k])  # ties: the same one every run
        keep = []
        for m in mentions:
            c = m.chosen
            weak = c is not None and (c.q >= 3 or c.q >= 1 and c.pop < self.weights.abroad_max_population)
            if c is None or not weak or m.fallback or m.by_address or c.cc != cc or (c.cc, c.admin1) in areas \
                    or not c.fclass == "P":
                keep.append(m)
                continue
            written = [a for a in (self._container(m.container) if m.container else None,
                                   self._container(m.near) if m.near else None) if a is not None]
            if any(a.fcode == "ADM1" and a.admin1 == c.admin1 for a in written):
                keep.append(m)
                continue
            inside = next((o for _, o in m.ranking if (o.cc, o.admin1) in areas), None)
            if inside is not None:
                m.chosen, m.leaves = inside, f"kept inside {inside.admin1}, not {c.name}, {c.admin1}"
                keep.append(m)
            elif doc.settled and c.q >= 3 and " " not in m.text.strip() and m.type_hint is None \
                    and m.container is None and m.near is None:
                keep.append(m)  # local news' capitalised word ("Wilbourn"): dropped as a near spelling below
            else:
                # the name stays written ("Senapati"), placed as the area
                m.chosen, m.leaves = self._area_entry(*area), f"not {c.name}: {c.admin1} lies outside {area[1]}; placed as {area[1]}"
                if m.chosen is None:
                    self._document_fallback([m], doc)
                m.fallback = True
                keep.append(m)
        return keep

    def _short_alternate(self, m: _Mention, c: Candidate) -> bool:
        return short_alternate(m, c, self.weights.short_alternate_max_letters, self.weights.short_alternate_min_population)

    def _stated_there(self, m: _Mention, c: Candidate) -> bool:
        """Does the text place ``c`` where it is ("Prague, Oklahoma"; "Hays (Al Hudaydah)" is no
        evidence for Hays, Kansas)?"""
        return any(a is not None and a.cc == c.cc for a in (self._container(m.container) if m.container else None,
                                                             self._container(m.near) if m.near else None))

    def _small_town_abroad(self, c: Candidate, m: _Mention, doc: DocumentGeography) -> bool:
        """A small town outside the country the rest of an unsettled text leans to, in a country the
        text gives no weight ("Dunda (Uttarakhand)": not Dunda in Tanzania)."""
        lean = doc.lean(m.text)[0]
        return (lean is not None and c.cc != lean and c.fclass == "P" and c.pop < self.weights.abroad_max_population
                and doc.firm(lean, m.text) and not doc.holds(c, m.text))

    def _beside_town(self, c: Candidate, m: _Mention, towns: list[tuple[str, Candidate]]) -> bool:
        """Does another town of the text, read by a name no place abroad bears, lie within ``pair_km``
        of ``c`` in its country? "Residents of North Kansas City ... a Kansas City shelter": the neighbour
        places it, whatever an area named abroad ("Northland" apartments) says of the text."""
        key = norm(m.text)
        return any(k != key and o.cc == c.cc and o.gid != c.gid
                   and great_circle_km(o.lat, o.lon, c.lat, c.lon) <= self.weights.pair_km for k, o in towns)

    def _alternate_abroad(self, c: Candidate, m: _Mention, doc: DocumentGeography) -> bool:
        """A town read only by an alternate (or derived) name, outside the country an unsettled
        text names firmly, in a country the text gives no weight: "Mansura - al Tabqa road in
        Ar-Raqqa" is not Al Mansurah, Egypt (``leave.alternate_abroad_max_population``)."""
        lean = doc.lean(m.text)[0]
        return (lean is not None and c.cc != lean and c.fclass == "P" and c.q in (1, 2)
                and c.pop < self.weights.alternate_abroad_max_population
                and doc.firm(lean, m.text) and not doc.holds(c, m.text))

    def _compass_abroad(self, c: Candidate, m: _Mention, doc: DocumentGeography) -> bool:
        """A lone compass word read as an area of that name in a country the text gives no weight:
        "provocations from the South", in a text on Korea, is not Lebanon's South Governorate."""
        return m.text.strip().lower() in self.compass and c.q >= 1 and not doc.holds(c, m.text)

    def _document_fallback(self, mentions: list[_Mention], doc: DocumentGeography) -> None:
        """A name the gazetteer cannot place ("Streeterville") in a document whose country is known
        is placed as that country's admin1 area (where_prec 4) or the country itself (6), never
        as a point it is not."""
        area = doc.area
        stand_in = self._area_entry(area[0], area[1]) if area else None
        if stand_in is None:
            stand_in = self.gazetteer.countries().get(doc.country or "")
        if stand_in is None:
            return
        for m in mentions:
            if m.chosen is None:
                m.chosen = stand_in
                m.leaves = (m.leaves + "; " if m.leaves else "") + "placed as the document's area"

    @functools.lru_cache(maxsize=1024)
    def _area_entry(self, cc: str, admin1: str) -> Candidate | None:
        return next((c for c in self.candidates(admin1) if c.fcode == "ADM1" and c.cc == cc), None)


def _read_unambiguously(m: _Mention) -> bool:
    """Is ``m`` read by its own name, which no place in another country bears ("Kansas City",
    "Pedro Juan Caballero"; not "Alexandria", not "Norfolk")?"""
    c = m.chosen
    return c is not None and not m.fallback and c.q == 0 and all(o.cc == c.cc for o in m.cands if o.q == 0)


def document_city(mentions: list[_Mention], area: tuple[str, str]) -> Candidate | None:
    """The town of the document's admin1 area that the text names most (the larger on a tie): the
    dateline's city, or the one the story is about."""
    counts: Counter[int] = Counter()
    entry: dict[int, Candidate] = {}
    for m in mentions:
        c = m.chosen
        if c is not None and not m.fallback and c.fclass == "P" and (c.cc, c.admin1) == area:
            counts[c.gid] += 1
            entry[c.gid] = c
    if not counts:
        return None
    return entry[max(counts, key=lambda g: (counts[g], entry[g].pop))]


def neighbourhood_of_city(m: _Mention, area: tuple[str, str], max_population: int) -> bool:
    """Is ``m`` read as a small town of another admin1 area of the document's country, with no
    namesake in the document's area and no container written beside it ("Westwood" in a Cincinnati
    story, resolved to Westwood, Kentucky)?"""
    c = m.chosen
    if c is None or m.fallback or m.container is not None or m.near is not None or m.by_address:
        return False
    if c.fclass != "P" or c.cc != area[0] or c.admin1 == area[1] or c.pop >= max_population:
        return False
    return not any((o.cc, o.admin1) == area for _, o in m.ranking)


def short_alternate(m: _Mention, c: Candidate, max_letters: int, min_population: int) -> bool:
    """Is ``c`` read from a short one-word name that is only one of its alternate names ("Ben" for
    Bern, "Guru" for Gulu, "Mina" for Minot), a match as weak as a near spelling? Towns only (not
    "US" or "UK"), and not a large town that no place bears the name of as its main name ("Kiev")."""
    key = norm(m.text)
    if c.q != 1 or c.fclass != "P" or " " in key or len(key) > max_letters:
        return False
    return c.pop < min_population or any(o.q == 0 for o in m.cands)


def _typed_in_text_country(m: _Mention, c: Candidate, doc: DocumentGeography) -> bool:
    """"Pakherpora town (Budgam district, J&K)" beside Indian police: a near spelling (Badgam) of
    the kind of area its type word names, in a country the text gives some weight (its actors),
    is that area; the name, the kind and the text's country agree."""
    return m.type_hint in ("ADM1", "ADM2") and c.fcode == m.type_hint and doc.countries.get(c.cc, 0.0) > 0
