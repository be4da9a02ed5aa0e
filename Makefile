# Posko PPKS — developer commands. `make run` and `make test` work on a fresh clone:
# each creates .venv and installs what it needs first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint screenshots bench bundle selftest-bundle windows-wheels reliability

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

# Speed targets are measured here, never asserted in tests (STYLE.md §9). Every figure of
# README "Performance" per vault size, database figures also on plain SQLite; prints a table
# and writes bench/results/<date>-<size>.json. `make bench SIZES=1000` is a quick run; seeded
# vaults are cached in ~/.cache/posko-bench (POSKO_BENCH_CACHE), so later runs do not reseed.
SIZES ?= 1000 10000 100000
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks --sizes $(SIZES)

# The reliability suite at full scale (README "Reliability"): 20 kill -9 runs of >= 1,000
# saves, 200 bit flips, 100 power cuts (strace-recorded writes replayed through a disk model),
# full and read-only disks, the whole-app leak sweep, no network, and a one-hour soak on 100,000 cases (POSKO_SOAK_SECONDS / POSKO_SOAK_CASES shorten it). Prints
# a table and writes bench/results/reliability-<date>.json. `make test` runs the short
# version of every check.
reliability: $(STAMP)
	POSKO_RELIABILITY=full QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -p no:randomly \
		-o faulthandler_timeout=0 -m reliability

# The frozen one-folder app for office PCs (build.spec): dist/posko/ holds posko and
# posko-admin. PyInstaller comes from the `build` extra, installed once per pyproject change.
BUILD_STAMP := $(VENV)/.installed-build

$(BUILD_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,build]'
	touch $(BUILD_STAMP)

bundle: $(BUILD_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/posko

# CI: build, then run the bundle's self-test and posko-admin from a read-only copy as an
# ordinary user, offscreen; fails if anything was written inside dist/posko.
selftest-bundle: bundle
	sh freeze/selftest_bundle.sh dist/posko

# Before building on Windows (needs PyPI): every dependency has a Windows x64 wheel for
# CPython 3.11, and the sqlcipher3 one passes the app's SQLCipher start-up assertions.
windows-wheels: $(STAMP)
	$(BIN)/python tools/windows_wheels.py
