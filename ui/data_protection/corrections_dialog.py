"""Riwayat koreksi: every corrected field of a received complaint — when, who, the value before.

UU PDP lets the data subject have data corrected; the earlier value is kept, visible to the
koordinator only (opening this list is audited by the core). Identifying earlier values (names,
NIK, phone, address) stay masked until "Tampilkan data identitas" is pressed.
"""

from __future__ import annotations

from datetime import tzinfo

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.case_detail.table_view import CaseTableView
from ui.data_protection.jobs import Corrections
from ui.data_protection.models import CorrectionModel


class CorrectionsDialog(QDialog):
    def __init__(self, corrections: Corrections, tz: tzinfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Riwayat koreksi — %1").replace("%1", corrections.code))
        self.model = CorrectionModel(self)
        self.model.tz = tz
        self.model.names = corrections.names
        self.model.set_rows(corrections.changes)
        self.view = CaseTableView(self.model, self)
        self.empty_label = QLabel(self.tr("Belum ada isian yang dikoreksi sejak pengaduan "
                                          "diterima."), self)
        self.empty_label.setProperty("role", "hint")
        self.empty_label.setVisible(not corrections.changes)
        self.reveal_button = QPushButton(self.tr("Tampilkan data identitas"), self)
        self.reveal_button.clicked.connect(self._on_reveal_clicked)
        self.close_button = QPushButton(self.tr("Tutup"), self)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        self._arrange()
        self.resize(820, 460)

    def _arrange(self) -> None:
        hint = QLabel(self.tr("Nilai sebelum dikoreksi, terbaru di atas. Nama, NIK, alamat dan "
                              "telepon disamarkan; tampilkan hanya bila perlu."), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def _on_reveal_clicked(self) -> None:
        revealed = not self.model.revealed
        self.model.set_revealed(revealed)
        self.reveal_button.setText(self.tr("Sembunyikan data identitas") if revealed
                                   else self.tr("Tampilkan data identitas"))

    @classmethod
    def show_for(cls, parent: QWidget, corrections: Corrections, tz: tzinfo) -> None:
        cls.launch(cls(corrections, tz, parent))

    @staticmethod
    def launch(dialog: CorrectionsDialog) -> None:
        """Run ``dialog`` modally, then free it. Tests replace this seam."""
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.exec()
        if shiboken6.isValid(dialog):
            dialog.deleteLater()
