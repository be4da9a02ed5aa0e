"""A yes/cancel question with Indonesian button labels (Qt ships no Indonesian translation)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Confirm:
    """Seam for tests: :meth:`ask` shows the modal question; tests replace it."""

    @staticmethod
    def ask(parent: QWidget, title: str, text: str, yes_text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.NoButton, parent)
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(box.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is yes
