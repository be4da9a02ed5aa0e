"""Small dialogs and seams of the data-protection screens.

- :class:`TypedWord`: a field where the officer types a given word; irreversible actions wait
  for it (a click alone is too easy to make by mistake).
- :class:`TypedConfirmDialog`: the serious question before a destruction.
- :class:`ExportPath`: the save-file dialog of the statistics export (a seam for tests).
- :func:`show_document`: the preview of a rendered document, with printing and Simpan PDF.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.documents import Rendered
from ui.data_protection.texts import tr
from ui.printing.preview_dialog import PreviewDialog
from ui.workers import TaskRunner


class TypedWord(QWidget):
    """"Ketik MUSNAHKAN untuk melanjutkan": emits :attr:`matched_changed` as typing goes."""

    matched_changed = Signal(bool)

    def __init__(self, word: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.word = word
        self.prompt = QLabel(tr("Ketik %1 (huruf besar) untuk melanjutkan:").replace("%1", word),
                             self)
        self.prompt.setWordWrap(True)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(self.prompt.text())
        self.prompt.setBuddy(self.edit)
        self.edit.textChanged.connect(self._on_text_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.edit)

    def matched(self) -> bool:
        """Exactly the word (surrounding spaces forgiven, nothing else)."""
        return self.edit.text().strip() == self.word

    def _on_text_changed(self, text: str) -> None:
        del text
        self.matched_changed.emit(self.matched())


class TypedConfirmDialog(QDialog):
    """An explanation, the typed word, then the action button (red) or Batal."""

    def __init__(self, title: str, explanation: str, word: str, action_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.explanation = QLabel(explanation, self)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.typed = TypedWord(word, self)
        self.action_button = QPushButton(action_text, self)
        self.action_button.setProperty("role", "danger")
        self.action_button.setEnabled(False)
        self.action_button.setAutoDefault(False)
        self.cancel_button = QPushButton(tr("Batal"), self)
        self.cancel_button.setDefault(True)  # Enter never destroys anything
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.typed.matched_changed.connect(self.action_button.setEnabled)
        self.action_button.clicked.connect(self._on_action_clicked)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.typed)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self.typed.edit.setFocus()

    def _on_action_clicked(self) -> None:
        if self.typed.matched():
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget, title: str, explanation: str, word: str,
            action_text: str) -> bool:
        """True when the officer typed the word and pressed the action button."""
        return cls.launch(cls(title, explanation, word, action_text, parent))

    @staticmethod
    def launch(dialog: TypedConfirmDialog) -> bool:
        """Run ``dialog`` modally. Tests replace this seam."""
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if shiboken6.isValid(dialog):
            dialog.deleteLater()
        return accepted


class ExportPath:
    """Seam for tests: :meth:`ask` runs the save-file dialog for a statistics file."""

    @staticmethod
    def ask(parent: QWidget | None, proposed: str, file_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, tr("Simpan rekap statistik"), proposed,
                                              file_filter)
        return path or None


def show_document(parent: QWidget, runner: TaskRunner, rendered: Rendered, title: str,
                  note: str | None = None) -> None:
    """Preview ``rendered`` (print or Simpan PDF from there); ``note`` under the pages.

    The window title is ``title`` — a document name and at most a case code."""
    dialog = PreviewDialog(rendered.pdf, title, parent, rendered=rendered, runner=runner)
    if note:
        dialog.status.setText(note)
    PreviewDialog.launch(dialog)
