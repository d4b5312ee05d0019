"""What a report's own evidence says about which incident it is: the content half of matching.

Two outlets tell one shooting in different words, but they name the same victim (and age), the same
street or business, the same number killed, and share the incident's distinctive words. Two
shootings in one town and week share the town, the week and the words "police" and "shot", and
little else. ``features`` *finds* these in an incident's evidence sentences (never the whole
article: a roundup's other stories would blur it); ``content_score`` *weighs* two reports'
features with the weights of ``data/merge.toml``. Both are pure functions.
"""
from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..models import Incident

DATA = Path(__file__).parent / "data" / "merge.toml"
NUM_PERM = 64
_BANDS, _ROWS = 16, 4  # LSH bands of the evidence MinHash: candidate keys for reports with no place
_MERSENNE = (1 << 61) - 1
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_CAP = r"[A-Z][a-zA-Z'’-]+"
#: white space inside a name: never a line break (the headline is its own first line, and "Los
#: Angeles Times" above "Jose Guadalupe Gonzalez" made a "Times Gonzalez" of every Homicide Report)
_SP = r"[^\S\n]+"
#: two to four capitalized words, not at a sentence start when the first may be any word
_NAME = re.compile(rf"\b({_CAP}(?:{_SP}(?:[A-Z]\.{_SP})?{_CAP}){{1,3}})")
#: "Quintonio LeGrier, 19," / "Tavon Goff, 21"
#: "Jared Loughner, a 22-year-old former student" / "Jared Lee Loughner, aged 22,"
_NAME_AGE = re.compile(rf"\b({_CAP}(?:{_SP}(?:[A-Z]\.{_SP})?{_CAP}){{1,3}}),\s+(?:aged\s+|an?\s+(?=\d{{1,2}}[- ]year))?(\d{{1,2}})\b"
                       r"(?!\s*(?:%|percent|of|years? ago))")
#: "a 23-year-old man", "24-year-old Rickole Rogers"
_AGE = re.compile(r"\b(\d{1,2})[- ]year[- ]old\b", re.I)
#: "19-year-old Quintonio LeGrier", "34-year-old Danville Officer Thomas Cottrell", "the 32-year-old Bratcher"
_AGE_NAME = re.compile(rf"\b(\d{{1,2}})[- ]year[- ]old\s+({_CAP}(?:{_SP}(?:[A-Z]\.{_SP})?{_CAP}){{0,4}})")
#: "Bratcher, 32, died": a lone surname with an age
_SURNAME_AGE = re.compile(rf"\b({_CAP}),\s+(\d{{1,2}}),")
#: "Ed Winter, a spokesman", "spokeswoman Sgt. Jane Roe": people who speak for an office, not of the incident
_SPOKES = re.compile(rf"({_CAP}(?:\s+(?:[A-Z]\.\s+)?{_CAP}){{1,3}}),\s+(?:an?|the)\s+(?:[\w.-]+\s+){{0,3}}?spokes|"
                     rf"spokes(?:man|woman|person)\s+(?:[A-Z][a-z]*\.?\s+)?({_CAP}(?:\s+{_CAP}){{1,2}})")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: "65th and Thurston", "N. 20th & Highland", "Beale and Fond du Lac"
#: "South Hartley and West Hope Avenue": a direction is no street's name
_DIRECTION = r"(?:[NSEW]\.?|North|South|East|West)\s+"
_CROSS = re.compile(rf"\b(?:near|at|of|on)\s+(?:the\s+)?(?:corner\s+of\s+)?(?:{_DIRECTION})?(\d{{1,3}}(?:st|nd|rd|th)|[A-Z][a-z]+)\s+(?:and|&)\s+"
                    rf"(?:{_DIRECTION})?(\d{{1,3}}(?:st|nd|rd|th)|[A-Z][a-z]+(?:\s+du\s+[A-Z][a-z]+)?)\b")
_DIRECTIONS = frozenset({"n", "s", "e", "w", "north", "south", "east", "west"})


