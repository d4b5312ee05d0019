"""Actors: alias resolution (time-aware), generic forces, and claims of responsibility.

The alias table is data (``data/actors.jsonl``): canonical name, type, aliases, the dates
between which a name was in use (the al-Nusra Front became Jabhat Fateh al-Sham in July 2016),
and the countries where an alias means a branch (``active_in``: "al Qaeda" in Iraq is Al Qaeda in Iraq).
Claims of responsibility are kept apart as GTD keeps them: claimed, suspected, denied.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources


#: Bump when the actor rules or the alias table change (stored with each incident via rules_version).
VERSION = "2026.12.11"


def version() -> str:
    return VERSION


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    name: str
    actor_type: str


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    actor_type: str
    start: dt.date | None
    end: dt.date | None
    country: str | None
    active_in: tuple[str, ...] = ()  # countries (as ACLED names them) where this reading of the alias holds


# Generic descriptions of armed actors, named ACLED-style with the article's country.
_GENERIC = [
    (r"(?:riot |traffic |federal |local |state )?police(?:m[ae]n|women|woman| officers?| forces?)?|policem[ae]n|gendarmes?|gendarmerie", "Police Forces of {country}", "State forces"),
    (r"(?:government |security |armed |army |military )?(?:forces|troops|soldiers)|the army|the military|servicem[ae]n|army|military", "Military Forces of {country}", "State forces"),
    (r"(?:unidentified |unknown |masked |armed |suspected )?(?:gunm[ae]n|assailants|attackers|militants|insurgents|armed men|rebels|jihadists|terrorists|bandits|extremists)", "Unidentified Armed Group ({country})", "Rebel group"),
    (r"(?:a |an )?(?:suicide )?bombers?|(?:a |the )?gunman|(?:a |the )?(?:lone )?shooter|(?:a |the )?attacker|(?:a |the )?assailant", "Unidentified Armed Group ({country})", "Rebel group"),
    (r"protesters|demonstrators|rioters|mob", "Protesters ({country})", "Protesters"),
    (r"civilians|villagers|residents|worshipp?ers|students|passengers|pilgrims", "Civilians ({country})", "Civilians"),
]


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    """The alias table's rows, read once (``data/actors.jsonl``)."""
    text = resources.files("sitrep.extract").joinpath("data/actors.jsonl").read_text("utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


@functools.lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, list[_Entry]]]:
    by_alias: dict[str, list[_Entry]] = {}
    sensitive, insensitive = [], []
    for row in _rows():
        entry = _Entry(
            row["name"], row["type"],
            dt.date.fromisoformat(row["from"]) if row.get("from") else None,
            dt.date.fromisoformat(row["to"]) if row.get("to") else None,
            row.get("country"),
            tuple(row.get("active_in") or ()),
        )
        for alias in row["aliases"]:
            by_alias.setdefault(alias.lower(), []).append(entry)
            # short acronyms are case-sensitive: "IS" the group, not "is" the verb
            (sensitive if len(alias) <= 5 and alias.isupper() or alias in ("IS",) else insensitive).append(alias)

    def flexible(alias: str) -> str:
        # "Communist Party of India - Maoist" also matches "Communist Party of India-Maoists", and
        # "Tehrik-e-Taliban Pakistan" matches "Tehrik e Taliban Pakistan"
        out = re.escape(alias)
        out = re.sub(r"(?:\\ )?\\-(?:\\ )?", r"(?:\\s*[-–]\\s*|\\s+)", out)
        out = out.replace("'", "['’]?").replace("\\ ", r"\s+")
        return out + ("s?" if len(alias) > 5 else "")

    def alt(names: list[str]) -> str:
        # longest first, as the alternation tries them; grouped by first letter behind a look-ahead,
        # so that at each position only the aliases that can start there are tried (one group, not
        # every alias: the whole scan of a sentence three times faster, the same matches)
        groups: dict[str, list[str]] = {}
        for a in sorted(set(names), key=len, reverse=True):
            groups.setdefault(a[0].lower(), []).append(a)
        return "|".join(f"(?=[{re.escape(c.upper() + c)}])(?:{'|'.join(flexible(a) for a in group)})"
                        for c, group in groups.items())

    # "pro-Taliban militants", "Taliban-linked militants": GTD names the group they side with
    before, after = r"(?:(?<![\w-])|(?<=\bpro-)|(?<=\bPro-))", r"(?:(?![\w-])|(?=-(?:linked|affiliated|allied|aligned)\b))"
    return (
        re.compile(rf"{before}(?:{alt(sensitive)}){after}"),
        re.compile(rf"{before}(?:{alt(insensitive)}){after}", re.I),
        by_alias,
    )


