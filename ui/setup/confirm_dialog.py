"""A plain yes/no question with Indonesian buttons (Qt ships no Indonesian translation)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class ConfirmDialog(QDialog):
    """One question, one confirming button, "Batal"."""

    def __init__(self, title: str, text: str, confirm_text: str, danger: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        message = QLabel(text, self)
        message.setWordWrap(True)
        message.setMinimumWidth(420)
        buttons = QDialogButtonBox(self)
        self.confirm_button = buttons.addButton(confirm_text,
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Batal"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button.setProperty("role", "danger" if danger else "primary")
        # A risky action must not happen on a stray Enter.
        (self.cancel_button if danger else self.confirm_button).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(message)
        column.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, confirm_text: str, *,
            danger: bool = False) -> bool:
        """Whether the officer confirmed (tests replace this seam)."""
        dialog = cls(title, text, confirm_text, danger, parent)
        confirmed = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return confirmed
