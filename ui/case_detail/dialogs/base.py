"""The shape every case-action dialog shares: save through the runner, stay open on errors.

A dialog builds its job from its inputs and runs it itself while it is open; on success it
closes, on an error it shows the message (next to the field when the core names one) and keeps
everything typed. :meth:`ActionDialog.launch` is the modal seam tests replace.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.case_detail.jobs import Job
from ui.errors import field_errors, message_for
from ui.workers import TaskRunner

NOTE_HEIGHT = 90


def set_role(widget: QWidget, role: str) -> None:
    """Change a style-sheet role and re-apply the style (QSS reads dynamic properties once)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ActionDialog(QDialog):
    """Base of the case-action dialogs; subclasses add fields and implement :meth:`build_job`."""

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget | None = None,
                 save_text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.runner = runner
        #: True once anything was saved (the page then reloads the case).
        self.changed = False
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._field_rows: dict[str, QWidget] = {}
        self._field_errors: dict[str, QLabel] = {}
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(save_text or self.tr("Simpan"), self)
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)

    def finish_layout(self) -> None:
        """Call at the end of a subclass constructor: the message and buttons go last."""
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)

    def add_field(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        """A form row whose inline error (for core field path ``field``) shows under it."""
        row = QWidget(self)
        box = QVBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        if field is not None:
            error = QLabel(row)
            error.setProperty("role", "error")
            error.setWordWrap(True)
            error.hide()
            box.addWidget(error)
            self._field_errors[field] = error
            self._field_rows[field] = row
        self.form.addRow(label, row)
        return row

    @staticmethod
    def note_edit(parent: QWidget) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(NOTE_HEIGHT)
        return edit

    # --- saving --------------------------------------------------------------------------

    def build_job(self) -> Job | None:
        """The job for the current inputs, or ``None`` after showing why it cannot be saved."""
        raise NotImplementedError

    def _on_save_clicked(self) -> None:
        self.clear_errors()
        job = self.build_job()
        if job is None:
            return
        self.save_button.setEnabled(False)
        self.runner.run(job, self._on_job_done, self._on_job_failed)

    def _on_job_done(self, result: object) -> None:
        self.save_button.setEnabled(True)
        self.changed = True
        self.saved(result)

    def _on_job_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.show_error(error)

    def saved(self, result: object) -> None:
        """After a successful save; closes the dialog unless a subclass does more."""
        del result
        self.accept()

    # --- errors --------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.error_label.hide()
        for label in self._field_errors.values():
            label.hide()

    def show_error(self, error: BaseException) -> None:
        """Field errors next to their fields; anything else in the dialog's message line."""
        fields = field_errors(error)
        unplaced = [text for path, text in fields.items() if not self.show_field_error(path, text)]
        if not fields or unplaced:
            self.show_message(" ".join(unplaced) if unplaced else message_for(error))

    def show_field_error(self, path: str, text: str) -> bool:
        label = self._field_errors.get(path.split("[")[0])
        if label is None:
            return False
        label.setText(text)
        label.show()
        return True

    def show_message(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def field_error(self, field: str) -> str:
        """The inline error shown for ``field`` ("" when none): for tests and accessibility."""
        label = self._field_errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def message(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    # --- the modal seam ------------------------------------------------------------------

    @staticmethod
    def launch(dialog: ActionDialog) -> bool:
        """Run ``dialog`` modally; True when it saved something. Tests replace this."""
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.exec()
        if not shiboken6.isValid(dialog):  # the app locked meanwhile and took the page along
            return False
        changed = dialog.changed
        dialog.deleteLater()
        return changed
