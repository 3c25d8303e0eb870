# Goftar: `make run` opens the app on the sample project, `make test` runs the whole suite.
# Both create .venv with a Python >= 3.12 if it is missing and (re)install when pyproject.toml changes.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# First interpreter that really runs and is >= 3.12: python3.13/python3.12 on PATH (pyenv shims
# are on PATH but fail without PYENV_VERSION), then pyenv's installed versions.
FIND_PYTHON = for c in python3.13 python3.12 \
	  $$(ls -d "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/3.1[23]*/bin/python3 2>/dev/null | sort -r); do \
	  if "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo "$$c"; break; fi; \
	done

.PHONY: run test bench lint venv clean screenshot

venv: $(STAMP)

$(STAMP): pyproject.toml
	@if [ ! -x $(PY) ]; then \
	  py=$$($(FIND_PYTHON)); \
	  if [ -z "$$py" ]; then echo "goftar needs Python >= 3.12: install python3.12 (or pyenv install 3.12) and retry" >&2; exit 1; fi; \
	  echo "creating $(VENV) with $$py"; "$$py" -m venv $(VENV); \
	fi
	$(PY) -m pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	$(PY) -m pip install -q -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true
	$(PY) -c 'import goftar.core, hazm, jdatetime, PySide6' 
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/goftar-gui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check --no-cache core gui tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	@for b in benchmarks/bench_*.py; do echo "# $$b" >&2; QT_QPA_PLATFORM=offscreen $(PY) "$$b" || exit 1; done

lint: $(STAMP)
	$(VENV)/bin/ruff check --no-cache core gui tests benchmarks
	$(VENV)/bin/lint-imports

screenshot: $(STAMP)
	$(VENV)/bin/goftar-gui --screenshot docs/screenshot.png resources/samples/belarus-iran-minsk.txt

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
