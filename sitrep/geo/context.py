"""Document geography: the article's country and admin1 area, decided before its towns are resolved.

Evidence, each weighed in ``data/document.toml``: the dateline ("DAYTON, Ohio —", "KABUL (Reuters) -",
given by the cleaner as ``Article.dateline`` or still opening the text), AP-style state abbreviations
and postal codes after a town ("Reno, Nev.", "Goldsboro, NC"), countries and admin1 areas named in the
text, demonyms ("Pakistani") and armed groups that work in one country ("the Houthis", "the OSCE
SMM"), which are evidence of a country but never places themselves, and the outlet where its name
says its country ("| abc13.com", "WBNS-TV": a US local broadcaster).
The resolver then ranks each town inside that context first (``Geoparser._rank``) and lets it leave
the document's country only on strong evidence (``leaves_document``).
"""
from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

from .gazetteer import Candidate
from .normalize import norm
from .shapes import in_address_brackets


@functools.lru_cache(maxsize=1)
def rules() -> dict:
    return tomllib.loads(resources.files("sitrep.geo").joinpath("data", "document.toml").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _state_pattern() -> re.Pattern[str]:
    abbrs = sorted(rules()["us_states"], key=len, reverse=True)
    alt = "|".join(re.escape(a) for a in abbrs)
    # after "Town," (a capitalised word and a comma), and not the start of a longer word
    return re.compile(rf"(?<=[A-Za-z.]),\s*({alt})(?![A-Za-z])" + r"(?!\.[A-Za-z])")


# a dateline opening a line: "KABUL (Reuters) -", "DAYTON, Ohio —", "YORK CITY, Pa.–", "BELPRE, Ohio (WTAP) --"
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'-]{2,40}?)(?:,\s*([A-Z][A-Za-z .]{1,30}?))?\s*(?:\([^)]{2,40}\))?\s*(?:—|–|--|-|:)",
    re.M,
)


# kinds of evidence a town's name gives for its own reading ("Dublin" as a city of Ireland); a
# country's or an area's own name is what the text says of where it is, and stays
_NAMED = ("city", "admin2")

# kinds of evidence that say a country but never where: a name that points elsewhere only thus
# ("the Syrian army" in a Lebanese note) does not stop it from taking the document's country
_THIN = ("demonym", "actor_demonym", "actor_country")