# a capitalised "Army" or "Forces" after one of these words ends a rebel group's own name
# ("Sudan Liberation Army", "Revolutionary Armed Forces of Colombia", "Free Syrian Army")
_REBEL_NAME_BEFORE = re.compile(r"(?-i:Liberation|Revolutionary|Insurgent|Resistance|Republican|Salvation|Free\s+\w+|Mukti|Rebel|Patriotic|People['’]?s|Armed|Democratic)\s+$")


@functools.lru_cache(maxsize=1)
@functools.lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """The aliases that are also place names ("Russia", "Moscow", "Washington": a row's ``places``),
    lower-cased: in an address they are where, not who."""
    return frozenset(a.lower() for row in _rows() for a in row.get("places") or ())


# a preposition of place or an address's previous part ("in Nalchik, Kabardino Balkariya, Russia,")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|near|across|throughout|inside|outside|into|to|from)\s+(?:the\s+)?"
                           r"|[A-Z][\w'’.-]*,\s+)$")


def _a_place(sentence: str, m: re.Match[str]) -> bool:
    """Is the alias matched at ``m`` a place told as one ("in Moscow", "Nalchik, Russia,"), not the
    state that acts ("Russia said", "Moscow denied")?"""
    return m.group(0).lower() in places() and _PLACE_BEFORE.search(sentence, max(0, m.start() - 40), m.start()) is not None


@functools.lru_cache(maxsize=1)
def _generic() -> list[tuple[re.Pattern[str], str, str]]:
    return [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I), name, kind) for p, name, kind in _GENERIC]


@functools.lru_cache(maxsize=1)
def _aliases() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in _rows():
        out.setdefault(row["name"], []).extend(row["aliases"])
    return out


def aliases_of(name: str) -> list[str]:
    """Every alias the table knows for a canonical actor name (empty for generic actors)."""
    return _aliases().get(name, [])


@functools.lru_cache(maxsize=1)
def _acled_names() -> dict[str, str]:
    return {row["name"]: row["acled"] for row in _rows() if row.get("acled")}


def acled_name(name: str) -> str | None:
    """ACLED's name of a canonical actor where the table gives one apart from the group's own
    (``acled``: ACLED names the Houthis' forces "Military Forces of Yemen (2016-) Supreme Political
    Council"); None otherwise."""
    return _acled_names().get(name)


@functools.lru_cache(maxsize=1)
def _types() -> dict[str, str]:
    return {row["name"]: row["type"] for row in _rows()}


def type_of(name: str) -> str | None:
    """The type the table gives a canonical actor name ("Rebel group", "State forces"); None if unknown."""
    return _types().get(name)


def _pick(entries: list[_Entry], when: dt.date | None, country: str | None = None) -> _Entry:
    """The entry an alias stands for at that date in that country: "al Qaeda" in an Iraqi report
    is Al Qaeda in Iraq, as GTD codes it; an entry limited to other countries is never picked."""
    here = [e for e in entries if country in e.active_in] + [e for e in entries if not e.active_in]
    for e in here if when is not None else ():
        if (e.start is None or e.start <= when) and (e.end is None or when <= e.end):
            return e
    return (here or entries)[0]


def _key(text: str) -> str:
    return re.sub(r"[\s\-–'’]+", "", text.lower())


def _alias_key(text: str, by_alias: dict[str, list[_Entry]]) -> str:
    """The table key of an alias matched loosely (hyphen spacing, apostrophes, a plural s)."""
    want = _key(text)
    for alias in by_alias:
        k = _key(alias)
        if want == k or want == k + "s":
            return alias
    raise KeyError(text)


_FORMER_BEFORE = re.compile(r"\b(?:former|retired|ex-)\s*$", re.I)


