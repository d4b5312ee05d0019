"""Coordinated victims before one passive verb: "Marcus Hill, 32, and Dana Price, 51, were shot and
killed" (2), "A woman and her two children were killed" (3), "Both were pronounced dead" (2),
"a police colonel and captain were killed" (2: the bare noun shares the determiner), "the couple's
toddler and their dog were found dead" (1: an animal is no victim), "A man and three
children who were on their way home were killed" (4: a relative clause stands between); and
companions after it: "was killed along with Heriberto Corpus, 20" (one more), "was killed in the
incident, as was a nearby civilian" (one more).

Find only: ``find_coordinated(sentence)`` returns each subject's span, its head count and the verb;
``casualties.find_figures`` turns them into figures. Vocabulary: ``[coordinated]`` in
``data/casualties.toml``.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from .numbers import find_numbers, parse_int


@dataclass(frozen=True, slots=True)
class Coordinated:
    start: int  # span of the subject, sentence-relative
    end: int
    count: int
    verb: str
    subject: str


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    v = tomllib.loads(resources.files("sitrep.extract").joinpath("data/casualties.toml").read_text("utf-8"))
    c = v["coordinated"]
    return {
        "verb": re.compile(rf"{c['aux']}(?P<kw>{c['verb']})\b|\s(?:(?:both|all|later|also|reportedly)\s+)?(?P<dkw>{c['died']})\b", re.I),
        "boundary": re.compile(c["boundary"], re.I),
        "person": re.compile(rf"^(?:{v['person_nouns']})$", re.I),
        "not_people": re.compile(rf"^(?:{c['not_people']})$", re.I),
        "det": re.compile(rf"^(?:{c['det']})\s+(?:[\w’'-]+\s+){{0,3}}?(?P<noun>[\w’'-]+)$", re.I),
        "name": re.compile(rf"^(?!.*\b(?:{c['not_name']})\b)[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{1,3}}$"),
        "group": re.compile(c["group"], re.I),
        "died_after": re.compile(c["died_after"], re.I),
        "companion_verb": re.compile(c["companion_verb"], re.I),
        "companion_end": re.compile(c["companion_end"], re.I),
        "found_dead": re.compile(c["found_dead"], re.I),
        "animal": re.compile(rf"^(?:{c['animals']})$", re.I),
    }


def is_animal(item: str) -> bool:
    """Does a list item name an animal ("their dog", "the family's two cats")? It shares the
    fate of the people listed with it and is no victim."""
    return bool(_patterns()["animal"].match(re.sub(r"^the\s+[\w’'-]+[’']s\s+", "the ", item)))


def _is_person(word: str) -> bool:
    p = _patterns()
    return bool(p["person"].match(word)) and not p["not_people"].match(word)


def item_count(item: str) -> int | None:
    """People one coordinated item names: "Dana Price" 1, "a woman" 1, "her two children" 2;
    None when the item names no person ("the attack", "On Sunday")."""
    p = _patterns()
    if p["name"].match(item):
        return 1
    nums = find_numbers(item)
    m = p["det"].match(item)
    if m and _is_person(m.group("noun")):
        return nums[0].min if nums and nums[0].exact else 1
    last = item.split()[-1] if item.split() else ""
    item = re.sub(r"^(\S+)\s+of\s+(?:his|her|their|its)\s+", r"\1 ", item)  # "two of his body guards"
    if nums and nums[0].start == 0 and nums[0].exact and _is_person(last) and len(item.split()) <= 4:
        return nums[0].min  # "two children"
    return None


#: a first item with a determiner of one person ("a father", "the district chief")
_ONE_DET = re.compile(r"^(?:a|an|the|his|her|their|one)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+$", re.I)


def shares_determiner(first: str, item: str) -> bool:
    """Is ``item`` a bare singular person noun joined by "and" to a first item with a determiner
    ("a father and son", "a police colonel and captain")? Then it is one more person."""
    words = item.split()
    if not (1 <= len(words) <= 2) or not re.fullmatch(r"(?-i:[a-z])[\w’'-]*", words[0]) or re.search(r"[^s’']s$", words[-1]):
        return False
    return bool(_ONE_DET.match(first)) and item_count(first) == 1 and _is_person(words[-1])


def group_count(subject: str) -> int | None:
    """"Both", "Both victims", "All three men", "The two victims": the count the group names; None otherwise."""
    m = _patterns()["group"].match(subject)
    if not m or (m.group("noun") and not _is_person(m.group("noun"))):
        return None
    n = m.group("n") or m.group("m")
    return parse_int(n) if n else 2


#: nouns of a total that the items after it break down ("five people, three civilians and ...")
_GENERIC = re.compile(r"\b(?:people|persons|individuals|victims|civilians|members|casualties)$", re.I)

#: a plural head with no count of its own, which the items after its comma name ("The victims,
#: a man and a woman, were shot")
_PLURAL_HEAD = re.compile(r"^(?:the|both|all|those)\s+(?:[\w’'-]+\s+){0,2}?(?:victims|people|men|women|children|teens|teenagers|persons|individuals|others|officers|suspects)$", re.I)


def subject_count(subject: str) -> tuple[int, int] | None:
    """People counted by a coordinated subject and where the counted part starts, read from its
    right end ("In the attack, a man and a woman" is 2 from "a man"): at least two items joined by
    "and"; ages in apposition are no items."""
    whole = group_count(subject)
    if whole:
        return whole, 0
    pieces = re.split(r"(\s*,\s*(?:and\s+)?|\s+and\s+)", subject)
    offsets = [0]
    for piece in pieces:
        offsets.append(offsets[-1] + len(piece))
    total, items, joined, start = 0, 0, False, len(subject)
    p = _patterns()
    names = 0  # people named by the run of names right of this item
    for k in range(len(pieces) - 1, -1, -2):
        item = pieces[k].strip()
        if re.fullmatch(r"(?:aged\s+)?\d{1,2}", item, re.I) and k:
            continue  # "Marcus Hill, 32, and": an age in apposition
        plain = k + 1 < len(pieces) and "and" not in pieces[k + 1]
        if plain and items >= 2 and _PLURAL_HEAD.match(item):
            break  # "The victims, a 20-year-old man and a 22-year-old woman,": the items name the victims
        n = item_count(item)
        if n is None and k >= 2 and "and" in pieces[k - 1] and shares_determiner(pieces[k - 2].strip(), item):
            n = 1  # "a police colonel and captain", "a father and son": the bare noun shares the determiner
        animal = n is None and is_animal(item)
        if animal:
            n = 0  # "the couple's toddler and their dog were found dead": the dog is no victim
        if n is None:
            break
        if p["name"].match(item):
            names += n
        elif not animal:
            if names == n and plain:
                # "his bodyguard, Fazl Mahmood", "two candidates, Jhon Londoño and Brindan
                # Bustamente": the names after a comma are the people just counted
                total, items = total - names, items - 1
            elif plain and n > 1 and total == n and items >= 2 and _GENERIC.search(item):
                # "Five people, three civilians and two police officers": a total, then its parts
                total, items = 0, 1
            names = 0
        total += n
        items += 1
        start = offsets[k]
        if k and "and" in pieces[k - 1] and not joined and items == 1:
            joined = True
        elif k and items == 1 and re.fullmatch(r"(?:aged\s+)?\d{1,2}", pieces[k - 2].strip(), re.I) and "and" in pieces[k - 3]:
            joined = True  # "Dana Price, 51": the "and" stands before the age
    return (total, start) if items >= 2 and joined and total else None


def find_coordinated(sentence: str) -> list[Coordinated]:
    """Each passive casualty verb whose subject coordinates people or names a group."""
    p = _patterns()
    out = []
    # 'an officer and a "citizen" were injured': a quoted word is still the item (same offsets)
    sentence = re.sub(r"[\"“”]([\w’'-]+)[\"“”]", lambda q: " " + q.group(1) + " ", sentence)
    for m in p["verb"].finditer(sentence):
        left = sentence[:m.start()].rstrip()
        cuts = [0] + [b.end() for b in p["boundary"].finditer(left)]
        cut = cuts[-1]
        subject = left[cut:].strip(" ,")
        if not subject:
            continue
        read = subject_count(subject)
        if read is None and len(cuts) > 1:
            inner = before_relative(left, cuts)
            if inner is not None:
                cut, subject = inner
                read = subject_count(subject)
        if read:
            start = left.index(subject, cut) + read[1]
            end = left.index(subject, cut) + len(subject)
            verb = "killed" if m.group("dkw") or p["died_after"].search(sentence, m.end()) else m.group("kw").lower()
            out.append(Coordinated(start, end, read[0], verb, sentence[start:end]))
    return out


_RELATIVE = re.compile(r"\s+(?:who|that)\s+(?:were|was|had been)\s+(?!(?:killed|shot|wounded|injured|hurt|dead)\b)[^,;()]{1,50}$", re.I)


def before_relative(left: str, cuts: list[int]) -> tuple[int, str] | None:
    """The subject before a relative clause that tells no fate: "A man and three children who
    were on their way home were killed" is counted from "A man and three children". Returns the
    subject's start and text, or None when the last clause word opens no such clause."""
    rel = _RELATIVE.search(left, cuts[-2])
    if rel is None or rel.start() > cuts[-1] or rel.end() != len(left):
        return None
    start = cuts[-2]
    subject = left[start:rel.start()].strip(" ,")
    return (left.index(subject, start), subject) if subject else None