@dataclass
class DocumentGeography:
    """Weighted evidence for the countries and admin1 areas of one text."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)  # (country code, admin1 name)
    evidence: list[tuple[str, str, float]] = field(default_factory=list)  # (kind, what, weight)
    _cc_of: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    _lean: dict[str, tuple[str | None, tuple[str, str] | None]] = field(default_factory=dict, repr=False)
    # a shared admin1 name ("Ouest") and the one namesake that holds a town the text names (``_holding_area``)
    held: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    # the admin1 areas the text's missions work in ("OSCE SMM": Donetsk, Luhansk)
    actor_areas: list[tuple[str, str]] = field(default_factory=list)
    _added: list[tuple[str, str, str | None, str]] = field(default_factory=list, repr=False)
    _without: dict[str, DocumentGeography] = field(default_factory=dict, repr=False)

    def add(self, kind: str, cc: str | None, admin1: str | None = None, what: str = "") -> None:
        if not cc:
            return
        w = float(rules()["weight"][kind])
        self.countries[cc] += w
        if admin1:
            self.admin1[(cc, admin1)] += w
        self.evidence.append((kind, what or admin1 or cc, w))
        self._cc_of[(kind, what or admin1 or cc)] = cc
        self._added.append((kind, cc, admin1, what))

    def without(self, own: str) -> DocumentGeography:
        """The document's geography on the evidence of every name but ``own`` (its dateline
        stays): fifteen "Dublin"s make an Ohio story Irish only by their own weight, so a name's
        own evidence never ranks its own reading. ``self`` when ``own`` gives no evidence."""
        key = norm(own)
        if not any(kind in _NAMED and norm(what) == key for kind, _, _, what in self._added):
            return self
        cached = self._without.get(key)
        if cached is None:
            cached = DocumentGeography(held=self.held, actor_areas=self.actor_areas)
            for kind, cc, admin1, what in self._added:
                if not (kind in _NAMED and norm(what) == key):
                    cached.add(kind, cc, admin1, what)
            self._without[key] = cached
        return cached

    def named_areas(self, cc: str | None) -> Counter:
        """The admin1 areas of ``cc`` the text names (its dateline, a state abbreviation, the
        area's own name), each with its weight, not counting a city of theirs ("Naivasha" names no area)."""
        weight = rules()["weight"]
        out: Counter = Counter()
        for kind, c, a, _ in self._added:
            if c == cc and a and kind != "city":
                out[(c, a)] += float(weight[kind])
        return out

    def thin(self) -> dict[str, tuple[float, float]]:
        """Per country, the weight of its armed groups and of its demonyms in the text: (actor,
        demonym). Thin evidence, which still tells "Hays" in a note on the Houthis from Hays, Kansas."""
        out: dict[str, tuple[float, float]] = {}
        for kind, what, v in self.evidence:
            if kind in ("actor", "demonym", "actor_demonym", "actor_country"):
                cc = self._cc_of[(kind, what)]
                a, d = out.get(cc, (0.0, 0.0))
                out[cc] = (a + v, d) if kind == "actor" else (a, d + v)
        return out

    @property
    def country(self) -> str | None:
        """The document's country: the heaviest, if it carries enough of the evidence."""
        if not self.countries:
            return None
        w = rules()["weight"]
        cc, top = self.countries.most_common(1)[0]
        total = sum(self.countries.values())
        return cc if top >= w["main_weight"] and top / total > w["main_share"] else None

    @property
    def area(self) -> tuple[str, str] | None:
        """The document's admin1 area, when one area carries most of its country's evidence."""
        cc = self.country
        if cc is None:
            return None
        inside = [(k, v) for k, v in self.admin1.items() if k[0] == cc]
        if not inside:
            return None
        key, top = max(inside, key=lambda kv: kv[1])
        return key if top / self.countries[cc] >= 0.5 else None

    @property
    def settled(self) -> bool:
        """Is the document's country settled enough to keep its towns inside it: a dateline or a
        state abbreviation says so (local news), or it carries three quarters of heavy evidence?"""
        cc = self.country
        if cc is None:
            return False
        if any(kind in ("dateline", "state_abbreviation", "outlet") and self._cc_of.get((kind, what)) == cc
               for kind, what, _ in self.evidence):
            return True
        # an actor's demonym ("Yemeni troops") is weaker only against another country: it settles its own as any demonym
        w = rules()["weight"]
        own = self.countries[cc] + sum(w["demonym"] - v for kind, what, v in self.evidence
                                       if kind == "actor_demonym" and self._cc_of[(kind, what)] == cc)
        return own >= 3.0 and own / (sum(self.countries.values()) + own - self.countries[cc]) >= 0.75

    def lean(self, own: str) -> tuple[str | None, tuple[str, str] | None]:
        """(country, admin1 area) an *unsettled* document lends the name ``own``: only what the rest
        of the text says ("Santa Barbara" alone is no evidence that Santa Barbara is Honduran), and
        nothing when the name itself points elsewhere ("Toronto" in a text that leans American)."""
        cached = self._lean.get(own)
        if cached is not None:
            return cached
        out: tuple[str | None, tuple[str, str] | None] = (None, None)
        cc = self.country
        mine = [(kind, v, self._cc_of.get((kind, what))) for kind, what, v in self.evidence if what == own]
        if cc is not None and not any(kind not in _THIN and where != cc for kind, _, where in mine):
            floor = float(rules()["weight"]["main_weight"])
            if self.countries[cc] - sum(v for _, v, _ in mine) >= floor:
                area = self.area
                own_area = sum(v for kind, v, _ in mine if kind in ("admin1", "dateline", "city"))
                out = (cc, area if area is not None and self.admin1[area] - own_area >= floor else None)
        self._lean[own] = out
        return out

    def country_without(self, own: str) -> str | None:
        """The document's country on the evidence of every name but ``own``: five "Paris"es make a
        Texan story French only by their own weight (a world city is "city" evidence of its country)."""
        counts = Counter(self.countries)
        for kind, what, v in self.evidence:
            if what == own:
                counts[self._cc_of[(kind, what)]] -= v
        counts = Counter({k: v for k, v in counts.items() if v > 1e-9})
        if not counts:
            return None
        w = rules()["weight"]
        cc, top = counts.most_common(1)[0]
        return cc if top >= w["main_weight"] and top / sum(counts.values()) > w["main_share"] else None

    def firm(self, cc: str, own: str) -> bool:
        """Does the text name ``cc``, or an area of it, outside the name ``own`` (not only its
        cities and demonyms, whose namesakes abroad are many; "forces of India" names India)?"""
        weight = rules()["weight"]
        # an actor's country is still a country named: as firm as the name, however little it weighs
        named = sum(weight["country"] if kind == "actor_country" else v for kind, what, v in self.evidence
                    if what != own and self._cc_of.get((kind, what)) == cc
                    and kind in ("dateline", "state_abbreviation", "country", "admin1", "actor_country"))
        return named >= float(rules()["weight"]["main_weight"])

    def in_actor_area(self, c: Candidate) -> bool:
        """Is ``c`` inside an admin1 area that one of the text's missions works in (``[actor_areas]``)?"""
        return (c.cc, c.admin1) in self.actor_areas and not c.fcode.startswith(("PCL", "ADM1"))

    def holds(self, c: Candidate, own: str = "") -> bool:
        """Is ``c`` in one of the document's countries with real weight (not only a demonym), not
        counting the evidence of the name ``own`` itself ("East" names no country for itself)?"""
        if not c.cc:
            return False
        self_weight = sum(v for kind, what, v in self.evidence if what == own and kind in ("admin1", "city", "country")
                          and self._cc_of.get((kind, what)) == c.cc)
        return self.countries.get(c.cc, 0.0) - self_weight >= 1.0


@functools.lru_cache(maxsize=1)
def _attribute_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in rules()["attribute"]["nouns"])
    return re.compile(rf"(?:-|\s+)(?:{words})\b", re.I)


