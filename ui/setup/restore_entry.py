"""The other way to start on a fresh PC: bring the data back from a backup file."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class RestoreEntry(QFrame):
    """A card above the first step; emits ``restore_clicked``."""

    restore_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        text = QLabel(self.tr(
            "Pindah ke komputer baru, atau komputer ini baru dipasang ulang? Bila ada berkas "
            "cadangan (.poskobak) dan kata sandi atau kode pemulihan, pulihkan data dari "
            "cadangan — tidak perlu penyiapan baru."), self)
        text.setWordWrap(True)
        self.button = QPushButton(self.tr("Pulihkan dari cadangan…"), self)
        self.button.clicked.connect(self.restore_clicked)
        row = QHBoxLayout(self)
        row.addWidget(text, 1)
        row.addWidget(self.button)
