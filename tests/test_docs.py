"""Docs that cannot drift: every setting and every command is documented."""
from pathlib import Path

from sitrep import settings

ROOT = Path(__file__).resolve().parent.parent


def _keys(d, prefix=""):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from _keys(v, f"{prefix}{k}.")
        else:
            yield f"{prefix}{k}"


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text("utf-8")
    missing = [k for k in _keys(settings.defaults()) if f"`{k}`" not in doc]
    assert not missing, f"undocumented settings: {missing}"


def test_cli_reference_is_current():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_cli_docs", ROOT / "tools" / "make_cli_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert (ROOT / "docs" / "cli.md").read_text("utf-8") == mod.render(), "run `make docs`"


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    from sitrep.cli import build_parser

    parser = build_parser()
    names = [n for a in parser._subparsers._group_actions for n in a.choices]
    missing = [n for n in names if f"sitrep {n}" not in readme]
    assert not missing, f"commands missing from README: {missing}"


def _named_entry_points(text):
    """Python names the docs promise: `sitrep.a.b.Name` in backticks and `from sitrep.x import a, b`."""
    import re

    for m in re.finditer(r"`(sitrep(?:\.[A-Za-z_]\w*)+)`", text):
        if m.group(1).rsplit(".", 1)[-1] not in ("db", "toml", "py", "md"):  # file names, not modules
            yield m.group(1)
    for m in re.finditer(r"from (sitrep(?:\.\w+)*) import ([\w, ]+)", text):
        for name in m.group(2).split(","):
            if name.strip():
                yield f"{m.group(1)}.{name.strip()}"


def test_every_entry_point_the_docs_name_imports():
    """Regression: the README named sitrep.geo.Geoparser, which did not import."""
    import importlib

    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    names = {n for d in docs for n in _named_entry_points(d.read_text("utf-8"))}
    assert "sitrep.geo.Geoparser" in names and "sitrep.pipeline.extract" in names
    broken = []
    for dotted in sorted(names):
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):  # the longest importable module, then attributes
            try:
                obj = importlib.import_module(".".join(parts[:cut]))
            except ImportError:
                continue
            try:
                for attr in parts[cut:]:
                    obj = getattr(obj, attr)
            except AttributeError:
                broken.append(dotted)
            break
        else:
            broken.append(dotted)
    assert not broken, f"the docs name entry points that do not import: {broken}"


def _documented_schema(doc):
    """Tables and columns from docs/store.md's schema block: `name(col, col ...)` or `name  FTS5(col ...)`."""
    import re

    block = doc.split("## Schema", 1)[1].split("```")[1]
    tables, name, cols, depth = {}, None, "", 0
    for line in block.splitlines():
        if name is None:
            m = re.match(r"(\w+)\s*(?:FTS5|R\*Tree)?\(", line)
            if not m:
                continue
            name, line = m.group(1), line[m.end():]
            depth = 1
        for ch in line:
            if depth == 0:
                break
            depth += (ch == "(") - (ch == ")")
            if depth:
                cols += ch
        if depth == 0:
            cols = re.sub(r"\([^)]*\)", "", cols)  # "(m2)"-style notes inside the list
            tables[name] = [c.split()[0] for c in cols.split(",") if c.strip()]
            name, cols = None, ""
    return tables


def test_the_documented_schema_is_the_schema(tmp_path):
    """Regression: docs/store.md gave a schema and a migration count the code did not have."""
    import re

    from sitrep.store import Store
    from sitrep.store.migrations import MIGRATIONS

    doc = (ROOT / "docs" / "store.md").read_text("utf-8")
    heading = re.search(r"## Schema \(migrations 1-(\d+)", doc)
    assert heading and int(heading.group(1)) == len(MIGRATIONS), "docs/store.md: migration count"
    with Store.open(tmp_path / "s.db") as store:
        names = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        shadow = tuple(f"{n}_" for n in names if n.endswith(("_fts", "_rtree")))
        real = {n: [r[1] for r in store.db.execute(f"PRAGMA table_info({n})")]
                for n in names if not n.startswith(("sqlite_", *shadow))}
    assert _documented_schema(doc) == real
