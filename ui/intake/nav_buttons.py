"""Kembali / Lanjut / Selesai under the intake form (Alt+Left / Alt+Right also work)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


class NavButtons(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back = QPushButton(self.tr("Kembali"), self)
        self.back.setShortcut(QKeySequence("Alt+Left"))
        self.next = QPushButton(self.tr("Lanjut"), self)
        self.next.setShortcut(QKeySequence("Alt+Right"))
        self.next.setProperty("role", "primary")
        self.finish = QPushButton(self.tr("Selesai"), self)
        self.finish.setProperty("role", "primary")
        self.finish.setToolTip(self.tr("Simpan, catat persetujuan dan terima pengaduan ini."))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.next)
        row.addWidget(self.finish)
