"""A new recovery code after "Buat kode pemulihan baru": shown once, printable."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.domain.enums import PaperSize
from app.domain.settings import Institution
from ui.setup.recovery_code_view import RecoveryCodeView


class NewRecoveryCodeDialog(QDialog):
    """Closes only after the koordinator ticks that the code is printed or written down:
    once closed, it cannot be shown again, and the old code already stopped working."""

    def __init__(self, code: str, institution: Institution, paper: PaperSize,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kode pemulihan baru"))
        intro = QLabel(self.tr("Kode pemulihan lama sudah tidak berlaku. Ini kode yang baru; "
                               "kode ini hanya ditampilkan sekali."), self)
        intro.setProperty("role", "banner")
        intro.setWordWrap(True)
        self.view = RecoveryCodeView(self)
        self.view.set_code(code, institution, paper)
        self.done_box = QCheckBox(self.tr("Kode sudah saya cetak atau catat, dan akan disimpan "
                                          "dalam amplop tertutup."), self)
        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton(self.tr("Tutup"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setEnabled(False)
        self.done_box.toggled.connect(self.close_button.setEnabled)
        buttons.accepted.connect(self.accept)
        column = QVBoxLayout(self)
        for widget in (intro, self.view, self.done_box, buttons):
            column.addWidget(widget)
        self.setMinimumWidth(620)

    def reject(self) -> None:
        """Escape and the window's close button wait for the tick as well."""
        if self.done_box.isChecked():
            super().reject()

    @classmethod
    def launch(cls, parent: QWidget | None, code: str, institution: Institution,
               paper: PaperSize) -> None:
        """Show the code (modal) until confirmed (tests replace this seam)."""
        dialog = cls(code, institution, paper, parent)
        dialog.exec()
        dialog.deleteLater()