def is_attribute(text: str, end: int) -> bool:
    """Does the name ending at ``end`` qualify an actor or a thing ("a US drone strike", "US-led
    forces", "the US dollar") rather than name where something is?"""
    return bool(_attribute_pattern().match(text, end))


@functools.lru_cache(maxsize=1)
def _actor_head_pattern() -> re.Pattern[str]:
    heads = "|".join(re.escape(w) for w in sorted(rules()["actor_country"]["heads"], key=len, reverse=True))
    # "forces of Armenia", "military forces of India and Pakistan", "the armies of Armenia, Azerbaijan"
    return re.compile(rf"\b(?:{heads})\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*(?:,|and|&)\s*){{0,3}}$", re.I)


@functools.lru_cache(maxsize=1)
def _actor_noun_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in sorted(rules()["actor_country"]["nouns"], key=len, reverse=True))
    return re.compile(rf"\s+(?:{nouns})(?![\w-])", re.I)


def names_actor(text: str, start: int) -> bool:
    """Is the country named at ``start`` an actor's ("military forces of Armenia", "Police Forces
    of Nigeria", "forces of India and Pakistan") rather than where something is?"""
    return bool(_actor_head_pattern().search(text, max(0, start - 80), start))


def demonym_names_actor(text: str, end: int) -> bool:
    """Does the demonym ending at ``end`` name an actor ("Israeli forces", "Pakistani troops",
    "Turkish border guards") rather than people ("Palestinian farmers", "Malian refugees")?"""
    return bool(_actor_noun_pattern().match(text, end))


def actor_demonyms(text: str, demonym_country) -> dict[str, tuple[str, bool]]:
    """Each demonym of ``text`` (a capitalised word ``demonym_country`` knows), its country code
    and whether every use of it names an actor ("Israeli forces ... Israeli troops": True)."""
    out: dict[str, tuple[str, bool]] = {}
    for m in re.finditer(r"\b(?:(?:North|South|East|West) )?[A-Z][a-z]{3,}\b", text):
        word = m.group()
        if " " in word and word not in out and not demonym_country(word):
            word = word.split(" ", 1)[1]  # "South Sudanese troops" are South Sudan's; else the demonym alone
        known = out.get(word)
        if known is None:
            cc = demonym_country(word)
            if not cc:
                continue
            known = (cc, True)
        out[word] = (known[0], known[1] and demonym_names_actor(text, m.end()))
    return out