def find_companions(sentence: str) -> list[Coordinated]:
    """People who share the subject's fate after "along with": "Felimon Contreras, 29, was killed
    along with Heriberto Corpus, 20" (1 companion), "Officer Garrett Swasey died along with two
    civilian victims" (2). Each result spans the companions, counts only them, and carries the verb."""
    p = _patterns()
    out: list[Coordinated] = []
    if "along with" not in sentence.lower():
        return out
    for m in p["companion_verb"].finditer(sentence):
        end = p["companion_end"].search(sentence, m.end())
        stop = end.start() if end else len(sentence)
        phrase = sentence[m.end():stop].strip()
        if not phrase:
            continue
        count = companion_count(phrase)
        if count:
            verb = (m.group("kw") or m.group("dkw") or m.group("akw")).lower()
            out.append(Coordinated(m.end(), m.end() + len(phrase), count, "killed" if verb == "died" else verb, phrase))
    return out


_AS_WAS = re.compile(r",\s*as\s+(?:was|were)\s+(?:also\s+)?(?P<who>[^,.;:()]+?)(?=\s+(?:who|that|in|at|on|near|during|when|while|after)\b|[,.;:()]|$)", re.I)
_FATE_BEFORE = re.compile(r"\b(?P<fate>killed|dead|died|wounded|injured|hurt)\b(?!.*\b(?:killed|dead|died|wounded|injured|hurt)\b)", re.I)


