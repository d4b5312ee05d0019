"""The extraction stage: one cleaned article in, its mentions out.

``Reader.read_many`` finds triggers, figures, dates and actors sentence by sentence with rules,
runs spaCy's NER only on the sentences that can hold an event (the rest need no parse) and
resolves places with the gazetteer. What it returns (``mentions.ArticleMentions``) is read, not
decided: which sentences tell one incident is ``sitrep.reconcile``'s work, and ``sitrep.pipeline``
runs the stages in order.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import settings
from ..clean import boilerplate
from ..errors import SitrepError
from ..geo.event import lies_in
from ..geo.resolve import is_source_base
from ..models import Article, Place
from . import actors as actor_rules
from . import casualties, dates, events, mentions, numbers
from .attribution import source_of
from .caseless import Caseless
from .mentions import ArticleMentions, Mention, SentenceActors
from .sentences import Sentence, split

if TYPE_CHECKING:
    from ..geo.resolve import Geoparser

_NER_LABELS = {"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"}
_RESP_HINT = re.compile(r"responsib|claimed|blamed|suspect|believe|denied", re.I)


def version() -> str:
    """The versions of the rules that extraction reads with."""
    return "+".join([f"triggers-{events.version()}", f"casualties-{casualties.version()}", f"numbers-{numbers.version()}",
                     f"mentions-{mentions.version()}", f"actors-{actor_rules.version()}"])


class Reader:
    """Holds the loaded model and geoparser; reuse one for many articles."""

    def __init__(self, nlp=None, geoparser: Geoparser | None = None, use_ner: bool = True) -> None:
        self._nlp = nlp
        self._geo = geoparser
        self.use_ner = use_ner

    @property
    def nlp(self):
        if self._nlp is None:
            from ..nlp import load

            self._nlp = load()
        return self._nlp

    @property
    def geo(self) -> Geoparser:
        if self._geo is None:
            from ..geo.resolve import Geoparser

            self._geo = Geoparser()
        return self._geo

    def read_many(self, batch: list[Article]) -> Iterator[tuple[Article, ArticleMentions | SitrepError]]:
        """Read cleaned articles, in order; NER runs once over the whole batch's event sentences."""
        prepared: list[tuple] = []
        wanted: list[str] = []
        for art in batch:
            try:
                head_end = boilerplate.headline_end(art)
                sents = _dedupe(split(art.text), head_end)
                relevant = [i for i, s in enumerate(sents) if _relevant(s.text)]
                found = {i: (events.find_triggers(sents[i].text),
                             casualties.find_figures(_sentence_case(sents[i].text) if sents[i].start < head_end else sents[i].text))
                         for i in relevant}
                # NER only where an event or a figure is: that is where places and actors matter
                parse = [i for i in relevant if found[i][0] or found[i][1]]
                prepared.append((art, None, sents, relevant, found, parse))
                wanted.extend(sents[i].text for i in parse)
            except SitrepError as e:
                prepared.append((art, e, [], [], {}, []))
        ents_by_sentence = self._ner(wanted)
        k = 0
        for art, error, sents, relevant, found, parse in prepared:
            if error is not None:
                yield art, error
                continue
            ents: list[tuple[int, int, str]] = []
            for i in parse:
                base = sents[i].start
                ents.extend((base + s, base + e, label) for s, e, label in ents_by_sentence[k])
                k += 1
            yield art, self._read(art, sents, relevant, ents, found)

    def _ner(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        if not self.use_ner or not texts:
            return [[] for _ in texts]
        nlp = self.nlp
        # en_core_web_sm's NER carries its own tok2vec: the shared one, the tagger and the parser
        # feed nothing we read, so only "ner" runs (a test checks the entities are unchanged)
        keep = {"ner"} if "ner" in nlp.pipe_names else set(nlp.pipe_names)
        disable = [p for p in nlp.pipe_names if p not in keep]
        out = []
        with nlp.select_pipes(disable=disable):
            for doc in nlp.pipe(texts, batch_size=int(settings.get("nlp", "batch_size"))):
                out.append([(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in _NER_LABELS])
        return out

    def _read(self, article: Article, sents: list[Sentence], relevant: list[int], ents: list[tuple[int, int, str]],
              found: dict[int, tuple[list, list]]) -> ArticleMentions:
        text, pub = article.text, article.published
        places = self.geo.find_places(text, ents, dateline=article.dateline)
        countries = Counter(p.country_code for p in places if p.country_code)
        country_code = countries.most_common(1)[0][0] if countries else None
        country = next((p.country for p in places if p.country_code == country_code and p.country), None)
        found_mentions: list[Mention] = []
        previous: dt.date | None = None
        anchor_date: dates.DateMention | None = None
        per_sentence: dict[int, SentenceActors] = {}
        in_sentence = _PlacesBySpan(places)
        head_end = boilerplate.headline_end(article)
        for i in relevant:
            s = sents[i]
            triggers, figures = found[i]
            rise = casualties.toll_may_rise(s.text)
            found_dates = dates.find_dates(s.text, pub, previous)
            date = dates.best(found_dates)
            background = ((mentions.is_background(s.text, bool(figures)) or mentions.is_past(s.text, pub)
                           or any(dates.is_background(d, pub) for d in found_dates))
                          and not mentions.opens_dated_now(found_dates, pub))
            if date and not background:
                previous = date.date
                if anchor_date is None and any(t.violent for t in triggers):
                    anchor_date = date
            in_sent = [p for p in in_sentence.starting_in(s.start, s.end) if not _modifier(text, p, places) and not mentions.names_a_site(text, p)]
            m = Mention(i, s.start, s.end, s.text, triggers, figures, None, in_sent, date, background,
                        source_of(s.text), rise, headline=s.start < head_end)
            m.place = self.geo.event_place(text, in_sent, m.anchor()) if in_sent else None
            found_mentions.append(m)
            when = date.date if date else pub
            acts = actor_rules.find_actors(s.text, when, country, self.geo.nationality)
            per_sentence[i] = SentenceActors(acts, actor_rules.responsibility(s.text, acts) if _RESP_HINT.search(s.text) else [])
        return ArticleMentions(article, found_mentions, places, per_sentence, anchor_date, country_code, country)


class _PlacesBySpan:
    """The places that start inside a sentence, found by bisection (linear time on huge texts)."""

    def __init__(self, places: list[Place]) -> None:
        self._placed = [p for p in places if p.start is not None]
        self._starts = [p.start for p in self._placed]
        self._sorted = all(a <= b for a, b in zip(self._starts, self._starts[1:]))  # type: ignore[operator]

    def starting_in(self, start: int, end: int) -> list[Place]:
        if not self._sorted:
            return [p for p in self._placed if start <= p.start < end]  # type: ignore[operator]
        return self._placed[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)]  # type: ignore[arg-type]


_MODIFIER = re.compile(r"\s+(?:suburb|district|neighbou?rhood|outskirts|countryside|quarter|area|camp)s?\s+of\b", re.I)
_THE = re.compile(r"\s*(?:the\s+)?")


def _modifier(text: str, p: Place, places: list[Place]) -> bool:
    """"the Damascus suburb of Sayyida Zeinab": Damascus only qualifies the place that follows;
    "the London-based monitor": a source's base qualifies the source, never the event (the one
    rule, ``geo.resolve.is_source_base``, also applies when the event's place is chosen from the
    whole text). A town written before the area it lies in is the place, not a qualifier: "the
    Golbasi district of Adiyaman" is Golbasi (``geo.event.chain_containers`` then ranks the two)."""
    if is_source_base(text, p):
        return True
    m = _MODIFIER.match(text, p.end) if p.end is not None else None
    if m is None:
        return False
    start = _THE.match(text, m.end()).end()  # type: ignore[union-attr]  # it matches the empty string
    area = next((q for q in places if q.start == start), None)
    return not (area is not None and p.precision == 1 and (area.precision or 0) in (4, 6) and lies_in(p, area))


_QUICK = Caseless(
    r"kill|dead|die|death|wound|injur|hurt|bomb|blast|explo|attack|shot|shoot|gun|fire|clash|fight|strike|raid|shell|rocket|missile|mortar"
    r"|grenade|mine|ied|kidnap|abduct|hostage|arrest|detain|protest|demonstrat|riot|rall|march|ceasefire|cease-fire|truce|agree|deal|accord"
    r"|massacre|execut|behead|stab|murder|assassin|loot|torch|burn|seiz|captur|recaptur|retook|control|militan|insurgen|rebel|troops|soldier"
    r"|police|responsib|claim|toll|casualt|fatalit|victim|rape|sexual|defus|cache|base|withdr|deploy|hospital|critical"
    r"|post|point|establish|set up|troops|forces|defect|join|pushed|drove|driven|freed|liberat|talks|signed|exchang|prisoner"
    r"|found|discover|weapon|ammunition|destroy|vigil|sit-in|strike|block|mob|lynch|stone|tear gas|jets|warplane|drone"
    r"|target|tortur|assault|beat|thrash|baton|gather|procession|human chain|motorcade|streets"
    # the words of event_triggers.toml that none of the stems above finds (reinforcements, thwarted,
    # brawl, robbed at gunpoint ...): a sentence the filter drops can tell no event (issue 11)
    r"|reinforc|halted|sealed off|curfew|banned|\bban\b|patrol|column|convoy|merged|disband|fortif|trench|faction|broke away"
    r"|thwart|foil|repel|repuls|bullet|brawl|scuffle|ransack|vandal|demolish|razed|uproot|molotov|alight|ablaze"
    r"|came out|\bhit\b|robb|wield|brandish|pointed|ambush|skirmish|offensive|storm|hijack"
    # pots banged, a rejection voiced, windows smashed, trees cut down, material damage told (Peaceful protest
    # and Looting/property destruction triggers, event_triggers.toml 2026.12.11)
    r"|banged pots|banging pots|pot-banging|cacerolazo|voiced|smash|cut down|material damage|bulldoz"
    # "The body of <name> was recovered": a death the casualty reader counts (found_body)
    r"|\bbod(?:y|ies)\b|recover"
    # refugees or migrants returned, people displaced or evacuated, shots in the air (Other, event_triggers.toml 2026.12.13)
    r"|refugee|migrant|returnee|displaced|evacuat|fled|in the air|into the air|delivered|handed out",
)


def _relevant(sentence: str) -> bool:
    """Cheap test: could this sentence hold an event, a figure, a date for one, or an attribution?"""
    return _QUICK.search(sentence, sentence.lower())  # a yes or no: the offsets need not hold


def _sentence_case(headline: str) -> str:
    """"Two Wounded In South Chicago Shooting": a headline in title case, lower-cased (same
    length, so offsets hold) for the figure patterns, which read "wounded", not "Wounded"."""
    words = re.findall(r"[A-Za-z]+", headline)
    low = headline.lower()
    if len(low) != len(headline) or not words or sum(w[0].isupper() for w in words) < 0.6 * len(words):
        return headline
    return low


def _revises(sentence: str, earlier: str) -> bool:
    """Does a near repeat give another figure for a count its earlier sentence gives: a revised count
    ("reportedly killed more than 10 insurgents" ... an update's "The strikes killed 15 insurgents"),
    not a template repeated with other dates ("more »» ... December 4, 2015")?"""
    mine = {(f.kind, f.min, f.max) for f in casualties.find_figures(sentence)}
    if not mine:
        return False
    theirs = {(f.kind, f.min, f.max) for f in casualties.find_figures(earlier)}
    # the same kind of count, another figure: not a count the earlier sentence never gave
    return bool({k for k, _, _ in mine} & {k for k, _, _ in theirs}) and mine != theirs


def _dedupe(sents: list[Sentence], head_end: int = 0) -> list[Sentence]:
    """Drop sentences that repeat an earlier one nearly word for word (syndication, templates),
    unless they give a count the earlier one does not (a revised figure, an update's paragraph).
    The headline (text before ``head_end``) is kept and compared with nothing: the lead sentence
    that it sums up is the story, not a repeat."""
    # exact repeats anywhere; near repeats within the last 200 sentences (linear time on huge texts)
    exact: set[str] = set()
    recent: list[set[str]] = []
    out = []
    for s in sents:
        if s.start < head_end:
            out.append(s)
            continue
        key = " ".join(re.findall(r"\w+", s.text.lower()))
        words = set(key.split())
        if key in exact or (len(words) >= 8 and any(len(words & w) / min(len(words), len(w)) >= 0.8
                                                    and not _revises(s.text, earlier) for w, earlier in recent if w)):
            continue
        exact.add(key)
        recent.append((words, s.text))
        if len(recent) > 200:
            recent.pop(0)
        out.append(s)
    return out
