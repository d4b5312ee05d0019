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

import dataclasses
import functools
import math
import re
import tomllib
from collections import Counter
from importlib import resources

from ..models import Place
from .context import DocumentGeography
from .context import build as build_document
from .context import find_actors, is_attribute, weak_country
from .context import dateline_span
from .context import rules as document_rules
from .event import _SENT_END, EventPlaces, is_source_base  # noqa: F401  (is_source_base: part of this module's API)
from .gazetteer import Candidate, Gazetteer
from .index import Anchors as _Anchors
from .index import NearOthers as _NearOthers
from .index import Spans as _Spans
from .index import disjoint as _disjoint
from .index import km as _km
from .index import neighbours_by_name as _neighbours_by_name
from .index import overlapping as _overlapping
from .keep import DocumentKeeping
from .listed import listed_areas
from .normalize import norm, skeleton
from .ranking import Weights, explanation
from .shapes import ACCEPT as _ACCEPT
from .shapes import Mention as _Mention
from .shapes import (address_bonus, address_heads, area_after_head, bracketed_address, areas_written_as_areas, bracketed_province_bonus, in_address_brackets, inside_bonus, is_cap, list_bonus, obey_areas, obey_chains, parenthesised_area,
                     province_of_country_bonus, read_addresses, read_shapes, typed_area)

_TOKEN = re.compile(r"(?:[A-Z][a-z]?\.){2,}|\w+(?:-\w+|['’](?![sS]\b)\w+)*", re.UNICODE)
_CONNECTORS = frozenset({"of", "de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "ad", "ar", "as",
                         "ash", "az", "ez", "es", "en", "du", "di", "and", "upon", "on", "sur", "am", "im", "bin",
                         "ibn", "bani", "y", "e", "al-", "the"})
# articles that may open a place's name ("El Callao", "Al Hishah", "La Paz", "Ar Rutbah")
_ARTICLES = frozenset({"el", "al", "la", "le", "las", "los", "les", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "ez", "es"})
# the lower-case Arabic articles that join the words of one romanised name ("Mafraq ar Ruwayk", "Deir ez Zor")
# (not "as", "at", "an": "Syria as Turkish troops advanced" is English)
_ARABIC_JOINS = frozenset({"al", "ar", "ash", "ad", "adh", "ath", "az", "el", "ed", "es", "ez", "er"})
# an admin area's kind written before its name ("the Municipality of Coalcoman", "District of Swat")
_KIND_OF = re.compile(r"(?i)(?:municipality|district|province|governorate|county|city|town|village)\s+of\s+(?:the\s+)?(?=[A-Z])")
_ARABIC_TAIL = re.compile(r"(?:\s+(?:%s)\s+[A-Z][\w'’-]*)+" % "|".join(sorted(_ARABIC_JOINS)))
_MAX_NGRAM = 6
# a US legislator's party tag and home: "Rep. Ann Lee, D-Charleston,", "(R-Ocilla)", "D-N.Y."
_PARTY_HOME = re.compile(r"(?:,\s*|\()[DRI]-((?:[A-Z]\.){2,}|[A-Z][a-z'’]+\.?(?:\s[A-Z][a-z'’]+){0,2})(?=[,;)]|\s(?:and|said|who)\b|\.?\s|$)")
# a compass word written before a demonym ("South Sudanese", "North Korean")
_COMPASS_BEFORE = re.compile(r"\b(North|South|East|West)[ -]$")
# a capitalised word that may be a demonym ("Georgian", "Palestinians": ``_demonym_country`` decides)
_DEMONYM_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]{3,}(?![\w])")
#: the word after a demonym, on the same line or joined by a hyphen ("Tunisian coast", "Saudi-led coalition")
_NEXT_WORD = re.compile(r"(?:[ \t]+|-)([A-Za-z]+)")


def version() -> str:
    """The versions of the place rules (ranking weights, document geography, cues), for ``rules_version``."""
    from . import context, ranking

    return f"ranking-{ranking.rules()['version']}+document-{context.rules()['version']}+cues-{_cues()['version']}"


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


def _demonym_stems(word: str) -> list[str]:
    """The names a demonym may be formed from, likeliest first ("Palestinians": palestin, palestine,
    palestina ...; "Sudanese": ... sudan): its plural dropped, then its suffix. Three letters or more."""
    w = norm(word)
    w = w[:-1] if w.endswith(("ans", "ians", "eans", "ites", "ots", "is")) and len(w) > 5 else w
    stems = [w[:-1], w[:-2], w[:-2] + "a", w[:-2] + "e", w[:-2] + "o", w[:-3] + "a", w[:-3] + "e", w[:-3], w + "a",
             w[:-3] + "ey", w[:-3] + "on", w[:-1] + "s"]
    return [x for x in stems if len(x) >= 3]


