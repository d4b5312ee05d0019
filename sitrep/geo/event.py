"""Where an event happened, not where its reporter, its wounded or its suspect are.

``EventPlaces.event_place`` (a mixin of ``Geoparser``) scores each place of a text against the
event's trigger. The small rules here *find* the places that are not the event's, each on its own,
from the word lists of ``data/cues.toml`` (``[event]``):

* ``taken_to``: the hospital the wounded were taken to ("were rushed to a hospital in Dayton");
* ``home_of``: a person's home town ("a 25-year-old man from Dayton", "a resident of Kent");
* ``heads_longer_name``: the first word of a longer capitalised name the gazetteer lacks ("Colonia
  Bivalvo", "Abu Salim", "the Colorado Party"), which is another place or no place at all;
* ``chain_containers``: in "X district of Y" / "the Damascus suburb of Sayyida Zeinab", the wider
  of the two places (the more populous one);
* ``at_sea``: "in the Red Sea", "off the coast of Hodeidah": the water, UCDP where_prec 7, with the
  country of the coast the text names.

Each returns evidence, never a choice: the event place still falls back to the only place there is.
Then the chosen place is made as specific as the text allows (eighth pass):

* ``is_neighbourhood`` / ``town_of_neighbourhood``: "in Vila Mariana neighborhood" is placed at the
  town written beside it;
* ``town_inside``: an area or country chosen by its own name yields to a town of the sentence
  inside it; ``Geoparser.town_in_text`` does the same for the incident, over the whole text;
* ``areas_written_after``: "Saraqib in Idlib countryside", "Doutchi (Diffa)": the area is the container.

Ninth pass (the address):

* ``names_street``: a street's name ("West Polk Street", "Murree road in Rawalpindi", "the 3800
  block of Little York Road") is no place of its own;
* ``EventPlaces.dateline_town``: the town a dateline names ("FAYETTEVILLE, N.C. -"), which the
  town pass (``reconcile.article``) takes as local news' place where the text gives no better one;
* ``EventPlaces.neighbourhood_town``: a name the text writes as a neighbourhood anywhere ("the
  Washington Heights neighborhood") is one in its headline too;
* ``area_before``: a neighbourhood whose town the gazetteer lacks lies in the area written before it.

Thirteenth pass: ``areas_written_after`` also reads "shelled Kafrsajna in Hama" (a name the
gazetteer lacks, then its province, or a town named as its province is) and "Dar Salam in Anbar
(a town, then a province read as itself) as town and address; the address's "in" is then no
evidence of the event's place. ``shapes.address_heads`` reads the object of an attack verb ("shelled X
in Hama", "the outskirts of X in Hama") and a name "near" which a sentence ends as places.
"""
from __future__ import annotations

import bisect
import functools
import re
import tomllib
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher
from importlib import resources

from ..models import Place
from .normalize import norm
from .shapes import COUNTRYSIDE_OF

_SENT_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Lt|Mt|Ft|Jr|Sr|No))(?<!\b(?:Gen|Col|Sgt|Gov|Sen|Rep|Mrs))[.!?]['\"”’]?\s+|\n+")
# "the London-based monitor", "Britain-based Syrian Observatory", "a New York-based group": the place
# is where a source sits, never where the event happened
_SOURCE_BASE = re.compile(
    r"\s*[-‐–]\s*based\b"
    r"|\s+based\b(?=\s+(?-i:[A-Z])|\s+(?:monitor|group|observatory|watchdog|channel|agency|network|organi[sz]ation)\b)",
    re.I,
)


def is_source_base(text: str, place: Place) -> bool:
    """Is ``place`` written as a source's base ("the Beirut-based channel")?"""
    return place.end is not None and bool(_SOURCE_BASE.match(text, place.end))


@functools.lru_cache(maxsize=1)
def rules() -> dict:
    cues = tomllib.loads(resources.files("sitrep.geo").joinpath("data", "cues.toml").read_text("utf-8"))
    return cues["event"]


@functools.lru_cache(maxsize=1)
def _taken_to() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in rules()["transfer_verbs"])
    # "was rushed to a hospital in X", "taken to X General Hospital", "airlifted to X"
    return re.compile(rf"\b(?:{verbs})\s+(?:\w+\s+){{0,2}}?to\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:in\s+|at\s+)?$", re.I)


@functools.lru_cache(maxsize=1)
def _home_of() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in rules()["person_nouns"])
    return re.compile(rf"\b(?:{nouns}|\d+-year-old)\s+(?:from|of)\s+(?:nearby\s+)?$", re.I)


@functools.lru_cache(maxsize=1)
def _street() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(re.escape(w) for w in rules()["street_after"])
    after = re.compile(rf"(?:\s+(?-i:[A-Z])[\w'’.-]*){{0,2}}?\s+(?:{words})\b\.?(?![\w-])", re.I)
    return after, re.compile(rules()["address_before"], re.I)


def names_street(text: str, p: Place) -> bool:
    """Is ``p`` a street's name, or a name in an address ("West Polk Street", "Murree road in
    Rawalpindi", "the 3800 block of Little York Road", "near 65th and Thurston")? Not a road
    between two towns ("the Uruapan-Patzcuaro road"), which runs from them."""
    if p.start is None or p.end is None or p.precision in (3, 4, 5, 6):
        return False  # "a northwest Harris County road" is a road in the county
    after, before = _street()
    if after.match(text, p.end) and not re.match(r"[-‐–](?-i:[A-Z])", text[p.end:p.end + 2]) and \
            not re.search(r"(?-i:[A-Z])[\w'’]*[-‐–]$", text[max(0, p.start - 30):p.start]):
        return True
    return bool(before.search(text[max(0, p.start - 40):p.start]))


