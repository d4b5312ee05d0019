"""The shapes of place names in text: the address a name is written in ("Buleda (Kech,
Balochistan)", "Matani, Peshawar, Khyber Pakhtunkhwa, Pakistan", "Tuzla, Istanbul"), the type word
after it ("Idlib province"), the container or the city it lies near ("the Damascus suburb of
Sayyida Zeinab"), and lists ("Homs and Aleppo").

These read text and write on ``Mention`` records; they never look a name up. ``resolve.Geoparser``
finds the mentions and ranks their candidates; the functions here say what the text around a name
tells of it, and, once the candidates are ranked, keep a name inside the address it is written in
(``read_addresses``: a town and its area read together, ``obey_chains``, ``obey_areas``).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .gazetteer import Candidate

ACCEPT = 2.0  # the detection score a name needs to be kept as a place


@dataclass
class Mention:
    start: int
    end: int
    text: str
    cands: tuple[Candidate, ...]
    score: float = 0.0
    type_hint: str | None = None
    container: str | None = None  # text of "Y" in "X, Y"
    near: str | None = None  # text of "X" in "the X suburb of Y"
    region_word: bool = False  # "northern Syria"
    fallback: bool = False  # the name was not found inside its stated area: the area's point stands in
    by_address: bool = False  # the address it is written in chose it ("Tuzla, Istanbul")
    chosen: Candidate | None = None
    ranking: list[tuple[float, Candidate]] = field(default_factory=list)
    terms: dict[int, list[tuple[str, float]]] = field(default_factory=dict)  # id(candidate) -> ranking terms (explain)
    leaves: str | None = None  # why the choice stands outside the document's country, or why it was dropped


def is_cap(tok: str) -> bool:
    first = tok[0]
    if first.isupper():
        return True
    if not first.isalpha():
        return False
    if not first.islower():  # uncased scripts (Arabic, CJK): every word may be a name
        return True
    return "-" in tok and any(p[:1].isupper() for p in tok.split("-")[1:])  # "al-Raqqa", "ez-Zor"


def parenthesised_area(text: str, end: int) -> str | None:
    """"Buleda (Kech, Balochistan)", "Ayn Zarah (Tripoli)": the widest area in the brackets after a
    name, the way ACLED and many wires write a town's district and province."""
    m = re.match(r"\s*\(([^()]{2,60})\)", text[end:end + 64])
    if m is None:
        return None
    last = m.group(1).split(",")[-1].strip()
    return last if re.fullmatch(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}", last) else None


# "Tininai (Misrata)", "Gaigorou (Dessa, Tillabery)": a name inside the brackets after a name
# (also after a bracketed other name: "Thirah mountain [Aqabat Thirah] (Mukayras, Al Bayda)")
_IN_BRACKETS = re.compile(r"[A-Za-z][\w'’-]*[\])]?\s+\((?:[A-Z][^(),]{1,30},\s*){0,3}$")


