#!/usr/bin/env bash
# System packages the tests need (Debian): chromium for the browser tests and the PDF report,
# poppler-utils (pdftoppm, pdftotext) to check the PDF's pages, Java 17 for the Spark batch tests, PostgreSQL for the
# PostgreSQL store's tests. Idempotent; quiet when present.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)  # pyspark, for sitrep batch --engine spark
# the PostgreSQL store's tests start a throw-away cluster (tests/pg_fixtures.py): initdb, pg_ctl, postgres
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