def taken_to(text: str, p: Place) -> bool:
    """Is ``p`` where the wounded were taken ("rushed to a hospital in Dayton", "Dayton hospital")?"""
    assert p.start is not None and p.end is not None
    if _taken_to().search(text[max(0, p.start - 80):p.start]):
        return True
    return bool(re.match(r"\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:hospital|medical cent(?:er|re)|clinic|infirmary)\b", text[p.end:p.end + 50], re.I))


def home_of(text: str, p: Place) -> bool:
    """Is ``p`` a person's home town ("a 25-year-old man from Dayton", "a resident of Kent", "this
    Whitman man is accused")?"""
    assert p.start is not None
    if p.end is not None and _HOME_AFTER.match(text, p.end):
        return True
    return bool(_home_of().search(text[max(0, p.start - 40):p.start]))


@functools.lru_cache(maxsize=1)
def _police_seat() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(rules()["police_seat"], key=len, reverse=True))
    return re.compile(rf"\s+(?:{words})\b", re.I)


def police_seat(text: str, p: Place) -> bool:
    """Is ``p`` written as the seat of the police that handle the event ("a Conroe police officer",
    "Trotwood police Capt. Porter said", "the Houston Police Department")?"""
    return p.end is not None and bool(_police_seat().match(text, p.end))


@functools.lru_cache(maxsize=1)
def _group_of_region() -> re.Pattern[str]:
    return re.compile(rules()["group_of_region"], re.I)


def in_group_name(text: str, p: Place) -> bool:
    """Is ``p`` the region an armed group's name holds ("Al Qaeda Organization in the Arabian
    Peninsula (AQAP) militants attacked")? That is the group's, never the event's place."""
    return p.start is not None and bool(_group_of_region().search(text, max(0, p.start - 60), p.start))


# "a Whitman man", "the Chiefland teen": a person's home town written before the person
_HOME_AFTER = re.compile(r"\s+(?:man|woman|men|women|teen|teens|teenager|boy|girl|couple|resident|residents|native)\b", re.I)


def heads_longer_name(text: str, p: Place, type_words: dict[str, str], starts: set[int],
                      common: frozenset[str] = frozenset()) -> bool:
    """Is ``p`` the first word of a longer capitalised name ("Colonia Bivalvo", "Abu Salim")? Not when
    the next word is a type word ("Idlib province"), a common word ("Kabul September 27") or begins
    another place ("Tijuana Baja California")."""
    assert p.end is not None
    m = re.match(r" ([A-Z][\w'’-]*)", text[p.end:p.end + 40])
    if m is None:
        return False
    word = m.group(1).lower()
    return word not in type_words and word not in common and p.end + 1 not in starts


def chain_containers(text: str, places: list[Place], pairs: dict[int, int | None]) -> set[int]:
    """Indexes of the wider place in each "X district of Y" / "the X suburb of Y" pair (``pairs``,
    from ``chains``): the more populous of the two (Damascus in "the Damascus suburb of Sayyida
    Zeinab", Jerusalem in "the Shufat neighbourhood of Jerusalem", Tunceli in "Ovacik district of
    Tunceli")."""
    out: set[int] = set()
    for i, j in pairs.items():
        if j is None:
            out.add(i)  # "the Damascus suburb of <a name the gazetteer lacks>": still not the event's place
            continue
        out.add(i if (places[i].population or 0) > (places[j].population or 0) else j)
    return out | areas_written_after(text, places)


def chains(text: str, places: list[Place]) -> dict[int, int | None]:
    """For each "X district of Y" / "the X suburb of Y" written, X's index to Y's (None when Y is
    a name the gazetteer lacks): one place written as two names."""
    out: dict[int, int | None] = {}
    by_start = {p.start: i for i, p in enumerate(places)}
    gap = re.compile(r"\s+(?:suburbs?|district|neighbou?rhood|outskirts|countryside|province|governorate|region|"
                     r"quarter|area|county|municipality)\s+of\s+(?:the\s+)?", re.I)
    for i, p in enumerate(places):
        assert p.end is not None
        m = gap.match(text, p.end)
        if m is not None:
            out[i] = by_start.get(m.end())
    return out


# "Saraqib in Idlib", "Ftireh front in Idleb", "Hole camp in al-Hasakeh": a name (and its kind) in an area
_IN_AREA = re.compile(r"(?:\s+(?:front|frontline|town|city|camp|desert|plain|mountains?|valley|district|area|village))?\s+in\s+(?:the\s+)?" + COUNTRYSIDE_OF, re.I)
_BRACKET_AFTER = re.compile(r"(\s+(?:village|town|commune|locality|hamlet|settlement))?\s\(")
_AREA_WORD = re.compile(r"\s+(?:countryside|province|governorate|district|region|county|state|oblast|department)\b", re.I)


def _key(s: str | None) -> str:
    return re.sub(r"[\W_]+|^(?:al|el|as|ad|ar|an)\b", "", norm(s or ""))


