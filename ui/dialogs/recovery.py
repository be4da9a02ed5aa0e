"""'Lupa kata sandi?': unlock with the printed recovery code, then choose a new password.

A mistyped group is named as the officer types ("kelompok ke-3 salah"), before any slow key
derivation runs.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AuthError, ErrorCode
from app.keys import recovery
from ui.errors import message_for


class RecoveryDialog(QDialog):
    def __init__(self, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Buka dengan kode pemulihan"))
        intro = QLabel(self.tr("Kode pemulihan tercetak pada lembar yang disimpan pimpinan "
                               "(8 kelompok berisi 6 angka). Setelah itu Anda wajib membuat "
                               "kata sandi baru. Penggunaan kode ini tercatat di log audit."),
                       self)
        intro.setWordWrap(True)
        self.username = QLineEdit(username, self)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("000000-000000-000000-000000-000000-000000-000000-000000")
        self.feedback = QLabel(self)
        self.feedback.setProperty("role", "error")
        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Kode pemulihan"), self.code)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Buka"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.feedback)
        column.addWidget(buttons)
        self.code.textChanged.connect(self._on_changed)
        self.username.textChanged.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self, *_: object) -> None:
        bad = recovery.first_bad_group(self.code.text())
        if bad is not None:
            self.feedback.setText(message_for(AuthError(ErrorCode.RECOVERY_CODE_GROUP,
                                                        group=bad)))
            self.ok.setEnabled(False)
            return
        try:
            recovery.decode(self.code.text())
        except AuthError:
            self.feedback.setText("")  # still typing
            self.ok.setEnabled(False)
            return
        self.feedback.setText("")
        self.ok.setEnabled(bool(self.username.text().strip()))

    @classmethod
    def ask(cls, parent: QWidget | None, username: str = "") -> tuple[str, str] | None:
        """(username, code) or ``None`` when cancelled (tests replace this seam)."""
        dialog = cls(username, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.username.text().strip(), dialog.code.text()
