"""Ekspor statistik: the anonymised recap of a month or a year as XLSX or CSV.

The same numbers as Laporan — SIMFONI-PPA categories, consented cases only, counts below 3
hidden — built by the core (and audited) in the DB thread, then written to the one file the
officer chose. These files are NOT encrypted; the tab says so, and why that is acceptable:
they hold categories and counts only, never a name or anything that identifies a person.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import UiContext
from ui.data_protection import jobs
from ui.data_protection.dialogs import ExportPath
from ui.errors import message_for
from ui.widgets.period_picker import PeriodPicker

F = jobs.ExportFormat


class ExportTab(QWidget):
    """Period, a plain warning, then "Simpan XLSX…" or "Simpan CSV…"."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.picker = PeriodPicker(ctx.office_today().year, self)
        self.month_combo = self.picker.month_combo
        self.year_combo = self.picker.year_combo
        self.xlsx_button = QPushButton(self.tr("Simpan XLSX…"), self)
        self.xlsx_button.setProperty("role", "primary")
        self.csv_button = QPushButton(self.tr("Simpan CSV…"), self)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.xlsx_button.clicked.connect(self._on_xlsx_clicked)
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self._build_layout()

    def _build_layout(self) -> None:
        period = QHBoxLayout()
        period.addWidget(self.picker)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Periode"), period)
        warning = QLabel(self.tr(
            "Berkas XLSX dan CSV ini TIDAK terenkripsi: siapa pun yang memegang berkasnya dapat "
            "membacanya. Karena itu isinya hanya angka rekap per kategori SIMFONI-PPA dari kasus "
            "yang korbannya setuju dicatat untuk statistik — tanpa nama, NIK, alamat, nomor "
            "telepon atau kronologi. Angka 1 dan 2 ditampilkan sebagai <3 agar tidak ada orang "
            "yang dapat dikenali. Setiap ekspor tercatat di log audit."), self)
        warning.setWordWrap(True)
        warning.setProperty("role", "banner")
        buttons = QHBoxLayout()
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.csv_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

    def activate(self) -> None:
        """Shown: nothing to load (the recap is built when a file is saved)."""

    def period(self) -> tuple[date, date]:
        return self.picker.period()

    # --- saving ----------------------------------------------------------------------------

    def _on_xlsx_clicked(self) -> None:
        self.save(F.XLSX)

    def _on_csv_clicked(self) -> None:
        self.save(F.CSV)

    def save(self, kind: jobs.ExportFormat) -> None:
        start, end = self.period()
        filters = {F.XLSX: self.tr("Buku kerja Excel (*.xlsx)"),
                   F.CSV: self.tr("Teks CSV (*.csv)")}
        chosen = ExportPath.ask(self, proposed_path(kind, start, end), filters[kind])
        if chosen is None:
            return
        path = chosen if chosen.lower().endswith(f".{kind.value}") else f"{chosen}.{kind.value}"
        self.status_label.setText(self.tr("Menyimpan…"))
        self.ctx.runner.run(jobs.export_statistics(kind, start, end, path), self._on_saved,
                            self._on_failed)

    def _on_saved(self, path: str) -> None:
        self.status_label.setText(self.tr("Rekap statistik disimpan: %1 (tidak terenkripsi; "
                                          "hanya angka rekap).").replace("%1", path))

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.status_label.setText(self.tr("Berkas tidak dapat disimpan di tempat itu. Pilih "
                                              "folder lain lalu coba lagi."))
        else:
            self.status_label.setText(message_for(error))


def proposed_path(kind: jobs.ExportFormat, start: date, end: date) -> str:
    """``<Documents>/rekap-statistik-2026-03-01-2026-03-31.xlsx``: a period, never a name."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = f"rekap-statistik-{start.isoformat()}-{end.isoformat()}.{kind.value}"
    return str(Path(folder) / name)
