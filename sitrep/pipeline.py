"""The stages, composed: one article in, its incidents out; and into the store.

Data flows one way, each stage knowing only those before it:

    ingest (read inputs) -> clean -> nlp + extract (mentions) -> reconcile (incidents, within the
    article and across articles) -> store

``Extractor`` runs clean -> extract -> reconcile (within the article) for one article or a batch
and returns each article's ``Extraction``; ``sitrep ingest`` (``ingest.pipeline``) runs it in
worker processes and hands each result to the cross-article stage, ``reconcile.across.Incidents``,
which links it to the stored reports and writes the incidents. The store only keeps rows: it
decides nothing about which reports are one incident.
"""
from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import settings
from .clean import boilerplate, clean_article
from .errors import EmptyInput, SitrepError
from .extract import reader
from .models import Article, Extraction
from .reconcile import article as within
from .reconcile import incidents as segmentation

if TYPE_CHECKING:
    from .geo.resolve import Geoparser


def rules_version() -> str:
    """The versions of every rule set an extraction depends on (stored with each incident)."""
    from .geo.resolve import version as places_version

    return "+".join([reader.version(), f"boilerplate-{boilerplate.version()}", f"within-{segmentation.version()}",
                     places_version()])


def article_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class Extractor:
    """Holds the loaded model and geoparser; reuse one for many articles."""

    def __init__(self, nlp=None, geoparser: Geoparser | None = None, use_ner: bool = True) -> None:
        self.reader = reader.Reader(nlp, geoparser, use_ner)

    @property
    def nlp(self):
        return self.reader.nlp

    @property
    def geo(self) -> Geoparser:
        return self.reader.geo

    @property
    def use_ner(self) -> bool:
        return self.reader.use_ner

    def extract(self, article: Article) -> Extraction:
        """Read one article; raises its InputError (EmptyInput for blank text) instead of returning it."""
        result = next(self._run([article]))[1]
        if isinstance(result, SitrepError):
            raise result
        return result

    def extract_many(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[tuple[Article, Extraction | SitrepError]]:
        """Read many articles, in order, in batches (NER runs once per batch); a bad one yields its
        error and the batch goes on."""
        size = batch_size or int(settings.get("nlp", "batch_size"))
        batch: list[Article] = []
        for a in articles:
            batch.append(a)
            if len(batch) >= size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Article]) -> Iterator[tuple[Article, Extraction | SitrepError]]:
        cleaned: list[Article] = []
        raw_of: dict[int, Article] = {}
        failed: dict[int, SitrepError] = {}
        for pos, raw in enumerate(batch):
            try:
                art = clean(raw)
            except SitrepError as e:
                failed[pos] = e
                continue
            raw_of[id(art)] = raw
            cleaned.append(art)
        read = self.reader.read_many(cleaned)
        version = rules_version()
        for pos, raw in enumerate(batch):
            if pos in failed:
                yield raw, failed[pos]
                continue
            art, mentions = next(read)
            if isinstance(mentions, SitrepError):
                yield raw_of[id(art)], mentions
                continue
            yield raw_of[id(art)], within.incidents_of(mentions, self.geo, version)


def clean(raw: Article) -> Article:
    """The clean stage: boilerplate and markup gone, an id from the text when it had none.
    Raises ``EmptyInput`` when nothing is left."""
    art = clean_article(raw)
    if not art.text.strip():
        raise EmptyInput(f"{raw.id}: no text after cleaning")
    if not art.id:
        art = dataclasses.replace(art, id=article_id(art.text))
    return art


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
