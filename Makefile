# ranksim: two commands do everything on a fresh machine (python3 + package registries).
#   make run   - create .venv, install, run the default scenario, write out/run.html, run.json and run*.csv
#   make test  - install with the test extra and run the whole test suite (as CI does)
#   make test-fast - the unit tier only (tests not marked slow), about a minute on 2 cores
#   make docs  - build the user guide (docs/guide, English and Chinese) into site/ with mkdocs, warnings as errors
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SCENARIO ?= scenarios/inner_mongolia_6pct.yaml
OUT    ?= out
PYTEST_ARGS ?=

.PHONY: run test test-fast docs install install-test bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The test extra and the docs extra: the suite builds the guide with mkdocs (tests/test_guide.py).
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,docs]"
	touch $@ $(VENV)/.installed $(VENV)/.installed-docs

$(VENV)/.installed-docs: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[docs]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/ranksim run $(SCENARIO) --out $(OUT) --paths 20000 --seed 1

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install-test
	$(BIN)/python -m pytest -q -m "not slow" $(PYTEST_ARGS)

docs: $(VENV)/.installed-docs
	$(BIN)/python -m mkdocs build --strict --site-dir site

bench: install-test
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/bench_montecarlo.py
	$(BIN)/python benchmarks/bench_sweep.py 2>/dev/null
	$(BIN)/python benchmarks/bench_scale.py
	$(BIN)/python benchmarks/bench_experiments.py

lint: install
	$(BIN)/python -m pip install --quiet ruff mypy
	$(BIN)/ruff check sim tests benchmarks
	$(BIN)/mypy sim

clean:
	rm -rf $(OUT) .pytest_cache site
