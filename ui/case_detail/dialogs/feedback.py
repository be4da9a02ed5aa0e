"""Catat umpan balik: the returned slip of a referral (a referred case moves to pemantauan)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.enums import ReferralOutcome
from ui.case_detail import jobs
from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.jobs import Job
from ui.widgets.choices import ChoiceCombo
from ui.workers import TaskRunner


class FeedbackDialog(ActionDialog):
    def __init__(self, runner: TaskRunner, referral_id: int, recipient: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Catat umpan balik rujukan"), parent)
        self._referral_id = referral_id
        self.outcome: ChoiceCombo[ReferralOutcome] = ChoiceCombo.of_enum(ReferralOutcome, self)
        self.note = self.note_edit(self)
        self.add_field(self.tr("Penerima"), QLabel(recipient, self))
        self.add_field(self.tr("Hasil"), self.outcome, "outcome")
        self.add_field(self.tr("Catatan"), self.note, "note")
        self.finish_layout()

    @classmethod
    def ask(cls, parent: QWidget, runner: TaskRunner, referral_id: int, recipient: str) -> bool:
        return cls.launch(cls(runner, referral_id, recipient, parent))

    def build_job(self) -> Job | None:
        outcome = self.outcome.value() or ReferralOutcome.DITANGANI
        return jobs.record_feedback(self._referral_id, outcome,
                                    self.note.toPlainText().strip() or None)
