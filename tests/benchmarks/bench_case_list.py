"""How fluid Daftar Kasus is with 10,000 cases (issue 3: "fluid with 10,000 cases").

Seeds demo cases into a throw-away vault (the RFC 9106 floor KDF, a fake clock), then times
the core's ``cases.summaries()`` and ``cases.search()``, and the list's model and proxy
offscreen: loading the rows, sorting every column both ways, and each filter.

Usage: ``python -m tests.benchmarks.bench_case_list [--cases N]`` (``make bench``). A plain
script, not a test: speed targets belong in benchmarks, never in timed test assertions
(STYLE.md §9).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from app.clock import FakeClock, SystemClock
from app.demo import seed
from app.domain.deadlines import zone
from app.domain.enums import CaseStatus, TpksType
from app.domain.models import CaseSummary
from app.keys.kdf import FLOOR
from app.paths import VaultPaths
from app.services.session import Session
from app.services.vault import Vault
from ui.models.case_table import OPEN_STATUSES, CaseColumn, CaseFilterProxy, CaseTableModel

REPEATS = 3


def timed(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """Median wall time of ``action`` in milliseconds (events processed inside the timing)."""
    app = QApplication.instance()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        if app is not None:
            app.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def report(label: str, ms: float) -> None:
    print(f"  {label:<46} {ms:9.1f} ms")


def seeded_session(folder: Path, cases: int) -> Session:
    clock = FakeClock(SystemClock().now())
    vault = Vault(VaultPaths(folder / "vault"), clock=clock, kdf_params=FLOOR)
    session, _ = vault.create(username="bench", display_name="Koordinator Bench",
                              password="bangku panjang di teras kantor")
    start = time.perf_counter()
    seed(session, clock, count=cases)
    print(f"seeded {cases} demo cases in {time.perf_counter() - start:.1f} s")
    return session


def bench_core(session: Session) -> list[CaseSummary]:
    print("core (cases service, DB thread in the app):")
    rows: list[CaseSummary] = []

    def load() -> None:
        rows[:] = session.cases.summaries()

    ms = timed(load)
    report(f"cases.summaries() → {len(rows)} rows", ms)
    for text in ("wahyuni", "PPKS", "whatsapp kantor"):
        report(f"cases.search({text!r})", timed(partial(session.cases.search, text)))
        report(f"cases.search_ids({text!r})", timed(partial(session.cases.search_ids, text)))
    return rows


def bench_view(session: Session, rows: list[CaseSummary]) -> None:
    print("list model + proxy + table view (offscreen, 1366×768):")
    model = CaseTableModel(zone(session.settings.get().timezone))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.resize(1366, 768)
    view.show()
    report("set_rows (load + sort + filter + paint)", timed(lambda: model.set_rows(rows)))
    for column in CaseColumn:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            arrow = "↑" if order is Qt.SortOrder.AscendingOrder else "↓"
            report(f"sort {column.name.lower()} {arrow}",
                   timed(partial(view.sortByColumn, column, order)))
    bench_filters(proxy)
    view.close()


def bench_filters(proxy: CaseFilterProxy) -> None:
    hits = frozenset(range(1, proxy.cases().rowCount(), 7))
    steps: list[tuple[str, Callable[[], None]]] = [
        ("filter status: masih berjalan", lambda: proxy.set_statuses(OPEN_STATUSES)),
        ("filter status: dirujuk", lambda: proxy.set_statuses({CaseStatus.DIRUJUK})),
        ("filter type: KSBE", lambda: proxy.set_tpks_type(TpksType.KSBE)),
        ("filter year", lambda: proxy.set_year(proxy.cases().years()[0])),
        ("filter terlambat", lambda: proxy.set_overdue_only(True)),
        ("clear filters", lambda: proxy.set_filters(frozenset(), None, None, False)),
        (f"search hits ({len(hits)} ids)", lambda: proxy.set_case_ids(hits)),
        ("clear search", lambda: proxy.set_case_ids(None)),
    ]
    for label, step in steps:
        ms = timed(step)
        report(f"{label} → {proxy.rowCount()} rows", ms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    cases = parser.parse_args().cases
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="posko-bench-"))
    try:
        with seeded_session(folder, cases) as session:
            rows = bench_core(session)
            bench_view(session, rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    del app


if __name__ == "__main__":
    main()
