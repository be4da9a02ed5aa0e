"""The signed-in officer in the sidebar: name, role, and changing one's own password."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.credentials import office_words
from ui import jobs
from ui.context import UiContext
from ui.dialogs.own_password import OwnPasswordDialog
from ui.errors import show_error
from ui.i18n import label_text


class AccountBox(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        who = QLabel(f"{ctx.user.display_name}\n{label_text(ctx.user.role)}", self)
        who.setWordWrap(True)
        self.password_button = QPushButton(self.tr("Ganti kata sandi…"), self)
        self.password_button.clicked.connect(self._on_password_clicked)
        self.status = QLabel(self)
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(who)
        layout.addWidget(self.password_button)
        layout.addWidget(self.status)

    def _on_password_clicked(self) -> None:
        self.status.clear()
        change = OwnPasswordDialog.ask_change(self, self.ctx.user.username,
                                              office_words(self.ctx.settings.institution))
        if change is None:
            return
        self.password_button.setEnabled(False)
        self.ctx.runner.run(jobs.change_password(change.new, change.current),
                            self._on_changed, self._on_failed)

    def _on_changed(self, user: object) -> None:
        del user
        self.password_button.setEnabled(True)
        self.status.setText(self.tr("Kata sandi sudah diganti."))

    def _on_failed(self, error: BaseException) -> None:
        self.password_button.setEnabled(True)
        show_error(self, error)
