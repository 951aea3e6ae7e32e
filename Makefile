# Two entry points: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11)"; exit 2; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/netaudit inventory validate
	$(BIN)/netaudit inventory show
	$(BIN)/netaudit audit --snapshot example -f table -f html -f xlsx -f json -o reports/
	@echo "open reports/netaudit-report.html (topology, clauses, evidence) or reports/netaudit-report.xlsx (测评记录表)"

test: $(STAMP)
	$(BIN)/ruff check netaudit tests tools bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo 'no tests collected: failing'; exit 1; fi; exit $$rc

bench: $(STAMP)
	$(BIN)/python bench/bench_parse.py
	$(BIN)/python bench/bench_audit.py

clean:
	rm -rf $(VENV) reports/*.html
