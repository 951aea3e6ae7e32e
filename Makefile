# Two entry points: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The parser and model builder compiled with mypyc (netaudit/_accel.py): rebuilt when either
# source changes; without gcc (no attempt) or after a failed build, netaudit runs them as Python.
ACCEL     := build/mypyc/SOURCES
ACCEL_SRC := netaudit/parse/config_tree.py netaudit/model/build.py
# make test expects the compiled modules wherever gcc is present (tests/test_accel.py)
EXPECT_COMPILED := $(shell command -v gcc >/dev/null 2>&1 && echo 1)

.PHONY: demo test lint bench clean accel

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11)"; exit 2; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(ACCEL): $(STAMP) $(ACCEL_SRC)
	@if [ -n "$(EXPECT_COMPILED)" ]; then $(BIN)/python tools/accel.py build || true; \
	  else echo "accel: no gcc here: netaudit runs its parser and model builder as plain Python"; fi

accel: $(ACCEL)

demo: $(STAMP) $(ACCEL)
	$(BIN)/netaudit inventory validate
	$(BIN)/netaudit inventory show
	$(BIN)/netaudit audit --snapshot example -f table -f html -f xlsx -f json -o reports/
	@echo "open reports/netaudit-report.html (topology, clauses, evidence) or reports/netaudit-report.xlsx (测评记录表)"

test: $(STAMP) $(ACCEL)
	$(BIN)/ruff check netaudit tests tools bench
	$(BIN)/mypy
	NETAUDIT_EXPECT_COMPILED=$(EXPECT_COMPILED) $(BIN)/python -m pytest -n 2; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo 'no tests collected: failing'; exit 1; fi; exit $$rc
	@echo 'the parser and model tests again on the pure-Python modules:'
	NETAUDIT_PURE=1 $(BIN)/python -m pytest -n 2 tests/test_config_tree.py tests/test_model_fastpaths.py \
	  tests/test_model_real_configs.py tests/test_model_fuzz.py tests/test_model_lazy_lists.py tests/test_parse_fuzz.py

bench: $(STAMP) $(ACCEL)
	$(BIN)/python bench/bench_parse.py
	NETAUDIT_PURE=1 $(BIN)/python bench/bench_parse.py
	$(BIN)/python bench/bench_audit.py

clean:
	rm -rf $(VENV) reports/*.html build/mypyc build/mypyc-work
