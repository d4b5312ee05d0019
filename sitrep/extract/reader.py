"""One article in, its incidents out: the extraction stage's public entry points.

``extract(article)`` and ``extract_many(articles)`` clean each text, find triggers, figures, dates
and actors sentence by sentence with rules, run spaCy's NER only on the sentences that can hold
an event (the rest need no parse), resolve places with the gazetteer, then split the article into
incidents and summaries (``reconcile.incidents``) and reconcile tolls (``reconcile.tolls``).
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .. import settings
from ..clean import boilerplate
from ..clean import clean_article
from ..errors import EmptyInput, SitrepError
from ..geo.resolve import is_source_base
from ..models import Actor, Article, Claim, Evidence, Extraction, Incident, Place, Summary
from ..reconcile import incidents as seg
from ..reconcile.tolls import injuries, reconcile
from . import actors as actor_rules
from . import casualties, dates, events, numbers
from .attribution import source_of
from .sentences import Sentence, split

if TYPE_CHECKING:
    from ..geo.resolve import Geoparser

_NER_LABELS = {"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"}
_RESP_HINT = re.compile(r"responsib|claimed|blamed|suspected|denied", re.I)
_PLURAL_REF = re.compile(r"\b(?:both|all|the two|twin)\b|\b(?:attacks|bombings|blasts|explosions)\b", re.I)


def rules_version() -> str:
    return "+".join([
        f"triggers-{events.version()}", f"casualties-{casualties.version()}", f"numbers-{numbers.version()}",
        f"boilerplate-{boilerplate.version()}", f"within-{seg.version()}",
    ])


def article_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class Extractor:
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

    # ------------------------------------------------------------------ public
    def extract(self, article: Article) -> Extraction:
        """Read one article; raises its InputError (EmptyInput for blank text) instead of returning it."""
        result = next(self._run([article]))[1]
        if isinstance(result, SitrepError):
            raise result
        return result

    def extract_many(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[tuple[Article, Extraction | SitrepError]]:
        size = batch_size or int(settings.get("nlp", "batch_size"))
        batch: list[Article] = []
        for a in articles:
            batch.append(a)
            if len(batch) >= size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    # ------------------------------------------------------------------ stages
    def _run(self, batch: list[Article]) -> Iterator[tuple[Article, Extraction | SitrepError]]:
        prepared: list[tuple] = []
        wanted: list[str] = []
        for raw in batch:
            try:
                cleaned = clean_article(raw)
                if not cleaned.text.strip():
                    raise EmptyInput(f"{raw.id}: no text after cleaning")
                if not cleaned.id:
                    cleaned = dataclasses.replace(cleaned, id=article_id(cleaned.text))
                head_end = boilerplate.headline_end(cleaned)
                sents = _dedupe(split(cleaned.text), head_end)
                relevant = [i for i, s in enumerate(sents) if _relevant(s.text)]
                found = {i: (events.find_triggers(sents[i].text),
                             casualties.find_figures(_sentence_case(sents[i].text) if sents[i].start < head_end else sents[i].text))
                         for i in relevant}
                # NER only where an event or a figure is: that is where places and actors matter
                parse = [i for i in relevant if found[i][0] or found[i][1]]
                prepared.append((raw, cleaned, sents, relevant, found, parse))
                wanted.extend(sents[i].text for i in parse)
            except SitrepError as e:
                prepared.append((raw, e, [], [], {}, []))
        ents_by_sentence = self._ner(wanted)
        k = 0
        for raw, cleaned, sents, relevant, found, parse in prepared:
            if isinstance(cleaned, SitrepError):
                yield raw, cleaned
                continue
            ents: list[tuple[int, int, str]] = []
            for i in parse:
                base = sents[i].start
                ents.extend((base + s, base + e, label) for s, e, label in ents_by_sentence[k])
                k += 1
            yield raw, self._read(cleaned, sents, relevant, ents, found)

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
              found: dict[int, tuple[list, list]]) -> Extraction:
        text, pub = article.text, article.published
        places = self.geo.find_places(text, ents)
        countries = Counter(p.country_code for p in places if p.country_code)
        country_code = countries.most_common(1)[0][0] if countries else None
        country = next((p.country for p in places if p.country_code == country_code and p.country), None)
        mentions: list[seg.Mention] = []
        previous: dt.date | None = None
        anchor_date: dates.DateMention | None = None
        per_sentence: dict[int, dict] = {}
        in_sentence = _PlacesBySpan(places)
        head_end = boilerplate.headline_end(article)
        for i in relevant:
            s = sents[i]
            triggers, figures = found[i]
            rise = casualties.toll_may_rise(s.text)
            found_dates = dates.find_dates(s.text, pub, previous)
            date = dates.best(found_dates)
            background = (seg.is_background(s.text, bool(figures)) or seg.is_past(s.text, pub)
                          or any(dates.is_background(d, pub) for d in found_dates))
            if date and not background:
                previous = date.date
                if anchor_date is None and any(t.violent for t in triggers):
                    anchor_date = date
            in_sent = [p for p in in_sentence.starting_in(s.start, s.end) if not _modifier(text, p) and not seg.names_a_site(text, p)]
            anchor = _anchor(s, triggers)
            place = self.geo.event_place(text, in_sent, anchor) if in_sent else None
            mentions.append(seg.Mention(i, s.start, s.end, s.text, triggers, figures, place, in_sent, date, background,
                                        source_of(s.text), rise, headline=s.start < head_end))
            when = date.date if date else pub
            acts = actor_rules.find_actors(s.text, when, country)
            per_sentence[i] = {"actors": acts, "resp": actor_rules.responsibility(s.text, acts) if _RESP_HINT.search(s.text) else []}
        drafts, summary_drafts = seg.segment(mentions, text)
        incidents: list[Incident] = []
        by_draft: dict[int, Incident] = {}  # keyed per draft: a draft that makes no incident leaves a gap
        for d in drafts:
            inc = self._incident(article, d, places, per_sentence, anchor_date, country)
            if inc is not None:
                incidents.append(inc)
                by_draft[id(d)] = inc
        self._responsibility(incidents, mentions, per_sentence)
        summaries = [self._summary(article, s, by_draft) for s in summary_drafts]
        return Extraction(article, incidents, summaries)

    def _incident(self, article: Article, d: seg.Draft, places: list[Place], per_sentence: dict, anchor_date, country) -> Incident | None:
        text = article.text
        trig = events.dominant(d.triggers)
        if trig is None:
            return None
        if trig.event_type == "Strategic developments" and any(m.figures and any(f.kind == "killed" and f.min > 0 for f in m.figures) for m in d.mentions):
            # people were killed: the violence is the event, not the arrest or the seized weapons
            violent = [t for t in d.triggers if t.violent]
            trig = events.dominant(violent) or trig
        elif d.group == "violent" and not trig.violent and trig.sub_event_type != "Excessive force against protesters":
            # an arrest or a seized weapon told as the attack's aftermath does not type the attack
            trig = events.dominant([t for t in d.triggers if t.violent]) or trig
        home = next((m.text for m in d.mentions if trig in m.triggers), "")
        trig = events.retype(trig, " ".join(m.text for m in d.mentions), home)
        event_type, sub, cameo = trig.event_type, trig.sub_event_type, trig.cameo
        claims: list[Claim] = []
        for m in d.mentions:
            if d.group != "violent" and d.group != "Arrests":
                continue
            for f in m.figures:
                if d.group == "Arrests" and f.kind != "arrested":
                    continue
                claims.append(Claim(f.kind, f.min, f.max, f.qualifier, m.source, m.text, m.start, m.end,
                                    victims=f.victims, hedge=f.hedge, article_id=article.id, reported=article.published))
        location = d.place
        if location is None:
            first = d.mentions[0]
            anchor = _anchor(Sentence(first.start, first.end, first.text), first.triggers)
            location = self.geo.event_place(text, places, anchor)
        if location is not None and location.precision is None:
            location = _resolved_near(text, location, places) or location
        if location is None and country:
            # only the country is known: say so (where_prec 6), never a centroid posing as a town
            location = self.geo.resolve_name(country)
        date_m = next((m.date for m in d.mentions if m.date is not None), None) or anchor_date
        event_date, precision = (date_m.date, date_m.precision) if date_m else (article.published, 2 if article.published else None)
        actors = self._actors(d, per_sentence)
        if event_type == "Violence against civilians" and sub == "Attack" and _armed_both_sides(actors):
            event_type, sub, cameo = "Battles", "Armed clash", "190"
        evidence = [Evidence(m.start, m.end, m.text) for m in d.mentions]
        first = d.mentions[0]
        iid = hashlib.sha1(f"{article.id}|{first.start}|{sub}".encode()).hexdigest()[:16]
        inc = Incident(
            id=iid, event_type=event_type, sub_event_type=sub, cameo=cameo, event_date=event_date,
            date_precision=precision, location=location, actors=actors, toll_may_rise=any(m.rise for m in d.mentions),
            claims=claims, evidence=evidence, article_id=article.id, rules_version=rules_version(),
        )
        inc.fatalities = reconcile(claims, "killed")
        inc.injuries = injuries(claims, inc.fatalities)
        return inc

    def _actors(self, d: seg.Draft, per_sentence: dict) -> list[Actor]:
        out: dict[tuple[str, str], Actor] = {}
        for m in d.mentions:
            info = per_sentence.get(m.sentence)
            if not info:
                continue
            trig = m.trigger
            for a in info["actors"]:
                if d.group == "Agreement":
                    if a.actor_type in ("State forces", "External/Other forces", "Rebel group", "Political militia"):
                        out.setdefault((a.name, "party"), Actor(a.name, "party", a.text, a.actor_type))
                    continue
                if trig is None:
                    continue
                if a.actor_type in ("Civilians", "Protesters"):
                    role = "victim" if a.actor_type == "Civilians" else "other"
                elif _by_before(m.text, a.start):
                    role = "perpetrator"
                elif a.end <= trig.start and not _PASSIVE.search(m.text[:trig.start]):
                    role = "perpetrator"
                else:
                    role = "target"  # "soldiers were killed", "killed five soldiers"
                out.setdefault((a.name, role), Actor(a.name, role, a.text, a.actor_type))
        # one actor, one role: a named group that is perpetrator somewhere is not also a target
        result: list[Actor] = []
        seen: set[str] = set()
        for a in sorted(out.values(), key=lambda a: ("perpetrator", "party", "target", "victim", "other").index(a.role)):
            if a.name in seen:
                continue
            seen.add(a.name)
            result.append(a)
        return result

    def _responsibility(self, incidents: list[Incident], mentions: list[seg.Mention], per_sentence: dict) -> None:
        violent = [i for i in incidents if i.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")]
        if not violent:
            return
        for m in mentions:
            if m.background:
                continue
            resp = per_sentence.get(m.sentence, {}).get("resp") or []
            if not resp:
                continue
            if _PLURAL_REF.search(m.text) and len(violent) > 1:
                targets = violent
            else:
                targets = [i for i in violent if any(e.start == m.start for e in i.evidence)] or [
                    max((i for i in violent if i.evidence[0].start <= m.start), key=lambda i: i.evidence[0].start, default=violent[0])]
            for inc in targets:
                for r in resp:
                    existing = next((a for a in inc.actors if a.name == r.name), None)
                    role = "perpetrator" if r.status in ("claimed", "suspected") else "other"
                    if existing is None:
                        existing = Actor(r.name, role, r.mention, r.actor_type)
                        inc.actors.insert(0, existing)
                    existing.role = role if existing.role != "perpetrator" else existing.role
                    existing.claim_status = r.status
                    existing.claimed_responsibility = r.status == "claimed"
                if any(a.role == "perpetrator" and not a.name.startswith("Unidentified") for a in inc.actors):
                    # the unnamed "gunmen" are the named group that claimed or is suspected
                    inc.actors[:] = [a for a in inc.actors if not (a.role == "perpetrator" and a.name.startswith("Unidentified"))]

    def _summary(self, article: Article, s: seg.SummaryDraft, by_draft: dict[int, Incident]) -> Summary:
        f = s.mention.figures[0]
        covers = [by_draft[id(d)].id for d in s.covers if id(d) in by_draft]
        return Summary(f.kind, f.min, f.max, f.qualifier, s.mention.source, s.mention.text, s.mention.start, s.mention.end, covers)


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


def _anchor(s: Sentence, triggers: list[events.Trigger]) -> tuple[int, int]:
    t = events.dominant(triggers)
    return (s.start + t.start, s.start + t.end) if t else (s.start, s.end)


_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:\w+\s+and\s+)?$", re.I)
_MODIFIER = re.compile(r"\s+(?:suburb|district|neighbou?rhood|outskirts|countryside|quarter|area|camp)s?\s+of\b", re.I)


def _modifier(text: str, p: Place) -> bool:
    """"the Damascus suburb of Sayyida Zeinab": Damascus only qualifies the place that follows;
    "the London-based monitor": a source's base qualifies the source, never the event (the one
    rule, ``geo.resolve.is_source_base``, also applies when the event's place is chosen from the
    whole text)."""
    return p.end is not None and bool(_MODIFIER.match(text, p.end)) or is_source_base(text, p)


def _resolved_near(text: str, place: Place, places: list[Place]) -> Place | None:
    """An unresolved name ("Hawija, northern Baghdad") stands near the resolved place written right
    after it in the same address: that place, at where_prec 2 or coarser."""
    after = [p for p in places if p.precision is not None and p.start is not None and place.end is not None
             and 0 <= p.start - place.end <= 60 and not re.search(r"[.;!?]", text[place.end:p.start])]
    if not after:
        return None
    p = min(after, key=lambda p: p.start)
    return dataclasses.replace(p, precision=max(p.precision or 2, 2))


def _by_before(text: str, pos: int) -> bool:
    return bool(re.search(r"\bby\s+(?:the\s+)?$", text[max(0, pos - 12):pos]))


def _armed_both_sides(actors: list[Actor]) -> bool:
    armed = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
    roles = {a.role for a in actors if a.actor_type in armed}
    return "perpetrator" in roles and "target" in roles


_QUICK = re.compile(
    r"kill|dead|die|death|wound|injur|hurt|bomb|blast|explo|attack|shot|shoot|gun|fire|clash|fight|strike|raid|shell|rocket|missile|mortar"
    r"|grenade|mine|ied|kidnap|abduct|hostage|arrest|detain|protest|demonstrat|riot|rall|march|ceasefire|cease-fire|truce|agree|deal|accord"
    r"|massacre|execut|behead|stab|murder|assassin|loot|torch|burn|seiz|captur|recaptur|retook|control|militan|insurgen|rebel|troops|soldier"
    r"|police|responsib|claim|toll|casualt|fatalit|victim|rape|sexual|defus|cache|base|withdr|deploy|hospital|critical"
    r"|post|point|establish|set up|troops|forces|defect|join|pushed|drove|driven|freed|liberat|talks|signed|exchang|prisoner"
    r"|found|discover|weapon|ammunition|destroy|vigil|sit-in|strike|block|mob|lynch|stone|tear gas|jets|warplane|drone",
    re.I,
)


def _relevant(sentence: str) -> bool:
    """Cheap test: could this sentence hold an event, a figure, a date for one, or an attribution?"""
    return bool(_QUICK.search(sentence))


def _sentence_case(headline: str) -> str:
    """"Two Wounded In South Chicago Shooting": a headline in title case, lower-cased (same
    length, so offsets hold) for the figure patterns, which read "wounded", not "Wounded"."""
    words = re.findall(r"[A-Za-z]+", headline)
    low = headline.lower()
    if len(low) != len(headline) or not words or sum(w[0].isupper() for w in words) < 0.6 * len(words):
        return headline
    return low


def _dedupe(sents: list[Sentence], head_end: int = 0) -> list[Sentence]:
    """Drop sentences that repeat an earlier one nearly word for word (syndication, templates).
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
        if key in exact or (len(words) >= 8 and any(len(words & w) / min(len(words), len(w)) >= 0.8 for w in recent if w)):
            continue
        exact.add(key)
        recent.append(words)
        if len(recent) > 200:
            recent.pop(0)
        out.append(s)
    return out


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def extract(article: Article) -> Extraction:
    """Read one article. The model and gazetteer load on first use and are reused.

    Raises ``EmptyInput`` when nothing is left of the text once it is cleaned.
    """
    return default_extractor().extract(article)


def extract_many(articles: Iterable[Article], batch_size: int | None = None) -> Iterator[tuple[Article, Extraction | SitrepError]]:
    """Read many articles, in order; a bad one yields its error and the batch goes on."""
    return default_extractor().extract_many(articles, batch_size)