def find_actors(sentence: str, when: dt.date | None = None, country: str | None = None,
                nationality: Callable[[str], str | None] | None = None) -> list[Mention]:
    """Named actors (alias table) and generic armed actors in a sentence, left to right. Generic
    forces are the article's ``country``'s, unless a nationality word stands before them
    ("Turkish forces shelled ...": ``nationality("Turkish")`` is the country they serve)."""
    sens, insens, by_alias = _table()
    out: list[Mention] = []
    for pat in (sens, insens):
        for m in pat.finditer(sentence):
            if any(m.start() < o.end and m.end() > o.start for o in out) or _a_place(sentence, m):
                continue
            e = _pick(by_alias.get(m.group(0).lower()) or by_alias[_alias_key(m.group(0), by_alias)], when, country)
            out.append(Mention(m.start(), m.end(), m.group(0), e.name, e.actor_type))
    for pat, name, kind in _generic():
        for m in pat.finditer(sentence):
            if any(m.start() < o.end and m.end() > o.start for o in out):
                continue
            if kind == "State forces" and m.group(0)[:1].isupper() and _REBEL_NAME_BEFORE.search(sentence, 0, m.start()):
                continue  # the "Army" of the "South Sudan Liberation Army" is no state's army
            if _FORMER_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
                continue  # "a former army officer", "retired soldiers": civilians now (Codebook 2019 p. 15)
            if kind == "State forces" and (group := _named_forces(sentence, m)) is not None:
                out.append(group)  # "National Resistance forces": a group by its own name
                continue
            if kind == "State forces" and _forces_of_group(sentence, m.start(), out):
                continue  # "the NAF rebel forces", "Taliban forces": the group's own fighters
            own = _served(sentence, m.start(), nationality, m.end()) if kind == "State forces" and nationality else None
            label = name.format(country=own or country) if own or country else name.replace(" of {country}", "").replace(" ({country})", "")
            out.append(Mention(m.start(), m.end(), m.group(0), label, kind))
    _members_of(sentence, out)
    out.sort(key=lambda a: a.start)
    return _headed(sentence, out)


# the capitalised run of a group's own name before lowercase "forces" ("National Resistance forces",
# "Popular Mobilization forces"): one of its words says it is no state's
_NAME_RUN_BEFORE = re.compile(r"(?<![\w-])((?:[A-Z][\w'’]*\s+){1,4})$")


def _named_forces(sentence: str, m: re.Match[str]) -> Mention | None:
    """The group a capitalised name before lowercase "forces" names ("anti-Houthi National
    Resistance forces": National Resistance Forces), when a word of the name says it is a
    movement's (``_REBEL_NAME_BEFORE``); None otherwise."""
    if not m.group(0).startswith("forces"):
        return None
    run = _NAME_RUN_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
    if run is None or not _REBEL_NAME_BEFORE.search(run.group(1)):
        return None
    name = f"{run.group(1).strip()} Forces"
    return Mention(run.start(1), m.end(), sentence[run.start(1):m.end()], name, "Rebel group")


# a named group, then at most a word that describes its fighters, then the forces: the group's own
_OWN_FORCES = re.compile(r"\s+(?:(?:rebel|armed|militia|separatist|insurgent|allied|loyalist)\s+)?")


def _forces_of_group(sentence: str, start: int, out: list[Mention]) -> bool:
    """Are the generic forces at ``start`` a named armed group's own, told right after its name
    ("the NAF rebel forces", "Houthi forces"), or a state's the table names ("US forces")?"""
    return any(o.end <= start and o.actor_type in ("Rebel group", "Political militia", "Identity militia", "State forces")
               and _OWN_FORCES.fullmatch(sentence, o.end, start) for o in out)


# the capitalised word right before generic forces ("Turkish troops", "Armenian military forces");
# not inside a hyphenated word ("pro-Turkish forces", "Saudi-led forces": someone else's)
# ("South Sudanese soldiers", "North Korean troops": the compass word is part of the nationality)
_NATIONALITY_BEFORE = re.compile(r"(?<![\w-])((?:(?:North|South|East|West) )?[A-Z][a-z]{2,})\s+$")


def _served(sentence: str, start: int, nationality: Callable[[str], str | None], end: int | None = None) -> str | None:
    """The country whose nationality word stands right before the forces at ``start``, if any; else
    the country named right after them ("the military forces of Armenia": ``nationality`` reads a
    country's own name as that country)."""
    word = _NATIONALITY_BEFORE.search(sentence, max(0, start - 36), start)
    if word:
        whole = word.group(1)
        return (nationality(whole) if " " in whole else None) or nationality(whole.rsplit(" ", 1)[-1])
    named = _COUNTRY_AFTER.match(sentence, end) if end is not None else None
    return nationality(named.group(1)) if named else None


