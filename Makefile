# `make run`: set everything up and serve the dashboard on the sample data.
# `make test`: run every test (lint, unit, AppTest and the real-browser tests); when PostgreSQL's
# server is installed, the database tests also run against a throwaway PostgreSQL cluster
# (scripts/with-postgres.sh), otherwise on SQLite only.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint load-sample clean

run: $(STAMP)
	$(BIN)/python -m dashboard

test: $(STAMP)
	$(BIN)/ruff check .
	scripts/with-postgres.sh $(BIN)/python -m pytest -n auto

lint: $(STAMP)
	$(BIN)/ruff check .

load-sample: $(STAMP)
	$(BIN)/python -m etl load data/sample

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) var test-artifacts
