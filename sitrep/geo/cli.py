"""``sitrep places`` and ``sitrep gazetteer``: thin wrappers over sitrep.geo (nothing heavy at import)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from ..errors import GazetteerError, InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("places", help="find and resolve the places named in texts (jsonl or plain text)",
                       description="Each input line {\"id\", \"text\", ...} gives one output line {\"id\", \"places\": [...]}"
                                   " in order; a bad line gives {\"id\", \"error\"} and the batch goes on. A file that is"
                                   " not JSONL is read as one plain text.")
    p.add_argument("path", help="input file, or - for stdin")
    p.add_argument("--format", choices=("jsonl", "json"), default="jsonl", help="output format (default jsonl)")
    p.add_argument("--no-ner", action="store_true", help="gazetteer and cues only; skip spaCy NER (faster)")
    p.add_argument("--gazetteer", type=Path, default=None, help="index file (default: in the data dir)")
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


def _records(stream: TextIO, where: str) -> list[tuple[Any, str | None, str | None]]:
    """(id, text, error) per input record."""
    data = stream.read()
    lines = [ln for ln in data.splitlines() if ln.strip()]
    if not lines:
        raise InputError(f"{where}: empty input")
    if not lines[0].lstrip().startswith("{"):
        return [(Path(where).stem if where != "-" else "stdin", data, None)]
    out: list[tuple[Any, str | None, str | None]] = []
    for n, line in enumerate(lines, 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            out.append((f"{where}:{n}", None, f"malformed JSON: {e.msg}"))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            rid = rec.get("id") if isinstance(rec, dict) else None
            out.append((rid if rid is not None else f"{where}:{n}", None, "record has no string 'text'"))
            continue
        out.append((rec.get("id", f"{where}:{n}"), rec["text"], None))
    return out


def places_cmd(args: argparse.Namespace) -> int:
    from .gazetteer import Gazetteer
    from .resolve import Geoparser

    if args.path == "-":
        records = _records(sys.stdin, "-")
    else:
        try:
            with open(args.path, encoding="utf-8") as f:
                records = _records(f, args.path)
        except OSError as e:
            raise InputError(f"{args.path}: cannot read: {e.strerror}") from e
        except UnicodeDecodeError as e:
            raise InputError(f"{args.path}: not UTF-8") from e
    try:
        gp = Geoparser(Gazetteer.open(args.gazetteer))
    except OSError as e:
        raise GazetteerError(f"cannot open the gazetteer: {e}") from e
    nlp = None
    if not args.no_ner:
        from ..nlp import load

        nlp = load()
    results = []
    for rid, text, error in records:
        if error is not None or text is None:
            row: dict[str, Any] = {"id": rid, "error": error}
        else:
            ents = None
            if nlp is not None:
                doc = nlp(text[:1_000_000])
                ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            places = gp.find_places(text, ents)
            row = {"id": rid, "places": [{k: getattr(p, k) for k in _FIELDS} for p in places]}
        if args.format == "jsonl":
            print(json.dumps(row, ensure_ascii=False), flush=True)
        else:
            results.append(row)
    if args.format == "json":
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0