def _as_written(q: Place) -> bool:
    """Is ``q`` the gazetteer's place of its own name ("Idleb" read as Idlib), not a name the gazetteer
    lacks that stands in at its area ("Metlaperu village" placed at Chhattisgarh)?"""
    return SequenceMatcher(None, _key(q.text), _key(q.name)).ratio() >= 0.6


def _stands_in(p: Place) -> bool:
    """Is ``p`` a name the gazetteer lacks: unresolved, or placed at an area that stands in for it
    ("Sahara in Aleppo" placed at Aleppo governorate)? (Only an unresolved one may lie in a
    country read so: a fuzzy reading of a name as its country's, "Gulistan" for Pakistan, is no
    container.)"""
    return p.precision is None or (p.precision or 0) >= 3 and not _as_written(p)


def _names_province(q: Place) -> bool:
    """Is ``q`` an area, or a town named as its province is ("Idlib", "Aleppo", "al-Hasakeh")?"""
    if (q.precision or 0) >= 3:
        return True
    return bool(q.admin1) and _key(q.name) == _key(q.admin1)


def areas_written_after(text: str, places: list[Place]) -> set[int]:
    """Indexes of the area written as a town's container after it: "Saraqab in Idleb countryside",
    "Kafr Takharim in Idleb province", "Doutchi (Diffa)". The area is the wider place, whatever
    its reading (Idleb read as the city is still the countryside's name here)."""
    out: set[int] = set()
    by_start = {p.start: i for i, p in enumerate(places)}
    for p in places:
        assert p.end is not None
        m = _IN_AREA.match(text, p.end)
        if m is not None and (j := by_start.get(m.end())) is not None:
            q_end = places[j].end
            assert q_end is not None
            q = places[j]
            if _AREA_WORD.match(text, q_end) or _as_written(q) and ((q.precision or 0) >= 3 and (p.precision or 0) < q.precision
                                                                 or _stands_in(p) and q.precision != 6 and _names_province(q)):
                out.add(j)  # thirteenth pass: "shelled Kafrsajna in Hama", "Dar Salam in Anbar": the town, its area
        elif (gap := _BRACKET_AFTER.match(text, p.end)) and (j := by_start.get(gap.end())) is not None \
                and (p.precision == 1 or p.precision is None and gap.group(1)):
            out.add(j)  # "Xamarweyne village (Kismaayo, Lower Juba)": a name the gazetteer lacks, with its kind
    return out


_OFF_COAST = re.compile(r"\boff\s+(?:the\s+)?(?:(?:\w+ern\s+)?coasts?\s+of\s+|shores?\s+of\s+|port\s+of\s+|city\s+of\s+)?(?:the\s+)?$", re.I)


def is_water(p: Place) -> bool:
    """A sea, a gulf, a strait or an ocean (not a lake or a river: those lie inside a country)."""
    return p.feature in ("H.OCN", "H.SEA", "H.GULF", "H.STRT", "H.BAY")


def off_coast(text: str, p: Place) -> bool:
    """"off the coast of Hodeidah", "off Hodeidah", "off the Hodeidah coast": at sea near ``p``."""
    assert p.start is not None and p.end is not None
    if _OFF_COAST.search(text[max(0, p.start - 40):p.start]):
        return True
    return bool(re.search(r"\boff\s+(?:the\s+)?$", text[max(0, p.start - 12):p.start], re.I)
                and re.match(r"\s+coast", text[p.end:p.end + 8], re.I))


def at_sea(text: str, chosen: Place, places: list[Place]) -> Place | None:
    """The event's place when it happened at sea (UCDP where_prec 7, as ACLED codes it): the body of
    water the text names ("in the Red Sea"), given the country of the nearest coastal place the
    text names; or, off a coast the text names but no water ("off the coast of Hodeidah"), that
    coastal place's point. None when nothing says the event was at sea."""
    from dataclasses import replace

    land = [q for q in places if not is_water(q) and q.country_code and q.start is not None]
    if is_water(chosen):
        assert chosen.start is not None
        coast = min(land, key=lambda q: abs((q.start or 0) - chosen.start), default=None)  # type: ignore[operator]
        return replace(chosen, precision=7, country=coast.country if coast else None,
                       country_code=coast.country_code if coast else None)
    if not off_coast(text, chosen):
        return None
    assert chosen.start is not None
    water = [q for q in places if is_water(q) and q.start is not None and abs(q.start - chosen.start) < 200]
    if water:
        return replace(water[0], precision=7, country=chosen.country, country_code=chosen.country_code)
    return replace(chosen, precision=7)


# "Idlib, Syria", "Kirkuk, At Ta'mim": a name written right after another and a comma (an article between)
_AFTER_COMMA = re.compile(r"\w,\s*(?:(?:al|el|as|at|ad|an|ar|ash|the)[\s-])?$", re.I)
# "western Yemen (Al Hudaydah)": a name written right after another and an opening bracket
_OPENS_BRACKET = re.compile(r"\w\s*\(\s*$")
# "fired from the Gaza Strip", "attacks from the United States and [the United Kingdom]": a place
# after "from", or the next of a pair of places after it
_FROM = re.compile(r"\bfrom\s+(?:across\s+(?:the\s+)?|inside\s+(?:the\s+)?|the\s+)?(?:(?:[\w'.-]+\s+){1,3}(?:and|or)\s+(?:the\s+)?)?$", re.I)


