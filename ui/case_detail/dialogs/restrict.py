"""Batasi akses: hide the case from named officers (recusal, DOMAIN.md §8; koordinator)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.domain.enums import Role
from app.domain.models import Case, UserRef
from ui.case_detail import jobs
from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.jobs import Job
from ui.i18n import label_text
from ui.workers import TaskRunner


class RestrictDialog(ActionDialog):
    def __init__(self, runner: TaskRunner, case: Case, directory: tuple[UserRef, ...],
                 me: int, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Batasi akses ke kasus"), parent)
        self._case = case
        self.officers: dict[int, QCheckBox] = {}
        text = QLabel(self.tr("Petugas yang dicentang tidak dapat melihat kasus ini sama sekali: "
                              "kasus hilang dari daftar dan pencarian mereka. Anda sendiri dan "
                              "petugas yang menangani kasus tidak dapat dibatasi."), self)
        text.setWordWrap(True)
        self.form.addRow(text)
        self.add_field(self.tr("Petugas"), self._checklist(case, directory, me),
                       "restricted_from")
        self.finish_layout()

    @classmethod
    def ask(cls, parent: QWidget, runner: TaskRunner, case: Case,
            directory: tuple[UserRef, ...], me: int) -> bool:
        return cls.launch(cls(runner, case, directory, me, parent))

    def _checklist(self, case: Case, directory: tuple[UserRef, ...], me: int) -> QScrollArea:
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        for officer in directory:
            if not _may_restrict(officer, case, me):
                continue
            box = QCheckBox(f"{officer.display_name} ({label_text(officer.role)})", inner)
            box.setChecked(officer.id in case.restricted_from)
            column.addWidget(box)
            self.officers[officer.id] = box
        if not self.officers:
            column.addWidget(QLabel(self.tr("Tidak ada petugas lain yang dapat dibatasi."), inner))
        column.addStretch(1)
        area = QScrollArea(self)
        area.setWidget(inner)
        area.setWidgetResizable(True)
        area.setMinimumHeight(180)
        return area

    def chosen(self) -> frozenset[int]:
        return frozenset(uid for uid, box in self.officers.items() if box.isChecked())

    def build_job(self) -> Job | None:
        return jobs.restrict(self._case.id, self.chosen())


def _may_restrict(officer: UserRef, case: Case, me: int) -> bool:
    """Not oneself, not the assignee; a pimpinan never sees cases anyway. Inactive officers
    stay listed while restricted, so the restriction can still be lifted."""
    if officer.id in (me, case.assigned_to) or officer.role is Role.PIMPINAN:
        return False
    return officer.active or officer.id in case.restricted_from
