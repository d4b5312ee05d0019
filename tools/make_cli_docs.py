"""Write the CLI reference (docs/cli.md) from the parsers' own --help text. `make docs` runs it;
tests/test_docs.py fails when the committed file differs, so the reference cannot drift."""
from __future__ import annotations

import argparse
import io
import os
from contextlib import redirect_stdout


def render() -> str:
    os.environ["COLUMNS"] = "100"
    from sitrep.cli import build_parser

    parser = build_parser()
    out = ["# sitrep command reference", "", "Generated from `--help` by `tools/make_cli_docs.py` (`make docs`). Do not edit by hand.", ""]

    def add(title: str, p: argparse.ArgumentParser) -> None:
        buf = io.StringIO()
        with redirect_stdout(buf):
            p.print_help()
        out.extend([f"## {title}", "", "```", buf.getvalue().rstrip(), "```", ""])

    add("sitrep", parser)
    for action in parser._subparsers._group_actions:  # noqa: SLF001 - argparse offers no public walk
        for name, sub in action.choices.items():
            add(f"sitrep {name}", sub)
            for a in sub._actions:
                if isinstance(a, argparse._SubParsersAction):
                    for subname, subsub in a.choices.items():
                        add(f"sitrep {name} {subname}", subsub)
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
