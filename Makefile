# Posko PPKS — developer commands. `make run` and `make test` work on a fresh clone:
# each creates .venv and installs what it needs first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint screenshots bench

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 diperlukan")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/posko

lint: $(STAMP)
	$(BIN)/ruff check app ui tests
	$(BIN)/mypy app
	$(BIN)/mypy ui tests
	$(BIN)/lint-imports
	@# Tests wait on signals and conditions, never on the clock (STYLE.md §9).
	@! grep -rnE 'time\.sleep|qtbot\.wait\(|QTest\.qWait' tests || \
		(echo "sleeps are banned in tests: wait on a signal or condition" && false)

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

# Every main screen rendered with demo data (offscreen, 1366×768) into screenshots/.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.screenshots screenshots

# Speed targets are measured here, never asserted in tests (STYLE.md §9).
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.bench_case_list --cases 10000