class Geoparser(EventPlaces, DocumentKeeping):
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
        self.compass = frozenset(cues["prefix"]["compass"])
        self.resident_nouns = frozenset(cues["resident"]["nouns"])
        self.weapon_nouns = frozenset(cues["weapon"]["nouns"])

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
        return self.entry_place(c) if c is not None else None

    def entry_place(self, c: Candidate) -> Place:
        """A gazetteer entry as a place written nowhere in the text (a dateline's town, a country)."""
        return self._place(_Mention(0, 0, c.name, (c,), chosen=c))

    def document_country(self, text: str, dateline: str | None = None) -> str | None:
        """The country a text's own words point to (dateline, state abbreviations, demonyms, armed
        groups), even on thin evidence: for a text whose places the gazetteer does not know."""
        doc = build_document(text, dateline, [], self.candidates, self._demonym_country)
        return doc.country or weak_country(doc)

    # ---------------------------------------------------------------- finding

    def find_places(self, text: str, ents: list[tuple[int, int, str]] | None = None, *,
                    dateline: str | None = None, adjectival: bool = False, modifiers: bool = False) -> list[Place]:
        """Every toponym in ``text`` with its offsets; resolved where possible (else precision None).
        ``dateline``: the article's dateline when the cleaner cut it off the text ("DAYTON, Ohio").
        ``adjectival``: also the demonyms ("Georgian forces", "Palestinians", "Ohioans"), each as the
        country (where_prec 6) or admin1 area (4) it is formed from, as corpora that annotate
        adjectival toponyms count them (LGL); never an event's place, so the extractor leaves them out.
        ``modifiers``: of the demonyms only those that modify a noun ("the Tunisian coast", "Mexican
        officials"), not the people ("Mexicans", "an American", "the Irish need"), as corpora that count
        modifiers but not demonyms count them (GeoWebNews' Literal_Modifier and Non_Literal_Modifier),
        a continent's adjective too ("the European air transport industry": Europe)."""
        if not text or not text.strip():
            return []
        places = [self._place(m) for m in self._parse(text, ents, dateline)[0]]
        if adjectival or modifiers:
            return self._with_demonyms(text, places, ents or [], modifiers_only=modifiers and not adjectival)
        return places

    def _with_demonyms(self, text: str, places: list[Place], ents: list[tuple[int, int, str]], *,
                       modifiers_only: bool = False) -> list[Place]:
        """``places`` and, in text order, each demonym no place (nor a person's name) overlaps, read
        as the country or admin1 area it is formed from; with ``modifiers_only`` only a demonym
        that modifies a noun (``modifies_noun``)."""
        taken = [(p.start or 0, p.end or 0) for p in places] + [(s, e) for s, e, label in ents if label == "PERSON"]
        added = []
        for m in _DEMONYM_WORD.finditer(text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            if modifiers_only and not self._modifies_noun(text, m.group(), e):
                continue
            compass = _COMPASS_BEFORE.search(text, max(0, s - 12), s)
            entry = self._compass_demonym_entry(compass.group(1), m.group()) if compass else None
            if entry is not None:  # "South Sudanese", "North Korean": the country the two words name
                s = compass.start(1)
            else:
                entry = self._demonym_entry(m.group()) or (self._continent_entry(m.group()) if modifiers_only else None)
            if entry is not None:
                added.append(dataclasses.replace(entry, text=text[s:e], start=s, end=e))
        return sorted(places + added, key=lambda p: p.start or 0) if added else places

    def _modifies_noun(self, text: str, word: str, end: int) -> bool:
        """Does the demonym ``word`` ending at ``end`` modify a noun: a singular form ("Mexicans" are
        people; "Swiss" is no plural of a demonym) with a word after it that is no verb or pronoun of a
        person ("an American;", "were British,", "a Nigerian who")?"""
        if word.endswith("s") and self._demonym_entry(word[:-1]) is not None:
            return False
        after = _NEXT_WORD.match(text, end)
        return after is not None and after.group(1).lower() not in _cues()["modifier"]["not_nouns"]

    @functools.lru_cache(maxsize=4096)
    def _demonym_entry(self, word: str) -> Place | None:
        """The country or admin1 area a demonym is formed from: "Georgian" Georgia the country
        before the state, "Ohioans" Ohio, "Palestinians" Palestine; a listed one ("Saudi") its
        country. A person's name that only looks like one ("Susan", "Saakashvili") is formed from
        no place's main name, so it is none."""
        listed = _cues().get("adjectival", {}).get(word) or document_rules()["demonyms"].get(word)
        if listed is not None:
            return self.country_place(listed)
        if self._demonym_country(word) is None:
            return None
        for stem in _demonym_stems(word):
            # a country by any of its own names ("America"), an admin1 area by its main name only
            named = [c for c in self.gazetteer.lookup(stem) if c.fcode.startswith("PCL") and c.q <= 1
                     or c.fcode == "ADM1" and c.q == 0 and norm(c.name) == stem]
            if named:
                return self.entry_place(max(named, key=lambda c: (c.fcode.startswith("PCL"), c.pop)))
        return None

    @functools.lru_cache(maxsize=1024)
    def _continent_entry(self, word: str) -> Place | None:
        """The continent an adjective is formed from ("European", "African", "Asian"): a modifier of
        a noun that GeoWebNews' guidelines count as that continent's toponym ("the European air
        transport industry"); never a demonym of a country, so no evidence of one."""
        w = norm(word)
        for stem in (w[:-1], w[:-2]):
            named = [c for c in self.gazetteer.lookup(stem) if c.fcode == "CONT" and c.q == 0] if len(stem) >= 4 else []
            if named:
                return self.entry_place(named[0])
        return None

    @functools.lru_cache(maxsize=1024)
    def _compass_demonym_entry(self, compass: str, word: str) -> Place | None:
        """The country or region a compass word and a demonym name together: "South Sudanese" South
        Sudan (not Sudan), "North Korean" North Korea, "South Ossetian" South Ossetia; None when no
        place bears the two words' name (then the demonym alone is read)."""
        for stem in _demonym_stems(word):
            named = [c for c in self.gazetteer.lookup(f"{norm(compass)} {stem}") if c.q <= 1 and (
                c.fcode.startswith("PCL") or c.fcode in ("ADM1", "RGN") and c.q == 0)]
            if named:
                return self.entry_place(max(named, key=lambda c: (c.fcode.startswith("PCL"), c.pop)))
        return None

    def _parse(self, text: str, ents: list[tuple[int, int, str]] | None,
               dateline: str | None) -> tuple[list[_Mention], DocumentGeography]:
        found = self._find(text, ents or [])
        mentions = _one_sense(found, self.weights)
        doc = build_document(text, dateline, mentions, self.candidates, self._demonym_country, found)
        mentions = self._near_misses_inside(text, found, mentions, doc)
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
            if not is_cap(toks[i][2]) or (toks[i][2].lower() in _CONNECTORS and not self._article_heads_name(text, toks, i)):
                i += 1
                continue
            # the capitalised run from i
            j = i + 1
            while j < n and (is_cap(toks[j][2]) or (toks[j][2].lower() in _CONNECTORS and j + 1 < n and is_cap(toks[j + 1][2])
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
        head = dateline_span(text)
        if head is not None:
            for m in found:
                if head[0] <= m.start and m.end <= head[1] and m.text.isupper():
                    m.score = max(m.score + 3.0, _ACCEPT)  # "CROMWELL —", "HUDSON --": the town a dateline names, whatever NER says
        found = self._add_ner_only(text, found, ents, toks, starts)
        found = _not_surnames(text, found, ents)
        read_shapes(text, found, self.type_words)
        listed_areas(text, found, self.type_words, float(_cues()["listed"]["bonus"]))
        list_bonus(text, found)
        inside_bonus(text, found)
        address_bonus(text, found)
        bracketed_province_bonus(text, found)
        province_of_country_bonus(text, found)
        found = self._add_address_heads(text, found, ents)
        area_after_head(text, found)
        found = self._add_party_homes(text, found)
        # "Gabrielle Giffords ... Giffords' staff": a surname NER saw in a full name is a person
        # everywhere in the text, even where the gazetteer knows it (Giffords, an old name of Great Kills)
        surnames = {re.sub(r"['’]s?$", "", text[es:ee].split()[-1]) for es, ee, label in ents
                    if label == "PERSON" and len(text[es:ee].split()) >= 2}
        for m in found:
            if m.text in surnames and " " not in m.text and not any(lab in ("GPE", "LOC") for _, _, lab in ent_at.over(m.start, m.end)):
                m.score -= 3.0
        return found

    def _add_address_heads(self, text: str, found: list[_Mention], ents: list[tuple[int, int, str]] = ()) -> list[_Mention]:
        """``found`` with the names the gazetteer lacks that the text writes in an address
        (``shapes.address_heads``); a rejected match inside such a name gives way to it. An armed
        group's name or a person's (NER) is no object place ("attacked Kowalczyk in Dayton")."""
        @functools.cache
        def not_places() -> frozenset[int]:  # asked only of an attack's object: most texts have none
            return frozenset(a for a, _, _ in find_actors(text)) | {es for es, _, label in ents if label == "PERSON"}

        heads = address_heads(text, found, self._no_name_word, lambda start: start in not_places())
        if not heads:
            return found
        for h in heads:
            kind = re.match(r"\s+[a-z]+", text[h.end:h.end + 20])  # "Mogadishu-Wadajir district (Wadajir, Banadir)"
            if not h.cands and (bracketed_address(text, h.end) or kind is not None and bracketed_address(text, h.end + kind.end())):
                h.cands = self._city_part(h.text)
        out = [m for m in found if not any(h.start < m.end and m.start < h.end for h in heads)] + heads
        out.sort(key=lambda m: m.start)
        return out

    def _add_party_homes(self, text: str, found: list[_Mention]) -> list[_Mention]:
        """``found`` with the home a US legislator's party tag gives ("Rep. Ann Lee, D-Charleston,",
        "(R-Ocilla)", "D-N.Y."): the tokenizer reads "D-Charleston" as one word, so the town or state
        after the tag is matched here; a place by the convention, whatever NER says."""
        states = document_rules()["us_states"]
        added = []
        for m in _PARTY_HOME.finditer(text):
            name, s = m.group(1), m.start(1)
            if name.endswith(".") and name not in states and name.rstrip(".") + "." not in states:
                name = name.rstrip(".")
            e = s + len(name)
            if any(o.start < e and s < o.end for o in found):
                continue
            state = states.get(name) or states.get(name + ".")
            cands = tuple(c for c in self.candidates(state) if c.cc == "US" and c.fcode == "ADM1") if state else self.candidates(name)
            cands = tuple(c for c in cands if c.cc == "US" and c.q <= 1)
            if cands:
                added.append(_Mention(s, e, name, cands, score=_ACCEPT + 1.0))
        if not added:
            return found
        return sorted(found + added, key=lambda m: m.start)

    def _city_part(self, name: str) -> tuple[Candidate, ...]:
        """The entries of the city a hyphenated name opens with, as ACLED writes a part of a city
        ("Mogadishu-Wadajir district (Wadajir, Banadir)", "Belgrade-Stari Grad"): the part stands at
        its city (a town of ``city_part_min_population`` or more); () for any other name."""
        head = re.match(r"([^\s-]+(?:\s[^\s-]+){0,2})-(?=[A-Z])", name)
        if head is None:
            return ()
        floor = self.weights.city_part_min_population
        return tuple(c for c in self.candidates(head.group(1)) if c.fclass == "P" and c.q <= 1 and c.pop >= floor)

    def _no_name_word(self, word: str) -> bool:
        """A capitalised word that opens no town's name: a common word, a title, a demonym, a
        neighbourhood's prefix ("Barangay Kapitan Pepe, Cabanatuan" is in Cabanatuan)."""
        w = word.lower().rstrip(".")
        return w in self.common or w in self.titles or w in _CONNECTORS or w in self.prefixes or self._is_demonym(word)

    def _article_heads_name(self, text: str, toks: list, i: int) -> bool:
        """"El Callao", "Al Hishah", "La Paz": a capitalised article that begins a gazetteer name
        (by its own or an alternate name, never a near spelling) starts the name, so the name is not
        read as its bare second word ("Callao", Peru)."""
        tok = toks[i][2]
        if tok.lower() not in _ARTICLES or not tok[0].isupper() or i + 1 >= len(toks) or not is_cap(toks[i + 1][2]):
            return False
        end = i + 1  # the capitalised run after the article ("Al Jabal al Gharbi": four words)
        while end < min(len(toks), i + _MAX_NGRAM) and (is_cap(toks[end][2]) or toks[end][2].lower() in _CONNECTORS):
            end += 1
        for e in range(end, i + 1, -1):
            if re.fullmatch(r"[ -]?", text[toks[i][1]:toks[i + 1][0]]):
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
        if any(c.fcode == "RGN" and c.q == 0 and c.cc is None for c in m.cands):
            s = max(s, 2.5)  # "the Middle East", "the Caucasus": a region of several countries is a place, as a sea is
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
        bracketed = False
        if nxt in self.resident_nouns and any(c.q == 0 and c.fclass == "P" for c in m.cands):
            s += 1.5  # "A Gainesville man", "Chiefland police said": a town written as a home or a seat
        if e - k > 1 and toks[e - 1][2].lower() in self.type_words and any(
                c.fcode in ("ADM1", "ADM2") and c.q == 0 for c in m.cands):
            # "Madison County", "Tarrant County Medical Examiner": an area whose own name holds its
            # type word is written as an area, even inside an office's name
            s += 1.5
        if nxt in self.type_words:
            s += 1.5
            # "Murshidabad district", "Sagbama LGA": the type word names the kind of area one of its
            # entries is, so an NER ORG/PERSON/NORP label weighs as little as on a bracketed area
            typed, addressed = typed_area(self.type_words[nxt], m.cands), in_address_brackets(text, m.start, toks[e][1])
            bracketed = typed or addressed
            if typed and addressed:
                s += 1.0  # "Pakherpora town (Budgam district, J&K)": an area of the address, of the kind written
        elif in_address_brackets(text, m.start, m.end):
            s += 1.5
            bracketed = True  # "(Mayo-Sava, Extreme-Nord)": an area of an address, whatever NER says
        elif parenthesised_area(text, m.end) is not None:
            s += 1.0  # "Deoband (UP)", "Kasoa (Awutu Efutu Senya, Central)": an address's head
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
        # a neighbourhood's prefix that opens a longer name: NER's GPE on the prefix alone is no evidence
        prefix_head = single and key in self.prefixes and e < run_end
        if single and (key in self.prefixes or (key in self.compass and nxt not in self.type_words)) and e < run_end:
            s -= 4  # "Colonia Mitras Poniente", "West Polk Street": a longer name's first word, not Colonia in Uruguay
        if single and m.start in sent_starts or (single and text[max(0, m.start - 2):m.start].strip() in ('"', "“")):
            s -= 0.5
        if k > run_start and not all(toks[x][2].lower() in self.common or toks[x][2].lower() in self.compass
                                     for x in range(run_start, k)):
            # inside a run of capitalised words that are not places: "John Kerry", "Secretary Kerry"
            s -= 3
        elif e < run_end and single and best.pop < 20_000 and not best.fcode.startswith(("PCL", "ADM")):
            s -= 1  # "Torres Strait"-like runs: a small town as the first of several capitalised words
        tail = e
        while tail < run_end and toks[tail][2].lower() not in _CONNECTORS:
            tail += 1
        if (tail > e + 1 and toks[tail - 1][2].lower() in self.type_words
                and not all(toks[x][2].lower() in self.compass for x in range(e, tail - 1))):
            # "North-West Frontier Province": the capitalised words name another, longer place; not
            # "Jos North LGA", "Egbado North LGA", a compass part of the area named after the town
            s -= 3
        if nxt in self.weapon_nouns and not best.fcode.startswith("PCL") and best.pop < 1_000_000:
            s -= 5  # "Grad rockets": the weapon's name
        if e + 1 < run_end and toks[e][2] in _ARABIC_JOINS and is_cap(toks[e + 1][2]):
            # "Mafraq ar Ruwayk", "Ras al Ain": a romanised Arabic name goes on after its article; the
            # gazetteer lacks the whole name, and its head alone is another place (Mafraq in Jordan), even
            # after "in" and with NER's label
            s -= 6
        for es, ee, label in ents.over(m.start, m.end):
            if label in ("GPE", "LOC"):
                s += 0.0 if prefix_head else 2.5
            elif label == "FAC":
                s += 1.0
            elif label == "NORP":
                # spaCy's small model tags some cities NORP ("Aleppo"); real nationalities are caught as demonyms
                # "Kasese district"; and a province's own name that only ends like one ("Michoacan",
                # "Yucatan", "Isfahan": _is_demonym above has already judged the word no nationality)
                # a name written with its type word inside an address's brackets ("(Poonch district, J&K)")
                # is an area of that address, never a people: the label costs nothing there
                typed_in_address = bracketed and nxt in self.type_words and in_address_brackets(text, m.start, toks[e][1])
                nationality_like = re.search(r"(an|ans|ese|ish|i|is)$", m.text) and not bracketed and not _names_admin1(m.cands)
                s -= 0.0 if typed_in_address else 5 if nationality_like else 1
            elif label == "PERSON":
                s -= 1.0 if prev in self.locative or bracketed else 3.0
            elif label == "ORG":
                lead = text[es:m.start].strip().lower()
                # the small model tags many Middle-East cities ORG ("Hama", "Lattakia"): a well-known
                # place loses less to that label than an obscure one
                strong = best.pop >= 100_000 or best.fcode.startswith(("PCL", "ADM1"))
                # "a Conroe police officer": NER tags a town ORG as the seat of its police; the
                # resident noun after it has said what it is
                seat = ee == m.end and nxt in self.resident_nouns and any(c.q == 0 and c.fclass == "P" for c in m.cands)
                s -= 0.0 if lead in ("", "the") and ee > m.end else (0.5 if strong or bracketed or seat else 1.5)
        m.score = s

    def nationality(self, word: str) -> str | None:
        """The name of the country a nationality word stands for ("Turkish" -> "Turkey"), or that a
        country's own name names ("Armenia", as in "the military forces of Armenia"), else None."""
        own = [c for c in self.candidates(word) if c.q == 0 and c.fcode.startswith("PCL")]
        cc = own[0].cc if own else self._demonym_country(word)
        place = self.country_place(cc) if cc else None
        return place.country if place is not None else None

    def _is_demonym(self, word: str) -> bool:
        """"Syrian", "Angolan", "Chinese", "Iraqi", "Afghan": a nationality, not a place."""
        return self._demonym_country(word) is not None

    @functools.lru_cache(maxsize=8192)
    def _demonym_country(self, word: str) -> str | None:
        """The country code of a nationality word ("Pakistani" -> PK), None when it is none."""
        listed = document_rules()["demonyms"].get(word)
        if listed is not None:
            return listed  # "Burkinabe", "Thai", "Saudi": no stem reaches the country's name
        if word.endswith(("ns", "is")) and len(word) > 5 and not any(c.q <= 1 for c in self.candidates(word)):
            # not a place's own name ending so ("Badghis", "Tunis")
            one = self._demonym_country(word[:-1])
            if one is not None:
                return one  # "Palestinians", "Somalis": the plural of a nationality
        w = word.lower()
        if len(w) < 4 or not w.endswith(("an", "ans", "ese", "i", "is", "ish", "ic", "ics", "ean", "eans", "ite", "ites", "ot", "ots")):
            return None  # "Bamako" is no nationality whatever "Bay" region its stem resembles
        if any(c.q <= 1 and c.fcode.startswith("PCL") or (c.q == 0 and c.fclass == "P" and c.pop >= 100_000)
               for c in self.candidates(word)):
            # a country's or a city's own name ("Karachi", not a nationality of "Karach-"); a near
            # spelling of a country ("Pakistani": Pakistan) is its nationality
            return None
        stems = {w[:-1], w[:-2], w[:-2] + "a", w[:-3] + "e", w[:-3] + "a", w[:-3], w[:-4] + "y", w + "istan", w[:-1] + "y"}
        if w.endswith("ese"):
            stems |= {w[:-3] + "a", w[:-3]}
        # tried only after the stems above ("Indian" is India's before it is Indiana's): Mexican,
        # Lebanese, Turkish, Honduran, Somali
        rarer = ({w[:-2] + "o", w[:-1] + "s"} if w.endswith("an") else {w[:-3] + "on"} if w.endswith("ese")
                 else {w[:-3] + "ey"} if w.endswith("ish") else {w + "a"} if w.endswith("i") else set()) - stems
        for group in (stems, rarer):
            for stem in sorted(group, key=len, reverse=True):
                if len(stem) >= 3:
                    for c in self.gazetteer.lookup(stem):
                        # a province's people need a stem of four letters or more ("Iowan", "Sindhi"):
                        # "Alan" is no people of "Ala" (an alternate name of Alabama)
                        if c.q <= 1 and (c.fcode.startswith("PCL") or c.fcode == "ADM1" and len(stem) >= 4):
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
            kind = _KIND_OF.match(span)
            if kind and not self.candidates(span) and self.candidates(span[kind.end():]):
                es += kind.end()  # "the Municipality of Coalcoman": NER's span on the kind too; the name is Coalcoman
                span = text[es:ee]
            if not span or not span[0].isupper() and span[0].isalpha():
                continue
            if span.lower() in self.prefixes and re.match(r"\s+(?:de\s+)?[A-Z]", text[ee:ee + 5]):
                continue  # "Colonia Mitras Poniente": NER's GPE on the prefix alone is the first word of a longer name
            if any(a.start <= es and ee <= a.end for a in added):
                continue
            joined = _ARABIC_TAIL.match(text, ee)
            if joined:  # "Mafraq ar Ruwayk": NER's GPE on the head alone; the name is the whole of it
                ee = joined.end()
                span = text[es:ee]
            # a rejected gazetteer match inside the span is replaced
            dropped.update(id(m) for m in _overlapping(found, found_ends, es, ee))
            if not disjoint:  # entities that overlap each other (never spaCy's) may replace one another
                added = [m for m in added if not (m.start < ee and es < m.end)]
            added.append(_Mention(es, ee, span, self.candidates(span), score=_ACCEPT + 1))
        out = [m for m in out if id(m) not in dropped] + added
        out.sort(key=lambda m: m.start)
        return out

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
        # a name read as a town is no evidence for its own reading (three "Dublin"s in an Ohio story
        # are not Ireland's because the first pass chose it); a country's, an area's or a world
        # city's name still is ("Mexico", "Toronto" named thrice): leave.self_evidence_min_population
        own: dict[str, Counter[str]] = {}
        pairs = self._namesake_pairs(mentions, keys)
        seats = {keys[i] for i, m in enumerate(mentions) if _is_local_seat(text, m.start, m.end)}
        for _pass in range(2):
            for idx, m in enumerate(mentions):
                if m.cands:
                    # the other names' confident choices, not this name's own (a spatial index: linear time)
                    mine = own.get(keys[idx])
                    self._rank(m, ctx - mine if mine else ctx, admin1_named, anchors.without(keys[idx]), doc,
                               pairs=(pairs, keys[idx]), seat=keys[idx] in seats)
            ctx = Counter()
            own = {}
            admin1_named = {}
            chosen: list[tuple[str, Candidate]] = []
            for idx, m in enumerate(mentions):
                c = m.chosen
                if c is None or (m.ranking and m.ranking[0][0] < 0):
                    continue  # a reading its own ranking scores below nothing ("Farnaj (Tripoli)" as Forney, Texas) is no evidence
                margin = 1.0 if len(m.ranking) < 2 else min(1.0, (m.ranking[0][0] - m.ranking[1][0]) / 2)
                if c.cc and not qualifier[idx]:
                    ctx[c.cc] += 1.0 + margin
                    if not c.fcode.startswith(("PCL", "ADM1")) and c.pop < self.weights.self_evidence_min_population:
                        own.setdefault(keys[idx], Counter())[c.cc] += 1.0 + margin
                if c.fcode == "ADM1" or c.fcode.startswith("PCL"):
                    admin1_named[(c.cc, c.admin1)] = 1.0
                if (margin > 0.3 or len(m.ranking) == 1) and not c.fcode.startswith(("PCL", "ADM1")):
                    # a country's or a province's point is no place an event is near: "Bahawalpur city
                    # (Bahawalpur, Punjab)" is not Bahawalnagar for lying nearer Punjab's centre
                    chosen.append((keys[idx], c))
            anchors = _Anchors(chosen)
        read_addresses(text, mentions)
        obey_chains(text, mentions)
        obey_areas(text, mentions)
        areas_written_as_areas(text, mentions, self.weights.metropolis_min_population)
        # one sense per discourse: a repeated name keeps the choice of its best-supported mention,
        # the one its address placed first ("Tuzla industrial zone in Tuzla, Istanbul")
        for ms in by_text.values():
            if len(ms) > 1:
                best = max(ms, key=lambda m: (m.by_address, m.ranking[0][0] if m.ranking else -99))
                for m in ms:
                    if m.cands and m.chosen is not None and best.chosen is not None and m.type_hint is None and m.container is None:
                        m.chosen = best.chosen

    def _namesake_pairs(self, mentions: list[_Mention], keys: list[str]) -> dict[tuple[str, int], int]:
        """For each town or county a name may be, how many other names of the text may be one a few
        km from it ("Paris and Henry County": Paris, Tennessee is the seat of Henry County,
        Tennessee): local news names places that lie together. Main names only, no countries or
        admin1 areas (their points say nothing of nearness). ``ranking.toml`` pair_km, pair."""
        named = [(k, c) for k, m in zip(keys, mentions) for c in m.cands
                 if c.q == 0 and (c.fclass == "P" or c.fcode == "ADM2")]
        if len({k for k, _ in named}) < 2:
            return {}
        # a county written as one ("Harris County") is an area around its point, a bare name's county ("Gaya") is not
        counties = {k for k, m in zip(keys, mentions) if m.text.split()[-1].lower() in document_rules()["admin2"]["type_words"]}
        return _neighbours_by_name(named, self.weights.pair_km, self.weights.pair_area_km, counties)

    def _rank(self, m: _Mention, ctx: Counter, admin1_named: dict, anchors: _NearOthers | list[Candidate],
              doc: DocumentGeography | None = None, *, pairs: tuple[dict[tuple[str, int], int], str] | None = None,
              seat: bool = False) -> None:
        w = self.weights
        total = sum(ctx.values()) or 1.0
        container = self._container(m.container) if m.container else None
        near = self._container(m.near) if m.near else None
        # a name's own evidence never ranks its own reading: "Dublin" fifteen times does not make an Ohio story Irish
        # (it may unsettle the document for that name, never settle it: "Peru" is no Indiana town in a story on the US and Peru)
        full, doc = doc, doc.without(m.text) if doc is not None else None
        settled = doc is not None and full.settled and doc.settled and doc.country == full.country
        doc_cc, doc_area = (None, None) if doc is None else (doc.country, doc.area) if settled else full.lean(m.text)
        # a settled document (local news) keeps its towns; an unsettled one only leans towards its country
        bonus_cc, bonus_area = (w.document_country, w.document_admin1) if settled else (w.unsettled_country, w.unsettled_admin1)
        own_area = ("PCL",) if settled else ("PCL", "ADM1")
        thin = doc.thin() if doc is not None and not settled else {}
        explain = self.explain
        ranking = []
        terms: dict[int, list[tuple[str, float]]] = {}
        big_main = any(c.q == 0 and c.fclass == "P" and c.pop >= 100_000 for c in m.cands)
        # the name of the document's own capital ("Washington" in an Ohio story) is the capital, not a town of its area
        # ("Washington Township", written with its type word or as a local seat, is none)
        capital = m.type_hint is None and not seat and any(c.q == 0 and c.fcode == "PPLC" and c.cc == doc_cc for c in m.cands)
        # a local seat's country: the document's on every other name's evidence (not Paris's own)
        seat_cc = doc.country_without(m.text) if seat and doc is not None else None
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
            elif c.fcode == "PPLC" and (c.q == 0 or not big_main):
                t = w.capital  # not for an old name of a capital when a city bears it now ("Philadelphia": not Amman)
            elif c.fcode == "CONT":
                t = w.continent
            elif c.fcode == "RGN":
                t = w.region  # "the Middle East", "Darfur": a region, not a hamlet of its name
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
                if doc_area is not None and (c.cc, c.admin1) == doc_area and not c.fcode.startswith(own_area) and not capital:
                    t += bonus_area
                s += t
                if explain:
                    why.append(("document geography", t))
            if doc is not None and c.fcode == "ADM1" and doc.held.get(m.text) == (c.cc, c.admin1):
                t = w.holding_area  # "Mbouda subdivision (Bamboutos, Ouest)": Cameroon's Ouest
                s += t
                if explain:
                    why.append(("holds a town named", t))
            if thin and c.cc in thin and not c.fcode.startswith("PCL"):
                actor, demonym = thin[c.cc]
                t = (w.actor_country if actor else 0.0) + (w.demonym_country if demonym else 0.0)
                s += t
                if explain and t:
                    why.append(("armed groups and demonyms", t))
            if doc is not None and doc.in_actor_area(c):
                s += w.actor_area  # "the OSCE SMM observed 5 shots near Lozove": Donetsk's Lozove
                if explain:
                    why.append(("area its missions work in", w.actor_area))
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
            if seat_cc is not None and c.cc == seat_cc and c.fclass == "P":
                s += w.local_seat
                if explain:
                    why.append(("seat of local police or council", w.local_seat))
            n_near = pairs[0].get((pairs[1], c.gid), 0) if pairs and pairs[0] else 0
            if n_near:
                t = w.pair * min(n_near, w.pair_cap)
                s += t
                if explain:
                    why.append(("other names a few km away", t))
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


@functools.lru_cache(maxsize=1)
def _local_seat_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    seat = _cues()["local_seat"]
    after = "|".join(re.escape(w) for w in sorted(seat["after"], key=len, reverse=True))
    before = "|".join(re.escape(w) for w in sorted(seat["before"], key=len, reverse=True))
    return re.compile(rf"\s+(?:{after})\b", re.I), re.compile(rf"\b(?:{before})\s+$", re.I)


def _is_local_seat(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` written as the seat of its own police, council or mayor
    ("Paris Police Department", "the Athens City Council", "of rural Paris"; cues.toml [local_seat])?"""
    after, before = _local_seat_patterns()
    return bool(after.match(text, end) or before.search(text, max(0, start - 20), start))


def _names_admin1(cands: tuple[Candidate, ...]) -> bool:
    """Is one of ``cands`` a country or a first-level area by its own main name ("Michoacan",
    "Yucatan", "Oman")? Such a name is a place even where NER calls it a nationality (NORP)."""
    return any(c.q == 0 and (c.fcode == "ADM1" or c.fcode.startswith("PCL")) for c in cands)


def _not_surnames(text: str, found: list[_Mention], ents: list[tuple[int, int, str]]) -> list[_Mention]:
    """``found`` less the names only NER calls places that are the surname of a person the text
    names in full ("Martin Oquendo, 31 ... Oquendo was shot", "Officer Daniel Kowalsky ... Kowalsky fired"):
    NER reads a lone surname as a GPE now and then, and the gazetteer knows no place of that name
    (a near spelling, "Kowalsky" for Kursk, is none)."""
    full = {text[es:ee].split()[-1] for es, ee, label in ents if label == "PERSON" and len(text[es:ee].split()) >= 2}
    if not full:
        return found
    return [m for m in found if any(c.q < 3 for c in m.cands) or " " in m.text or re.sub(r"['’]s?$", "", m.text) not in full]


def _one_sense(found: list[_Mention], w: Weights) -> list[_Mention]:
    """The accepted mentions of ``found``, with the near misses of a name the text writes elsewhere
    as a place beyond doubt ("in Fargo" ... "Fargo raised its goal"): one sense per discourse
    (``ranking.toml`` [detect])."""
    sure = {norm(m.text) for m in found if m.score >= _ACCEPT + w.same_name_confident}
    floor = _ACCEPT + w.same_name_floor
    # a name kept twice, once beyond doubt ("Chiefland police said" ... "in Chiefland"), is that
    # place where NER reads it as a person or an organisation ("Chiefland Police Chief Robert
    # Dale", "Gainesville's Tom Thumb"): a lower floor, still above a title's (-5)
    kept = Counter(norm(m.text) for m in found if m.score >= _ACCEPT)
    repeated = {k for k in sure if kept[k] >= 2}
    low = _ACCEPT + w.same_name_repeated_floor
    return [m for m in found if m.score >= _ACCEPT or m.score >= floor and norm(m.text) in sure
            or m.score >= low and norm(m.text) in repeated]
