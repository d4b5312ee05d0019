"""Finding toponyms in text, resolving them to gazetteer entries, and choosing the event's place.

``find_places`` works in three steps:

1. *Find*: capitalised token runs are matched against the gazetteer, longest match first; NER spans
   (if the caller has them) add GPE/LOC/FAC names the gazetteer lacks and veto PERSON/NORP ones.
   Each match is scored on evidence (locative cue, type word such as "province", prominence of the
   place, NER label) against counter-evidence (title or first name before it, common English word).
   Then the *document geography* (``context.py``): the article's country and admin1 area from its
   dateline, state abbreviations, named areas and demonyms; in local news, where it is settled,
   towns are kept inside it unless strong evidence takes them out (``_keep_in_document``).
2. *Resolve*: each accepted name's candidates are ranked (weights: ``data/ranking.toml``) by name quality, population, feature type,
   the type word, containment ("X, Y" / "the Y suburb of X"), the article's countries and admin1
   areas, and closeness to the article's other places; two passes, so the context of the first
   pass informs the second.
3. ``event_place`` (``event.py``) scores the places against an anchor span (the event's trigger).
"""
from __future__ import annotations

import functools
import math
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

from ..models import Place
from .context import DocumentGeography
from .context import build as build_document
from .context import is_attribute, leaves_document, weak_country
from .event import _SENT_END, EventPlaces, is_source_base  # noqa: F401  (is_source_base: part of this module's API)
from .gazetteer import Candidate, Gazetteer
from .index import Anchors as _Anchors
from .index import NearOthers as _NearOthers
from .index import Spans as _Spans
from .index import disjoint as _disjoint
from .index import km as _km
from .index import overlapping as _overlapping
from .normalize import norm, skeleton
from .ranking import Weights, explanation

_TOKEN = re.compile(r"(?:[A-Z][a-z]?\.){2,}|\w+(?:-\w+|['’](?![sS]\b)\w+)*", re.UNICODE)
_CONNECTORS = frozenset({"of", "de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "ad", "ar", "as",
                         "ash", "az", "ez", "es", "en", "du", "di", "and", "upon", "on", "sur", "am", "im", "bin",
                         "ibn", "bani", "y", "e", "al-", "the"})
# articles that may open a place's name ("El Callao", "Al Hishah", "La Paz", "Ar Rutbah")
_ARTICLES = frozenset({"el", "al", "la", "le", "las", "los", "les", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "ez", "es"})
_MAX_NGRAM = 6


def _parenthesised_area(text: str, end: int) -> str | None:
    """"Buleda (Kech, Balochistan)", "Ayn Zarah (Tripoli)": the widest area in the brackets after a
    name, the way ACLED and many wires write a town's district and province."""
    m = re.match(r"\s*\(([^()]{2,60})\)", text[end:end + 64])
    if m is None:
        return None
    last = m.group(1).split(",")[-1].strip()
    return last if re.fullmatch(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}", last) else None


# "Tininai (Misrata)", "Gaigorou (Dessa, Tillabery)": a name inside the brackets after a name
_IN_BRACKETS = re.compile(r"[A-Za-z][\w'’-]*\s+\((?:[A-Z][^(),]{1,30},\s*){0,3}$")