@functools.lru_cache(maxsize=1)
def _actor_pattern() -> re.Pattern[str]:
    names = sorted(rules()["actors"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def find_actors(text: str) -> list[tuple[int, int, str]]:
    """"the Houthis", "OSCE SMM", "Imbonerakure": (start, end, country code) of each armed group
    or mission of ``data/document.toml`` [actors] that works in one country."""
    actors = rules()["actors"]
    return [(m.start(), m.end(), actors[m.group(1)]) for m in _actor_pattern().finditer(text)]


def actor_areas(text: str, actors: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """(country code, admin1 name) of each area the ``actors`` found in ``text`` work in
    (``data/document.toml`` [actor_areas]), in the order the table lists them."""
    table = rules().get("actor_areas", {})
    out: list[tuple[str, str]] = []
    for start, end, cc in actors:
        for area in table.get(text[start:end], ()):
            if (cc, area) not in out:
                out.append((cc, area))
    return out


@functools.lru_cache(maxsize=1)
def _outlet_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p, re.I), cc) for cc, pats in rules()["outlets"].items() for p in pats]


def find_outlets(text: str) -> list[tuple[int, int, str]]:
    """"| abc13.com", "« CBS4 Denver", "WBNS-TV": (start, end, country code) of each name of an
    outlet whose country the name tells (``data/document.toml`` [outlets])."""
    found = [(m.start(), m.end(), cc) for pat, cc in _outlet_patterns() for m in pat.finditer(text)]
    return sorted(found)


@functools.lru_cache(maxsize=1)
def _newspaper_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(rules()["newspaper"]["nouns"], key=len, reverse=True))
    # the city: one to three capitalised words right before the noun, after a headline's separator
    return re.compile(rf"(?:^|[-|–—«:]\s*)(?:The\s+)?(?!The\s)((?:[A-Z][a-z.'’]+\s+){{0,2}}[A-Z][a-z.'’]+)\s+(?:{nouns})(?![a-z])")


@functools.lru_cache(maxsize=1)
def _station_pattern() -> re.Pattern[str]:
    nets = "|".join(re.escape(n) for n in rules()["newspaper"]["broadcasters"])
    # "« CBS Chicago", "| FOX5 San Diego": the network, its channel number, the city ending the headline part
    return re.compile(rf"[-|–—«:]\s*(?:{nets})\d*\s+((?:[A-Z][a-z.'’]+\s+){{0,2}}[A-Z][a-z.'’]+)(?=\s*(?:$|\n|[-|,]))")


def find_newspaper(text: str) -> tuple[int, int, str] | None:
    """"The Homicide Report - Los Angeles Times", "| Chicago Tribune": (start, end, city name) of
    a city's own newspaper named in the headline (``data/document.toml`` [newspaper]); not a
    national paper ("New York Times")."""
    r = rules()["newspaper"]
    head = text[: int(r["headline_chars"])]
    national = tuple(r["national"])
    for m in _newspaper_pattern().finditer(head):
        if not any(head.startswith(n, m.start(1)) for n in national):
            return m.start(1), m.end(1), m.group(1)
    m = _station_pattern().search(head.split("\n", 1)[0])
    return (m.start(1), m.end(1), m.group(1)) if m else None


def find_state_abbreviations(text: str) -> list[tuple[int, int, str]]:
    """"Reno, Nev.", "Columbia, S.C.", "Goldsboro, NC": (start, end, state name) of each abbreviation."""
    states = rules()["us_states"]
    return [(m.start(1), m.end(1), states[m.group(1)]) for m in _state_pattern().finditer(text)]


_NAME_BEFORE = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s*,\s*$")