@functools.cache
def rules() -> dict[str, Any]:
    """The weights and word lists of ``data/merge.toml`` (read once)."""
    return tomllib.loads(DATA.read_text("utf-8"))


def rules_version() -> str:
    return str(rules()["version"])


@functools.cache
def _words(kind: str) -> frozenset[str]:
    return frozenset(rules()["words"][kind])


@functools.cache
def _perms() -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(1)  # fixed: stored signatures must stay comparable
    return (gen.randint(1, _MERSENNE, NUM_PERM, dtype=np.uint64), gen.randint(0, _MERSENNE, NUM_PERM, dtype=np.uint64))


def _token_hash(word: str) -> int:
    # FNV-1a, 32 bits: stable across runs and processes (Python's hash() is salted)
    h = 0x811C9DC5
    for ch in word.encode("utf-8"):
        h = ((h ^ ch) * 0x01000193) & 0xFFFFFFFF
    return h


def minhash(tokens: Iterable[str]) -> tuple[int, ...]:
    """A MinHash (``NUM_PERM`` values) of a token set; empty for no tokens."""
    hv = np.array(sorted({_token_hash(t) for t in tokens}), dtype=np.uint64)
    if not len(hv):
        return ()
    a, b = _perms()
    with np.errstate(over="ignore"):
        ph = (np.outer(hv, a) + b) % np.uint64(_MERSENNE)
    return tuple(int(x) for x in (ph.min(axis=0) & np.uint64(0xFFFFFFFF)))