# "the military forces of Armenia", "police forces of the Philippines": the country the forces serve;
# not the forces of two ("military forces of India and Pakistan exchanged fire": the article says whose)
_COUNTRY_AFTER = re.compile(r"(?:\s+(?:forces|troops|soldiers))?\s+of\s+(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b(?!\s+and\s+[A-Z])")


def _headed(sentence: str, out: list[Mention]) -> list[Mention]:
    """Drops the generic "militants" of "Tehrik-e-Taliban Pakistan (TTP) militants", "Taliban
    fighters": the head noun of a named group's mention is that group, not a second actor."""
    keep: list[Mention] = []
    for a in out:
        prev = keep[-1] if keep else None
        if (prev is not None and a.name.startswith("Unidentified") and not prev.name.startswith("Unidentified")
                and prev.actor_type not in ("State forces", "Civilians", "Protesters") and re.fullmatch(r"\)?\s*", sentence[prev.end:a.start])):
            continue
        keep.append(a)
    return keep


# "militants from the Arauco Malleco Coordinating Group (CAM)", "cadres of the Sanghiya Limbuwan
# Committee", "a group called Black Hawks": fighters of a group the alias table does not know, named
# by its own name (GTD codes the group so, and ACLED names an unknown armed group by its own name)
_MEMBERS_OF = re.compile(r"\b(?:(?:armed\s+)?(?:militants?|fighters?|cadres|rebels?|guerrillas?|gunm[ae]n|insurgents?)\s+(?:of|from)|armed\s+members?\s+of"
                         r"|(?:a\s+|the\s+)?(?:militant\s+|armed\s+|rebel\s+)?group\s+(?:called|calling\s+itself|known\s+as))\s+(?:the\s+)?"
                         r"(?:(?:[\w-]+\s+){1,3}?faction\s+of\s+(?:the\s+)?)?", re.I)

#: the words of an organisation's own name ("Front", "Committee", "Brigades")
_ORGANISATION = re.compile(r"\b(?:Front|Army|Group|Movement|Committee|Part(?:y|i)|Brigades?|Battalions?|Council|Organi[sz]ation|Liberation|"
                           r"Mujahideen|Mujahidin|Jihad|Tigers|Forces?|Union|League|Alliance|Federation|Cells?|Command|Coordinat\w*|"
                           r"Resistance|Revolutionary|Militia|Jamaat|Tehrik|Lashkar|Harkat|Ansar|Jund|Katibat?)\b")


def _members_of(sentence: str, out: list[Mention]) -> None:
    """Adds to ``out`` the groups named as the fighters' own (``_MEMBERS_OF``) where no actor is
    read there already; the generic "militants" of the phrase is that group, so it goes."""
    for hit in _MEMBERS_OF.finditer(sentence):
        if hit.group(0)[:1].isupper() and re.search(r"(?-i:[A-Z])[\w'’-]*\s+$", sentence[:hit.start()]):
            continue  # "Adivasi Cobra Militants of Assam": inside a group's own name
        generic = [o for o in out if o.name.startswith("Unidentified") and (
            o.start < hit.end() and o.end > hit.start() or o.end <= hit.start() and re.fullmatch(r"\s+(?:of|from)\s+", sentence[o.end:hit.start()]))]
        if any(o.start == hit.end() and not o.name.startswith("Unidentified") for o in out):
            out[:] = [o for o in out if o not in generic]  # "militants from the Taliban" are the Taliban
            continue
        found = _name_ahead(sentence, hit.end())
        if found is None:
            continue
        start, end, name, acr = found
        if any(o.start < end and o.end > start for o in out):
            continue
        if len(name.split()) < 2 and not acr or name.split()[0].lower() in _NOT_A_NAME:
            continue
        if not (acr or "group" in hit.group(0).lower() or _ORGANISATION.search(name)):
            continue  # "gunmen from the Swat Valley" name a place, not a group
        out[:] = [o for o in out if o not in generic]
        out.append(Mention(start, end, sentence[start:end], _own_name(name), "Rebel group"))


