"""The "Tambah pengguna" dialog: username, full name, role (the core makes a password)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Role
from ui.settings.form_errors import ErrorLabel, FormErrors, with_error
from ui.users.jobs import NewUser
from ui.users.role_help import role_help
from ui.widgets.choices import CodedCombo


class AddUserDialog(QDialog):
    """Re-opened with the same values and inline errors when the core refuses them."""

    def __init__(self, initial: NewUser, errors: Mapping[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah pengguna"))
        self.errors = FormErrors()
        self.username = QLineEdit(initial.username, self)
        self.display_name = QLineEdit(initial.display_name, self)
        self.role: CodedCombo[Role] = CodedCombo(Role, self)
        self.role.set_value(initial.role)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(self.tr("Tambah"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.add_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._build(buttons)
        self.errors.show(errors)

    def _build(self, buttons: QDialogButtonBox) -> None:
        intro = QLabel(self.tr("Kata sandi sementara dibuat otomatis dan ditampilkan sekali "
                               "setelah akun dibuat. Pada saat masuk pertama, pemilik akun "
                               "wajib menggantinya."), self)
        intro.setWordWrap(True)
        hint = QLabel(self.tr("3–32 huruf kecil, angka, titik, garis bawah atau tanda "
                              "hubung."), self)
        hint.setProperty("role", "hint")
        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna"), with_error(
            with_error(self.username, hint, self), self._error("username"), self))
        form.addRow(self.tr("Nama lengkap"),
                    with_error(self.display_name, self._error("display_name"), self))
        form.addRow(self.tr("Peran"), with_error(self.role, self._error("role"), self))
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(role_help(self))
        column.addWidget(buttons)
        self.setMinimumWidth(480)

    def _error(self, path: str) -> ErrorLabel:
        return self.errors.add(path, ErrorLabel(self))

    def values(self) -> NewUser:
        return NewUser(self.username.text(), self.display_name.text(),
                       self.role.value())

    @classmethod
    def ask(cls, parent: QWidget | None, initial: NewUser,
            errors: Mapping[str, str]) -> NewUser | None:
        """The new account's details, or ``None`` when cancelled (tests replace this seam)."""
        dialog = cls(initial, errors, parent)
        answer = dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        return answer
