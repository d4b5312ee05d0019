"""Strip page furniture from article text and rejoin sentences a caption split in two.

Rules are data (``data/boilerplate.toml``). The cleaned text is what every offset refers to.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from collections import Counter, deque
from importlib import resources

from ..models import Article

_TERMINAL = re.compile(r"[.!?:;\"'”’)\]]\s*$")


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[list[re.Pattern[str]], int, re.Pattern[str], str]:
    raw = _raw()
    pats = [re.compile(p, re.IGNORECASE) for p in raw["patterns"]]
    return pats, int(raw["max_words"]), re.compile(raw["dateline"]), raw["version"]


@functools.lru_cache(maxsize=1)
def _raw() -> dict:
    return tomllib.loads(resources.files("sitrep.clean").joinpath("data/boilerplate.toml").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _run_in() -> re.Pattern[str]:
    return re.compile(_raw()["headline_run_in"])


def version() -> str:
    return _rules()[3]


def is_boilerplate(line: str) -> bool:
    pats, max_words, _, _ = _rules()
    s = line.strip()
    if not s or len(s.split()) > max_words:
        return False
    if _TERMINAL.search(s) and not s.lower().startswith(("photo", "file photo", "read more", "(")):
        # a short line that ends like a sentence is usually a sentence ("He died today.")
        return bool(re.fullmatch(r"(?:copyright|©|all rights reserved).*", s, re.IGNORECASE))
    # "By Jane Smith" must not catch sentences such as "By Sunday the toll had risen"
    return any(p.fullmatch(s) for p in pats)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(max(len(words) - 2, 1))}


class _Seen:
    """The paragraphs kept so far, indexed by shingle, so a near repeat is found without comparing
    every pair (linear time on huge texts). Exact repeats are caught anywhere; near repeats within
    the last ``window`` paragraphs, far more than an article has."""

    def __init__(self, window: int = 1000) -> None:
        self.window = window
        self._postings: dict[tuple[str, ...], deque[int]] = {}
        self._recent: deque[tuple[int, set[tuple[str, ...]]]] = deque()
        self._exact: set[frozenset[tuple[str, ...]]] = set()
        self._size: dict[int, int] = {}
        self._n = 0

    def repeats(self, sh: set[tuple[str, ...]]) -> bool:
        if not sh:
            return False
        if frozenset(sh) in self._exact:
            return True
        overlap: Counter[int] = Counter()
        for t in sh:
            ids = self._postings.get(t)
            if ids:
                overlap.update(ids)
        return any(o / min(len(sh), self._size[i]) >= 0.8 for i, o in overlap.items())

    def add(self, sh: set[tuple[str, ...]]) -> None:
        if not sh:
            return
        self._exact.add(frozenset(sh))
        self._n += 1
        for t in sh:
            self._postings.setdefault(t, deque()).append(self._n)
        self._recent.append((self._n, sh))
        self._size[self._n] = len(sh)
        if len(self._recent) > self.window:
            old_id, old = self._recent.popleft()
            del self._size[old_id]
            for t in old:
                ids = self._postings[t]
                ids.popleft()
                if not ids:
                    del self._postings[t]


def find_headline(text: str, title: str | None = None) -> int:
    """Where the body starts when the text opens with its headline: the page title given as
    metadata (GVDB texts start with it, glued to the body), or a headline run into a dateline
    ("Officer Involved Shooting in MaplewoodMAPLEWOOD, Minn. —"). 0 when there is none."""
    lead = len(text) - len(text.lstrip())
    t = " ".join((title or "").split())
    if len(t) >= 8:
        # compare with runs of white space collapsed: a title's spacing is not the text's
        i, j = lead, 0
        while i < len(text) and j < len(t):
            if text[i].isspace() and t[j] == " ":
                while i < len(text) and text[i].isspace():
                    i += 1
                j += 1
            elif text[i] == t[j]:
                i, j = i + 1, j + 1
            else:
                break
        if j == len(t) and len(text) - i > 40:
            return i
    m = _run_in().match(text, lead)
    return m.end() if m and len(text) - m.end() > 40 else 0


def clean(text: str) -> tuple[str, str | None]:
    """Return (cleaned text, dateline or None)."""
    _, _, dateline_re, _ = _rules()
    text = _newlines(text)
    dateline = None
    m = dateline_re.match(text)
    if m and len(text) > m.end() + 40 and not re.search(r"[a-z]{3}", m.group(1).split(",")[0]):
        dateline = m.group(1).strip()
        text = text[m.end():]
    lines = text.split("\n")
    kept: list[str] = []
    joined_pending = False
    for line in lines:
        if is_boilerplate(line):
            # a caption inside a sentence: join what comes next onto the line before it
            joined_pending = bool(kept and kept[-1].strip() and not _TERMINAL.search(kept[-1]))
            continue
        stripped = line.strip()
        if joined_pending and stripped and (stripped[0].islower() or not _TERMINAL.search(kept[-1])):
            kept[-1] = kept[-1].rstrip() + " " + stripped
            joined_pending = False
            continue
        joined_pending = False
        kept.append(line.rstrip())
    # paragraphs: drop exact and near repeats (syndication and templating often double them)
    paragraphs = re.split(r"\n", "\n".join(kept))
    seen = _Seen()
    out: list[str] = []
    for para in paragraphs:
        if not para.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        sh = _shingles(para)
        if len(para.split()) >= 8 and seen.repeats(sh):
            continue
        seen.add(sh)
        out.append(para.strip())
    cleaned = "\n".join(out).strip()
    cleaned = re.sub(r"[ \t]+", " ", cleaned)
    return cleaned, dateline


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def headline_end(article: Article) -> int:
    """The length of the headline line that opens a cleaned article's text (0 when none does)."""
    t = " ".join((article.title or "").split())
    return len(t) if t and article.text.startswith(t + "\n") else 0


def clean_article(article: Article) -> Article:
    """The cleaned article. A headline run into the body is cut off as its own first line (and
    becomes ``title`` when the article had none), so that it reads as metadata, not as the first
    sentence of the story; the dateline after it is cut off as ``dateline``."""
    raw = _newlines(article.text)
    cut = find_headline(raw, article.title)
    head = " ".join(raw[:cut].split())
    text, dateline = clean(raw[cut:])
    title = article.title
    if head:
        text = f"{head}\n\n{text}"
        title = title if title and " ".join(title.split()) == head else head
    return dataclasses.replace(article, text=text, title=title, dateline=article.dateline or dateline)
