# Two commands on a fresh machine:  make run   (set up, then the main job on the bundled sample)
#                                   make test  (set up, then every test)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/sitrep extract data/sample/articles.jsonl --format table

test: setup
	bash tools/setup-system.sh
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/sitrep eval ../shared/gold/dev/*.jsonl ../shared/gold/dev/mordecai3_peer_tests.json

clean:
	rm -rf $(VENV) build *.egg-info