def abroad_before(text: str, start: int, candidates) -> bool:
    """Is the name written before a state abbreviation at ``start`` a place the gazetteer knows
    only outside the United States ("Erode, TN", "Madurai, TN": Tamil Nadu, not Tennessee)? An
    unknown name ("Belpre, Ohio") is no evidence against."""
    m = _NAME_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return False
    cands = candidates(m.group(1))
    return bool(cands) and not any(c.cc == "US" for c in cands)


def find_dateline(dateline: str | None, text: str) -> tuple[str, str | None] | None:
    """(place, state or country or None) of the article's dateline, given or opening one of the
    text's first two lines."""
    if dateline:
        head, _, rest = dateline.partition(",")
        head = re.sub(r"\s*\([^)]*\)", "", head).strip()
        rest = re.sub(r"\s*\([^)]*\)", "", rest).strip() or None
        return (head, rest) if head else None
    span = dateline_span(text)
    if span is None:
        return None
    m = span[2]
    return m.group(1).strip(), (m.group(2) or "").strip() or None


# a dateline after a headline on the same line: "Loud music complaint leads to threatening.
# CROMWELL — Police thought ...": only with a dash a headline never ends on
_DATELINE_AFTER_HEADLINE = re.compile(
    r"[^\n]{0,250}?[.!?]\s+([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,3})(?:,\s*([A-Z][A-Za-z .]{1,30}?))?\s*(?:\([^)]{2,40}\))?\s*(?:—|–|--)\s")


def dateline_span(text: str) -> tuple[int, int, re.Match[str]] | None:
    """(start, end, match) of the place a dateline opens one of the text's first lines with
    ("DAYTON, Ohio —"), or the first line after its headline ("... resolved. CROMWELL — Police")."""
    offset = 0
    for line in text.split("\n", 3)[:3]:
        m = _DATELINE.match(line)
        if m and len(m.group(1).strip()) >= 3:
            return offset + m.start(1), offset + m.start(1) + len(m.group(1).rstrip()), m
        offset += len(line) + 1
    first = text.split("\n", 1)[0]
    m = _DATELINE_AFTER_HEADLINE.match(first)
    if m:
        return m.start(1), m.end(1), m
    return None


@functools.lru_cache(maxsize=1)
def _wire_pattern() -> re.Pattern[str]:
    alt = "|".join(re.escape(a) for a in sorted(rules()["wire"]["agencies"], key=len, reverse=True))
    return re.compile(rf"\((?:{alt})\)")


def wire_dateline(dateline: str | None, text: str) -> bool:
    """Does the dateline carry a wire agency's tag ("KABUL (Reuters) -")? Then its town is the
    agency's bureau, not the event's place."""
    if dateline and _wire_pattern().search(dateline):
        return True
    head = text.split("\n", 3)[:3]
    return any(_DATELINE.match(line) and _wire_pattern().search(line[:120]) for line in head)


def _area_of(cands: tuple[Candidate, ...] | list[Candidate]) -> Candidate | None:
    """The country, else the admin1 area, a name denotes by its main or alternate name."""
    areas = [c for c in cands if c.q <= 1 and (c.fcode.startswith("PCL") or c.fcode == "ADM1")]
    return max(areas, key=lambda c: (c.fcode.startswith("PCL"), c.pop)) if areas else None


def _holding_area(m, mentions: list) -> Candidate | None:
    """"Tarn Taran city (Punjab)", "Mbouda, Ouest": an admin1 name that several countries share
    (Punjab, Ouest, La Libertad) is the one that holds another place the text names, where only one
    country's does; the most populous namesake otherwise. ``mentions`` may hold names detected
    below the bar of a place ("Mbouda subdivision (Bamboutos, Ouest)"): a town's name is still
    evidence of which Ouest holds it, whatever NER says of it."""
    areas = [c for c in m.cands if c.q <= 1 and c.fcode == "ADM1"]
    if len({c.cc for c in areas}) < 2:
        return None
    holders = [a for a in areas if any(
        o is not m and o.text.lower() != m.text.lower()
        and any(t.q == 0 and (t.fclass == "P" or t.fcode == "ADM2") and t.cc == a.cc and t.admin1 == a.admin1 for t in o.cands)
        for o in mentions)]
    return holders[0] if len({a.cc for a in holders}) == 1 else None