def fired_from(before: str) -> bool:
    """Does the text just before a place say it is where something came from ("fired from the Gaza
    Strip", "shells fired from across Afghanistan border")?"""
    return bool(_FROM.search(before))


def address_after(text: str, p: Place, places: list[Place]) -> Place | None:
    """The resolved place written right after ``p`` in the same address ("Ruhororo commune
    (Ngozi)", "Munjuglu, Tovuz"): the area a name the gazetteer lacks lies in; in the country
    most of the text's places lie in, when they lie in one."""
    if p.end is None:
        return None
    main = main_country(places)
    after = sorted((q for q in places if q.precision is not None and q.start is not None and 0 <= q.start - p.end <= 60
                    and not re.search(r"[.;!?]", text[p.end:q.start]) and (main is None or q.country_code == main)),
                   key=lambda q: q.start or 0)
    if not after:
        return None
    return _bracketed_after_country(text, after[0], places) or after[0]


def _bracketed_after_country(text: str, country: Place, places: list[Place]) -> Place | None:
    """"Al Jabaliyah area in western Yemen (At Tuhayat, Al Hudaydah)": the address an ACLED note
    brackets after the country it writes a name in is that name's: the first place inside the
    brackets, of that country. None when ``country`` is no country or no bracket follows it."""
    if country.precision is None or country.precision < 5 or country.end is None:
        return None
    bracket = re.match(r"\s*\(", text[country.end:country.end + 3])
    if bracket is None:
        return None
    opens = country.end + bracket.end()
    inside = [q for q in places if q.precision is not None and q.precision < 5 and q.start is not None
              and q.start >= opens and ")" not in text[opens:q.start] and q.country_code == country.country_code]
    return min(inside, key=lambda q: q.start or 0) if inside else None


# "Kirni sector area (Poonch district, J&K)": up to two lowercase words between a name and its bracketed address
_WORDS_THEN_BRACKET = re.compile(r"(?:\s+[a-z]+){0,2}\s*\(")


def finer_address(text: str, p: Place, places: list[Place]) -> Place | None:
    """The finer place the bracketed address after ``p`` names ("Kirni sector area (Poonch
    district, J&K)": Poonch), where ``p`` stands only at an area or its country; None otherwise.
    Asked only of a name placed at an entry that is not its own (``EventPlaces.names_entry``):
    no town of the document's country bears it."""
    if p.end is None or p.precision is None or p.precision < 4:
        return None
    bracket = _WORDS_THEN_BRACKET.match(text, p.end)
    if bracket is None:
        return None
    area = address_after(text, p, places)
    if area is None or area.start is None or area.start < bracket.end() or ")" in text[bracket.end():area.start] \
            or area.precision is None or area.precision >= p.precision or area.country_code != p.country_code:
        return None
    return area


def is_neighbourhood(text: str, p: Place, prefixes: frozenset[str]) -> bool:
    """Is ``p`` written as a part of a town: a neighbourhood word after it ("in Vila Mariana
    neighborhood", "the city's Kensington section") or a neighbourhood prefix opening it ("Colonia
    Centenario", "Barrio Obrero")?"""
    assert p.end is not None
    m = re.match(r"\s+([A-Za-z]+)", text[p.end:p.end + 20])
    if m and m.group(1).lower() in rules()["neighbourhood_after"]:
        return True
    if p.text.split()[0].lower() in prefixes and " " in p.text.strip():
        return True
    # "Colonia Lomas de San Agustin", "Barangay Kapitan Pepe", "Colonia 5 de Mayo": the prefix read
    # alone as a place (Colonia, Uruguay), the name it opens written after it
    return p.text.strip().lower() in prefixes and bool(re.match(r" (?:[A-Z]|\d)", text[p.end:p.end + 2]))


def town_of_neighbourhood(text: str, p: Place, places: list[Place]) -> Place | None:
    """The town a neighbourhood ``p`` lies in: the town written right after it ("Diliman, Quezon
    City", "the Kensington section of Philadelphia"), else the nearest town written before it
    within 300 characters ("in Sinop, Mato Grosso, a man was killed in Vila Mariana neighborhood");
    in ``p``'s country when ``p`` is resolved to a town. None when no such town is written."""
    assert p.start is not None and p.end is not None
    towns = [q for q in places if q.precision == 1 and q.start is not None and q.end is not None
             and (q.feature or "").startswith("P.") and norm(q.text) != norm(p.text)
             and (p.precision != 1 or not p.country_code or q.country_code == p.country_code)]
    after = [q for q in towns if 0 <= q.start - p.end <= 40  # type: ignore[operator]
             and re.fullmatch(r"\s*(?:[a-z]+\s+)?(?:,|\(|of|in)\s*(?:the\s+)?(?:city\s+of\s+)?", text[p.end:q.start])]
    if after:
        return min(after, key=lambda q: q.start or 0)
    before = [q for q in towns if q.end <= p.start and p.start - q.end <= 300]  # type: ignore[operator]
    return max(before, key=lambda q: q.start or 0) if before else None


