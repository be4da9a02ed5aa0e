"""Choosing a new password: after a temporary password, after the recovery code, or by choice."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.password import PasswordField, StrengthMeter


class NewPasswordDialog(QDialog):
    def __init__(self, username: str, reason: str, parent: QWidget | None = None,
                 office_words: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kata sandi baru"))
        self._username = username
        self._office_words = office_words
        self.first = PasswordField(self)
        self.second = PasswordField(self)
        self.meter = StrengthMeter(self)
        self.mismatch = QLabel(self)
        self.mismatch.setProperty("role", "error")
        explanation = QLabel(reason, self)
        explanation.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Kata sandi baru"), self.first)
        self.form.addRow(self.tr("Ulangi"), self.second)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(explanation)
        column.addLayout(self.form)
        column.addWidget(self.meter)
        column.addWidget(self.mismatch)
        column.addWidget(self.buttons)
        self.first.text_changed.connect(self._on_changed)
        self.second.text_changed.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self, *_: object) -> None:
        strong = self.meter.update_for(self.first.text(), self._username, self._office_words)
        same = self.first.text() == self.second.text()
        self.mismatch.setText("" if same or not self.second.text()
                              else self.tr("Kedua kata sandi belum sama."))
        self.ok.setEnabled(strong and same)

    def password(self) -> str:
        return self.first.text()

    @classmethod
    def ask(cls, parent: QWidget | None, username: str, reason: str,
            office_words: tuple[str, ...] = ()) -> str | None:
        """The new password, or ``None`` when cancelled (tests replace this seam)."""
        dialog = cls(username, reason, parent, office_words)
        return dialog.password() if dialog.exec() == QDialog.DialogCode.Accepted else None
