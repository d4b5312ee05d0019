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