def in_address_brackets(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` one of the areas bracketed after another name, the way ACLED
    and many wires write a town's district and province ("Al Hishah (Misrata)")?"""
    return text[end:end + 1] in (")", ",") and bool(_IN_BRACKETS.search(text, max(0, start - 100), start))


# between a name and the area it lies in: "Tuzla, Istanbul", "Ruhororo commune (Ngozi)",
# "Namak Ab district, Takhar"; and after the area, not a list ("Idlib, Aleppo and Hama")
_AREA_GAP = re.compile(r"(?:\s+[a-z]+)?\s*[,(]\s*")
_LIST_AFTER = re.compile(r"\s*(?:,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*)*,?\s*(?:and|or|&)\s")


def in_area(text: str, end: int, area_start: int, area_end: int) -> bool:
    """Is the name ending at ``end`` written with the area at ``area_start:area_end`` that contains
    it ("Tuzla, Istanbul", "Hays (Al Hudaydah)"), not listed beside it ("Tuzla, Istanbul and Izmir")?"""
    return bool(_AREA_GAP.fullmatch(text, end, area_start)) and not _LIST_AFTER.match(text, area_end)


def version() -> str:
    """The versions of the place rules (ranking weights, document geography), for ``rules_version``."""
    from . import context, ranking

    return f"ranking-{ranking.rules()['version']}+document-{context.rules()['version']}"


# what may stand between two names of one address chain: "X, Y", "X district of Y", "X in Y"
_CHAIN_GAP = re.compile(
    r"[\s,]*(?:(?:district|tehsil|area|province|governorate|state|region|county|city|town|village|municipality|"
    r"neighbou?rhood|sector|division|department|prefecture|oblast|raion|subdistrict|sub-district)\b[\s,]*)?(?:(?:of|in)\s+)?(?:the\s+)?",
    re.I,
)
_ACCEPT = 2.0
# a candidate abroad that outranks the best one inside the document's country by this much (the
# document's own bonus included) has strong evidence of its own: population, nearby places, a container
_FAR_ABOVE = 3.0


_ABBREV = re.compile(r"\b(st|ste|ft|mt|pt)\b")
_EXPAND = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}
_SKIP_INITIAL = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "es", "an", "ul", "ud", "ed", "et", "the"})


def _initials(key: str) -> str:
    """First letters of a name's words, vowels merged: skeleton matches must agree on them."""
    out = []
    for tok in key.split():
        if tok in _SKIP_INITIAL:
            continue
        out.append("a" if tok[0] in "aeiouy" else tok[0])
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _cues() -> dict:
    return tomllib.loads(resources.files("sitrep.geo").joinpath("data", "cues.toml").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    text = resources.files("sitrep.geo").joinpath("data", "common_words.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _is_cap(tok: str) -> bool:
    first = tok[0]
    if first.isupper():
        return True
    if not first.isalpha():
        return False
    if not first.islower():  # uncased scripts (Arabic, CJK): every word may be a name
        return True
    return "-" in tok and any(p[:1].isupper() for p in tok.split("-")[1:])  # "al-Raqqa", "ez-Zor"


def precision_of(c: Candidate) -> int:
    """UCDP where_prec of a gazetteer entry."""
    if c.fclass == "H" and c.fcode in ("OCN", "SEA", "GULF", "STRT", "BAY"):
        return 7
    if c.fcode.startswith("PCL") or c.fcode in ("CONT", "TERR"):
        return 6
    if c.fcode == "ADM1":
        return 4
    if c.fcode.startswith("ADM"):
        return 3
    if c.fclass in ("L", "T", "H") or c.fcode == "AREA":
        return 2
    return 1


@dataclass
class _Mention:
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
    chosen: Candidate | None = None
    ranking: list[tuple[float, Candidate]] = field(default_factory=list)
    terms: dict[int, list[tuple[str, float]]] = field(default_factory=dict)  # id(candidate) -> ranking terms (explain)
    leaves: str | None = None  # why the choice stands outside the document's country, or why it was dropped


class Geoparser(EventPlaces):
    """Finds and resolves toponyms. Cheap to create; the gazetteer opens on first use."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, explain: bool = False) -> None:
        self._gaz = gazetteer
        self.weights = Weights.load()
        self.explain = explain  # keep each candidate's ranking terms (``explain_places``)
        cues = _cues()
        self.locative = frozenset(cues["locative"])
        self.event_preps = frozenset(cues["event_prepositions"])
        self.type_words: dict[str, str] = cues["type_words"]
        self.titles = frozenset(cues["person"]["titles"])
        self.title_of = tuple(cues["title"]["before_of"])
        self.title_after = tuple(cues["title"]["after"])
        self.common = _common_words()
        self.prefixes = frozenset(cues["prefix"]["words"])

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            from .gazetteer import default

            self._gaz = default()
        return self._gaz

    # ---------------------------------------------------------------- lookup

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        key = norm(name)
        if not key:
            return ()
        gaz = self.gazetteer
        found = gaz.lookup(key)
        if not found and key.startswith("the "):
            found = gaz.lookup(key[4:])
        if not found and _ABBREV.search(key):
            found = gaz.lookup(_ABBREV.sub(lambda m: _EXPAND[m.group(1)], key))
        if not found:
            sk = skeleton(key)
            if sk:
                sig = _initials(key)
                found = tuple(c for c in gaz.lookup_skeleton(sk) if _initials(norm(c.name)) == sig)
        return found

    def resolve_name(self, name: str, country_code: str | None = None) -> Place | None:
        """The most likely entry for a bare name, optionally within a country."""
        m = _Mention(0, len(name), name, self.candidates(name))
        if not m.cands:
            return None
        ctx = Counter({country_code: 1.0}) if country_code else Counter()
        self._rank(m, ctx, {}, [])
        return self._place(m) if m.chosen else None

    def country_place(self, cc: str) -> Place | None:
        """A country's own entry as a place (where_prec 6), by its ISO code."""
        c = self.gazetteer.countries().get(cc)
        return self._place(_Mention(0, 0, c.name, (c,), chosen=c)) if c is not None else None

    def document_country(self, text: str, dateline: str | None = None) -> str | None:
        """The country a text's own words point to (dateline, state abbreviations, demonyms, armed
        groups), even on thin evidence: for a text whose places the gazetteer does not know."""
        doc = build_document(text, dateline, [], self.candidates, self._demonym_country)
        return doc.country or weak_country(doc)

    # ---------------------------------------------------------------- finding

    def find_places(self, text: str, ents: list[tuple[int, int, str]] | None = None, *,
                    dateline: str | None = None) -> list[Place]:
        """Every toponym in ``text`` with its offsets; resolved where possible (else precision None).
        ``dateline``: the article's dateline when the cleaner cut it off the text ("DAYTON, Ohio")."""
        if not text or not text.strip():
            return []
        return [self._place(m) for m in self._parse(text, ents, dateline)[0]]

    def _parse(self, text: str, ents: list[tuple[int, int, str]] | None,
               dateline: str | None) -> tuple[list[_Mention], DocumentGeography]:
        mentions = self._find(text, ents or [])
        doc = build_document(text, dateline, mentions, self.candidates, self._demonym_country)
        self._resolve_all(text, mentions, doc)
        return self._keep_in_document(mentions, doc), doc

    def explain_places(self, text: str, ents: list[tuple[int, int, str]] | None = None, *,
                       dateline: str | None = None, limit: int = 5) -> dict:
        """``find_places`` with its reasons: the document's geography, and for each toponym its top
        candidates with the ranking terms each got (``sitrep places --explain``)."""
        explain, self.explain = self.explain, True
        try:
            mentions, doc = self._parse(text, ents, dateline) if text and text.strip() else ([], DocumentGeography())
        finally:
            self.explain = explain
        return {
            "document": {"country": doc.country, "admin1": doc.area[1] if doc.area else None,
                         "evidence": [{"kind": k, "what": w, "weight": v} for k, w, v in doc.evidence]},
            "places": [{**self._place(m).to_dict(), "why": m.leaves,
                        "candidates": explanation(m.ranking, m.terms, limit)} for m in mentions],
        }

    def _keep_in_document(self, mentions: list[_Mention], doc: DocumentGeography) -> list[_Mention]:
        """A town stays inside the document's country unless strong evidence takes it out: the
        best-ranked candidate inside wins over one outside; a name with none inside is dropped, or
        kept unresolved when its detection was strong (an NER place, a type word)."""
        if not doc.settled:
            return self._keep_near_spelling_inside(mentions, doc)  # international news: the ranking's bonus is all
        keep = []
        for m in mentions:
            c = m.chosen
            if c is None or m.fallback:
                keep.append(m)
                continue
            stated = m.container is not None or m.near is not None
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
            elif m.score >= _ACCEPT + 1.0:
                m.chosen, m.leaves = None, f"no candidate in the document's country {doc.country}"
                keep.append(m)
            else:
                m.leaves = f"dropped: no candidate in the document's country {doc.country}"
        self._document_fallback(keep, doc)
        return keep

    def _keep_near_spelling_inside(self, mentions: list[_Mention], doc: DocumentGeography) -> list[_Mention]:
        """An unsettled document still keeps its names from crossing borders on thin evidence: a
        near-spelling match never lands in a country the text gives no weight ("Kirni" in a text on
        India and Pakistan is not Kearny, New Jersey), nor, where the text leans to one country, does
        it or a small town leave that country ("Karisyaka, Ankara"; "Dunda (Uttarakhand)"). The best
        candidate inside stands, else the document's area stands in (strong detection) or the name goes."""
        main = doc.country
        if not doc.countries:
            return mentions  # a text that names no country, area or city of note: nothing to keep inside
        keep = []
        for m in mentions:
            c = m.chosen
            if c is None or m.fallback or c.cc == main or self._stated_there(m, c):
                keep.append(m)
                continue
            near_spelling = c.q >= 3 and not doc.holds(c, m.text)
            if not near_spelling and (main is None or (c.q < 3 and not self._small_town_abroad(c, m, doc))):
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

    def _find(self, text: str, ents: list[tuple[int, int, str]]) -> list[_Mention]:
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        starts = [t[0] for t in toks]
        lowered = {t[2] for t in toks if t[2].islower()}
        sent_starts = {0} | {m.end() for m in _SENT_END.finditer(text)}
        ent_at = _Spans(ents)
        found: list[_Mention] = []
        i = 0
        n = len(toks)
        while i < n:
            if not _is_cap(toks[i][2]) or (toks[i][2].lower() in _CONNECTORS and not self._article_heads_name(text, toks, i)):
                i += 1
                continue
            # the capitalised run from i
            j = i + 1
            while j < n and (_is_cap(toks[j][2]) or (toks[j][2].lower() in _CONNECTORS and j + 1 < n and _is_cap(toks[j + 1][2])
                                                      and toks[j][2] not in ("and",))):
                gap = text[toks[j - 1][1]:toks[j][0]].strip(" -")
                if gap not in ("", "'") and not (gap == "." and toks[j - 1][2] in ("St", "Ste", "Mt", "Ft", "Pt")):
                    break  # punctuation ends a run, except after "St." and the like
                j += 1
            run_start = i
            k = i
            while k < j:
                hit = None
                for e in range(min(j, k + _MAX_NGRAM), k, -1):
                    if toks[e - 1][2].lower() in _CONNECTORS:
                        continue
                    span = text[toks[k][0]:toks[e - 1][1]]
                    cands = self.candidates(span)
                    if cands:
                        hit = (e, span, cands)
                        break
                if hit is None:
                    k += 1
                    continue
                e, span, cands = hit
                m = _Mention(toks[k][0], toks[e - 1][1], span, cands)
                self._score_detection(m, text, toks, k, e, run_start, j, lowered, sent_starts, ent_at)
                found.append(m)
                k = e
            i = j
        found = self._add_ner_only(text, found, ents, toks, starts)
        self._type_words(text, found)
        self._list_bonus(text, found)
        # "Gabrielle Giffords ... Giffords' staff": a surname NER saw in a full name is a person
        # everywhere in the text, even where the gazetteer knows it (Giffords, an old name of Great Kills)
        surnames = {re.sub(r"['’]s?$", "", text[es:ee].split()[-1]) for es, ee, label in ents
                    if label == "PERSON" and len(text[es:ee].split()) >= 2}
        for m in found:
            if m.text in surnames and " " not in m.text and not any(lab in ("GPE", "LOC") for _, _, lab in ent_at.over(m.start, m.end)):
                m.score -= 3.0
        return [m for m in found if m.score >= _ACCEPT]

    def _article_heads_name(self, text: str, toks: list, i: int) -> bool:
        """"El Callao", "Al Hishah", "La Paz": a capitalised article that begins a gazetteer name
        (by its own or an alternate name, never a near spelling) starts the name, so the name is not
        read as its bare second word ("Callao", Peru)."""
        tok = toks[i][2]
        if tok.lower() not in _ARTICLES or not tok[0].isupper() or i + 1 >= len(toks) or not _is_cap(toks[i + 1][2]):
            return False
        for e in (i + 3, i + 2):
            if e <= len(toks) and re.fullmatch(r"[ -]?", text[toks[i][1]:toks[i + 1][0]]):
                if any(c.q <= 2 for c in self.candidates(text[toks[i][0]:toks[e - 1][1]])):
                    return True
        return False

    def _score_detection(self, m: _Mention, text: str, toks: list, k: int, e: int, run_start: int, run_end: int,
                         lowered: set[str], sent_starts: set[int], ents: _Spans) -> None:
        best = max(m.cands, key=lambda c: (c.fcode.startswith("PCL") or c.fcode == "ADM1", c.pop))
        if best.fcode.startswith("PCL") or best.fcode in ("ADM1", "CONT", "TERR"):
            s = 3.0
        elif best.fcode == "ADM2":
            s = 1.0
        elif best.fclass == "H" and best.fcode in ("OCN", "SEA", "GULF", "STRT", "LK"):
            s = 2.5  # "the Gulf of Aden": a named sea is a place however few live there
        elif best.pop >= 1_000_000:
            s = 2.5
        else:
            s = 2.0 if best.pop >= 100_000 else 1.2 if best.pop >= 20_000 else 0.6 if best.pop >= 5_000 else 0.2
        if best.gid < 0 and best.fcode in ("PPL", "PPLX", "CMP", "BCP", "AREA"):
            s = max(s, 1.5)  # curated supplement: conflict places chosen on purpose
        if all(c.q >= 1 for c in m.cands) and not best.fcode.startswith("PCL"):
            s -= 0.3
        if e - k > 1:
            s += 0.5  # multi-word names rarely match by accident
        if all(c.q >= 3 for c in m.cands):
            s -= 0.5
        prev = toks[k - 1][2].lower().rstrip(".") if k > 0 else ""
        nxt = toks[e][2].lower() if e < len(toks) else ""
        if prev in self.locative and text[toks[k - 1][1]:m.start].strip() == "":
            s += 1.5
        if nxt in self.type_words:
            s += 1.5
        elif in_address_brackets(text, m.start, m.end):
            s += 1.5
        if prev in self.titles or (k > 0 and toks[k - 1][2].lower() + "." in self.titles and text[toks[k - 1][1]:toks[k - 1][1] + 1] == "."):
            s -= 5
        single = e - k == 1
        key = m.text.lower()
        if key in self.common or (single and key in lowered and not m.text.isupper()):
            s -= 4.0 if best.fcode.startswith(("ADM", "PCL")) else 2.5
        if single and m.text.isupper() and len(m.text) <= 5 and not any(c.q <= 1 and c.fcode.startswith(("PCL", "ADM1")) for c in m.cands):
            s -= 2.5  # acronyms: "SANA", "HIV"
        if single and self._is_demonym(m.text):
            s -= 5
        if single and key in self.prefixes and e < run_end:
            s -= 4  # "Colonia Mitras Poniente": the neighbourhood's name, not Colonia in Uruguay
        if single and m.start in sent_starts or (single and text[max(0, m.start - 2):m.start].strip() in ('"', "“")):
            s -= 0.5
        if k > run_start and not all(toks[x][2].lower() in self.common for x in range(run_start, k)):
            # inside a run of capitalised words that are not places: "John Kerry", "Secretary Kerry"
            s -= 3
        elif e < run_end and single and best.pop < 20_000 and not best.fcode.startswith(("PCL", "ADM")):
            s -= 1  # "Torres Strait"-like runs: a small town as the first of several capitalised words
        tail = e
        while tail < run_end and toks[tail][2].lower() not in _CONNECTORS:
            tail += 1
        if tail > e + 1 and toks[tail - 1][2].lower() in self.type_words:
            s -= 3  # "North-West Frontier Province": the capitalised words name another, longer place
        for es, ee, label in ents.over(m.start, m.end):
            if label in ("GPE", "LOC"):
                s += 2.5
            elif label == "FAC":
                s += 1.0
            elif label == "NORP":
                # spaCy's small model tags some cities NORP ("Aleppo"); real nationalities are caught as demonyms
                s -= 5 if re.search(r"(an|ans|ese|ish|i|is)$", m.text) else 1
            elif label == "PERSON":
                s -= 1.0 if prev in self.locative else 3.0
            elif label == "ORG":
                lead = text[es:m.start].strip().lower()
                # the small model tags many Middle-East cities ORG ("Hama", "Lattakia"): a well-known
                # place loses less to that label than an obscure one
                strong = best.pop >= 100_000 or best.fcode.startswith(("PCL", "ADM1"))
                s -= 0.0 if lead in ("", "the") and ee > m.end else (0.5 if strong else 1.5)
        m.score = s

    def _is_demonym(self, word: str) -> bool:
        """"Syrian", "Angolan", "Chinese", "Iraqi", "Afghan": a nationality, not a place."""
        return self._demonym_country(word) is not None

    @functools.lru_cache(maxsize=8192)
    def _demonym_country(self, word: str) -> str | None:
        """The country code of a nationality word ("Pakistani" -> PK), None when it is none."""
        w = word.lower()
        if len(w) < 4 or not w.endswith(("an", "ans", "ese", "i", "is", "ish", "ic", "ics", "ean", "eans", "ite", "ites", "ot", "ots")):
            return None  # "Bamako" is no nationality whatever "Bay" region its stem resembles
        if any(c.fcode.startswith("PCL") for c in self.candidates(word)):
            return None
        stems = {w[:-1], w[:-2], w[:-2] + "a", w[:-3] + "e", w[:-3] + "a", w[:-3], w[:-4] + "y", w + "istan", w[:-1] + "y"}
        if w.endswith("ese"):
            stems |= {w[:-3] + "a", w[:-3]}
        for stem in sorted(stems, key=len, reverse=True):
            if len(stem) >= 3:
                for c in self.gazetteer.lookup(stem):
                    if c.q <= 1 and (c.fcode.startswith("PCL") or c.fcode == "ADM1"):
                        return c.cc or ""
        return None

    def _add_ner_only(self, text: str, found: list[_Mention], ents: list[tuple[int, int, str]], toks: list,
                      starts: list[int]) -> list[_Mention]:
        """GPE/LOC/FAC spans that no gazetteer match covers: kept, unresolved if need be."""
        out = list(found)
        # found is in text order and its spans never overlap: the ones an entity overlaps are a run
        found_ends = [m.end for m in found]
        dropped: set[int] = set()
        added: list[_Mention] = []
        disjoint = _disjoint(ents)
        for es, ee, label in ents:
            if label not in ("GPE", "LOC") or any(m.score >= _ACCEPT for m in _overlapping(found, found_ends, es, ee)):
                continue
            span = text[es:ee]
            lead = re.match(r"(?i)(the\s+)", span)
            if lead:
                es += lead.end()
                span = text[es:ee]
            if not span or not span[0].isupper() and span[0].isalpha():
                continue
            # a rejected gazetteer match inside the span is replaced
            dropped.update(id(m) for m in _overlapping(found, found_ends, es, ee))
            if not disjoint:  # entities that overlap each other (never spaCy's) may replace one another
                added = [m for m in added if not (m.start < ee and es < m.end)]
            added.append(_Mention(es, ee, span, self.candidates(span), score=_ACCEPT + 1))
        out = [m for m in out if id(m) not in dropped] + added
        out.sort(key=lambda m: m.start)
        return out

    def _type_words(self, text: str, found: list[_Mention]) -> None:
        for m in found:
            if any(c.fclass == "H" for c in m.cands) and re.search(r"\bthe\s+$", text[max(0, m.start - 5):m.start], re.I):
                m.type_hint = "H"  # "in the Red Sea": the sea, not Sudan's Red Sea state
                continue
            after = re.match(r"\s+([A-Za-z]+)", text[m.end:m.end + 20])
            if after and after.group(1).lower() in self.type_words:
                m.type_hint = self.type_words[after.group(1).lower()]
                if m.type_hint in ("PPLX", "CMP", "AREA", "BCP", "PPL") and not m.cands:
                    m.score = max(m.score, _ACCEPT)
            else:
                plural = re.match(r"\s*(?:,|and|or)\s+(?:and\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+([A-Za-z]+s)\b",
                                  text[m.end:m.end + 60])
                if plural and plural.group(1).lower() in self.type_words:
                    m.type_hint = self.type_words[plural.group(1).lower()]  # "Homs and Aleppo Governorates"
            before = text[max(0, m.start - 40):m.start].lower()
            tw = re.search(r"\b(city|town|village|province|district|county|region|state|governorate|suburb|"
                           r"neighbou?rhood|camp)\s+of\s+(the\s+)?$", before)
            if tw:
                m.type_hint = self.type_words.get(tw.group(1), m.type_hint)
                m.score += 1.0
            if re.search(r"\b(northern|southern|eastern|western|central|north|south|east|west)(east|west)?(ern)?\s+$", before):
                m.region_word = True
            # "X, Y": Y may contain X
            cont = re.match(r",\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})", text[m.end:m.end + 40])
            if cont:
                m.container = cont.group(1)
            else:
                m.container = _parenthesised_area(text, m.end)
            sub = re.search(r"(?:the\s+)?(?:\w+ern\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:suburb|district|"
                            r"neighbou?rhood|quarter|outskirts|countryside)\s+of\s+$", text[max(0, m.start - 80):m.start])
            if sub:
                m.near = sub.group(1)
                m.score += 1.0

    def _list_bonus(self, text: str, found: list[_Mention]) -> None:
        """A name listed with an accepted place ("Homs and Aleppo", "Paris, Berlin and Munich") is one too."""
        for _ in range(2):
            for a, b in zip(found, found[1:]):
                gap = text[a.end:b.start]
                if re.fullmatch(r"\s*(,|and|or|&|,\s*and)\s*", gap):
                    if a.score >= _ACCEPT and 0 < b.score < _ACCEPT:
                        b.score += 1.0
                    elif b.score >= _ACCEPT and 0 < a.score < _ACCEPT:
                        a.score += 1.0

    # ---------------------------------------------------------------- resolving

    def _resolve_all(self, text: str, mentions: list[_Mention], doc: DocumentGeography | None = None) -> None:
        if not mentions:
            return
        by_text: dict[str, list[_Mention]] = {}
        for m in mentions:
            by_text.setdefault(norm(m.text), []).append(m)
        keys = [norm(m.text) for m in mentions]
        ctx: Counter[str] = Counter()
        admin1_named: dict[tuple[str | None, str | None], float] = {}
        anchors = _Anchors([])
        # "the US dollar", "Saudi-led coalition airstrikes": a country that qualifies a thing says
        # nothing of where the other places of the text are
        qualifier = [is_attribute(text, m.end) for m in mentions]
        for _pass in range(2):
            for idx, m in enumerate(mentions):
                if m.cands:
                    # the other names' confident choices, not this name's own (a spatial index: linear time)
                    self._rank(m, ctx, admin1_named, anchors.without(keys[idx]), doc)
            ctx = Counter()
            admin1_named = {}
            chosen: list[tuple[str, Candidate]] = []
            for idx, m in enumerate(mentions):
                c = m.chosen
                if c is None:
                    continue
                margin = 1.0 if len(m.ranking) < 2 else min(1.0, (m.ranking[0][0] - m.ranking[1][0]) / 2)
                if c.cc and not qualifier[idx]:
                    ctx[c.cc] += 1.0 + margin
                if c.fcode == "ADM1" or c.fcode.startswith("PCL"):
                    admin1_named[(c.cc, c.admin1)] = 1.0
                if margin > 0.3 or len(m.ranking) == 1:
                    chosen.append((keys[idx], c))
            anchors = _Anchors(chosen)
        self._obey_chains(text, mentions)
        self._obey_areas(text, mentions)
        # one sense per discourse: a repeated name keeps the choice of its best-supported mention
        for ms in by_text.values():
            if len(ms) > 1:
                best = max(ms, key=lambda m: m.ranking[0][0] if m.ranking else -99)
                for m in ms:
                    if m.cands and m.chosen is not None and best.chosen is not None and m.type_hint is None and m.container is None:
                        m.chosen = best.chosen

    def _obey_chains(self, text: str, mentions: list[_Mention]) -> None:
        """"Matani, Peshawar, Khyber Pakhtunkhwa, Pakistan": a name written inside a chain that ends
        in a country lies in that country. A name with no entry there is placed at the nearest
        chain element that has one, with where_prec 2 (near a known point), never in another country."""
        i = 0
        while i < len(mentions):
            j = i
            while j + 1 < len(mentions) and _CHAIN_GAP.fullmatch(text[mentions[j].end:mentions[j + 1].start]):
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
                        m.chosen = inside[0]
                        continue
                    outer = next((o for o in chain[k + 1:] if o.chosen is not None and o.chosen.cc == country.cc), None)
                    if outer is not None:
                        m.chosen, m.fallback = outer.chosen, True
            i = j + 1

    def _obey_areas(self, text: str, mentions: list[_Mention]) -> None:
        """"San Juan (Merida)", "Tuzla, Istanbul", "Namak Ab district, Takhar": a name written
        with the admin area it lies in stays in that area's country. With no entry there it is
        placed at the area (where_prec 2 or coarser), never at a namesake abroad."""
        for m, y in zip(mentions, mentions[1:]):
            c, area = m.chosen, y.chosen
            if c is None or area is None or not area.cc or c.cc == area.cc or c.fcode.startswith(("PCL", "CONT")) or c.fclass == "H":
                continue
            if not in_area(text, m.end, y.start, y.end):
                continue
            # an admin area, a bracketed one, or a city ten times the namesake's size ("Tuzla, Istanbul")
            city = area.fclass == "P" and area.pop >= max(500_000, 10 * c.pop)
            if not (area.fcode in ("ADM1", "ADM2") or city or text[m.end:y.start].strip().startswith("(")):
                continue
            inside = [o for _, o in m.ranking if o.cc == area.cc]
            m.chosen, m.fallback = (inside[0], m.fallback) if inside else (area, True)
            m.leaves = f"inside {y.text}, written after it"

    def _rank(self, m: _Mention, ctx: Counter, admin1_named: dict, anchors: _NearOthers | list[Candidate],
              doc: DocumentGeography | None = None) -> None:
        w = self.weights
        total = sum(ctx.values()) or 1.0
        container = self._container(m.container) if m.container else None
        near = self._container(m.near) if m.near else None
        settled = doc is not None and doc.settled
        doc_cc, doc_area = (None, None) if doc is None else (doc.country, doc.area) if settled else doc.lean(m.text)
        # a settled document (local news) keeps its towns; an unsettled one only leans towards its country
        bonus_cc, bonus_area = (w.document_country, w.document_admin1) if settled else (w.unsettled_country, w.unsettled_admin1)
        own_area = ("PCL",) if settled else ("PCL", "ADM1")
        thin = doc.thin() if doc is not None and not settled else {}
        explain = self.explain
        ranking = []
        terms: dict[int, list[tuple[str, float]]] = {}
        for c in m.cands:
            why: list[tuple[str, float]] = []
            t = w.population * math.log10(c.pop + 10)
            s = t
            if explain:
                why.append(("population", t))
            t = 0.0
            if c.fcode.startswith("PCL"):
                t = w.country if c.q <= 1 else w.country_derived
            elif c.fcode == "ADM1":
                t = w.admin1
            elif c.fcode == "ADM2":
                t = w.admin2_typed
            elif c.fcode == "PPLC":
                t = w.capital
            elif c.fcode == "CONT":
                t = w.continent
            t += w.name_quality[min(c.q, 3)]
            if c.gid < 0 and c.fcode in ("PPL", "PPLX", "CMP", "BCP", "AREA"):
                t += w.curated  # curated conflict places outrank homonymous hamlets
            s += t
            if explain:
                why.append(("feature and name", t))
            t = 0.0
            if m.type_hint:
                if m.type_hint == "H":
                    t = w.water if c.fclass == "H" else 0.0
                elif c.fcode == m.type_hint or (m.type_hint == "PPL" and c.fclass == "P"):
                    t = w.type_exact
                elif m.type_hint in ("ADM1", "ADM2") and c.fcode in ("ADM1", "ADM2"):
                    t = w.type_admin
            elif c.fcode == "ADM2":
                t = w.admin2_bare
            if t:
                s += t
                if explain:
                    why.append(("type word", t))
            if c.cc and ctx:
                t = w.article_countries * ctx.get(c.cc, 0.0) / total
                s += t
                if explain and t:
                    why.append(("article's places", t))
            if (c.cc, c.admin1) in admin1_named and not c.fcode.startswith(("PCL", "ADM1")):
                s += w.admin1_named
                if explain:
                    why.append(("admin1 named", w.admin1_named))
            if doc_cc is not None and c.cc == doc_cc:
                t = bonus_cc
                # unsettled, the area is often read from this very name: "Buenos Aires" as the document's
                # area is then no evidence for the province over the city
                if doc_area is not None and (c.cc, c.admin1) == doc_area and not c.fcode.startswith(own_area):
                    t += bonus_area
                s += t
                if explain:
                    why.append(("document geography", t))
            if thin and c.cc in thin and not c.fcode.startswith("PCL"):
                actor, demonym = thin[c.cc]
                t = (w.actor_country if actor else 0.0) + (w.demonym_country if demonym else 0.0)
                s += t
                if explain and t:
                    why.append(("armed groups and demonyms", t))
            if container is not None and not c.fcode.startswith("PCL") and not (c.fcode == "ADM1" and container.fcode == "ADM1"):
                inside = c.cc == container.cc and (container.fcode.startswith("PCL") or c.admin1 == container.admin1)
                t = w.container_inside if inside else w.container_outside
                s += t
                if explain:
                    why.append(("container", t))
            if near is not None:
                t = w.near_inside if _km(c, near) < w.near_km else w.near_outside
                s += t
                if explain:
                    why.append(("near", t))
            if anchors and not c.fcode.startswith("PCL"):
                if anchors.near(c) if isinstance(anchors, _NearOthers) else any(a.gid != c.gid and _km(a, c) < w.close_km for a in anchors):
                    s += w.close_to_others
                    if explain:
                        why.append(("close to other places", w.close_to_others))
            if explain:
                terms[id(c)] = why
            ranking.append((s, c))
        ranking.sort(key=lambda t: -t[0])
        m.ranking = ranking
        m.terms = terms
        m.chosen = ranking[0][1] if ranking else None

    @functools.lru_cache(maxsize=4096)
    def _container(self, name: str) -> Candidate | None:
        """The admin1 area or country a container name denotes, if it denotes one."""
        words = name.split()
        for n in range(len(words), 0, -1):
            cands = self.candidates(" ".join(words[:n]))
            areas = [c for c in cands if c.fcode.startswith("PCL") or c.fcode == "ADM1"]
            if areas:
                return max(areas, key=lambda c: (c.fcode.startswith("PCL"), c.pop))
            if cands and n == len(words):
                return max(cands, key=lambda c: c.pop)
        return None

    def _place(self, m: _Mention) -> Place:
        c = m.chosen
        if c is None:
            return Place(text=m.text, start=m.start, end=m.end)
        country = self.gazetteer.countries().get(c.cc) if c.cc else None
        prec = precision_of(c)
        if m.region_word and prec >= 4:
            prec = 5 if prec == 6 else prec
        if m.fallback and prec == 1:
            prec = 2
        return Place(text=m.text, start=m.start, end=m.end, name=c.name, geonameid=c.gid if c.gid > 0 else None,
                     latitude=c.lat, longitude=c.lon, admin1=c.admin1, admin2=c.admin2,
                     country=country.name if country else None, country_code=c.cc, feature=f"{c.fclass}.{c.fcode}",
                     population=c.pop or None, precision=prec)
