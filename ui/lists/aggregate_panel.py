"""Beranda for pimpinan: numbers only — no case, no code, no name (DOMAIN.md §8, §9).

Counts come from ``statistics.recap`` for this year so far, already suppressed by the core:
1 and 2 arrive hidden and are shown as "<3".
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.domain.statistics import Recap
from ui.lists.card import Card
from ui.lists.recap_section import RecapSection
from ui.models.formatting import format_date

#: The breakdowns worth a glance; Laporan has all of them.
SHOWN = ("status", "tpks_type")


class AggregatePanel(QWidget):
    """This year's total and two breakdowns, as tables and bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period_label = QLabel(self)
        self.total_label = QLabel(self)
        self.total_label.setProperty("role", "subtitle")
        self.sections = {name: RecapSection(name) for name in SHOWN}
        summary = Card(self.tr("Ringkasan tahun ini"), self.tr(
            "Hanya kasus dengan persetujuan pelaporan statistik; angka di bawah 3 "
            "ditampilkan sebagai <3 (x: ikut disamarkan). Rincian lengkap ada di halaman "
            "Laporan."), self)
        summary.add(self.period_label)
        summary.add(self.total_label)
        content = QWidget()
        column = QVBoxLayout(content)
        for section in self.sections.values():
            column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(summary)
        layout.addWidget(scroll, 1)

    def show_recap(self, recap: Recap) -> None:
        self.period_label.setText(self.tr("Periode: %1 – %2")
                                  .replace("%1", format_date(recap.start))
                                  .replace("%2", format_date(recap.end)))
        self.total_label.setText(self.tr("Jumlah kasus: %1").replace("%1", recap.total.shown))
        for name, section in self.sections.items():
            section.set_breakdown(recap.breakdown(name))
