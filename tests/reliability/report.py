"""The reliability summary: one line per check at the end of the pytest session, plus a JSON
file under ``bench/results/`` in full runs (``make reliability``).

A check calls :func:`record` with its figures; the table takes each check's result from
pytest's own report of that test, so a failed assertion after recording shows as FAILED.
"""

from __future__ import annotations

import json
import os
import platform
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from tests import network_guard
from tests.reliability import scale

REPO = Path(__file__).resolve().parents[2]
RESULTS = REPO / "bench" / "results"


@dataclass
class Row:
    check: str
    runs: int
    figures: dict[str, object] = field(default_factory=dict)
    result: str = "?"


_rows: dict[str, Row] = {}
#: Outcomes of the catalogue's other reliability tests (marked, recording no figures).
_others: dict[str, str] = {}


def _current_test() -> str:
    return os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" (", 1)[0]


def record(check: str, runs: int, **figures: object) -> None:
    """The figures of the running test's check (a later call replaces them)."""
    _rows[_current_test()] = Row(check, runs, dict(figures))


def note_outcome(report: pytest.TestReport) -> None:
    row = _rows.get(report.nodeid)
    if row is None:
        if "reliability" in report.keywords and (report.when == "call" or report.failed):
            failed = report.failed or _others.get(report.nodeid) == "FAILED"
            _others[report.nodeid] = "FAILED" if failed else report.outcome
        return
    if report.failed:
        row.result = "FAILED"
    elif report.skipped and row.result == "?":
        row.result = "skipped"
    elif report.when == "call" and row.result == "?":
        row.result = "ok"


def rows() -> list[Row]:
    found = sorted(_rows.values(), key=lambda row: row.check)
    _fold_controls()
    with_rows = {_module(nodeid) for nodeid in _rows}
    others = [nodeid for nodeid in _others if _module(nodeid) not in with_rows]
    if others:
        outcomes = {_others[nodeid] for nodeid in others}
        found.append(Row("other catalogue tests (R10, L1-L3 core, …)", len(others),
                         {"modules": len({nodeid.split("::")[0] for nodeid in others})},
                         "FAILED" if "FAILED" in outcomes else "ok"))
    guard = network_guard.totals()
    found.append(Row("no network (audit hook, every test)", guard.tests,
                     {"socket events": len(guard.events)},
                     "ok" if not guard.events else "FAILED"))
    return found


def _module(nodeid: str) -> str:
    return nodeid.split("::")[0]


def _fold_controls() -> None:
    """A failed test without figures (a negative control) fails its module's checks."""
    failed = {_module(nodeid) for nodeid, outcome in _others.items() if outcome == "FAILED"}
    for nodeid, row in _rows.items():
        if _module(nodeid) in failed:
            row.result = "FAILED"


def table(found: list[Row]) -> list[str]:
    head = f"{'check':<46} {'runs':>6}  {'result':<7} figures"
    lines = [head, "-" * len(head)]
    for row in found:
        figures = ", ".join(f"{name}={value}" for name, value in row.figures.items())
        lines.append(f"{row.check:<46} {row.runs:>6}  {row.result:<7} {figures}")
    return lines


def write_json(found: list[Row]) -> Path:
    """Today's file; a run of some checks only (one module) replaces just their rows."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"reliability-{date.today().isoformat()}.json"
    checks = {entry["check"]: entry for entry in _earlier_checks(path)}
    checks.update({r.check: {"check": r.check, "runs": r.runs, "result": r.result, **r.figures}
                   for r in found})
    document = {
        "mode": scale.MODE, "date": date.today().isoformat(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "parameters": {"soak_seconds": scale.SOAK_SECONDS, "soak_cases": scale.SOAK_CASES},
        "checks": sorted(checks.values(), key=lambda entry: str(entry["check"])),
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return path


def _earlier_checks(path: Path) -> list[dict[str, object]]:
    try:
        return list(json.loads(path.read_text("utf-8"))["checks"])
    except (OSError, ValueError, KeyError):
        return []


def summary(terminal: pytest.TerminalReporter) -> None:
    """The table, when any reliability check ran; JSON too in full mode."""
    if not _rows and not _others:
        return
    found = rows()
    terminal.write_sep("=", f"reliability ({scale.MODE})")
    for line in table(found):
        terminal.write_line(line)
    if scale.FULL:
        terminal.write_line(f"written: {write_json(found).relative_to(REPO)}")
