"""All intake steps in one stack: the raw form, the model built from it, errors by path."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from app.domain.deadlines import zone
from app.domain.models import ConsentInput
from ui.context import UiContext
from ui.intake.consent_mapping import ConsentSlot, consents_from_raw, slots
from ui.intake.consent_step import ConsentStep
from ui.intake.form_state import FormValue, RawForm
from ui.intake.incident_step import IncidentStep
from ui.intake.mapping import Reading, intake_from_raw
from ui.intake.perpetrators_step import PerpetratorsStep
from ui.intake.reception_step import ReceptionStep
from ui.intake.reporter_step import ReporterStep
from ui.intake.risk_step import RiskStep
from ui.intake.step_base import IntakeStep
from ui.intake.summary_step import StepSummary, SummaryStep
from ui.intake.victim_step import VictimStep

RECEPTION, REPORTER, VICTIM, INCIDENT, PERPETRATORS, RISK, CONSENT, SUMMARY = range(8)


class IntakeForm(QStackedWidget):
    """The eight steps. Knows nothing of the vault: the page saves what :meth:`raw` gives."""

    changed = Signal()
    edit_requested = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = ctx.settings
        self.tz = zone(settings.timezone)
        places = settings.kecamatan_choices()
        recipients = [(r.key, r.name) for r in settings.directory if r.active]
        self.slots: list[ConsentSlot] = slots(key for key, _ in recipients)
        self.reception = ReceptionStep(ctx.user.display_name, self)
        self.reporter = ReporterStep(self)
        self.victim = VictimStep(places, self)
        self.incident = IncidentStep(places, self)
        self.perpetrators = PerpetratorsStep(self)
        self.risk = RiskStep(self)
        self.consent = ConsentStep(recipients, ctx.is_koordinator, self)
        self.summary = SummaryStep(self)
        self.steps: list[IntakeStep] = [self.reception, self.reporter, self.victim,
                                        self.incident, self.perpetrators, self.risk,
                                        self.consent, self.summary]
        for step in self.steps:
            self.addWidget(step)
            step.changed.connect(self.changed)
        self.perpetrators.escalation_proposed.connect(self.reception.propose_escalation)
        self.summary.edit_requested.connect(self.edit_requested)

    # --- state ---------------------------------------------------------------------------

    def raw(self) -> RawForm:
        raw: RawForm = {}
        for step in self.steps:
            raw.update(step.raw())
        return raw

    def restore(self, data: Mapping[str, FormValue]) -> None:
        for step in self.steps:
            step.restore(data)

    def reading(self) -> Reading:
        """The intake as typed now, with local errors (path → code)."""
        return intake_from_raw(self.raw(), self.tz)

    def consents(self) -> tuple[list[tuple[ConsentSlot, ConsentInput]], dict[str, str]]:
        return consents_from_raw(self.raw(), self.slots)

    def set_read_only(self, read_only: bool) -> None:
        for step in self.steps[:SUMMARY]:
            step.content.setEnabled(not read_only)

    # --- moving --------------------------------------------------------------------------

    def go(self, index: int) -> None:
        """Show a step, after telling it what the rest of the form holds now."""
        step = self.steps[index]
        intake = self.reading().intake
        step.enter(intake)
        if index in (CONSENT, SUMMARY):
            self.consent.enter(intake)
        if index == SUMMARY:
            self.summary.show_summary(self.summaries())
        self.setCurrentIndex(index)

    def summaries(self) -> list[StepSummary]:
        return [(index, step.title, step.summary())
                for index, step in enumerate(self.steps[:SUMMARY])]

    # --- errors --------------------------------------------------------------------------

    def step_for(self, path: str) -> int | None:
        return next((index for index, step in enumerate(self.steps) if step.owns(path)), None)

    def show_errors(self, messages: Mapping[str, str]) -> int | None:
        """Show messages next to their fields; returns the first step holding one."""
        by_step: dict[int, dict[str, str]] = {}
        for path, text in messages.items():
            index = self.step_for(path)
            where = self.currentIndex() if index is None else index
            by_step.setdefault(where, {})[path] = text
        for index, step_messages in by_step.items():
            self.steps[index].show_errors(step_messages)
        return min(by_step) if by_step else None

    def clear_errors(self) -> None:
        for step in self.steps:
            step.clear_errors()
