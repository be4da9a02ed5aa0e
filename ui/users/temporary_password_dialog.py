"""A temporary password, shown once, with "Salin" and how to hand it over.

The page never keeps the password: it lives in this dialog until it closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import clipboard


class TemporaryPasswordDialog(QDialog):
    def __init__(self, username: str, display_name: str, password: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kata sandi sementara"))
        self._password = password
        who = QLabel(self.tr("Kata sandi sementara untuk %1 (nama pengguna: %2):")
                     .replace("%1", display_name).replace("%2", username), self)
        who.setWordWrap(True)
        self.password_label = QLabel(password, self)
        self.password_label.setProperty("role", "code")
        self.password_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        how = QLabel(self.tr(
            "Serahkan kata sandi ini secara langsung kepada pemilik akun — jangan lewat "
            "WhatsApp, SMS atau e-mail. Kata sandi ini hanya ditampilkan sekali ini. Saat masuk "
            "pertama kali, pemilik akun wajib membuat kata sandi baru."), self)
        how.setWordWrap(True)
        self.copied = QLabel(self)
        self.copied.setProperty("role", "hint")
        self.copy_button = QPushButton(self.tr("Salin"), self)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        column = QVBoxLayout(self)
        for widget in (who, self.password_label, how, self.copied, buttons):
            column.addWidget(widget)
        self.setMinimumWidth(460)

    def _on_copy_clicked(self) -> None:
        clipboard.copy_text(self._password)
        self.copied.setText(self.tr("Tersalin. Papan klip dikosongkan saat aplikasi dikunci."))

    @classmethod
    def launch(cls, parent: QWidget | None, username: str, display_name: str,
               password: str) -> None:
        """Show it (modal) and forget it (tests replace this seam)."""
        dialog = cls(username, display_name, password, parent)
        dialog.exec()
        dialog.deleteLater()
