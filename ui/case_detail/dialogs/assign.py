"""Tugaskan: hand the case to an active petugas or koordinator (koordinator)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.enums import Role
from app.domain.models import Case, UserRef
from ui.case_detail import jobs
from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.jobs import Job
from ui.i18n import label_text
from ui.widgets.choices import ChoiceCombo
from ui.workers import TaskRunner


class AssignDialog(ActionDialog):
    def __init__(self, runner: TaskRunner, case: Case, directory: tuple[UserRef, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Tugaskan kasus"), parent)
        self._case = case
        self.officer: ChoiceCombo[int] = ChoiceCombo(
            [(f"{person.display_name} ({label_text(person.role)})", person.id)
             for person in directory
             if person.active and person.role in (Role.PETUGAS, Role.KOORDINATOR)
             and person.id not in case.restricted_from], self)
        self.officer.set_value(case.assigned_to)
        hint = QLabel(self.tr("Petugas yang dibatasi dari kasus ini tidak ditampilkan."), self)
        hint.setProperty("role", "hint")
        self.add_field(self.tr("Ditangani oleh"), self.officer, "assigned_to")
        self.form.addRow("", hint)
        self.finish_layout()

    @classmethod
    def ask(cls, parent: QWidget, runner: TaskRunner, case: Case,
            directory: tuple[UserRef, ...]) -> bool:
        return cls.launch(cls(runner, case, directory, parent))

    def select(self, user_id: int) -> None:
        self.officer.set_value(user_id)

    def build_job(self) -> Job | None:
        user_id = self.officer.value()
        if user_id is None:
            self.show_message(self.tr("Pilih petugas."))
            return None
        return jobs.assign(self._case.id, user_id)