def _dateline_town(cands: tuple[Candidate, ...] | list[Candidate]) -> tuple[str, str | None] | None:
    """(country, admin1 or None) of a small town a bare dateline names ("CROMWELL —", "MIDDLETOWN
    —"): the country that holds ``[dateline] town_share`` of its namesakes' people (main names;
    each counted as at least one), the admin1 area where all of those lie in one."""
    towns = [c for c in cands if c.fclass == "P" and c.q == 0 and c.cc]
    if not towns:
        return None
    people = Counter()
    for c in towns:
        people[c.cc] += c.pop + 1
    cc, top = people.most_common(1)[0]
    if top / sum(people.values()) < float(rules()["dateline"]["town_share"]):
        return None
    areas = {c.admin1 for c in towns if c.cc == cc}
    return cc, areas.pop() if len(areas) == 1 else None


def _unambiguous_city(cands: tuple[Candidate, ...] | list[Candidate]) -> Candidate | None:
    """"Peshawar", "Milwaukee": a city of 100,000 or more whose namesakes elsewhere are a tenth its size."""
    towns = sorted((c for c in cands if c.fclass == "P" and c.q == 0), key=lambda c: -c.pop)
    if not towns or towns[0].pop < 100_000:
        return None
    rival = next((c.pop for c in towns[1:] if c.cc != towns[0].cc), 0)
    return towns[0] if rival * 10 <= towns[0].pop else None


def named_admin2(text: str, cands: tuple[Candidate, ...] | list[Candidate]) -> Candidate | None:
    """"Los Angeles County", "Orleans Parish": the second-order area a name written with its type
    word (``document.toml`` [admin2]) denotes, when all such areas of that name lie in one country."""
    words = text.split()
    if len(words) < 2 or words[-1].lower() not in rules()["admin2"]["type_words"]:
        return None
    areas = [c for c in cands if c.fcode == "ADM2" and c.q == 0]
    return areas[0] if areas and len({c.cc for c in areas}) == 1 else None


