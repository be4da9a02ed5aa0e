"""Laporan (koordinator, pimpinan): anonymous statistics for a month or a whole year.

Everything shown comes from ``statistics.recap``: categories and counts of consented cases,
with 1 and 2 already hidden by the core (shown as "<3", and no bar is drawn for them).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.statistics import Recap
from app.services.documents import Rendered
from ui.context import UiContext
from ui.errors import show_error
from ui.i18n import indonesian
from ui.lists import jobs
from ui.lists.card import Card
from ui.lists.recap_section import RecapSection
from ui.models.formatting import format_date
from ui.pages.base import Page
from ui.printing import jobs as printing_jobs
from ui.printing.preview_dialog import PreviewDialog
from ui.widgets.period_picker import PeriodPicker

NO_VALUE = "—"


class ReportsPage(Page):
    """Period picker, the recap's total and average, and one section per breakdown."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.picker = PeriodPicker(ctx.office_today().year, self)
        self.month_combo = self.picker.month_combo
        self.year_combo = self.picker.year_combo
        self.show_button = QPushButton(self.tr("Tampilkan"), self)
        self.print_button = QPushButton(self.tr("Cetak rekap"), self)
        self.period_label = QLabel(self)
        self.total_label = QLabel(self)
        self.average_label = QLabel(self)
        self.sections: dict[str, RecapSection] = {}
        self._content = QWidget()
        self._sections_layout = QVBoxLayout(self._content)
        self._configure()
        self._build_layout()
        self.show_button.clicked.connect(self.reload)
        self.print_button.clicked.connect(self._on_print_clicked)

    def _configure(self) -> None:
        self.show_button.setProperty("role", "primary")
        self.show_button.setDefault(True)
        self.print_button.setToolTip(self.tr("Pratinjau dan cetak rekap periode yang dipilih"))
        self.total_label.setProperty("role", "subtitle")
        self._sections_layout.addStretch(1)

    def _build_layout(self) -> None:
        title = QLabel(self.tr("Laporan"), self)
        title.setProperty("role", "title")
        period = QLabel(self.tr("&Periode"), self)
        period.setBuddy(self.month_combo)
        controls = QHBoxLayout()
        for widget in (period, self.picker, self.show_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.print_button)
        summary = Card(self.tr("Ringkasan"), parent=self)
        for label in (self.period_label, self.total_label, self.average_label):
            summary.add(label)
        note = QLabel(self.tr("Hanya kasus dengan persetujuan pelaporan statistik; angka di "
                              "bawah 3 ditampilkan sebagai <3, dan x menandai angka yang ikut "
                              "disamarkan agar angka itu tidak dapat dihitung ulang."), self)
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        summary.add(note)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._content)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(controls)
        layout.addWidget(summary)
        layout.addWidget(scroll, 1)

    # --- page contract ---------------------------------------------------------------------

    def activate(self, **params: Any) -> None:
        self.picker.select(params.get("month"), params.get("year"))
        self.reload()

    def location(self) -> dict[str, Any]:
        return self.picker.location()

    # --- the recap -------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return self.picker.period()

    def reload(self) -> None:
        start, end = self.period()
        self.ctx.runner.run(jobs.recap(start, end), self._on_recap_loaded, self._on_job_failed)

    def _on_recap_loaded(self, recap: Recap) -> None:
        self.period_label.setText(self.tr("Periode: %1 – %2")
                                  .replace("%1", format_date(recap.start))
                                  .replace("%2", format_date(recap.end)))
        self.total_label.setText(self.tr("Jumlah kasus: %1").replace("%1", recap.total.shown))
        self.average_label.setText(self.tr("Rata-rata waktu sampai dirujuk: %1")
                                   .replace("%1", self._average_text(recap)))
        for breakdown in recap.breakdowns:
            self._section(breakdown.name).set_breakdown(breakdown)

    def _average_text(self, recap: Recap) -> str:
        days = recap.average_days_to_referral
        if days is None:  # fewer than 3 referred cases: hidden like a small count
            return NO_VALUE
        return self.tr("%1 hari").replace("%1", indonesian().toString(days, "f", 1))

    def _section(self, name: str) -> RecapSection:
        if name not in self.sections:
            section = RecapSection(name, self._content)
            self._sections_layout.insertWidget(len(self.sections), section)
            self.sections[name] = section
        return self.sections[name]

    # --- printing --------------------------------------------------------------------------

    def _on_print_clicked(self) -> None:
        """The recap of the period chosen now (rendered and audited by the core)."""
        start, end = self.period()
        self.ctx.runner.run(printing_jobs.recap(start, end), self._on_recap_rendered,
                            self._on_job_failed)

    def _on_recap_rendered(self, rendered: Rendered) -> None:
        PreviewDialog.show_document(self, self.ctx.runner, rendered)

    def _on_job_failed(self, error: BaseException) -> None:
        show_error(self, error)