def area_before(p: Place, places: list[Place]) -> Place | None:
    """The nearest admin area (where_prec 3 or 4) written within 300 characters before ``p``, in
    the text's main country: where a neighbourhood lies when the text names no town it knows."""
    assert p.start is not None
    main = main_country(places)
    areas = [q for q in places if q.precision in (3, 4) and q.end is not None and q.end <= p.start
             and p.start - q.end <= 300 and (main is None or q.country_code == main)]
    return max(areas, key=lambda q: q.start or 0) if areas else None


def lies_in(q: Place, area: Place) -> bool:
    """Does town ``q`` lie inside the admin area or country ``area``, as far as the index says?"""
    if not q.country_code or q.country_code != area.country_code:
        return False
    if area.precision == 4:
        return bool(q.admin1) and q.admin1 == area.admin1
    if area.precision == 3:
        return bool(q.admin2) and q.admin2 in (area.admin2, area.name)
    return area.precision == 6


def town_inside(chosen: Place, scored: list[tuple[float, Place]], floor: float) -> Place | None:
    """The best-scored town (where_prec 1) of the same reading that lies inside the chosen area or
    country ("the town of Kafr Takharim in Idleb province", "Lebanon ... in Nabatiye"): ACLED and
    UCDP code the most specific place the text gives. None when the chosen place is no area or no
    town inside it scores above ``floor``."""
    if chosen.precision not in (3, 4, 6) or is_water(chosen):
        return None
    inside = [(s, q) for s, q in scored if q.precision == 1 and (q.feature or "").startswith("P.")
              and s > floor and lies_in(q, chosen)]
    return max(inside, key=lambda t: t[0])[1] if inside else None


def bare_name(p: Place, type_words: dict[str, str]) -> tuple[str, int | None, int | None]:
    """The name without the type word an entity span took with it ("Warmahan village",
    "Shahjadpur Upazila", "Municipality of Coalcoman"): (text, start, end)."""
    words = p.text.split()
    if len(words) >= 2 and words[-1].lower() in type_words:
        name = p.text[:p.text.rfind(" ")].rstrip()
        return name, p.start, None if p.start is None else p.start + len(name)
    lead = re.match(r"(?i)(?:the\s+)?(\w+)\s+of\s+(?=[A-Z])", p.text)
    if lead and lead.group(1).lower() in type_words:
        return p.text[lead.end():], None if p.start is None else p.start + lead.end(), p.end
    return p.text, p.start, p.end


# "in the North Zone of Rio de Janeiro", "the Central Zone of Sao Paulo": a zone of a city
_CITY_ZONE = r"\bthe\s+((?:North|South|East|West|Central|Centre|North-?east|North-?west|South-?east|South-?west)(?:ern)?\s+Zone)\s+of\s+"


def city_zone(text: str, place: Place) -> Place | None:
    """The zone of a city the text writes the city's name in ("in the North Zone of Rio de Janeiro"):
    the city's point at UCDP where_prec 2, named as ACLED's codebook names a part of a city,
    "City-Part" ("Rio de Janeiro-North Zone"). None when the text names no zone of ``place``."""
    if place.precision not in (1, 2) or not place.text or not (place.feature or "").startswith("P."):
        return None
    m = re.search(_CITY_ZONE + re.escape(place.text) + r"\b", text, re.I)
    if m is None:
        return None
    zone = " ".join(w.capitalize() for w in m.group(1).split())
    return replace(place, name=f"{place.text}-{zone}", precision=2)


# ACLED's note opens with its date and place: "On 5 May 2020, in Londrina, Parana, ...", "Around 8
# May 2020 (as reported), in the Municipality of Trancoso, Zacatecas, ..."
_NOTE_LEAD = re.compile(r"(?:Around |On |As reported,? on )?\d{1,2} [A-Z][a-z]+ \d{4}(?: \(as reported\))?,\s+in\s+"
                        r"(?:the\s+)?(?:(?i:municipality|district|city|town|province)\s+of\s+)?")


def note_lead(text: str) -> int | None:
    """Where the place an ACLED-style note opens with begins ("On 5 May 2020, in Londrina, Parana,
    a police officer was shot ... in Lerroville district": Londrina is the event's town, the later
    names are its parts); None when the text does not open so."""
    m = _NOTE_LEAD.match(text)
    return m.end() if m else None


def main_country(places: list[Place]) -> str | None:
    """The country most of a text's resolved places lie in (the first named, on a tie)."""
    counts = Counter(q.country_code for q in places if q.precision is not None and q.country_code)
    return counts.most_common(1)[0][0] if counts else None


