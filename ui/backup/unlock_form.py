"""How a backup file is opened: an officer's password (as it was then) or the recovery code."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AuthError, ErrorCode
from app.keys import recovery
from ui.backup.jobs import Credentials, PasswordCredentials, RecoveryCredentials
from ui.errors import message_for
from ui.widgets.password import PasswordField

CODE_PLACEHOLDER = "000000-000000-000000-000000-000000-000000-000000-000000"


class BackupUnlockForm(QWidget):
    """Two ways in; the fields of the other way are hidden. Errors show under the fields."""

    #: Enter pressed in the password or code field.
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password_mode = QRadioButton(self.tr("Dengan &kata sandi petugas"), self)
        self.recovery_mode = QRadioButton(self.tr("Dengan kode &pemulihan"), self)
        self.password_mode.setChecked(True)
        self._modes = QButtonGroup(self)
        for button in (self.password_mode, self.recovery_mode):
            self._modes.addButton(button)
        self.username = QLineEdit(self)
        self.password = PasswordField(self)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(CODE_PLACEHOLDER)
        self.hint = QLabel(self)
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self._form = QFormLayout()
        self._build()
        self.password_mode.toggled.connect(self._on_mode_toggled)
        self.code.textChanged.connect(self._on_code_changed)
        self.username.returnPressed.connect(self.password.edit.setFocus)
        self.password.edit.returnPressed.connect(self.submitted)
        self.code.returnPressed.connect(self.submitted)
        self._on_mode_toggled(True)

    def _build(self) -> None:
        self._form.addRow(self.tr("Nama pengguna"), self.username)
        self._form.addRow(self.tr("Kata sandi"), self.password)
        self._form.addRow(self.tr("Kode pemulihan"), self.code)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.password_mode)
        column.addWidget(self.recovery_mode)
        column.addWidget(self.hint)
        column.addLayout(self._form)
        column.addWidget(self.error)

    @property
    def uses_recovery(self) -> bool:
        return self.recovery_mode.isChecked()

    def _on_mode_toggled(self, checked: bool) -> None:
        del checked
        recovering = self.uses_recovery
        self._form.setRowVisible(self.username, not recovering)
        self._form.setRowVisible(self.password, not recovering)
        self._form.setRowVisible(self.code, recovering)
        self.hint.setText(self.tr(
            "Kode pemulihan tercetak pada lembar yang disimpan di amplop (8 kelompok berisi "
            "6 angka).") if recovering else self.tr(
            "Pakai nama pengguna dan kata sandi yang berlaku saat cadangan dibuat (bukan "
            "kata sandi yang diganti sesudahnya)."))
        self.error.clear()
        self.first_field().setFocus()

    def first_field(self) -> QWidget:
        if self.uses_recovery:
            return self.code
        return self.password.edit if self.username.text().strip() else self.username

    def _on_code_changed(self, text: str) -> None:
        """A mistyped group is named while typing, before any slow key derivation."""
        bad = recovery.first_bad_group(text)
        self.error.setText("" if bad is None else message_for(
            AuthError(ErrorCode.RECOVERY_CODE_GROUP, group=bad)))

    def credentials(self) -> Credentials | None:
        """What was typed, or ``None`` with the reason shown under the fields."""
        if self.uses_recovery:
            try:
                recovery.decode(self.code.text())
            except AuthError as error:
                self.show_error(message_for(error))
                return None
            return RecoveryCredentials(self.code.text())
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.show_error(self.tr("Isi nama pengguna dan kata sandi."))
            return None
        return PasswordCredentials(username, password)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.first_field().setFocus()

    def clear_secrets(self) -> None:
        """Once the backup is open the password or code is not needed any more."""
        self.password.clear()
        self.code.clear()
        self.error.clear()
