"""Tambah catatan: a follow-up entry on the case timeline (contact, service, note...)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.domain.enums import FollowUpKind
from ui.case_detail import jobs
from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.jobs import Job
from ui.widgets.choices import ChoiceCombo
from ui.workers import TaskRunner


class FollowUpDialog(ActionDialog):
    def __init__(self, runner: TaskRunner, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Tambah catatan tindak lanjut"), parent)
        self._case_id = case_id
        self.kind: ChoiceCombo[FollowUpKind] = ChoiceCombo.of_enum(FollowUpKind, self)
        self.kind.set_value(FollowUpKind.CATATAN)
        self.note = self.note_edit(self)
        self.note.setFixedHeight(160)
        self.add_field(self.tr("Jenis"), self.kind, "kind")
        self.add_field(self.tr("Catatan"), self.note, "note")
        self.finish_layout()
        self.resize(520, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget, runner: TaskRunner, case_id: int) -> bool:
        return cls.launch(cls(runner, case_id, parent))

    def build_job(self) -> Job | None:
        kind = self.kind.value() or FollowUpKind.CATATAN
        return jobs.add_follow_up(self._case_id, kind, self.note.toPlainText())
