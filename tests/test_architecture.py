"""Data flows one way (issue 9, item 1): each stage imports only the stages before it.

    models, errors, settings  <-  clean, nlp, geo  <-  extract  <-  reconcile  <-  pipeline, ingest
    store (rows only) <- reconcile ...

The store keeps rows and decides nothing: it imports no cleaning, extraction or clustering. The
extraction stage finds mentions and decides nothing about incidents: it imports no reconcile.
Command-line modules (``*/cli.py``) sit on top and may import anything.
"""
import ast
from pathlib import Path

import pytest

import sitrep

ROOT = Path(sitrep.__file__).parent

#: package -> sitrep packages it must never import (at module level or inside a function)
FORBIDDEN = {
    "models": {"clean", "nlp", "geo", "extract", "reconcile", "store", "pipeline", "ingest", "serve", "export", "evaluate"},
    "clean": {"extract", "reconcile", "store", "pipeline", "ingest", "serve"},
    "geo": {"extract", "reconcile", "store", "pipeline", "ingest", "serve"},
    "extract": {"reconcile", "store", "pipeline", "ingest", "serve"},
    "store": {"clean", "nlp", "extract", "reconcile", "pipeline", "ingest", "serve"},
    "reconcile": {"pipeline", "ingest", "serve", "export", "evaluate"},
    "pipeline": {"ingest", "serve", "export", "evaluate"},
    "brief": {"clean", "nlp", "extract", "reconcile", "pipeline", "ingest", "serve", "evaluate"},
}


def _imports(path: Path) -> set[str]:
    """The sitrep packages a module imports (absolute or relative)."""
    return imported(path.read_text("utf-8"), path.relative_to(ROOT).parts[:-1])


def imported(source: str, package: tuple[str, ...]) -> set[str]:
    """The sitrep packages that ``source``, a module of ``package`` (under sitrep/), imports."""
    tree = ast.parse(source)
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("sitrep.") and a.name.count("."))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                parts = base + (node.module.split(".") if node.module else [])
                if parts:
                    out.add(parts[0])
                else:  # "from .. import settings": the names are the modules
                    out.update(a.name for a in node.names)
            elif node.module and node.module.startswith("sitrep."):
                out.add(node.module.split(".")[1])
    return out


def _stage(path: Path) -> str:
    rel = path.relative_to(ROOT)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


MODULES = sorted(p for p in ROOT.rglob("*.py") if p.name != "cli.py" and _stage(p) in FORBIDDEN)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_flow_one_way(path):
    stage = _stage(path)
    wrong = (_imports(path) - {stage}) & FORBIDDEN[stage]
    assert not wrong, f"{path.relative_to(ROOT)} ({stage}) imports {sorted(wrong)}"


@pytest.mark.parametrize(
    "source,package,expected",
    [
        ("from ..reconcile import cluster as clustering", ("store",), {"reconcile"}),
        ("from ..reconcile.merge import combine", ("store",), {"reconcile"}),
        ("def f():\n    from ..clean import near_duplicates", ("store",), {"clean"}),
        ("from . import codec", ("store",), {"store"}),
        ("from .. import settings", ("store",), {"settings"}),
        ("import sitrep.reconcile.incidents as seg", ("extract",), {"reconcile"}),
        ("from .extract import reader", (), {"extract"}),
    ],
)
def test_the_checker_reads_every_import_form(source, package, expected):
    # the rule itself: a store module calling back into clustering, in any import form, is caught
    assert imported(source, package) == expected
