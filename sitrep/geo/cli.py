"""``sitrep places`` and ``sitrep gazetteer``: thin wrappers over sitrep.geo (nothing heavy at import)."""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import EmptyInput, GazetteerError, InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("places", help="find and resolve the places named in texts (jsonl or plain text)",
                       description="Each input line {\"id\", \"text\", ...} gives one output line {\"id\", \"places\": [...]}"
                                   " in order; a bad line gives {\"id\", \"error\"} and the batch goes on. A file that is"
                                   " not JSONL is read as one plain text.")
    p.add_argument("path", help="input file, or - for stdin")
    p.add_argument("--format", choices=("jsonl", "json"), default="jsonl", help="output format (default jsonl)")
    p.add_argument("--no-ner", action="store_true", help="gazetteer and cues only; skip spaCy NER (faster)")
    p.add_argument("--gazetteer", type=Path, default=None, help="index file (default: in the data dir)")
    p.add_argument("--explain", action="store_true", help="say why: the document's geography (dateline, state "
                   "abbreviations, countries, demonyms) and, for each place, its top candidates with the ranking "
                   "terms each got (weights: sitrep/geo/data/ranking.toml)")
    p.set_defaults(func=places_cmd)

    g = sub.add_parser("gazetteer", help="build, inspect or extend the offline GeoNames index")
    gsub = g.add_subparsers(dest="gazetteer_command", metavar="ACTION")
    b = gsub.add_parser("build", help="(re)build the index from the shipped sources (~30 s)")
    b.add_argument("--path", type=Path, default=None, help="where to write it (default: the data dir)")
    b.set_defaults(func=build_cmd)
    i = gsub.add_parser("info", help="counts, version and sources of the index")
    i.add_argument("--path", type=Path, default=None)
    i.set_defaults(func=info_cmd)
    imp = gsub.add_parser("import", help="add a full GeoNames dump (allCountries.zip, SY.zip or .txt)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--path", type=Path, default=None, help="index to extend (default: the data dir)")
    imp.add_argument("--min-population", type=int, default=0)
    imp.set_defaults(func=import_cmd)
    r = gsub.add_parser("resolve", help="resolve one bare name")
    r.add_argument("name")
    r.add_argument("--country", default=None, help="ISO country code context, e.g. SY")
    r.add_argument("--path", type=Path, default=None)
    r.set_defaults(func=resolve_cmd)
    g.set_defaults(func=lambda args: (g.print_help(), 2)[1])


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def build_cmd(args: argparse.Namespace) -> int:
    from .gazetteer import build

    build(args.path, progress=_say)
    return 0


def info_cmd(args: argparse.Namespace) -> int:
    from .gazetteer import Gazetteer

    print(json.dumps(Gazetteer.open(args.path).info(), indent=2))
    return 0


def import_cmd(args: argparse.Namespace) -> int:
    from .gazetteer import import_geonames_dump

    n = import_geonames_dump(args.file, args.path, min_population=args.min_population, progress=_say)
    _say(f"imported {n} GeoNames rows from {args.file}")
    return 0


def resolve_cmd(args: argparse.Namespace) -> int:
    from .gazetteer import Gazetteer
    from .resolve import Geoparser

    place = Geoparser(Gazetteer.open(args.path)).resolve_name(args.name, args.country)
    print(json.dumps(place.to_dict() if place else None, ensure_ascii=False))
    return 0 if place else 1


_FIELDS = ("start", "end", "text", "name", "geonameid", "latitude", "longitude", "admin1", "country_code", "feature", "precision")


def _records(stream: BinaryIO, where: str) -> Iterator[tuple[Any, str | None, str | None]]:
    """(id, text, error) per input record: JSONL line by line, or the whole input as one plain text.

    Read as every command reads (sitrep.ingest.text): the size limit, the encoding fallbacks and
    a bad line that is one bad record.
    """
    from ..ingest.text import decode, read_bytes, read_lines, sanitize

    head = stream.peek(1 << 16)[: 1 << 16].removeprefix(b"\xef\xbb\xbf").lstrip()  # type: ignore[attr-defined]
    if not head.startswith(b"{"):
        text = decode(read_bytes(stream, where), where)
        yield (Path(where).stem if where != "stdin" else "stdin", text, None)
        return
    for n, line in read_lines(stream, where):
        at = f"{where}:{n}"
        if isinstance(line, InputError):
            yield at, None, str(line).removeprefix(f"{at}: ")
            continue
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:
            yield at, None, f"malformed JSON: {getattr(e, 'msg', 'nested too deeply')}"
            continue
        rid = rec.get("id", at) if isinstance(rec, dict) else at
        if isinstance(rid, bool) or not isinstance(rid, (str, int)):
            yield at, None, "'id' must be a string or an integer"
        elif not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield rid, None, "record has no string 'text'"
        else:
            yield rid, sanitize(rec["text"]), None


def _entities(nlp: Any, text: str, cap: int = 1_000_000, chunk: int = 50_000) -> list[tuple[int, int, str]]:
    """NER over the first ``cap`` characters, in pieces cut at line or word breaks: one parse of a
    long text holds memory in proportion to its length (3.4 MB of text took 3.8 GB at once)."""
    text = text[:cap]
    starts = [0]
    while len(text) - starts[-1] > chunk:
        at = starts[-1] + chunk
        cut = max(text.rfind("\n", starts[-1], at), text.rfind(" ", starts[-1], at))
        starts.append(cut + 1 if cut > starts[-1] else at)
    pieces = list(zip(starts, [*starts[1:], len(text)]))
    ents: list[tuple[int, int, str]] = []
    for (base, _), doc in zip(pieces, nlp.pipe((text[a:b] for a, b in pieces), batch_size=1)):
        ents.extend((base + e.start_char, base + e.end_char, e.label_) for e in doc.ents)
    return ents


def places_cmd(args: argparse.Namespace) -> int:
    from ..ingest.text import open_input
    from .gazetteer import Gazetteer
    from .resolve import Geoparser

    where = "stdin" if args.path == "-" else args.path
    stream = open_input(args.path)
    try:
        records = _records(stream, where)
        first = next(records, None)  # a bad input fails here, before the gazetteer and the model load
        if first is None:
            raise EmptyInput(f"{where}: empty input")
        try:
            gp = Geoparser(Gazetteer.open(args.gazetteer))
        except OSError as e:
            raise GazetteerError(f"cannot open the gazetteer: {e}") from e
        nlp = None
        if not args.no_ner:
            from ..nlp import load

            nlp = load()
        results = []
        for rid, text, error in itertools.chain([first], records):
            if error is not None or text is None:
                row: dict[str, Any] = {"id": rid, "error": error}
            else:
                ents = _entities(nlp, text) if nlp is not None else None
                if args.explain:
                    why = gp.explain_places(text, ents)
                    row = {"id": rid, "document": why["document"],
                           "places": [{**{k: p[k] for k in _FIELDS}, "why": p["why"], "candidates": p["candidates"]}
                                      for p in why["places"]]}
                else:
                    places = gp.find_places(text, ents)
                    row = {"id": rid, "places": [{k: getattr(p, k) for k in _FIELDS} for p in places]}
            if args.format == "jsonl":
                print(json.dumps(row, ensure_ascii=False), flush=True)
            else:
                results.append(row)
    finally:
        if args.path != "-":
            stream.close()
    if args.format == "json":
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0