def jaccard(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two MinHashes (0 when either is empty)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


def bands(mh: tuple[int, ...]) -> list[str]:
    """LSH band keys of a MinHash: two reports whose evidence is near-identical share one."""
    if len(mh) != _BANDS * _ROWS:
        return []
    return [f"{i}:{hash_band(mh[i * _ROWS:(i + 1) * _ROWS])}" for i in range(_BANDS)]


def hash_band(values: tuple[int, ...]) -> str:
    return format(_token_hash(",".join(map(str, values))), "x")


@dataclass(slots=True, frozen=True)
class Features:
    """What the evidence says, normalized for comparing."""

    names: frozenset[str] = frozenset()  # "quintonio legrier"
    victims: frozenset[str] = frozenset()  # people named with an age: "legrier:19"
    ages: frozenset[int] = frozenset()
    sites: frozenset[str] = frozenset()  # "south hartley street", "65th&thurston"
    killed: tuple[int | None, int | None] = (None, None)  # (low, high) of the report
    injured: tuple[int | None, int | None] = (None, None)
    text: tuple[int, ...] = ()  # MinHash of the distinctive words
    lead: str | None = None  # the victim the report names first ("schafrik:40"): whom the story is about
    revised: bool = False  # it revises a toll ("has risen to 64": a claim of qualifier "revised")


def person(name: str) -> str | None:
    """``name`` as a person's name, lower case, as first and last name (titles, middle names and
    "Jr."/"III" dropped: "Officer Robert Rialmo" -> "robert rialmo", "Syed Rizwan Farook" -> "syed
    farook", as outlets differ in them), or None when it is no name (a place word or month is in it)."""
    parts = [p for p in name.lower().replace(".", "").replace("’", "'").split() if p not in _SUFFIXES]
    bad = _words("not_names")
    while parts and parts[0] in bad:
        parts = parts[1:]
    if len(parts) < 2 or parts[-1] in _words("sites") or any(p in bad for p in parts):
        return None
    return f"{parts[0]} {parts[-1]}"


def _tail(name: str) -> str:
    """The words after the last title or place word: "Danville Officer Thomas Cottrell" -> "Thomas Cottrell"."""
    words = name.split()
    bad = _words("not_names")
    cut = max((i + 1 for i, w in enumerate(words) if w.lower().rstrip(".") in bad), default=0)
    return " ".join(words[cut:])


@functools.cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = "|".join(sorted(rules()["words"]["name_before"], key=len, reverse=True))
    after = "|".join(sorted(rules()["words"]["name_after"], key=len, reverse=True))
    # up to five words: a title may come first ("Danville Police Officer Thomas Cottrell", cut by _tail)
    name = rf"({_CAP}(?:{_SP}(?:[A-Z]\.{_SP})?{_CAP}){{1,4}})"
    # an affiliation and a role may stand between the cue and the name ("the funeral of Iranian
    # commander General Qasem Soleimani", "the killing of Saudi journalist Jamal Khashoggi")
    skip = rf"(?:{_CAP}{_SP}(?=[a-z]))?(?:[a-z]+\s+){{0,2}}?"
    return (re.compile(rf"\b(?:{before})\s+{skip}{name}"), re.compile(rf"{name},?\s+(?:{after})\b"))


def find_names(text: str) -> set[str]:
    """Names of the people an incident is about: named with an age ("Tavon Goff, 21"), or next to
    a cue of victim or suspect ("identified as", "suspect", "was shot", "was charged"). Any
    capitalized pair would do worse: reporters, coroners' spokesmen, towns and TV stations are
    named in many reports of different incidents."""
    before, after = _cue_patterns()
    found = [m.group(1) for m in _NAME_AGE.finditer(text)] + [_tail(m.group(2)) for m in _AGE_NAME.finditer(text)]
    # "the shooting death of Danville Police Officer Thomas Cottrell": the person, not the title
    found += [_tail(m.group(1)) for m in before.finditer(text)] + [m.group(1) for m in after.finditer(text)]
    speakers = {n for m in _SPOKES.finditer(text) if (n := person(_tail(m.group(1) or m.group(2))))}
    return {n for f in found if (n := person(f))} - speakers


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“])")


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` around the span ``start:end``."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    return text[left:right]


@functools.cache
def _role_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def cue(kind: str) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(sorted(rules()["words"][kind], key=len, reverse=True)) + r")\b", re.I)
    return cue("suspect_cues"), cue("victim_cues")


def is_suspect(sentence: str) -> bool:
    """Whether a person named in ``sentence`` is its suspect, not its victim: a suspect's cue
    ("charged", "arrested", "prosecutors believe", "getaway") and no victim's ("was shot", "died")."""
    suspect, victim = _role_cues()
    return bool(suspect.search(sentence)) and not victim.search(sentence)


def find_victims(text: str) -> tuple[set[str], set[int]]:
    """(people named with an age, as "surname:age", every age given). Outlets agree on a victim's
    surname and age ("LeGrier, 19", "19-year-old Quintonio LeGrier") more often than on the full
    name; one surname with two ages ("Jose Gonzalez, 21" and "Joel Gonzalez, 26") is two people.
    A suspect named with an age ("Prosecutors believe 23-year-old Kiree Hayes drove the getaway
    car") is no victim: one outlet naming the suspect and another the victim are not two stories."""
    ages = {int(m.group(1)) for m in _AGE.finditer(text) if 0 < int(m.group(1)) < 100}
    return set(victims_in_order(text)), ages


def victims_in_order(text: str) -> list[str]:
    """The victims of ``find_victims`` in the order the text names them, each once."""
    def own(m: re.Match[str]) -> bool:
        return not is_suspect(sentence_at(text, m.start(), m.end()))

    found = [(m.start(), m.group(1), m.group(2)) for m in _NAME_AGE.finditer(text) if own(m)]
    found += [(m.start(), m.group(1), m.group(2)) for m in _SURNAME_AGE.finditer(text) if own(m)]
    found += [(m.start(), _tail(m.group(2)), m.group(1)) for m in _AGE_NAME.finditer(text) if own(m)]
    # a lone surname ("Bratcher, 32") is a person only where the story names him in full
    # ("Jonathan Bratcher"); else it is a word like "Latino, 26," (the Homicide Report's style)
    full = {n.split()[-1] for n in find_names(text)} | {p.split()[-1] for m in _NAME.finditer(text) if (p := person(m.group(1)))}
    victims: list[str] = []
    for _, name, age in sorted(found):
        words = name.lower().replace(".", "").replace("’", "'").split()
        words = [w for w in words if w not in _SUFFIXES]
        last = words[-1] if words else ""
        if not words or not 0 < int(age) < 100 or last in _words("not_names") or last in _words("sites") or last in _words("common"):
            continue
        if len(words) > 1 and person(name) is None or len(words) == 1 and words[0] not in full:
            continue
        v = f"{words[-1].removesuffix(chr(39) + 's')}:{int(age)}"
        if v not in victims:
            victims.append(v)
    return victims


def find_sites(text: str) -> set[str]:
    """Named sites: a capitalized phrase ending in a site word ("Cumberland Express Mart"), and
    street intersections ("65th and Thurston")."""
    sites = _words("sites")
    out = set()
    for m in re.finditer(rf"\b(?:{_CAP}|\d{{1,5}}(?:st|nd|rd|th)?)(?:\s+{_CAP})+\b", text):
        run = m.group(0).split()
        # the longest run ending in a site word: "the Lincoln Avenue Popeyes" names "Lincoln Avenue"
        end = next((i for i in range(len(run) - 1, 0, -1) if run[i].lower().rstrip(".") in sites), None)
        if end is not None:
            last = run[end].lower().rstrip(".")
            # "Arizona's McKale Center": the owner's name is an outlet's choice, the site is "mckale center"
            words = [w for w in " ".join(run[:end]).lower().split() if w not in {"the", "a", "at", "on", "in", "near", "of"}
                     and not w.endswith(("'s", "’s"))]
            if any(w in _words("not_sites") for w in words):
                continue
            if words and not (len(words) == 1 and words[0] in _words("not_names") and words[0] not in {"north", "south", "east", "west"}):
                out.add(" ".join(words + [last]))
    for m in _CROSS.finditer(text):
        a, b = m.group(1).lower(), m.group(2).lower()
        if a in _words("not_names") or b in _words("not_names"):
            continue
        out.add("&".join(sorted((a, b))))
    return out


def distinctive_words(text: str) -> set[str]:
    common = _words("common")
    return {w for w in _WORD.findall(text.lower()) if w not in common}


def _range(r: Any) -> tuple[int | None, int | None]:
    low = r.low if r.low is not None else r.best
    high = r.high if r.high is not None else r.best
    return (low, high)


def features(incident: Incident, body: str | None = None) -> Features:
    """The content features of one report (an incident as one article tells it).

    ``body`` is the article's text when this incident is the article's lead (``merge.lead``): a
    local report names the victim, the suspect and the corner anywhere in the story ("Police later
    identified him as ...", three paragraphs below the shooting), so people, ages, sites and words
    are read from all of it. Otherwise only the incident's own evidence sentences are read (a
    roundup's other stories would blur it)."""
    own = " ".join(e.text for e in incident.evidence)
    text = f"{own} {body}" if body else own
    victims, ages = find_victims(text)
    order = victims_in_order(text)
    return Features(
        names=frozenset(find_names(text)),
        victims=frozenset(victims),
        ages=frozenset(ages),
        sites=frozenset(find_sites(text)),
        killed=_range(incident.fatalities),
        injured=_range(incident.injuries),
        text=minhash(distinctive_words(text)),
        lead=order[0] if order else None,
        revised=any(c.qualifier == "revised" and c.kind == "killed" for c in incident.claims),
    )


def _counts_agree(a: tuple[int | None, int | None], b: tuple[int | None, int | None], least: int = 1) -> bool | None:
    """True: overlapping figures of at least ``least``; False: ranges apart; None: nothing to say."""
    if a[0] is None or b[0] is None:
        return None
    a_hi, b_hi = a[1] if a[1] is not None else a[0], b[1] if b[1] is not None else b[0]
    if a[0] <= b_hi and b[0] <= a_hi:
        return True if max(a[0], b[0]) >= max(least, 1) else None
    lo, hi = (a_hi, b[0]) if a_hi < b[0] else (b_hi, a[0])
    # one body more is a count still being made (5 then 6 killed), not another incident
    return False if hi - lo >= 2 and hi >= 1.5 * lo else None


def content_score(a: Features, b: Features, days_apart: int | None = None,
                  weights: Mapping[str, float] | None = None) -> float:
    """How much two reports' content says "one incident" (positive) or "two" (negative).

    ``days_apart`` (between publications) decides whether differing figures contradict: tolls rise
    as bodies are counted, so only figures told within a day of each other count against."""
    w = weights or rules()["weights"]
    score = w["text"] * jaccard(a.text, b.text)
    shared = shared_people(a, b)
    score += w["shared_name"] * min(shared, int(w["max_names"]))
    if a.victims and b.victims and not (a.victims & b.victims) and not shared:
        score += w["name_conflict"]
    # one person in common outweighs the rest: a follow-up names other sites and ages (the lawyer's
    # office, the victim's college, the suspect's age) than the first report
    sites = shared_sites(a, b)
    if a.sites and b.sites and (sites or not shared):
        score += w["shared_site"] if sites else w["site_conflict"]
    if a.ages and b.ages and (a.ages & b.ages or not shared):
        score += w["shared_age"] if a.ages & b.ages else w["age_conflict"]
    told_together = days_apart is not None and days_apart <= 1
    for kind in ("killed", "injured"):
        agree = _counts_agree(getattr(a, kind), getattr(b, kind), int(w["same_count_min"]))
        if agree:
            score += w["same_count"]
        elif agree is False and told_together and max(x for x in (*getattr(a, kind), *getattr(b, kind))
                                                      if x is not None) <= w["count_conflict_max"]:
            score += w["count_conflict"]
    return round(score, 6)


def streets(sites: Iterable[str]) -> set[str]:
    """The names of the streets among ``sites``, without direction or kind ("South Hartley Street"
    and "S. Hartley St." -> "hartley"), with each street of an intersection ("hartley&hope" ->
    "hartley", "hope"): one outlet names the block, another the corner."""
    kinds = _words("streets")
    out = set()
    for site in sites:
        if "&" in site:
            out.update(site.split("&"))
            continue
        words = site.split()
        if len(words) > 1 and words[-1] in kinds:
            core = [w for w in words[:-1] if w not in _DIRECTIONS]
            if core:
                out.add(" ".join(core))
    return out


def shared_sites(a: Features, b: Features) -> set[str]:
    """The sites both name: the same name, or a street of one in the other's street or corner."""
    return set(a.sites & b.sites) | {f"street:{s}" for s in streets(a.sites) & streets(b.sites)}


def places(sites: Iterable[str]) -> set[str]:
    """The sites that are a place of their own, not a street: a street ("Main Street") runs through
    many blocks of a town and through many towns, a store, a school or a corner does not."""
    streets = _words("streets")
    return {s for s in sites if "&" in s or s.split()[-1] not in streets}


def shared_place(a: Features, b: Features) -> bool:
    """Whether the two name one site that is a place of its own (a store, a school, a corner)."""
    return bool(places(a.sites & b.sites))


def shared_people(a: Features, b: Features) -> int:
    """How many people both name: by first and last name, or by surname and age ("LeGrier, 19" and
    "19-year-old Quintonio LeGrier"), each person once."""
    names = a.names & b.names
    surnames = {n.split()[-1] for n in names}
    return len(names) + len({v for v in a.victims & b.victims if v.split(":")[0] not in surnames})


def strong_identity(a: Features, b: Features) -> bool:
    """A named person (or victim surname with age) in common: enough to link reports weeks apart."""
    return bool(a.names & b.names) or bool(a.victims & b.victims)


def surnames(f: Features) -> set[str]:
    """The surnames of everyone a report names (with or without an age)."""
    return {n.split()[-1] for n in f.names} | {v.split(":")[0] for v in f.victims}


def _other_victim(f: Features, g: Features) -> bool:
    """Whether ``g`` names victims but not the one ``f`` is about (``f.lead``), by surname or age:
    "This is the second homicide of 2016. The first ... 45-year-old Deondrick Byrd" names Byrd in
    a story about Michael Schafrik, whom Byrd's own report never names."""
    if f.lead is None or not g.victims or f.lead in g.victims or shared_people(f, g) >= 2:
        return False  # two people in common ("Syed Farook", "Tashfeen Malik") outweigh the lead
    return f.lead.split(":")[0] not in surnames(g)


def contradicts(a: Features, b: Features) -> bool:
    """Whether the two reports' people say "two incidents", whatever else they share: both name
    victims with their ages and none in common (and no other person either: "Jose Gonzalez, 21"
    and "Joel Gonzalez, 26"), or one names victims and never the one the other is about."""
    if a.victims and b.victims and not a.victims & b.victims and not shared_people(a, b):
        return True
    return _other_victim(a, b) or _other_victim(b, a)


def revises(a: Features, b: Features) -> bool:
    """Whether one report revises the other's death toll: it claims a revised toll ("The death toll
    from Sunday's twin car bombings in Homs has risen to 64") not below the other's lowest count.
    Told of the same event day and place (``merge.match`` checks both), that is the same incident,
    though the follow-up shares no other word with the first report."""
    def up(new: Features, old: Features) -> bool:
        return new.revised and not old.revised and new.killed[0] is not None and old.killed[0] is not None \
            and (new.killed[1] if new.killed[1] is not None else new.killed[0]) >= old.killed[0]
    return up(a, b) or up(b, a)


def evidence(a: Features, b: Features, same_day: bool = False, days: int | None = None) -> bool:
    """Whether the content says "this one", beyond type, town and week: a person named by both, a
    site named by both, the same toll of at least ``[weights] same_count_min``, near-identical
    evidence sentences (``[match] same_text``) of events at most ``[match] same_text_days`` apart
    (``days``: between the days read; None when a day was not read), or, on the same day, a victim's
    age or a street in common. Two shootings in one town and week share the words "police", "shot"
    and "hospital" and little else: words alone that are not near-identical are no evidence; and a
    local outlet tells each of its city's shootings in the same words ("officers found a man shot in
    the leg"), so near-identical words of events read six days apart are its formula, not one story."""
    w, m = rules()["weights"], rules()["match"]
    if shared_people(a, b) or a.sites & b.sites:
        return True
    if (days is None or days <= int(m["same_text_days"])) and jaccard(a.text, b.text) >= float(m["same_text"]):
        return True
    # a street runs through many blocks ("Highland Avenue" of a shooting at "20th and Highland" the day
    # before), and "a 23-year-old man" is shot in many towns: only told of the same day are they one
    if same_day and (a.ages & b.ages or streets(a.sites) & streets(b.sites)):
        return True
    return any(_counts_agree(getattr(a, k), getattr(b, k), int(w["same_count_min"])) for k in ("killed", "injured"))


def to_json(f: Features) -> dict[str, Any]:
    return {"names": sorted(f.names), "victims": sorted(f.victims), "ages": sorted(f.ages), "sites": sorted(f.sites),
            "killed": list(f.killed), "injured": list(f.injured), "text": list(f.text), "lead": f.lead,
            "revised": f.revised}


def from_json(d: Mapping[str, Any] | None) -> Features:
    if not d:
        return Features()
    # victims stored before merge-3 were bare surnames: read as unknown, never as a conflict
    victims = frozenset(v for v in d.get("victims", ()) if ":" in v)
    return Features(frozenset(d.get("names", ())), victims, frozenset(d.get("ages", ())),
                    frozenset(d.get("sites", ())), tuple(d.get("killed", (None, None))),  # type: ignore[arg-type]
                    tuple(d.get("injured", (None, None))), tuple(d.get("text", ())),  # type: ignore[arg-type]
                    d.get("lead") if ":" in str(d.get("lead")) else None, bool(d.get("revised")))
