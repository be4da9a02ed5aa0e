"""Step 6 — Risiko & kebutuhan: triage questions, the proposed priority, the victim's needs."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.domain import taxonomy
from app.domain.enums import Need, Priority
from app.domain.models import Intake, Triage
from ui.i18n import label_text
from ui.intake.form_state import FormValue, choose, chosen
from ui.intake.priority import propose, reason_text
from ui.intake.step_base import IntakeStep
from ui.widgets.choices import EnumChecklist, EnumCombo, YesNoCombo

TRIAGE_NAMES = ("immediate_danger", "injury_or_recent", "child", "disability",
                "perpetrator_access", "insider")
#: The 72-hour window for medical care and evidence (DOMAIN.md §5.5).
RECENT_DAYS = 3


class RiskStep(IntakeStep):
    sections = ("triage", "needs")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Risiko & kebutuhan"),
                         self.tr("Pertanyaan ini membantu menentukan seberapa cepat bantuan "
                                 "diperlukan. Korban boleh tidak menjawab."),
                         parent=parent)
        self.answers = {name: YesNoCombo(self) for name in TRIAGE_NAMES}
        self.proposal = QLabel(self)
        self.proposal.setProperty("role", "banner")
        self.proposal.setWordWrap(True)
        self.priority: EnumCombo[Priority] = EnumCombo(Priority, self)
        self.priority_reason = QLineEdit(self)
        self.needs: EnumChecklist[Need] = EnumChecklist(Need, 2, self)
        self.expectations = QPlainTextEdit(self)
        self.expectations.setMaximumHeight(110)
        self._proposed: Priority | None = None
        self._restoring = False
        self._triage_form()
        self._needs_form()
        for combo in self.answers.values():
            combo.currentIndexChanged.connect(self._on_triage_changed)
        self._on_triage_changed()
        self.finish()

    def _triage_form(self) -> None:
        form = self.section(self.tr("Pertanyaan risiko"))
        questions = {
            "immediate_danger": self.tr("Apakah korban sekarang dalam bahaya langsung?"),
            "injury_or_recent": self.tr("Apakah korban terluka, atau kejadiannya kurang dari "
                                        "72 jam yang lalu?"),
            "child": self.tr("Apakah korban anak (di bawah 18 tahun)?"),
            "disability": self.tr("Apakah korban penyandang disabilitas?"),
            "perpetrator_access": self.tr("Apakah terlapor masih dapat menemui atau "
                                          "menghubungi korban?"),
            "insider": self.tr("Apakah terlapor orang dalam KPU?"),
        }
        for name, question in questions.items():
            self.add_row(form, f"triage.{name}", question, self.answers[name])
        form.addRow(self.proposal)
        self.add_row(form, "triage.priority", self.tr("Prioritas"), self.priority, enum=Priority,
                     hint=self.tr("Petugas boleh mengubah usulan ini."))
        self.add_row(form, "triage.priority_reason", self.tr("Alasan mengubah prioritas"),
                     self.priority_reason,
                     hint=self.tr("Wajib diisi bila prioritas berbeda dari usulan."))

    def _needs_form(self) -> None:
        form = self.section(self.tr("Kebutuhan korban"))
        self.add_row(form, "needs.items", self.tr("Bantuan yang dibutuhkan"), self.needs,
                     enum=Need, above=True)
        self.add_row(form, "needs.expectations", self.tr("Harapan korban, dengan kata-katanya "
                                                         "sendiri"),
                     self.expectations, above=True)

    # --- proposal ------------------------------------------------------------------------

    def triage(self) -> Triage:
        answer = {name: combo.value() for name, combo in self.answers.items()}
        return Triage(immediate_danger=answer["immediate_danger"],
                      injury_or_recent=answer["injury_or_recent"], child=answer["child"],
                      disability=answer["disability"],
                      perpetrator_access=answer["perpetrator_access"], insider=answer["insider"])

    @Slot()
    def _on_triage_changed(self) -> None:
        proposed, reasons = propose(self.triage())
        self.proposal.setText(self.tr("Prioritas yang diusulkan: %1. Alasan: %2.")
                              .replace("%1", label_text(proposed))
                              .replace("%2", reason_text(reasons)))
        current = chosen(self.priority, Priority)
        if not self._restoring and (current is None or current is self._proposed):
            choose(self.priority, proposed)
        self._proposed = proposed

    def enter(self, intake: Intake | None) -> None:
        """Pre-answer what earlier steps already tell (only questions still unanswered)."""
        if intake is None:
            return
        for name, derived in _derived_answers(intake).items():
            combo = self.answers[name]
            if combo.value() is None and derived is not None:
                combo.set_value(derived)

    def restore(self, data: Mapping[str, FormValue]) -> None:
        self._restoring = True
        try:
            super().restore(data)
        finally:
            self._restoring = False
        self._proposed, _ = propose(self.triage())


def _derived_answers(intake: Intake) -> dict[str, bool | None]:
    received = intake.reception.received_at.date()
    victim, perpetrators = intake.victim, intake.perpetrators
    age = taxonomy.victim_age(victim, received)
    occurred = intake.incident.occurred_on
    return {
        "child": None if age is None else age < taxonomy.CHILD_AGE,
        "disability": victim.disability,
        "perpetrator_access": True if any(p.has_access_to_victim for p in perpetrators)
        else None,
        "insider": True if any(p.insider for p in perpetrators) else None,
        "injury_or_recent": True if _recent(occurred, received) else None,
    }


def _recent(occurred: date | None, received: date) -> bool:
    return occurred is not None and 0 <= (received - occurred).days <= RECENT_DAYS
