"""Daftar Kasus: its first screen, the whole list, and loading the whole list model.

The page (``ui/pages/case_list.py``) first asks the core for the newest cases
(``cases.summaries(limit=FIRST_PAGE)``) and shows them, then loads every visible case
(``cases.summaries()``) into :class:`CaseTableModel` behind a filter proxy and a table view.
Both steps are timed here the same way, offscreen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTableView

from app.domain.deadlines import zone
from app.domain.models import CaseSummary
from ui.lists.jobs import FIRST_PAGE
from ui.models.case_table import CaseFilterProxy, CaseTableModel

from .context import Run
from .timing import measure


def _table(ctx: Run) -> tuple[CaseTableModel, QTableView]:
    session, _ = ctx.live()
    model = CaseTableModel(zone(session.office().timezone))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.resize(1366, 768)
    view.show()
    return model, view


def run(ctx: Run) -> None:
    session, recorder = ctx.live()
    model, view = _table(ctx)
    rows: list[CaseSummary] = []

    def first_screen() -> None:
        model.set_rows(session.cases.summaries(limit=FIRST_PAGE))
        QApplication.processEvents()

    def everything() -> None:
        rows[:] = session.cases.summaries()

    def load_model() -> None:
        model.set_rows(rows)
        QApplication.processEvents()

    ctx.add_recorded("case_list.first_screen",
                     f"case list: first screen ({FIRST_PAGE} newest, shown)",
                     recorder.measure("case_list.first_screen", first_screen, ctx.repeats))
    ctx.add_recorded("case_list.all", "case list: every case (cases.summaries())",
                     recorder.measure("case_list.all", everything, ctx.repeats))
    ctx.add("case_list.model", f"case list: model + proxy + view, {len(rows):,} rows",
            measure(load_model, ctx.repeats))
    view.close()
