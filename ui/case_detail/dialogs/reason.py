"""A dialog asking for a written reason before one action (reopening, revoking consent)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.jobs import Job
from ui.workers import TaskRunner

#: Makes the job from the typed reason (``None`` when left empty).
JobForReason = Callable[[str | None], Job]


class ReasonDialog(ActionDialog):
    def __init__(self, runner: TaskRunner, title: str, explanation: str, make_job: JobForReason,
                 save_text: str, parent: QWidget | None = None) -> None:
        super().__init__(runner, title, parent, save_text=save_text)
        self._make_job = make_job
        text = QLabel(explanation, self)
        text.setWordWrap(True)
        self.form.addRow(text)
        self.reason = self.note_edit(self)
        self.add_field(self.tr("Alasan"), self.reason, "reason")
        self.finish_layout()
        self.resize(480, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget, runner: TaskRunner, title: str, explanation: str,
            make_job: JobForReason, save_text: str) -> bool:
        return cls.launch(cls(runner, title, explanation, make_job, save_text, parent))

    def build_job(self) -> Job | None:
        return self._make_job(self.reason.toPlainText().strip() or None)