def build(text: str, dateline: str | None, mentions: list, candidates, demonym_country, detected: list | None = None) -> DocumentGeography:
    """The document's geography from its dateline, state abbreviations, the areas its accepted
    ``mentions`` name and its demonyms. ``candidates(name)`` is the gazetteer lookup,
    ``demonym_country(word)`` a demonym's country code (or None); ``detected``, every name detected
    (accepted or not), tells a shared admin1 name's country (``_holding_area``)."""
    doc = DocumentGeography()
    states = rules()["us_states"]
    line = find_dateline(dateline, text)
    if line is not None:
        place, qualifier = line
        area = None
        if qualifier:
            q = qualifier.strip()
            if q in states or q + "." in states:
                doc.add("dateline", "US", states.get(q) or states[q + "."], what=f"{place}, {q}")
                area = True
            else:
                found = _area_of(candidates(q))
                if found is not None:
                    doc.add("dateline", found.cc, found.admin1 if found.fcode == "ADM1" else None, what=f"{place}, {q}")
                    area = True
        if area is None:
            # a dateline names a city by convention ("KABUL", "SANTA ANA"), a country now and then
            cands = candidates(place)
            found = next((c for c in cands if c.q <= 1 and c.fcode.startswith("PCL")), None)
            if found is None:
                big = [c for c in cands if c.fclass == "P" and c.q <= 1 and (c.pop >= 100_000 or c.fcode == "PPLC")]
                found = min(big, key=lambda c: (c.q, -c.pop)) if big else _area_of(cands)
            if found is not None:
                doc.add("dateline", found.cc, found.admin1 if not found.fcode.startswith("PCL") else None, what=place)
            else:
                town = _dateline_town(cands)
                if town is not None:
                    doc.add("dateline", *town, what=place)
    for start, _, state in find_state_abbreviations(text):
        if not abroad_before(text, start, candidates):
            doc.add("state_abbreviation", "US", state)
    for m in mentions:
        held = None
        area = _area_of(m.cands)
        last_of_address = text[m.end:m.end + 1] == ")" and in_address_brackets(text, m.start, m.end)
        if area is None and last_of_address:
            # "(Al Malagim, Al Bayda)": the last area of an address in brackets is its province, even
            # where the gazetteer has that reading only by a derived name ("Muhafazat al Bayda'")
            provinces = [c for c in m.cands if c.fcode == "ADM1"]
            area = provinces[0] if len({c.cc for c in provinces}) == 1 else None
        if area is not None and area.fcode == "ADM1":
            if any(c.q == 0 and c.fclass == "H" for c in m.cands):
                continue  # "Hodeidah Red Sea port": the sea before Sudan's Red Sea state, no evidence of Sudan
            held = _holding_area(m, detected if detected is not None else mentions)
            area = held or area
            if held is not None and re.search(r"[,(]\s*$", text[max(0, m.start - 3):m.start]):
                # written as a town's address ("Mbouda, Ouest", "(Bamboutos, Ouest)"): the holder ranks first
                doc.held[m.text] = (held.cc, held.admin1)
        if area is None:
            city = _unambiguous_city(m.cands)
            if city is not None:
                # a city of that size lies in its admin1 area too ("Cleveland", "Dayton": Ohio)
                doc.add("city", city.cc, city.admin1, what=m.text)
            county = named_admin2(m.text, m.cands)
            if county is not None:
                doc.add("admin2", county.cc, what=m.text)
            continue
        if area.fcode.startswith("PCL"):
            if not any(c.fcode == "ADM1" and c.q == 0 and c.cc != area.cc and c.pop >= 100_000 for c in m.cands):
                # "Georgia" may be the state: no evidence either way; "a US drone strike" weighs as a demonym,
                # "military forces of Armenia" as an actor's country
                kind = "demonym" if is_attribute(text, m.end) else "actor_country" if names_actor(text, m.start) else "country"
                doc.add(kind, area.cc, what=m.text)
        elif held is not None or ((m.type_hint == "ADM1" or area.pop >= 100_000 or all(c.cc == area.cc for c in m.cands))
                                  and area.pop >= max((c.pop for c in m.cands), default=0)) \
                or last_of_address:
            # a small area with no namesake abroad counts too, and so does the last area of an address in
            # brackets, whatever its namesakes ("Afar area (Al Malagim, Al Bayda)": Yemen's Al Bayda, not Libya's)
            doc.add("admin1", area.cc, area.admin1, what=m.text)
    for word, (cc, actor) in actor_demonyms(text, demonym_country).items():
        doc.add("actor_demonym" if actor else "demonym", cc, what=word)
    actors = find_actors(text)
    for cc in {cc for _, _, cc in actors}:  # once per country, however often a group is named
        doc.add("actor", cc, what=f"actor:{cc}")
    doc.actor_areas = actor_areas(text, actors)
    for cc in {cc for _, _, cc in find_outlets(text)}:  # once: a station names itself in every headline
        doc.add("outlet", cc, what=f"outlet:{cc}")
    return doc


def weak_country(doc: DocumentGeography) -> str | None:
    """The country even thin evidence points to (one demonym, one armed group), when no other
    country has as much: what a text that names no known place still says of where it is."""
    if not doc.countries:
        return None
    (cc, top), *rest = doc.countries.most_common(2)
    # the thinnest evidence there is ("Iraqi forces" alone) still says where, when nothing else does
    return cc if top >= float(rules()["weight"]["actor_demonym"]) and (not rest or rest[0][1] < top) else None


def leaves_document(c: Candidate, doc: DocumentGeography, *, stated: bool, min_population: int, own: str = "") -> str | None:
    """Why ``c`` may stand outside the document's country (None: it may not; "" : it is inside).

    ``stated``: the text places it ("Prague, Oklahoma", "the Damascus suburb of X")."""
    main = doc.country
    if main is None or c.cc == main:
        return ""
    if stated:
        return "stated in the text"
    if c.q >= 3:
        return None  # no near-spelling match across the document's country without other evidence
    if c.fcode.startswith(("PCL", "CONT", "TERR")):
        return "a country"
    if c.fcode == "RGN" and c.cc is None:
        return "a region of several countries"  # "the Middle East" in an American story
    if doc.holds(c, own):
        return "another country of the document"
    if c.pop >= min_population:
        return "a large city"
    return None
