"""Ubah status: only the legal plain moves from the current status (DOMAIN.md §6)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.enums import CaseStatus
from app.errors import AppError, ErrorCode
from ui.case_detail import jobs, rules
from ui.case_detail.data import CaseView
from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.jobs import Job
from ui.i18n import label_text
from ui.widgets.choices import ChoiceCombo
from ui.workers import TaskRunner

#: Order in which targets are listed (the case's usual path).
ORDER = tuple(CaseStatus)


class StatusDialog(ActionDialog):
    def __init__(self, runner: TaskRunner, view: CaseView,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Ubah status"), parent)
        self._case = view.case
        current = QLabel(label_text(self._case.status), self)
        moves = sorted(rules.plain_moves(self._case.status), key=ORDER.index)
        self.target: ChoiceCombo[CaseStatus] = ChoiceCombo.of_enum(moves, self)
        self.reason = self.note_edit(self)
        self.reason_hint = QLabel(self)
        self.reason_hint.setProperty("role", "hint")
        self.reason_hint.setWordWrap(True)
        self.add_field(self.tr("Status sekarang"), current)
        self.add_field(self.tr("Status baru"), self.target, "target")
        self.add_field(self.tr("Alasan"), self.reason, "reason")
        self.form.addRow("", self.reason_hint)
        self.target.currentIndexChanged.connect(self._on_target_changed)
        self._on_target_changed()
        self.finish_layout()

    @classmethod
    def ask(cls, parent: QWidget, runner: TaskRunner, view: CaseView) -> bool:
        return cls.launch(cls(runner, view, parent))

    def targets(self) -> list[CaseStatus]:
        return self.target.values()

    def select(self, status: CaseStatus) -> None:
        self.target.set_value(status)

    def _on_target_changed(self) -> None:
        required = self.target.value() is CaseStatus.LAYANAN_INTERNAL
        self.reason_hint.setText(
            self.tr("Wajib: tuliskan mengapa korban hanya mendapat layanan internal (misalnya "
                    "hanya ingin informasi, atau menolak dirujuk).") if required
            else self.tr("Tidak wajib, tetapi membantu rekan yang membaca riwayat kasus."))

    def build_job(self) -> Job | None:
        target = self.target.value()
        if target is None:
            self.show_message(self.tr("Pilih status baru."))
            return None
        reason = self.reason.toPlainText().strip() or None
        return jobs.transition(self._case.id, target, reason)

    def show_error(self, error: BaseException) -> None:
        """A missing reason is shown at the reason field; other gaps as a sentence."""
        missing = error.params.get("missing") if isinstance(error, AppError) else None
        if (isinstance(error, AppError) and error.code is ErrorCode.TRANSITION_PRECONDITION
                and missing == ["reason"]):
            self.show_field_error("reason", self.tr("Wajib diisi untuk status ini."))
            return
        super().show_error(error)