class EventPlaces:
    """``Geoparser.event_place`` and its helpers (a mixin: the word lists are the Geoparser's)."""

    event_preps: frozenset[str]
    type_words: dict[str, str]
    title_of: tuple[str, ...]
    title_after: tuple[str, ...]
    common: frozenset[str]
    prefixes: frozenset[str]

    def event_place(self, text: str, places: list[Place], anchor: tuple[int, int]) -> Place | None:
        """Where the event at ``anchor`` happened, out of ``places`` (all places of ``text``)."""
        written = [p for p in places if p.start is not None and p.end is not None and not is_source_base(text, p)
                   and not names_street(text, p)]
        # an actor's country ("forces of Azerbaijan located at ...") is the event's place only where
        # the sentence names no other
        located = self._where(text, written) or self._actors_inside(text, self._actors(text, written))
        if not located:
            return None
        bounds = self._sentence_bounds(text)
        ends = {q.end for q in located}
        # a country, or a name the gazetteer lacks, with an address bracketed after it: the address is
        # the name's, not the event's own place ("Al Jabaliyah area in western Yemen (At Tuhayat, Al
        # Hudaydah)", "the village of Bambofa (Dori, Seno)": the name stands in at it, as written); not a
        # country's own disambiguator ("Congo (Kinshasa)": the capital of another country)
        addressed = {q.end: q.country_code for q in located if q.precision is None or q.precision >= 5}
        sent_of = lambda pos: bisect.bisect_right(bounds, pos) - 1  # noqa: E731
        a_start, a_end = anchor
        a_sent = sent_of(a_start)
        best: tuple[float, Place] | None = None
        starts = {q.start for q in located}
        pairs = chains(text, located)
        wider = chain_containers(text, located, pairs)
        addresses = areas_written_after(text, located)  # their "in" writes the town's address, not the event's
        scored: list[tuple[float, Place]] = []
        lead = note_lead(text)
        befores = [text[max(0, p.start - 40):p.start].lower() for p in located]
        # where a shot came from: "from the Golbasi district of Adiyaman" names one origin in two names
        origins = {idx for idx, before in enumerate(befores) if fired_from(before)}
        origins |= {j for i, j in pairs.items() if i in origins and j is not None}
        for idx, p in enumerate(located):
            s_idx = sent_of(p.start)
            if s_idx == a_sent:
                s = 3.0
            elif s_idx == a_sent - 1:
                s = 1.0
            elif s_idx < a_sent:
                s = 0.3
            else:
                s = 0.0
            dist = p.start - a_end if p.start >= a_end else a_start - p.end
            s -= min(dist, 300) / 150
            before = befores[idx]
            after = text[p.end:p.end + 25].lower()
            prev_word = [w for w in re.findall(r"[\w-]+", before) if w != "the"][-1:] or [""]  # "in the Gulf of Aden"
            origin = idx in origins
            if prev_word[0] in self.event_preps and not origin and idx not in addresses:
                s += 1.2
            if p.start >= a_end and s_idx == a_sent and re.fullmatch(r"[^.;]{0,60}", text[a_end:p.start]):
                s += 1.0
            if self._is_title(before, after):
                s -= 4
            if self._is_dateline(text, p):
                s -= 5
            if origin:
                # "a rocket fired from the Gaza Strip landed in Sderot": where a shot came from is
                # not where it struck (before the trigger, "from" is weaker evidence)
                s -= 0.3 if p.start < a_start else 1.5
            if idx in wider:
                s -= 1.5  # "the Damascus suburb of Sayyida Zeinab": the suburb is the more specific place
            if taken_to(text, p) or home_of(text, p):
                s -= 2.0  # the hospital the wounded were taken to, the suspect's home town
            if heads_longer_name(text, p, self.type_words, starts, self.common):
                s -= 2.0  # "Colonia Bivalvo", "Abu Salim": the longer name is the place (or none)
            if _AFTER_COMMA.search(before) and any(p.start - k in ends for k in range(8)) \
                    or _OPENS_BRACKET.search(before) and any(addressed.get(p.start - k, "") in (None, p.country_code)
                                                              for k in range(4)) \
                    and self._bracket_is_address(text, p.start):
                # "Idlib, Syria", "Kirkuk, At Ta'mim": the one written after is the container; so is the
                # address bracketed after a country or an unknown name ("Hays district in western Yemen (Al Hudaydah)")
                s -= 1.0
            if p.start == lead:
                s += 2.0  # the place a note opens with ("On 5 May 2020, in Londrina, Parana, ..."): ACLED's own format
            if p.precision == 1 or is_water(p):
                s += 0.4  # the most specific kind of place (a sea is as specific as a sea event gets)
            elif p.precision == 6:
                s -= 0.4
            scored.append((s, p))
            if best is None or s > best[0]:
                best = (s, p)
        if best is not None and best[0] > -2:
            chosen = best[1]
            if is_neighbourhood(text, chosen, self.prefixes):
                town = town_of_neighbourhood(text, chosen, located)
                if town is not None:
                    return replace(town, text=chosen.text, start=chosen.start, end=chosen.end, precision=2)
                area = area_before(chosen, located)
                if area is not None:  # "in Garcia, Nuevo Leon ... in Colonia Mitras Poniente", Garcia unknown
                    return replace(area, text=chosen.text, start=chosen.start, end=chosen.end)
            if self.names_entry(chosen):
                chosen = town_inside(chosen, scored, -2) or chosen
            chosen = at_sea(text, chosen, located) or chosen
            finer = None if self.names_entry(chosen) else finer_address(text, chosen, located)
            if finer is not None:  # kept as written, placed at its address
                name, start, end = bare_name(chosen, self.type_words)
                return replace(finer, text=name, start=start, end=end, precision=max(finer.precision or 2, 2))
            if chosen.precision is not None:
                return chosen
            return self.stand_in(text, chosen, located, self._actors(text, written))
        counts = Counter(norm(p.text) for p in located if not self._is_dateline(text, p))
        if not counts:
            return None
        main = counts.most_common(1)[0][0]
        return next(p for p in located if norm(p.text) == main)

    def _bracket_is_address(self, text: str, start: int) -> bool:
        """Is the bracket ``start`` lies in an address: closed, and followed by neither a type word
        nor another area ("Nahri Sarah (Girishk) district", "Kahramankazan (Kazan), Ankara": a name
        in brackets is another name of the place written before it)?"""
        close = text.find(")", start)
        if close < 0:
            return False
        word = re.match(r"\s*(?:,\s*(?=[A-Z])|([A-Za-z]+))", text[close + 1:close + 30])
        return word is None or (word.group(1) is not None and word.group(1).lower() not in self.type_words)

    def stand_in(self, text: str, p: Place, places: list[Place], actors: list[Place] | None = None) -> Place:
        """The event's place is a name the gazetteer lacks ("Ruhororo", "Expedicionarios
        neighborhood"): keep the name as written, placed at the area written right after it (UCDP
        where_prec 2 or coarser), else at the country most of the text's places lie in (where_prec
        6), never as no location at all; an actor's country ("forces of Azerbaijan", in ``actors``)
        only where nothing else says. ``p`` itself when none is known."""
        from dataclasses import replace

        area = address_after(text, p, places)
        name, start, end = bare_name(p, self.type_words)
        if area is not None:
            return replace(area, text=name, start=start, end=end, precision=max(area.precision or 2, 2))
        cc = main_country(places) or self.document_country(text) or main_country(actors or [])
        country = self.country_place(cc) if cc else None
        if country is None:
            return p
        return replace(country, text=name, start=start, end=end)

    def _where(self, text: str, places: list[Place]) -> list[Place]:
        """The places that say where something is, not what a thing is ("the US dollar", "US-led
        forces", "a US drone strike") nor whose an actor is ("military forces of Armenia")."""
        from .context import is_attribute, names_actor

        return [p for p in places if p.end is None or not (
            is_attribute(text, p.end) or (p.precision == 6 and p.start is not None and names_actor(text, p.start))
            or in_group_name(text, p))]

    def _actors(self, text: str, places: list[Place]) -> list[Place]:
        """The countries written as an actor's ("military forces of Armenia"), which ``_where`` leaves out."""
        from .context import names_actor

        return [p for p in places if p.precision == 6 and p.start is not None and names_actor(text, p.start)]

    def _actors_inside(self, text: str, actors: list[Place]) -> list[Place]:
        """Of the actors' countries, those of the country the text's own words point to ("forces of
        India and Pakistan ... J&K ... one Indian civilian": India), else all of them."""
        if len({p.country_code for p in actors}) < 2:
            return actors
        cc = self.document_country(text)
        return [p for p in actors if p.country_code == cc] or actors

    def country_fallback(self, text: str, places: list[Place], dateline: str | None = None) -> Place | None:
        """An event whose place is unknown: the country most of the text's places lie in, not
        counting the ones that only qualify a thing ("the US dollar"), else the country its words
        point to (demonyms, armed groups), else the country of an actor ("forces of Azerbaijan");
        where_prec 6. None when nothing says."""
        cc = (main_country(self._where(text, places)) or self.document_country(text, dateline)
              or main_country(self._actors(text, places)))
        return self.country_place(cc) if cc else None

    def in_country(self, text: str, p: Place, places: list[Place], dateline: str | None = None) -> Place:
        """An event place the gazetteer cannot place and nothing beside it locates ("Barrera",
        "Pico-Union"): its written name at the country of ``country_fallback`` (where_prec 6), as
        UCDP codes a place known only by its country; ``p`` itself when no country is known or ``p``
        is resolved."""
        from dataclasses import replace

        if p.precision is not None:
            return p
        country = self.country_fallback(text, places, dateline)
        return p if country is None else replace(country, text=p.text, start=p.start, end=p.end)

    def town_in_text(self, text: str, area: Place, places: list[Place]) -> Place | None:
        """The event's place is an admin area or a country ("a shooting in a Wisconsin town") and
        the text names a town inside it elsewhere ("Shooting in Neenah, Wisconsin"): that town, the
        most often named of them (the first, on a tie), as the more specific place. Not a hospital's
        town, a person's home town, a source's base or a title's place. None when there is none."""
        if area.precision not in (3, 4, 6) or is_water(area) or not self.names_entry(area):
            return None
        towns = [q for q in places if q.precision == 1 and q.start is not None and q.end is not None
                 and (q.feature or "").startswith("P.") and lies_in(q, area)
                 and not (is_source_base(text, q) or taken_to(text, q) or home_of(text, q)
                          or self._is_title(text[max(0, q.start - 40):q.start].lower(), text[q.end:q.end + 25].lower())
                          and not police_seat(text, q))]
        if not towns:
            return None
        counts = Counter(norm(q.text) for q in towns)
        return max(towns, key=lambda q: (counts[norm(q.text)], -(q.start or 0)))

    def dateline_town(self, text: str, dateline: str | None, near: Place | None = None) -> Place | None:
        """The town (or county) the article's dateline names ("DAYTON, Ohio", "MILWAUKEE -",
        "PALM BEACH COUNTY, Fla."), in the state or country written after it, else in the
        document's country: the most populous entry of that name there, one in the admin1 area of
        ``near`` (the place the text gives) first ("MARION -" and Marion County, Indiana). None
        without a dateline or when the name is no town of the gazetteer there."""
        from .context import _area_of, find_dateline
        from .context import rules as document_rules

        line = find_dateline(dateline, text)
        if line is None:
            return None
        name, qualifier = line
        towns = [c for c in self.candidates(name) if c.q <= 1 and (c.fclass == "P" or c.fcode == "ADM2")]
        states = document_rules()["us_states"]
        q = (qualifier or "").strip()
        state = states.get(q) or states.get(q + ".") if q else None
        if state is not None:
            towns = [c for c in towns if c.cc == "US" and c.admin1 == state]
        elif q:
            area = _area_of(self.candidates(q))
            if area is None:
                return None
            towns = [c for c in towns if c.cc == area.cc and (area.fcode != "ADM1" or c.admin1 == area.admin1)]
        else:
            cc = self.document_country(text, dateline)
            towns = [c for c in towns if c.cc == cc] if cc else []
        if not towns:
            return None
        area = (near.country_code, near.admin1) if near is not None and near.admin1 else None
        best = max(towns, key=lambda c: ((c.cc, c.admin1) == area, c.q == 0, c.pop))
        place = self.entry_place(best)
        # the name as the dateline writes it ("ST. GEORGE" for Saint George), as a written name is kept
        return None if place is None else replace(place, text=name.title() if name.isupper() else name)

    def newspaper_town(self, text: str) -> Place | None:
        """The city of the local newspaper the headline names ("The Homicide Report - Los Angeles
        Times"): a city of 100,000 or more with no namesake a tenth its size. None without one."""
        from .context import _unambiguous_city, find_newspaper

        found = find_newspaper(text)
        if found is None:
            return None
        start, end, name = found
        city = _unambiguous_city(self.candidates(name))
        place = self.entry_place(city) if city is not None else None
        return None if place is None else replace(place, text=name, start=start, end=end)

    def dateline_names_state(self, text: str, dateline: str | None) -> bool:
        """Does the dateline name its US state ("RENO, Nev.", "WAYNE COUNTY, MO", "AMARILLO, Texas")?"""
        from .context import _area_of, find_dateline
        from .context import rules as document_rules

        line = find_dateline(dateline, text)
        q = (line[1] or "").strip() if line else ""
        if not q:
            return False
        states = document_rules()["us_states"]
        area = None if q in states or q + "." in states else _area_of(self.candidates(q))
        return area is None and (q in states or q + "." in states) or area is not None and area.cc == "US" and area.fcode == "ADM1"

    def neighbourhood_town(self, text: str, p: Place, places: list[Place]) -> Place | None:
        """The town of ``p`` where the text writes ``p``'s name as a neighbourhood elsewhere ("Man
        Shot In Washington Heights « CBS Chicago ... in the Washington Heights neighborhood"): one
        name, one sense in a text. That town at where_prec 2, under ``p``'s written name; None when
        no mention of the name is written as a neighbourhood with a town beside it."""
        if p.precision not in (1, 2) or p.start is None:
            return None
        for q in places:
            if q.start is None or q.start == p.start or norm(q.text) != norm(p.text):
                continue
            if is_neighbourhood(text, q, self.prefixes) and (town := town_of_neighbourhood(text, q, places)) is not None:
                return replace(town, text=p.text, start=p.start, end=p.end, precision=2)
        return None

    def names_entry(self, p: Place) -> bool:
        """Is ``p``'s written name a name of the entry it is placed at ("Idleb" for Idlib), not a
        name the gazetteer lacks placed at its area ("Kochkin village ..., Kabul")?"""
        return any(c.name == p.name and c.cc == p.country_code for c in self.candidates(p.text))

    def candidates(self, name: str) -> tuple:  # the Geoparser's: the gazetteer entries of a name
        return ()

    def country_place(self, cc: str) -> Place | None:  # the Geoparser's: a country's own entry
        return None

    def entry_place(self, c) -> Place | None:  # type: ignore[no-untyped-def]  # the Geoparser's: an entry as a place
        return None

    def document_country(self, text: str, dateline: str | None = None) -> str | None:  # the Geoparser's
        return None

    def _sentence_bounds(self, text: str) -> list[int]:
        # event_place is asked once per sentence and incident of one text: split it once
        cached = getattr(self, "_bounds", None)
        if cached is None or cached[0] is not text:
            cached = self._bounds = (text, [0] + [m.end() for m in _SENT_END.finditer(text)])
        return cached[1]

    def _is_title(self, before: str, after: str) -> bool:
        b = before.rstrip()
        if b.endswith(" of") or b.endswith("'s"):
            head = b[:-3].rstrip() if b.endswith(" of") else b
            if any(head.endswith(t) for t in self.title_of):
                return True
        a = after.lstrip()
        return any(a.startswith(t) for t in self.title_after) or a.startswith("'s governor")

    def _is_dateline(self, text: str, p: Place) -> bool:
        assert p.start is not None and p.end is not None
        line_start = text.rfind("\n", 0, p.start) + 1
        head = text[line_start:p.start]
        if head.strip() and not re.fullmatch(r"\s*[A-Z .,]*", head):
            return False
        tail = text[p.end:p.end + 40]
        return bool(re.match(r"\s*(,\s*[A-Za-z. ]+)?\s*(\(\w[\w ]*\)|\s*[-—–:]|,\s*\w+\.? \d)", tail)) and (
            p.text.isupper() or p.start - line_start < 3)