_CLAIMED = re.compile(r"\b(?:claimed|claims|claiming|took|has taken|have taken|accepted)\s+(?:the\s+)?(?:responsibility|credit)|\bclaimed\s+(?:the|this|that|both|these)\s+(?:attacks?|bombings?|blasts?|killings?)|\bsaid\s+(?:it|they)\s+(?:had\s+)?(?:carried out|was behind|were behind|conducted)", re.I)
# "claimed by X"; "the perpetrators claimed to be members of X" names X as the claimant too
_CLAIMED_BY = re.compile(r"\b(?:responsibility|credit)\s+(?:was|has been|had been)\s+claimed\s+by\b|\bclaimed\s+by\b"
                         r"|\b(?:claimed|claiming|said)\s+(?:to\s+be|they\s+were|he\s+was)\s+(?:members?\s+of|from)\b", re.I)
_DENIED = re.compile(r"\bden(?:ied|ies|ying)\s+(?:any\s+)?(?:involvement|responsibility|role|being behind|carrying out)", re.I)
_SUSPECTED = re.compile(r"\b(?:blamed|suspected|believed|thought|accused|likely|suspicion|speculat(?:e|es|ed)|attribut(?:e|es|ed|ing))\b"
                        r"|\b(?:authorities|officials?|police|sources|investigators|the (?:army|military|government))\s+(?:suspect|believe|blame)s?\b", re.I)
_SUSPECTED_BY = re.compile(r"\b(?:were|was|are|is)\s+(?:thought|believed|suspected)\s+(?:to\s+(?:be|have\s+been)\s+)?(?:responsible|behind|involved)", re.I)
_NO_CLAIM = re.compile(r"\b(?:no|none)\s+(?:group|one|organi[sz]ation)\s+(?:\w+\s+){0,3}?(?:claimed|has claimed|had claimed|took)\b", re.I)


@dataclass(frozen=True, slots=True)
class Responsibility:
    name: str
    actor_type: str
    status: str  # claimed | suspected | denied
    mention: str


_NAME_RUN = re.compile(
    r"(?P<name>(?:(?-i:[A-Z])[\w'’`.-]*|of|the|for|and|de|al|el|wal)(?:\s+(?:(?-i:[A-Z])[\w'’`.-]*|of|the|for|and|de|al|el|wal|-)){0,7})"
    r"(?:\s*\((?P<acr>[^)]{2,12})\))?(?:\s+(?:militants|members|fighters|rebels|insurgents|group|cadres|operatives|tribesmen|extremists))?\s*$"
)
_NOT_A_NAME = {"no", "the", "a", "an", "it", "they", "he", "she", "police", "authorities", "officials", "militants", "unidentified"}


def unknown_group(before: str) -> Mention | None:
    """A group the alias table does not know, named right before a claim: "Baloch Mussalah Diffah
    Tanzim (BMDT) claimed responsibility". Its own name stands, typed as a rebel group."""
    m = _NAME_RUN.search(before.rstrip(" ,"))
    if not m:
        return None
    name = re.sub(r"^(?:The|the|A|a)\s+", "", m.group("name")).strip(" -")
    words = name.split()
    if len(words) < 2 and not m.group("acr") or not words or words[0].lower() in _NOT_A_NAME or not words[0][:1].isupper():
        return None
    return Mention(m.start(), m.end(), m.group(0).strip(), _own_name(name), "Rebel group")


_GROUP_WORDS = r"(?:militants|members|fighters|rebels|insurgents|cadres|operatives|gunmen|guerrillas)"
_SUSPECTED_OF = re.compile(r"\bsuspected\s+(?:(?:\w+\s+){0,2}?" + _GROUP_WORDS + r"|member)\s+of\s+(?:the\s+)?", re.I)
_SUSPECTED_NAME = re.compile(r"\bsuspected\s+(?:the\s+)?", re.I)
# "police suspected that the Indian Mujahideen was responsible": the suspect is the name after
# "that", when the clause says it was responsible, not who suspected it
_SUSPECTED_THAT = re.compile(r"\b(?:suspected|believed|thought|suspect|believe)\s+that\s+(?:the\s+)?", re.I)
_RESPONSIBLE_AFTER = re.compile(r"(?:\s+(?:militant\s+)?(?:group|organi[sz]ation)|\s+" + _GROUP_WORDS + r")?"
                                r"\s+(?:was|were|is|are|had\s+been|may\s+have\s+been)\s+(?:responsible|behind)\b", re.I)
