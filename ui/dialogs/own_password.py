"""Changing one's own password by choice: the current one first, then the new one twice."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from ui.dialogs.new_password import NewPasswordDialog
from ui.widgets.password import PasswordField


@dataclass(frozen=True)
class PasswordChange:
    current: str
    new: str


class OwnPasswordDialog(NewPasswordDialog):
    def __init__(self, username: str, parent: QWidget | None = None,
                 office_words: tuple[str, ...] = ()) -> None:
        super().__init__(username, self._reason(), parent, office_words)
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        self.current = PasswordField(self)
        self.form.insertRow(0, self.tr("Kata sandi sekarang"), self.current)
        self.current.text_changed.connect(self._on_changed)
        self.setTabOrder(self.current.edit, self.first.edit)
        self._on_changed()

    @staticmethod
    def _reason() -> str:
        return QCoreApplication.translate(
            "OwnPasswordDialog",
            "Ketik kata sandi Anda sekarang, lalu kata sandi baru dua kali. Kata sandi baru "
            "berlaku mulai saat membuka kunci berikutnya.")

    def _on_changed(self, *_: object) -> None:
        super()._on_changed()
        current = getattr(self, "current", None)  # the base class calls this before it exists
        if current is not None and not current.text():
            self.ok.setEnabled(False)

    def change(self) -> PasswordChange:
        return PasswordChange(self.current.text(), self.password())

    @classmethod
    def ask_change(cls, parent: QWidget | None, username: str,
                   office_words: tuple[str, ...] = ()) -> PasswordChange | None:
        """The current and the new password, or ``None`` when cancelled (a test seam)."""
        dialog = cls(username, parent, office_words)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        change = dialog.change() if accepted else None
        dialog.deleteLater()
        return change
