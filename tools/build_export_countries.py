"""Build sitrep/export/data/countries.tsv from country-converter's country table.

Source: PyPI ``country-converter==1.3.2`` (coco), file ``country_converter/country_data.tsv``
(GPL-3.0 package; the columns taken are facts: ISO 3166 alpha-2, the Gleditsch-Ward state number
``GWcode`` and the UN M49 sub-region ``UNregion``). sitrep does not import coco at run time: it
needs pandas, loads slowly and, with pandas 3, fails to start; three columns of its table are all
the exports need.

    pip install --target /tmp/coco country-converter==1.3.2
    python tools/build_export_countries.py /tmp/coco/country_converter/country_data.tsv

Never imported by sitrep. Prints the source file's sha256, written into the output's header.
"""
from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "sitrep" / "export" / "data" / "countries.tsv"


def iso2(cell: str) -> str:
    """coco writes a few codes as regexes (``^GB$|^UK$``): the first alternative is ISO's."""
    return re.sub(r"[\^$]", "", cell.split("|")[0]).strip().upper()


def main(source: str) -> int:
    raw = Path(source).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    rows = []
    for row in csv.DictReader(raw.decode("utf-8").splitlines(), delimiter="\t"):
        code = iso2(row["ISO2"])
        if len(code) != 2 or row.get("obsolete"):
            continue
        gw = row["GWcode"].strip()
        rows.append((code, str(int(float(gw))) if gw else "", row["UNregion"].strip()))
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(f"# country-converter==1.3.2 country_data.tsv sha256={digest}\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(("iso2", "gwno", "un_subregion"))
        w.writerows(rows)
    print(f"{OUT}: {len(rows)} countries (source sha256 {digest})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
