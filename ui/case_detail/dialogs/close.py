"""Tutup kasus: reason, note and the UU TPKS Pasal 66–70 rights checklist (koordinator).

The four starred rights must be recorded before a case may close (DOMAIN.md §3.3); the core
decides and, when one is missing, the dialog names it. Rights chosen here are recorded first,
so they stay recorded even when closing is refused.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QWidget

from app.domain.enums import ClosureReason, RightStatus, VictimRight
from app.domain.models import Case
from app.domain.workflow import STARRED_RIGHTS
from ui.case_detail import jobs
from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.jobs import Job
from ui.i18n import label_text
from ui.widgets.choices import ChoiceCombo
from ui.workers import TaskRunner

RIGHTS_HEIGHT = 300


class CloseDialog(ActionDialog):
    def __init__(self, runner: TaskRunner, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Tutup kasus"), parent,
                         save_text=self.tr("Tutup kasus"))
        self._case = case
        self._recorded = {entry.right: entry.status for entry in case.rights}
        self._sent: list[tuple[VictimRight, RightStatus]] = []
        self.reason: ChoiceCombo[ClosureReason] = ChoiceCombo.of_enum(ClosureReason, self)
        self.note = self.note_edit(self)
        self.rights: dict[VictimRight, ChoiceCombo[RightStatus | None]] = {}
        self.add_field(self.tr("Alasan penutupan"), self.reason, "reason")
        self.add_field(self.tr("Catatan"), self.note, "note")
        hint = QLabel(self.tr("Hak korban (UU TPKS Pasal 66–70). Hak bertanda * wajib dicatat "
                              "sebelum kasus ditutup."), self)
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.body.addWidget(self._rights_area())
        self.finish_layout()
        self.resize(640, min(700, self.sizeHint().height()))

    @classmethod
    def ask(cls, parent: QWidget, runner: TaskRunner, case: Case) -> bool:
        return cls.launch(cls(runner, case, parent))

    def _rights_area(self) -> QScrollArea:
        inner = QWidget(self)
        grid = QGridLayout(inner)
        for row, right in enumerate(VictimRight):
            grid.addWidget(self._right_label(right), row, 0)
            grid.addWidget(self._right_combo(right), row, 1)
        grid.setColumnStretch(0, 1)
        area = QScrollArea(self)
        area.setWidget(inner)
        area.setWidgetResizable(True)
        area.setMinimumHeight(RIGHTS_HEIGHT)
        return area

    def _right_label(self, right: VictimRight) -> QLabel:
        starred = right in STARRED_RIGHTS
        label = QLabel(label_text(right) + (" *" if starred else ""), self)
        label.setWordWrap(True)
        if starred:
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
            label.setToolTip(self.tr("Wajib dicatat sebelum kasus ditutup."))
        return label

    def _right_combo(self, right: VictimRight) -> ChoiceCombo[RightStatus | None]:
        choices: list[tuple[str, RightStatus | None]] = [(self.tr("Belum dicatat"), None)]
        choices += [(label_text(status), status) for status in RightStatus]
        combo = ChoiceCombo(choices, self)
        combo.set_value(self._recorded.get(right))
        self.rights[right] = combo
        return combo

    def set_right(self, right: VictimRight, status: RightStatus | None) -> None:
        self.rights[right].set_value(status)

    def changed_rights(self) -> list[tuple[VictimRight, RightStatus]]:
        """Rights whose status was chosen or changed here (unchanged ones are not re-sent)."""
        chosen = [(right, combo.value()) for right, combo in self.rights.items()]
        return [(right, status) for right, status in chosen
                if isinstance(status, RightStatus) and self._recorded.get(right) is not status]

    def build_job(self) -> Job | None:
        self._sent = self.changed_rights()
        reason = self.reason.value() or ClosureReason.KEBUTUHAN_TERPENUHI
        return jobs.close(self._case.id, self._sent, reason,
                          self.note.toPlainText().strip() or None)

    def _on_job_failed(self, error: BaseException) -> None:
        # Rights recorded before the refusal stay recorded: remember them, reload afterwards.
        if self._sent:
            self.changed = True
            self._recorded.update(dict(self._sent))
        super()._on_job_failed(error)