_NAME_AHEAD = re.compile(
    r"(?P<name>(?-i:[A-Z])[\w'’`.-]*(?:\s+(?:(?-i:[A-Z])[\w'’`.-]*|of|the|for|and|de|al|el|wal|in|against|-)){0,7})"
    r"(?:\s*\((?P<acr>[^)]{2,12})\))?"
)


def _name_ahead(text: str, pos: int) -> tuple[int, int, str, bool] | None:
    """The group's own name written at ``pos`` ("Karbi Longri Liberation Front (KLLF)"): its start,
    its end (past the acronym when the whole run is the name), the name without trailing lower-case
    words, and whether an acronym follows it; None where no capitalised run starts there."""
    m = _NAME_AHEAD.match(text, pos)
    if not m:
        return None
    words = m.group("name").split()
    while words and (words[-1].islower() or words[-1] == "-"):
        words.pop()
    if not words:
        return None
    whole = len(words) == len(m.group("name").split())
    end = m.end() if m.group("acr") and whole else m.start() + len(" ".join(words))
    return m.start(), end, " ".join(words), bool(m.group("acr"))


_TAIL_WORD = re.compile(r"\s+" + _GROUP_WORDS + r"\b", re.I)


def _own_name(name: str) -> str:
    """A group's name as it writes itself, with typographic apostrophes made plain ("Karbi
    People’s Liberation Tigers" is "Karbi People's Liberation Tigers")."""
    return name.replace("’", "'").replace("‘", "'").replace("`", "'")


def suspected_groups(sentence: str) -> list[Mention]:
    """Groups the alias table may not know, named as suspects: "suspected members of the Kuki
    National Front opened fire", "suspected Karbi Longri Liberation Front (KLLF) militants
    kidnapped". The group's own name stands, typed as a rebel group; a bare "suspected militants"
    names nobody."""
    out: list[Mention] = []
    for pat, tail in ((_SUSPECTED_OF, None), (_SUSPECTED_NAME, _TAIL_WORD), (_SUSPECTED_THAT, _RESPONSIBLE_AFTER)):
        for hit in pat.finditer(sentence):
            found = _name_ahead(sentence, hit.end())
            if found is None:
                continue
            start, end, name, acr = found
            if tail is not None and not tail.match(sentence, end):
                continue
            if len(name.split()) < 2 and not acr or name.split()[0].lower() in _NOT_A_NAME:
                continue
            out.append(Mention(start, end, sentence[start:end], _own_name(name), "Rebel group"))
    return out


# "the commander of the Rajan Mukti faction of Janatantrik Terai Mukti Morcha (JTMM), identified as
# Janamukti, claimed responsibility": the claimant speaks for the group named after "of"
_LEADER_OF = re.compile(r"\b(?:leaders?|commanders?|spokes(?:man|men|person|woman)|chiefs?|heads?|members?|cadres?)\s+(?:of|for|from)\s+"
                        r"(?:the\s+)?(?:(?:[\w-]+\s+){1,3}?faction\s+of\s+(?:the\s+)?)?", re.I)


def leader_group(before: str) -> Mention | None:
    """The group a claimant leads or speaks for, named in the 150 characters before the claim
    ("a spokesman for the Karbi Longri Liberation Front claimed"), when the table does not know it."""
    hits = [h for h in _LEADER_OF.finditer(before) if len(before) - h.end() <= 150]
    for hit in reversed(hits):
        found = _name_ahead(before, hit.end())
        if found is None:
            continue
        start, end, name, acr = found
        if (len(name.split()) >= 2 or acr) and name.split()[0].lower() not in _NOT_A_NAME:
            return Mention(start, end, before[start:end], _own_name(name), "Rebel group")
    return None


# leaflets, posters or pamphlets a group left at the scene name it as the suspect, as GTD codes
# them: "leaflets of the Khumbuwan Mukti Morcha were found", "CPI-Maoist posters left at the site"
_LEFT_AFTER = re.compile(r"\b(?:leaflets|pamphlets|posters|banners|handbills)\s+(?:\w+\s+){0,2}?(?:of|from|by|belonging\s+to|signed\s+by)\s+(?:the\s+)?", re.I)
_LEFT_BEFORE = re.compile(r"(?:\s*\([^)]{2,12}\))?\s+(?:posters|leaflets|pamphlets|banners|handbills)\b", re.I)