def find_as_was(sentence: str) -> list[Coordinated]:
    """People who share the fate just told, after "as was": "another soldier was injured, as was
    a civilian who was passing by" (one more injured), "the police chief was killed in the
    incident, as was a nearby civilian" (one more killed). Each result spans the companions,
    counts only them, and carries the fate they share (read by ``casualties.with_companions``)."""
    out: list[Coordinated] = []
    if "as w" not in sentence:
        return out  # a cheap look first
    for m in _AS_WAS.finditer(sentence):
        fate = _FATE_BEFORE.search(sentence, 0, m.start())
        count = companion_count(m.group("who").strip())
        if fate and count:
            verb = {"dead": "killed", "died": "killed", "hurt": "injured"}.get(fate.group("fate").lower(), fate.group("fate").lower())
            out.append(Coordinated(m.start("who"), m.end("who"), count, verb, m.group("who")))
    return out


def companion_count(phrase: str) -> int:
    """People a companion phrase names: "Heriberto Corpus" 1, "two civilian victims" 2, "his wife
    and son" 2 (a bare kin noun after "and" shares the determiner); 0 when it names no person."""
    total = 0
    for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", phrase):
        words = item.split()
        n = item_count(item) or (1 if words and len(words) <= 2 and _is_person(words[-1]) else None)
        if n is None:
            break
        total += n
    return total


def find_found_dead(sentence: str) -> list[Coordinated]:
    """People an active "found" or "discovered" finds dead: "officers found a male and female
    deceased inside the residence" (2), "they found 37-year-old Tammy Modlin and 16-year-old
    Montana Modlin dead on a bed" (2), "deputies discovered a man dead in his car" (1)."""
    out: list[Coordinated] = []
    low = sentence.lower()
    if "dead" not in low and "deceased" not in low:
        return out  # a cheap look first
    for m in _patterns()["found_dead"].finditer(sentence):
        count = companion_count(re.sub(r"\b\d+-year-old\s+", "", m.group("who")))  # "37-year-old Tammy Modlin"
        if count:
            out.append(Coordinated(m.start("who"), m.end("who"), count, "killed", m.group("who")))
    return out
