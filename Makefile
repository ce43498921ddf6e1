# Two commands do everything: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DO_NOT_TRACK := 1

.PHONY: run test install clean

$(BIN)/coopfacts: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(BIN)/coopfacts

install: $(BIN)/coopfacts

run: install
	$(BIN)/coopfacts run --raw raw --db warehouse/coopfacts.duckdb

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) warehouse/*.duckdb warehouse/reports scratch