def in_address_brackets(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` one of the areas bracketed after another name, the way ACLED
    and many wires write a town's district and province ("Al Hishah (Misrata)")?"""
    return text[end:end + 1] in (")", ",") and bool(_IN_BRACKETS.search(text, max(0, start - 100), start))


def typed_area(kind: str, cands: tuple[Candidate, ...]) -> bool:
    """Does the admin type word after a name ("district", "county", "LGA": ``kind`` is its feature
    code in ``cues.toml``) name the kind of area one of the name's entries is ("Murshidabad
    district", an ADM2 of West Bengal)? Then the name is that area of an address."""
    return kind in ("ADM1", "ADM2") and any(c.fcode == kind for c in cands)


# between a name and the area it lies in: "Tuzla, Istanbul", "Ruhororo commune (Ngozi)",
# "Namak Ab district, Takhar"; and after the area, not a list ("Idlib, Aleppo and Hama")
_AREA_GAP = re.compile(r"(?:\s+[a-z]+){0,2}\s*[,(]\s*")  # "Zari district center, Balkh"
# ... and an admin type word written capitalised: "Mindat District, Chin State"
_TYPED_AREA_GAP = re.compile(r"\s+(?:District|Township|Province|County|Division|Region|Municipality|Tehsil|LGA)\s*[,(]\s*")
_LIST_AFTER = re.compile(r"\s*(?:,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*)*,?\s*(?:and|or|&)\s")


# "Mansura city in Ar-Raqqa countryside", "Saqba in Rural Damascus": a name, perhaps its type word,
# and "in" before an admin area
_IN_GAP = re.compile(r"(?:\s+(?:city|town|village|district|area|neighbou?rhood|camp|sub-?district))?\s+in\s+(?:the\s+)?", re.I)


def written_in(text: str, end: int, area_start: int, area_end: int) -> bool:
    """Is the name ending at ``end`` written as lying in the area at ``area_start:area_end``
    ("Mansura city in Ar-Raqqa"), not listed with others there ("Homs in Homs and Hama")?"""
    return bool(_IN_GAP.fullmatch(text, end, area_start)) and not _LIST_AFTER.match(text, area_end)


def in_area(text: str, end: int, area_start: int, area_end: int) -> bool:
    """Is the name ending at ``end`` written with the area at ``area_start:area_end`` that contains
    it ("Tuzla, Istanbul", "Hays (Al Hudaydah)"), not listed beside it ("Tuzla, Istanbul and Izmir")?"""
    return bool(_AREA_GAP.fullmatch(text, end, area_start)) and not _LIST_AFTER.match(text, area_end)


# what may stand between two names of one address chain: "X, Y", "X district of Y", "X in Y"
CHAIN_GAP = re.compile(
    r"[\s,]*(?:(?:district|tehsil|lga|area|province|governorate|state|region|county|city|town|village|municipality|"
    r"neighbou?rhood|sector|division|department|prefecture|oblast|raion|subdistrict|sub-district)\b[\s,]*)?(?:(?:of|in)\s+)?(?:the\s+)?",
    re.I,
)


# a name the gazetteer lacks, written as a place of an address (issue 10, twelfth pass): after a
# locative word, with its kind ("Bar-Sanguun village", "the Rukban camp"), its area in brackets
# ("in Ruramba (Kayokwe, Mwaro)") or after a comma ("near Bila Kamianka, Donetsk"); or as the
# place a kind word names ("the village of Tychero"). One to four capitalised words; an article
# or a particle may join them ("Shah Wali Kot", "Ras al Ain").
_HEAD_NAME = r"[A-Z][\w'’]*(?:-[\w'’]+)*(?:\s+(?:(?:al|el|ad|as|at|ash|de|del|la|le|du|des|di|bin|ibn|y)\s+)?[A-Z][\w'’]*(?:-[\w'’]+)*){0,3}"
_HEAD_KINDS = ("village|villages|town|area|commune|locality|frontline|front|camp|hamlet|settlement|"
               "sub-?district|district|municipality|county|township|valley|mountain|mountains")
# an admin area's kind: a name written so with no address after it ("the Jose Luis Bustamante y Rivero
# municipality") is an area that the text usually places otherwise ("in Arequipa city")
_ADMIN_KINDS = frozenset({"district", "subdistrict", "sub-district", "municipality", "county", "township"})
# a kind written as the last word of the name itself ("Sagbama LGA", "Chin State"): the gazetteer's
# own matching reads those; a hyphen joins capitalised parts or an article ("Ras al-Ain")
_NAME_KINDS = frozenset({"lga", "state", "province", "region", "governorate", "department", "division", "upazila",
                         "tehsil", "district", "county", "municipality", "city", "town", "village", "camp", "area"})
# a building's or a street's name ("the Fadhila Party Headquarters, Al Iskandariyah", "on
# Soldatskaya Street in Malgobek"): no place of its own, the town written with it is the place
_FACILITIES = frozenset({"headquarters", "hospital", "mosque", "church", "school", "university", "college", "market",
                         "station", "airport", "airbase", "base", "prison", "jail", "hotel", "office", "offices",
                         "compound", "factory", "bank", "stadium", "temple", "shrine", "bridge", "checkpoint",
                         "street", "st", "avenue", "road", "boulevard", "highway", "lane", "drive", "square"})
_SENTENCE_GAP = re.compile(r"[.;!?]\s|\n")
_HYPHEN_PART = re.compile(r"[A-Z][\w'’]*|(?:al|el|ad|as|at|ash|an|ar|az|ez|es|ed|ul|ud|e|i|u)|\d+")
_ADDRESS_HEAD = re.compile(
    rf"\b(?:(?:(?P<loc>(?i:in|near|at|around|outside|on|into|towards?))\s+(?:the\s+)?"
    rf"|(?P<obj>(?i:shelled|attacked|targeted|struck|bombed|raided|stormed|besieged|captured|recaptured|overran|entered)"
    rf"|(?i:outskirts|vicinity|surroundings|environs|countryside|edge)\s+of)\s+(?:the\s+)?)?(?P<name>{_HEAD_NAME})"
    rf"(?=\s+(?i:(?P<kind>{_HEAD_KINDS}))\b|(?P<bracket>\s*\()|(?P<comma>,\s*)(?=[A-Z])|\s+in\s+(?=[A-Z]|(?:al|el|ad|as|ar|an)-[A-Z]|the\s+(?:\w+\s+)?countryside\b|the\s+\w+ern\s+[A-Z]|rural\s+[A-Z])|(?P<end>\.(?:\s|$)))"
    rf"|(?i:village|villages|town|hamlet|locality|settlement|commune|(?<=the )area)\s+of\s+(?:the\s+)?(?P<named>{_HEAD_NAME}))"
)


# what may stand between "in (the)" and the province a name lies in, as Syrian conflict notes
# write it: "in the southern countryside of Idleb", "in the eastern Aleppo countryside", "in rural Hama"
COUNTRYSIDE_OF = (r"(?:(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?|rural)\s+)?"
                  r"(?:countryside\s+of\s+(?:the\s+)?)?")


def address_heads(text: str, found: list[Mention], is_word: Callable[[str], bool],
                  is_actor: Callable[[int], bool] = lambda start: False) -> list[Mention]:
    """The names the gazetteer lacks that the text writes as places of an address (``_ADDRESS_HEAD``),
    as unresolved mentions: "clashes in Ayn Zarah (Tripoli)" is Ayn Zarah, which the event's place
    then keeps as written, placed at the area after it (``EventPlaces.stand_in``). Not a name a
    gazetteer match already covers, nor one whose first word ``is_word`` says is no name ("the
    Governor", "Syrian", a month); after a bracket or a comma, only where an accepted place stands
    there, the address the name is written in ("Kochkin, Kabul"; not "Obama, who"). Thirteenth pass:
    the object of an attack verb or a part of it ("shelled Kafrsajna in Hama", "the outskirts of X in
    Hama") with a province or town after it, never a country nor an armed group or a person; and a
    name "near" which its sentence ends ("explosions near Kovalivske."), with no place of its sentence before it."""
    accepted = [m for m in found if m.score >= ACCEPT]
    starts = {m.start: m for m in accepted}
    out: list[Mention] = []
    for hit in _ADDRESS_HEAD.finditer(text):
        key = "name" if hit.group("name") is not None else "named"
        start, end = hit.span(key)
        located = hit.group("loc") is not None or hit.group("obj") is not None
        # "a resident of Ihie (Ohaji/Egbema LGA, Imo)": after "of", only with a known place in the brackets
        of_address = not located and hit.group("bracket") is not None and bool(_OF_BEFORE.search(text, max(0, start - 12), start))
        located = located or of_address
        if key == "name" and not located and (
                hit.group("kind") is None or re.search(r"(?:^|[A-Z][\w'’-]*\s+|[.;!?]\s+)$", text[max(0, start - 40):start])):
            continue  # with no locative word, only its kind and its address after it make a name a place
            # ("militants attacked Garbassa village (Kismaayo, Lower Juba)"), never a sentence's first word
        name = hit.group(key)
        words = name.split()
        if words[-1].lower() in _NAME_KINDS or words[-1].lower() in _FACILITIES or any(not _HYPHEN_PART.fullmatch(part) for w in words for part in w.split("-")[1:]):
            continue  # "Sagbama LGA (Bayelsa)": the kind is written inside; "the Y-highway": no place's name
        kind = hit.group("kind")
        tail = hit.end("kind") if kind is not None else end
        # ACLED's own note format (issue 10): "in Ayn Zarah (Tripoli)", "in Mogadishu-Wadajir
        # district (Wadajir, Banadir)": the longer name written before its address in brackets is
        # the place, not the shorter gazetteer name inside it ("Ayn", "Mogadishu")
        brackets = _ADDRESS_BRACKETS.match(text, tail) if located else None
        own_address = brackets is not None
        # "Big Sukariyeh village in the eastern Aleppo countryside": a kind word after the name is
        # an address shape too, for a shorter gazetteer name that opens it ("Big")
        # an admin kind is not ("Imphal West district" is a district of Imphal's name)
        typed = own_address or kind is not None and kind.lower() not in _ADMIN_KINDS
        # the known places of the address: in the brackets, or written right after them ("(Nasi Darwaz) district, Badakhshan")
        address = [a for a in accepted if tail < a.start < brackets.end() + 30 and not _SENTENCE_GAP.search(text, tail, a.start)
                   and (a.start < brackets.end() or not of_address)] if brackets is not None else []
        if brackets is None and located and hit.group("comma") is not None:
            # GTD's own format: "in Taji, Salah ad Din, Iraq", "in Darra Adam Khel, Khyber
            # Pakhtunkhwa, Pakistan": the name before a province and its country is the town, as
            # a bracketed address's head is ("Darra" alone, "Taji" of China give way to it)
            address = _province_and_country(text, tail, starts)
        comma_address = bool(address) and brackets is None
        if of_address and not (own_address and any(a.cands for a in address)):
            continue  # "activists of People's Amn (Peace) Committee": an organisation's name, no address
        if any(m.start < end and start < m.end and not (own_address and _weaker_inside(m, start, end, address)
                                                        or comma_address and m.start == start and _opens_name(text, m, end)
                                                        or typed and m.start == start and m.end < end) for m in accepted) \
                or is_word(words[0]) and not _article_opens(words, hit.group("loc")) \
                or any(m.start == start and m.end == end and any(c.q <= 2 for c in m.cands)
                       and not ((own_address or comma_address or key == "named") and m.score < ACCEPT) for m in found):
            continue  # a place already, or a name the gazetteer knows (its own score decides), not a near spelling
        gap = re.match(r"\s*\(\s*|,\s*|\s+in\s+(?:the\s+)?(?i:" + COUNTRYSIDE_OF + ")", text[tail:tail + 50])
        area = starts.get(tail + gap.end()) if gap else None
        weak_area = None
        if area is None and located and gap is not None and gap.group().startswith(","):
            # "located at Aghbulag, Tovuz": the last name of the clause, of a country the text names
            area = weak_area = _area_of_named_country(text, found, tail + gap.end())
        addressed = own_address or area is not None and any(
            c.q <= 2 and (c.fcode.startswith(("ADM", "PCL")) or c.fclass == "P") for c in area.cands)
        if key == "name" and not located and not addressed:
            continue
        if hit.group("obj") is not None and hit.group("kind") is None and not own_address and not (addressed and area is not None and not is_actor(start)
                                                  and not any(c.q <= 1 and c.fcode.startswith("PCL") for c in area.cands)):
            continue  # "shelled Kafrsajna in Hama", "the outskirts of Tell Hamis in al-Hasakeh": only with the
            # province or town written after it, never a country, never an armed group ("targeted Hezbollah in Syria")
        near_end = hit.group("end") is not None
        if near_end and (hit.group("loc") or "").lower() not in ("near", "outside", "around"):
            continue  # "observed explosions near Kovalivske.": only "near" a name ends its sentence as a place
        if not addressed and (key == "name" and not near_end and (kind is None or kind.lower() in _ADMIN_KINDS) or any(
                m.end <= start and m.cands and not _SENTENCE_GAP.search(text, m.end, start) for m in accepted)):
            # no address, only an admin kind ("the Jose Luis Bustamante y Rivero municipality"), or a
            # place of its sentence before it, of which it is a part ("in Karachi, Sindh, ... in the
            # Bilal Colony area", "in Khunti ... at Kamaria Village")
            continue
        if key == "named" and (same := _rejected_reading(found, start, end)):
            # "the village of Juhr ad Dik in the central Gaza Strip": the gazetteer's reading of a
            # name the text calls a village stands, strongly detected (its country still keeps it in)
            out.append(Mention(start, end, name, same, score=ACCEPT + 1.0))
            continue
        out.append(Mention(start, end, name, _address_reading(found, start, end, address), score=ACCEPT + 0.5))
        if weak_area is not None:
            weak_area.score = ACCEPT + 0.5
    return out


# an Arabic article that opens a name ("in At Tadawin (Marib)", "in As Sabaa"), though "At" and "As"
# are English words too: only after a locative word and before another capitalised word
_NAME_ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ez", "es", "ed"})


def _article_opens(words: list[str], locative: str | None) -> bool:
    return locative is not None and len(words) > 1 and words[0].lower() in _NAME_ARTICLES


def _rejected_reading(found: list[Mention], start: int, end: int) -> tuple[Candidate, ...]:
    """The entries (own or alternate names) of a rejected gazetteer match at ``start:end``; ()."""
    same = next((m for m in found if m.start == start and m.end == end and m.score < ACCEPT), None)
    return tuple(c for c in same.cands if c.q <= 1) if same is not None else ()


def _address_reading(found: list[Mention], start: int, end: int, address: list[Mention]) -> tuple[Candidate, ...]:
    """The entries of a rejected gazetteer match of the name at ``start:end`` that lie in the
    countries of its bracketed address's places (``address``): "Nusay (Nasi Darwaz) district,
    Badakhshan" keeps Nusay of Afghanistan; () where there is none (the name stands at its area)."""
    countries = {c.cc for a in address for c in a.cands if c.q <= 1}
    same = next((m for m in found if m.start == start and m.end == end), None)
    return tuple(c for c in same.cands if c.cc in countries and c.q <= 2) if same is not None and countries else ()


# "a resident of Ihie (Ohaji/Egbema LGA, Imo)", "residents of Jen (Karim-Lamido LGA, Taraba)"
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")


def _province_and_country(text: str, tail: int, starts: dict[int, Mention]) -> list[Mention]:
    """The accepted province (ADM1 or ADM2) and country written after the comma at ``tail``
    ("Taji, Salah ad Din, Iraq,"): an address of its own, as GTD writes every incident's; [] when
    the comma opens no such pair."""
    gap = re.match(r",\s*", text[tail:tail + 4])
    area = starts.get(tail + gap.end()) if gap else None
    if area is None or not any(c.q <= 2 and c.fcode in ("ADM1", "ADM2") for c in area.cands):
        return []
    after = re.match(r",\s*", text[area.end:area.end + 4])
    country = starts.get(area.end + after.end()) if after else None
    if country is None or not any(c.q == 0 and c.fcode.startswith("PCL") for c in country.cands) \
            or not re.match(r"\s*[,.;]", text[country.end:country.end + 3]):
        return []
    return [area, country]


# "Imphal West", "Jos North": a compass word after a town's name names an area of the town's name
_COMPASS_TAIL = re.compile(r"(?:\s+(?i:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west))+")


def _opens_name(text: str, m: Mention, end: int) -> bool:
    """Is the accepted match ``m`` only the first word(s) of the longer name ending at ``end``
    ("Darra" of "Darra Adam Khel", "Beled" of "Beled Weyne"), not a town with a compass word
    after it ("Imphal West")?"""
    return m.end < end and not _COMPASS_TAIL.fullmatch(text, m.end, end)  # m opens the name: see the caller


def _weaker_inside(m: Mention, start: int, end: int, address: list[Mention]) -> bool:
    """Does the accepted gazetteer match ``m`` give way to the name at ``start:end`` written before
    its own bracketed address (whose accepted places are ``address``)? A shorter name that opens it
    does ("Ayn" in "Ayn Zarah (Tripoli)"), a later part that no gazetteer name backs does ("Tutah"
    of "Bir at Tutah (Aljfara)"), and so does the same name read only by a near spelling
    outside the address's countries ("Nacutuco (Mucojo, Cabo Delgado)" is no Nakhodka); a name the
    gazetteer knows by its own or an alternate name keeps its own reading, and a near spelling in
    the address's country too ("Zinijbar (Abyan)": Zinjibar)."""
    if m.start < start or m.end > end:
        return False
    if m.start > start:
        return not any(c.q <= 1 for c in m.cands)  # "Tutah" of "Bir at Tutah", read by NER alone
    if m.end - m.start < end - start:
        return True
    countries = {c.cc for a in address for c in a.cands if c.q <= 1}
    return all(c.q >= 3 for c in m.cands) and not any(c.cc in countries for c in m.cands)


# the brackets of an ACLED address: one to three capitalised names, commas between ("(Tripoli)",
# "(Kayokwe, Mwaro)", "(Ohaji/Egbema LGA, Imo)"), the last the widest area; not an acronym, which
# names the organisation before it ("the Regional Federal Security Service (FSB) office")
_ADDRESS_BRACKETS = re.compile(r"\s*\((?![A-Z0-9&./-]+\))(?:[A-Z][\w'’./-]*(?:[ -][A-Za-z][\w'’./-]*){0,4})(?:,\s*[A-Z][\w'’./-]*(?:[ -][A-Za-z][\w'’./-]*){0,4}){0,2}\)")


def bracketed_address(text: str, end: int) -> bool:
    """Is the name ending at ``end`` written with its address in brackets right after it, the way
    ACLED notes write a place ("Ruramba (Kayokwe, Mwaro)", "Ayn Zarah (Tripoli)")?"""
    return bool(_ADDRESS_BRACKETS.match(text, end))


def read_shapes(text: str, found: list[Mention], type_words: dict[str, str]) -> None:
    """The type word after each name ("Idlib province"), "the city of X", "northern X", its container
    ("X, Y", "X (Y)") and "the X suburb of Y", written on each mention."""
    for m in found:
        if any(c.fclass == "H" for c in m.cands) and (
                re.search(r"\bthe\s+$", text[max(0, m.start - 5):m.start], re.I)
                or re.match(r"\s+(?:port|ports|coast|coastline|coastal|waters|seaport|shore|shores)\b", text[m.end:m.end + 12], re.I)):
            m.type_hint = "H"  # "in the Red Sea", "Hodeidah Red Sea port": the sea, not Sudan's Red Sea state
            continue
        after = re.match(r"\s+([A-Za-z]+)", text[m.end:m.end + 20])
        if after and after.group(1).lower() in type_words:
            m.type_hint = type_words[after.group(1).lower()]
            if m.type_hint in ("PPLX", "CMP", "AREA", "BCP", "PPL") and not m.cands:
                m.score = max(m.score, ACCEPT)
        else:
            plural = re.match(r"\s*(?:,|and|or)\s+(?:and\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+([A-Za-z]+s)\b",
                              text[m.end:m.end + 60])
            if plural and plural.group(1).lower() in type_words:
                m.type_hint = type_words[plural.group(1).lower()]  # "Homs and Aleppo Governorates"
        before = text[max(0, m.start - 40):m.start].lower()
        tw = re.search(r"\b(city|town|village|province|district|county|region|state|governorate|suburb|"
                       r"neighbou?rhood|camp)\s+of\s+(the\s+)?$", before)
        if tw:
            m.type_hint = type_words.get(tw.group(1), m.type_hint)
            m.score += 1.0
        if re.search(r"\b(northern|southern|eastern|western|central|north|south|east|west)(east|west)?(ern)?\s+$", before):
            m.region_word = True
        # "X, Y": Y may contain X
        m.container = container_after(text, m.end, type_words) or parenthesised_area(text, m.end)
        sub = re.search(r"(?:the\s+)?(?:\w+ern\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:suburb|district|"
                        r"neighbou?rhood|quarter|outskirts|countryside)\s+of\s+$", text[max(0, m.start - 80):m.start])
        if sub:
            m.near = sub.group(1)
            m.score += 1.0


_AFTER_AREA_WORD = re.compile(r"\s+([A-Za-z]+)(?=,|\s+of\s)")
_CONTAINER = re.compile(r"(?:,|\s+of)\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


def container_after(text: str, end: int, type_words: dict[str, str]) -> str | None:
    """The area written after the name that ends at ``end``: "Prague, Oklahoma"; past an admin
    type word, "Cuauhtemoc municipality, Chihuahua" and "Golbasi district of Adiyaman" too."""
    word = _AFTER_AREA_WORD.match(text, end)
    if word and type_words.get(word.group(1).lower()) in ("ADM1", "ADM2"):
        cont = _CONTAINER.match(text, word.end(), end + 60)
        if cont:
            return cont.group(1)
    cont = re.match(r",\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})", text[end:end + 40])
    return cont.group(1) if cont else None


def list_bonus(text: str, found: list[Mention]) -> None:
    """A name listed with an accepted place ("Homs and Aleppo", "Paris, Berlin and Munich") is one too."""
    for _ in range(2):
        for a, b in zip(found, found[1:]):
            gap = text[a.end:b.start]
            if re.fullmatch(r"\s*(,|and|or|&|,\s*and)\s*", gap):
                if a.score >= ACCEPT and 0 < b.score < ACCEPT:
                    b.score += 1.0
                elif b.score >= ACCEPT and 0 < a.score < ACCEPT:
                    a.score += 1.0


# "Tal Tamer in the countryside of Al-Hasakeh", "Daman in the eastern countryside of Deir-ez-Zor"
_COUNTRYSIDE_GAP = re.compile(r"\s+in\s+(?:the\s+)?(?:\w+ern\s+)?(?:countryside|outskirts|suburbs|province|governorate)\s+of\s+", re.I)


def inside_bonus(text: str, found: list[Mention]) -> None:
    """A name written as lying in an accepted area ("rural Saraqab in Idleb", "the town of Tal
    Tamer in the countryside of Al-Hasakeh", "Naraguta (Jos North LGA, Plateau)") is a place when
    one of its entries lies in that area: the address vouches for a near spelling or an obscure
    village that a name alone would not."""
    for a, b in zip(found, found[1:]):
        if a.score >= ACCEPT or a.score <= 0 or b.score < ACCEPT:
            continue
        if not (written_in(text, a.end, b.start, b.end) or _COUNTRYSIDE_GAP.fullmatch(text, a.end, b.start)
                or in_area(text, a.end, b.start, b.end)):
            continue
        areas = {(c.cc, c.admin1) for c in b.cands if c.q <= 1 and c.admin1 and (c.fcode == "ADM1" or c.fclass == "P")}
        if any((c.cc, c.admin1) in areas for c in a.cands if c.fclass == "P"):
            a.score += 1.5


# the floor a name's detection score must clear for its address to vouch for it: titles (-5),
# demonyms (-5) and names inside a person's full name (-3 and more) stay out
_ADDRESS_FLOOR = -2.5


def address_bonus(text: str, found: list[Mention]) -> None:
    """"La Sabana, Guerrero", "Cabanatuan, Nueva Ecija", "Malekan (East Azarbaijan)": a town written
    with an area that holds one of its entries is a place, and so is the area, whatever NER thought
    of either word (the small model tags many such names PERSON or ORG). Both names together are
    rarely a coincidence: an entry of the first must lie in an entry of the second. Not a list
    ("Homs, Aleppo and Hama"), which ``in_area`` leaves out."""
    for a, b in zip(found, found[1:]):
        if a.score >= ACCEPT and b.score >= ACCEPT or min(a.score, b.score) <= _ADDRESS_FLOOR:
            continue
        if not in_area(text, a.end, b.start, b.end) or re.search(r"\bthe\s+$", text[max(0, a.start - 4):a.start], re.I):
            continue  # "the Dersim (Tunceli) massacres": a name qualifying a noun, not an address
        # a district's bare name is derived from its entry ("Nueva Ecija": "Province of Nueva Ecija");
        # a derived region ("Central": "Central Region" of six countries) proves too little
        areas = [c for c in b.cands if c.q <= 1 and c.fcode in ("ADM1", "ADM2") or c.q == 2 and c.fcode == "ADM2"]
        if any(_holds(area, t) for area in areas for t in a.cands
               if t.q <= 1 and (t.fclass == "P" or t.fcode in ("ADM2", "ADM3")) and t.gid != area.gid):
            a.score, b.score = max(a.score, ACCEPT + 0.5), max(b.score, ACCEPT + 0.5)


def province_of_country_bonus(text: str, found: list[Mention]) -> None:
    """"in Bannang Sata, Yala, Thailand", "in Kanan, Diyala, Iraq": the middle name of a comma
    address that ends with an accepted country is a province of that country where one of its
    entries is one by its own or an alternate name, whatever NER thought of it (the small model tags
    "Yala" PERSON): GTD writes each incident's place as town, province, country."""
    for a, b in zip(found, found[1:]):
        if a.score >= ACCEPT or b.score < ACCEPT or a.score <= _ADDRESS_FLOOR:
            continue
        if not re.fullmatch(r",\s*", text[a.end:b.start]) or not re.search(r"\w,\s*$", text[max(0, a.start - 40):a.start]) \
                or not re.match(r"\s*[,.;]", text[b.end:b.end + 3]):
            continue
        countries = {c.cc for c in b.cands if c.q == 0 and c.fcode.startswith("PCL")}
        if any(c.cc in countries and c.q <= 1 and c.fcode in ("ADM1", "ADM2") for c in a.cands):
            a.score = ACCEPT + 0.5


def area_after_head(text: str, found: list[Mention]) -> None:
    """"the positions of the military forces of Azerbaijan located near Qazaxlar, Fizuli": the name
    written after a comma behind a name the gazetteer lacks (an address head, ``address_heads``), the
    last of its clause, is that name's area, whatever NER thought of it (PERSON here), where one of
    its entries lies in a country the text names: the border is crossed only on the text's evidence."""
    for head, area in zip(found, found[1:]):
        if not head.cands and head.score >= ACCEPT and re.fullmatch(r",\s*", text[head.end:area.start]) \
                and _area_of_named_country(text, found, area.start) is not None:
            area.score = ACCEPT + 0.5


# what may follow the last name of an address: the clause's end
_CLAUSE_END = re.compile(r"\s*(?:[.;:)]|$)")


def _area_of_named_country(text: str, found: list[Mention], start: int) -> Mention | None:
    """The mention at ``start`` that may be accepted as an address's area: it is weak but above the
    address floor, the last name of its clause, and one of its entries (a town, an ADM1 or ADM2
    area, by its own or an alternate name) lies in a country an accepted mention names; else None."""
    named = {c.cc for m in found if m.score >= ACCEPT for c in m.cands if c.q <= 1 and c.fcode.startswith("PCL")}
    area = next((m for m in found if m.start == start), None)
    if area is None or not named or not _ADDRESS_FLOOR < area.score < ACCEPT or not _CLAUSE_END.match(text, area.end):
        return None
    if not any(c.cc in named and c.q <= 1 and (c.fclass == "P" or c.fcode in ("ADM1", "ADM2")) for c in area.cands):
        return None
    return area


def bracketed_province_bonus(text: str, found: list[Mention]) -> None:
    """"Okpanam (Oshimili North LGA, Delta)", "Kubwa (Abuja LGA, FCT)", "Tokabangou (Markoye,
    Oudalan)": the last area bracketed after a name is its province, the way ACLED and many wires
    write an address; a province's name that is also a common word ("Delta", "Plateau", "Rivers")
    or that NER tagged ORG is a place there; so is the district they open with (``_bracketed_district``)."""
    for m in found:
        if ACCEPT <= m.score or m.score <= _ADDRESS_FLOOR:
            continue
        # one country's province only: "Central" (Ghana, Zambia, Paraguay ...) needs the rest of the text
        last = text[m.end:m.end + 1] == ")"
        if last and in_address_brackets(text, m.start, m.end) and any(c.q == 0 and c.fcode == "ADM1" for c in m.cands) \
                and len({c.cc for c in m.cands if c.q <= 1 and c.fcode == "ADM1"}) == 1:
            m.score = ACCEPT + 0.5
        elif _bracketed_district(text, m):
            m.score = ACCEPT + 0.5


def _bracketed_district(text: str, m: Mention) -> bool:
    """Is ``m`` the district an address's brackets open with, before its province ("Chimakurthi town
    (Prakasam, AP)": Prakasam, a district of Andhra Pradesh), by its main name and of one country
    only? ACLED writes a town's admin2 area there; NER often calls it a person."""
    if not re.match(r",\s*[A-Z]", text[m.end:m.end + 3]) or not re.search(r"\(\s*$", text[max(0, m.start - 2):m.start]):
        return False
    districts = {c.cc for c in m.cands if c.q == 0 and c.fcode == "ADM2"}
    return len(districts) == 1 and in_address_brackets(text, m.start, m.end)


def _holds(area: Candidate, c: Candidate) -> bool:
    return c.cc == area.cc and (area.fcode.startswith("PCL") or (area.fcode == "ADM1" and c.admin1 == area.admin1)
                                or (area.fcode == "ADM2" and c.admin2 == area.name))


def read_addresses(text: str, mentions: list[Mention]) -> None:
    """"Hinche, Centre", "Al Farnaj (Tripoli)", "Kot Addu (Muzaffargarh, Punjab)": a town and the
    area written after it are read together. Where the two readings ranked first do not nest
    (Centre in Burkina Faso, Hinche in Haiti) but another pair does, the best-ranked pair that
    nests wins: an area's name shared by several countries (Centre, Punjab, Tripoli) is the one
    that holds the town."""
    is_area = lambda a: a.fcode.startswith("PCL") or a.fcode in ("ADM1", "ADM2")  # noqa: E731
    # from the address's end: "Hyderabad city (Hyderabad, Sindh)" reads the district in Sindh first,
    # and the district, so placed, is no longer free to move
    fixed: set[int] = set()
    for i in range(len(mentions) - 2, -1, -1):
        m, y = mentions[i], mentions[i + 1]
        c, area = m.chosen, y.chosen
        if c is None or area is None or m.fallback or c.fclass not in ("P", "A") or c.fcode.startswith(("PCL", "ADM1")):
            continue
        if not in_area(text, m.end, y.start, y.end):
            continue
        if _holds(area, c):
            fixed.add(i)
            continue
        # an area's name read as a town ("Sirwah (Marib)": Ma'rib city) may be its area, in the same country
        areas = [(s, a) for s, a in y.ranking if a.q <= 1 and is_area(a) and (i + 1 not in fixed or a == area)
                 and (is_area(area) or a.cc == area.cc)]
        towns = [(s, t) for s, t in m.ranking if t.q <= 2 and (t.fclass == "P" or t.fcode == "ADM2")]
        pairs = [(sa + st, a, t) for sa, a in areas for st, t in towns if _holds(a, t)]
        if pairs:
            _, a, t = max(pairs, key=lambda p: p[0])
            m.chosen, y.chosen, m.by_address, y.by_address = t, a, True, True
            m.leaves = f"inside {y.text}, written after it"
            fixed.add(i)


def obey_chains(text: str, mentions: list[Mention]) -> None:
    """"Matani, Peshawar, Khyber Pakhtunkhwa, Pakistan": a name written inside a chain that ends
    in a country lies in that country. A name with no entry there is placed at the nearest
    chain element that has one, with where_prec 2 (near a known point), never in another country."""
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and CHAIN_GAP.fullmatch(text[mentions[j].end:mentions[j + 1].start]):
            j += 1
        chain = mentions[i:j + 1]
        # the address ends at its first country: "Kabul, Kabul, Afghanistan, the US embassy" is
        # not inside the United States
        first = next((k for k, m in enumerate(chain) if m.chosen is not None and m.chosen.fcode.startswith("PCL")), None)
        country = chain[first].chosen if first is not None else None
        if first is not None and first + 1 < len(chain):
            chain, j = chain[:first + 1], i + first
        if country is not None and len(chain) > 1:
            for k, m in enumerate(chain):
                if m.chosen is None or m.chosen.cc == country.cc or m.chosen.fcode.startswith(("PCL", "CONT")) or m.chosen.fclass == "H":
                    continue  # a country in a list of countries ("Greece, Bulgaria, Italy") is not inside the last one
                inside = [c for _, c in m.ranking if c.cc == country.cc]
                if inside:
                    m.chosen, m.by_address = inside[0], True
                    continue
                outer = next((o for o in chain[k + 1:] if o.chosen is not None and o.chosen.cc == country.cc), None)
                if outer is not None:
                    m.chosen, m.fallback, m.by_address = outer.chosen, True, True
        i = j + 1


def obey_areas(text: str, mentions: list[Mention]) -> None:
    """"San Juan (Merida)", "Tuzla, Istanbul", "Namak Ab district, Takhar": a name written
    with the admin area it lies in stays in that area's country. With no entry there it is
    placed at the area (where_prec 2 or coarser), never at a namesake abroad."""
    for m, y in zip(mentions, mentions[1:]):
        c, area = m.chosen, y.chosen
        if c is None or area is None or not area.cc or c.fcode.startswith(("PCL", "CONT")) or c.fclass == "H":
            continue
        # the same holds inside one country for a town and the province (or the large city) written
        # after it: "near Pisky, Donetsk" is no Pisky of Poltava, but Donetsk's when none is known there
        same = c.cc == area.cc
        # "Rampur town (Pulwama district, J&K)": a district of another state than the town's, too
        if same and not (c.fclass == "P" and area.admin1 and c.admin1 != area.admin1 and area.q <= 1
                         and (area.fcode in ("ADM1", "ADM2") or area.fclass == "P" and area.pop >= 500_000)):
            continue
        there = (lambda o: o.cc == area.cc and o.admin1 == area.admin1) if same else (lambda o: o.cc == area.cc)
        if not (in_area(text, m.end, y.start, y.end) or _TYPED_AREA_GAP.fullmatch(text, m.end, y.start)
                and not _LIST_AFTER.match(text, y.end)):
            if area.fcode in ("ADM1", "ADM2") and written_in(text, m.end, y.start, y.end):
                inside = [o for _, o in m.ranking if there(o)]
                m.chosen, m.fallback = (inside[0], m.fallback) if inside else (area, True)
                m.by_address = True
                m.leaves = f"inside {y.text}, written after it"
            continue
        # an admin area, a bracketed one, or a city ten times the namesake's size ("Tuzla, Istanbul")
        city = area.fclass == "P" and area.pop >= max(500_000, 10 * c.pop)
        if not (area.fcode in ("ADM1", "ADM2") or city or text[m.end:y.start].strip().startswith("(")):
            continue
        inside = [o for _, o in m.ranking if there(o)]
        m.chosen, m.fallback = (inside[0], m.fallback) if inside else (area, True)
        m.by_address = True
        m.leaves = f"inside {y.text}, written after it"


def areas_written_as_areas(text: str, mentions: list[Mention], metropolis: int) -> None:
    """"rural Saraqab in Idleb", "Cukurca district of Hakkari": a name written as the area a town
    lies in, that names both a city and the province around it, is the province when the town lies
    in it (the city is another town beside it, not its container). Not a metropolis of
    ``metropolis`` people or more, whose districts and suburbs the text writes in it ("Abu Ghraib
    in Baghdad", "Zamoskvorechye, Moscow"): there the city stands."""
    for m, y in zip(mentions, mentions[1:]):
        c, area = m.chosen, y.chosen
        if c is None or area is None or c.fclass != "P" or area.fclass != "P" or m.fallback or c.gid == area.gid \
                or area.pop >= metropolis:
            continue
        if not (written_in(text, m.end, y.start, y.end) or in_area(text, m.end, y.start, y.end)
                or CHAIN_GAP.fullmatch(text, m.end, y.start) and "of" in text[m.end:y.start].lower().split()):
            continue
        province = next((o for _, o in y.ranking if o.fcode == "ADM1" and o.cc == c.cc and o.admin1 == c.admin1), None)
        if province is not None and area.admin1 == c.admin1:
            y.chosen = province
            y.leaves = f"the province {m.text} lies in, not the city"
