"""The "Ubah peran" dialog: choose another role for one account."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.domain.enums import Role
from app.domain.models import User
from ui.users.role_help import role_help
from ui.widgets.choices import CodedCombo


class ChangeRoleDialog(QDialog):
    """Starts on the account's current role."""

    def __init__(self, user: User, is_self: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah peran"))
        who = QLabel(self.tr("Peran untuk %1 (%2):").replace("%1", user.display_name)
                     .replace("%2", user.username), self)
        who.setWordWrap(True)
        self.role: CodedCombo[Role] = CodedCombo(Role, self)
        self.role.set_value(user.role)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Simpan"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(who)
        column.addWidget(self.role)
        column.addWidget(role_help(self))
        if is_self:
            warning = QLabel(self.tr("Ini akun Anda sendiri. Tanpa peran koordinator Anda "
                                     "tidak dapat lagi membuka Pengguna dan Pengaturan."), self)
            warning.setProperty("role", "banner")
            warning.setWordWrap(True)
            column.addWidget(warning)
        column.addWidget(buttons)
        self.setMinimumWidth(440)

    @classmethod
    def ask(cls, parent: QWidget | None, user: User, is_self: bool) -> Role | None:
        """The chosen role, or ``None`` when cancelled (tests replace this seam)."""
        dialog = cls(user, is_self, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        role = dialog.role.value() if accepted else None
        dialog.deleteLater()
        return role