def left_behind(sentence: str, named: list[Mention]) -> list[Mention]:
    """Groups named by the leaflets, posters or pamphlets of the attack: a known actor right after
    "leaflets of" or right before "posters", or a group's own name after "pamphlets from"."""
    out: list[Mention] = []
    for hit in _LEFT_AFTER.finditer(sentence):
        known = [a for a in named if a.start == hit.end()]
        if known:
            out.append(known[0])
            continue
        m = _NAME_AHEAD.match(sentence, hit.end())
        if m:
            words = m.group("name").split()
            while words and (words[-1].islower() or words[-1] == "-"):
                words.pop()
            if len(words) >= 2 or m.group("acr"):
                end = m.start() + len(" ".join(words))
                out.append(Mention(m.start(), end, sentence[m.start():end], _own_name(" ".join(words)), "Rebel group"))
    out.extend(a for a in named if _LEFT_BEFORE.match(sentence, a.end) and a not in out)
    return [a for a in out if not a.name.startswith("Unidentified") and a.actor_type not in ("State forces", "Civilians", "Protesters")]


def responsibility(sentence: str, actors: list[Mention]) -> list[Responsibility]:
    """Claims, suspicions and denials of responsibility stated in one sentence."""
    named = [a for a in actors if a.actor_type not in ("Civilians", "Protesters")]
    out: list[Responsibility] = []
    for g in suspected_groups(sentence):
        inside = [a for a in named if g.start < a.end and g.end > a.start]
        # "Adivasi Cobra Militants of Assam": the generic "militants" is part of the group's name
        if all(a.name.startswith("Unidentified") and g.start <= a.start and a.end <= g.end for a in inside):
            named = [a for a in named if a not in inside] + [g]
    for pat in (_CLAIMED, _SUSPECTED_BY):
        hit = pat.search(sentence)
        known = [a for a in named if not a.name.startswith("Unidentified")]
        denied_claim = pat is _CLAIMED and hit is not None and _NO_CLAIM.search(sentence[:hit.end()])
        if hit and not denied_claim and not any(a.end <= hit.start() and hit.start() - a.end < 40 for a in known):
            extra = unknown_group(sentence[:hit.start()]) or leader_group(sentence[:hit.start()])
            if extra is not None:
                named.append(extra)
    left = left_behind(sentence, named)
    if not named and not left:
        return out
    m = _CLAIMED.search(sentence)
    by = _CLAIMED_BY.search(sentence)
    if _NO_CLAIM.search(sentence):
        m = None
    if m:
        before = [a for a in named if a.end <= m.start()]
        if before:
            close = [a for a in before if m.start() - a.end < 60] or before[-1:]
            a = max(close, key=lambda a: (not a.name.startswith("Unidentified"), a.end))
            out.append(Responsibility(a.name, a.actor_type, "claimed", a.text))
    if by:
        after = [a for a in named if a.start >= by.end()]
        if after:
            a = after[0]
            out.append(Responsibility(a.name, a.actor_type, "claimed", a.text))
    d = _DENIED.search(sentence)
    if d:
        before = [a for a in named if a.end <= d.start()]
        if before:
            a = before[-1]
            out.append(Responsibility(a.name, a.actor_type, "denied", a.text))
    if not out:
        out.extend(Responsibility(a.name, a.actor_type, "suspected", a.text) for a in left[:1])
    s = _SUSPECTED.search(sentence)
    if s and not out:
        # "suspected X militants": the actor right after the word is the suspect (an unnamed one
        # names nobody), not "police" who said so before it
        ahead = [a for a in named if s.start() <= a.start and a.start - s.end() <= 30 and not re.search(r"[,;]", sentence[s.end():a.start])]
        if ahead:
            a = min(ahead, key=lambda a: a.start)
            if not a.name.startswith("Unidentified") and a.actor_type != "State forces":
                out.append(Responsibility(a.name, a.actor_type, "suspected", a.text))
            return out
        # who "suspected that ..." is the one suspecting, not the suspect
        pool = [a for a in named if a.start >= s.end()] if re.match(r"\s+that\b", sentence[s.end():]) else named
        near = sorted(pool, key=lambda a: (a.name.startswith("Unidentified"), abs(a.start - s.start())))
        if near and abs(near[0].start - s.start()) < 80:
            a = near[0]
            out.append(Responsibility(a.name, a.actor_type, "suspected", a.text))
    return out
