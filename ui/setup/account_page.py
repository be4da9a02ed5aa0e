"""Setup step 2: the first koordinator's account (username, full name, password twice)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.settings.form_errors import ErrorLabel, FormErrors, with_error
from ui.widgets.password import PasswordField, StrengthMeter


class AccountPage(QWidget):
    """Fields for the first account; errors appear under ``username``, ``display_name`` and
    ``password``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FormErrors()
        #: Place names of the office (from step 1) that the password may not contain.
        self.office_words: tuple[str, ...] = ()
        self.username = QLineEdit(self)
        self.username.setPlaceholderText(self.tr("misalnya siti.koordinator"))
        self.display_name = QLineEdit(self)
        self.password = PasswordField(self)
        self.repeat = PasswordField(self)
        self.meter = StrengthMeter(self)
        self.mismatch = ErrorLabel(self)
        self._build()
        for field in (self.password, self.repeat):
            field.text_changed.connect(self._on_password_edited)
        self.username.textChanged.connect(self._on_password_edited)

    def _build(self) -> None:
        intro = QLabel(self.tr(
            "Akun ini adalah koordinator pertama: ia mengelola pengguna lain dan pengaturan. "
            "Setiap petugas nanti mendapat akunnya sendiri; jangan memakai akun bersama."), self)
        intro.setWordWrap(True)
        username_hint = QLabel(self.tr(
            "3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung."), self)
        username_hint.setProperty("role", "hint")
        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna"), with_error(
            with_error(self.username, username_hint, self), self._error("username"), self))
        form.addRow(self.tr("Nama lengkap"),
                    with_error(self.display_name, self._error("display_name"), self))
        form.addRow(self.tr("Kata sandi"), with_error(self.password, self._error("password"),
                                                      self))
        form.addRow(self.tr("Ulangi kata sandi"), with_error(self.repeat, self.mismatch, self))
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.meter)
        column.addStretch(1)

    def _error(self, path: str) -> ErrorLabel:
        return self.errors.add(path, ErrorLabel(self))

    def _on_password_edited(self, *_: object) -> None:
        self.meter.update_for(self.password.text(), self.username.text().strip().lower(),
                              self.office_words)
        if self.password.text() == self.repeat.text():
            self.mismatch.show_text("")

    def check_repeat(self) -> bool:
        """Both password fields agree (shown under the second one when not)."""
        same = self.password.text() == self.repeat.text()
        self.mismatch.show_text("" if same else self.tr("Kedua kata sandi belum sama."))
        return same

    def clear_passwords(self) -> None:
        self.password.clear()
        self.repeat.clear()
