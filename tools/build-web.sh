#!/usr/bin/env bash
# Rebuild sitrep/serve/static/vendor/ from the npm versions pinned in web/package-lock.json.
# The output is committed, so neither `make run` nor the tests need node or the network; run this
# only to upgrade a front-end package. Nothing is fetched by sitrep at run time.
#   bash tools/build-web.sh          # npm ci, copy, write SHA256SUMS
#   bash tools/build-web.sh --check  # rebuild into a temp dir and compare with the committed files
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WEB="$ROOT/web"
DEST="$ROOT/sitrep/serve/static/vendor"
CHECK=0; [ "${1:-}" = "--check" ] && CHECK=1
(cd "$WEB" && npm ci --no-audit --no-fund --ignore-scripts --silent)
NM="$WEB/node_modules"
OUT="$DEST"; [ $CHECK = 1 ] && OUT="$(mktemp -d)"
rm -rf "$OUT"; mkdir -p "$OUT/images"

# Copy a file, dropping the sourceMappingURL comment (the .map files are not shipped).
copy() { sed -e '/^\/\/# sourceMappingURL=/d' -e 's#/\*\# sourceMappingURL=[^*]*\*/##' "$1" > "$OUT/$2"; }

copy "$NM/leaflet/dist/leaflet.js"                              leaflet.js
copy "$NM/leaflet/dist/leaflet.css"                             leaflet.css
cp "$NM"/leaflet/dist/images/*.png                              "$OUT/images/"
copy "$NM/leaflet.markercluster/dist/leaflet.markercluster.js"  leaflet.markercluster.js
copy "$NM/leaflet.markercluster/dist/MarkerCluster.css"         MarkerCluster.css
copy "$NM/topojson-client/dist/topojson-client.min.js"          topojson-client.min.js
# Natural Earth 1:110m admin-0 outlines as TopoJSON (public domain data, ISC packaging)
cp "$NM/world-atlas/countries-110m.json"                        "$OUT/countries-110m.json"
copy "$NM/swagger-ui-dist/swagger-ui-bundle.js"                 swagger-ui-bundle.js
copy "$NM/swagger-ui-dist/swagger-ui.css"                       swagger-ui.css
cp "$NM/swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt"       "$OUT/swagger-ui-bundle.LICENSES.txt"

# Versions actually installed, for NOTICE and for humans.
node -e '
const lock = require(process.argv[1]);
for (const [k, v] of Object.entries(lock.packages)) if (k.startsWith("node_modules/") && !k.slice(13).includes("node_modules/")) console.log(k.slice(13) + " " + v.version + " " + (v.license || ""));
' "$WEB/package-lock.json" | sort > "$OUT/VERSIONS.txt"
(cd "$OUT" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)

if [ $CHECK = 1 ]; then
  if diff -r "$OUT" "$DEST" >/dev/null; then echo "vendor files match web/package-lock.json"; rm -rf "$OUT"
  else echo "vendor files differ from a fresh build (see $OUT)" >&2; exit 1; fi
else
  du -sh "$DEST"
fi
