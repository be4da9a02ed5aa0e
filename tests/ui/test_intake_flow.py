"""Pengaduan Baru end to end: every step typed into real widgets, then read back from the vault."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from enum import Enum

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.domain.enums import (
    CaseStatus,
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
)
from app.domain.models import Intake
from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from tests.ui.intake_crash_child import form_of, next_steps, pick, start_intake, type_into
from ui.context import PageName
from ui.intake.intake_form import CONSENT, INCIDENT, REPORTER, RISK, SUMMARY, VICTIM, IntakeForm
from ui.pages.intake import IntakePage
from ui.shell import Shell
from ui.widgets.choices import EnumChecklist

EXPECTED = helpers.full_intake(tag="UI")
DINSOS, SATGAS = "dinsos_p3a_blora", "satgas_kpu_jateng"


def as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value.day:02d}-{value.month:02d}-{value.year}"
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, tuple):
        return "\n".join(value)
    return str(value)


def fill(widget: QWidget, value: object) -> None:
    """Enter a model value into its widget the way an officer would."""
    if isinstance(widget, EnumChecklist):
        assert isinstance(value, frozenset)
        for member in value:
            widget.box_for(member).click()
    elif isinstance(widget, QCheckBox):
        if widget.isChecked() != value:
            widget.click()
    elif isinstance(widget, QComboBox):
        assert value is None or isinstance(value, (Enum, bool, str))
        pick(widget, value)
    elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
        type_into(widget, as_text(value))
    else:
        raise AssertionError(type(widget).__name__)


def fill_fields(owner: object, section: object, skip: tuple[str, ...] = ()) -> None:
    """Every field of a model section into the widget attribute of the same name."""
    for spec in dataclasses.fields(section):  # type: ignore[arg-type]
        if spec.name not in skip:
            fill(getattr(owner, spec.name), getattr(section, spec.name))


def fill_reception(form: IntakeForm, expected: Intake) -> None:
    type_into(form.reception.received_date, "02-03-2026")
    type_into(form.reception.received_time, "09:00")
    fill_fields(form.reception, expected.reception, skip=("received_at",))


def fill_incident(form: IntakeForm, expected: Intake) -> None:
    incident = expected.incident
    fill_fields(form.incident, incident, skip=("tpks_types", "gbvims"))
    fill(form.incident.tpks.checklist, incident.tpks_types)
    fill_fields(form.incident, incident.gbvims)


def fill_perpetrators(form: IntakeForm, expected: Intake) -> None:
    for perpetrator in expected.perpetrators:
        form.perpetrators.add_button.click()
        fill_fields(form.perpetrators.forms[-1], perpetrator)


def fill_risk(form: IntakeForm, expected: Intake) -> None:
    triage = expected.triage
    for name, combo in form.risk.answers.items():
        fill(combo, getattr(triage, name))
    fill(form.risk.priority, triage.priority)
    fill(form.risk.priority_reason, triage.priority_reason)
    fill(form.risk.needs, expected.needs.items)
    fill(form.risk.expectations, expected.needs.expectations)


def fill_consents(form: IntakeForm) -> None:
    pick(form.consent.row("layanan").outcome, ConsentOutcome.DIBERIKAN)
    dinsos = form.consent.row(f"rujukan.{DINSOS}")
    dinsos.items.box_for(DataItem.NAMA).click()
    dinsos.items.box_for(DataItem.KRONOLOGI).click()
    type_into(dinsos.expires_on, "31-12-2026")
    pick(form.consent.row(f"rujukan.{SATGAS}").outcome, ConsentOutcome.DIBERIKAN)
    pick(form.consent.row("statistik").outcome, ConsentOutcome.DIBERIKAN)


def check_summary(page: IntakePage, form: IntakeForm) -> None:
    """Everything is on the summary, and "Ubah" goes back to a step and returns."""
    summary = form.summary.text()
    for typed in ("Korban Lengkap UI", "Mawar", "3316015705900001", "Terlapor Satu UI",
                  "Kronologi dalam kata-kata korban UI.", "31-12-2026", "kakak"):
        assert typed in summary
    assert sorted(form.summary.edit_buttons) == list(range(SUMMARY))
    form.summary.edit_buttons[VICTIM].click()
    assert form.currentIndex() == VICTIM and page.step_bar.buttons[VICTIM].isChecked()
    page.step_bar.buttons[SUMMARY].click()
    assert form.currentIndex() == SUMMARY and page.finish_button.isVisible()


def fill_every_step(page: IntakePage, form: IntakeForm) -> None:
    """Steps 2–7 with the expected values (step 1 is already done)."""
    fill_fields(form.reporter, EXPECTED.reporter)
    next_steps(page)
    fill_fields(form.victim, EXPECTED.victim)
    next_steps(page)
    assert form.currentIndex() == INCIDENT, form.victim.message.text()
    fill_incident(form, EXPECTED)
    next_steps(page)
    fill_perpetrators(form, EXPECTED)
    next_steps(page)
    assert form.currentIndex() == RISK
    fill_risk(form, EXPECTED)
    next_steps(page)
    assert form.currentIndex() == CONSENT
    dinsos = form.consent.row(f"rujukan.{DINSOS}")
    pick(dinsos.outcome, ConsentOutcome.SEBAGIAN)
    next_steps(page)
    assert dinsos.fields.error_text("items") == "Wajib diisi.", "partial: which data?"
    fill_consents(form)
    next_steps(page)
    assert form.currentIndex() == SUMMARY, page.message.text()


def check_stored(vault: Vault, case_id: int) -> None:
    """Read back through a fresh session: every value, the status, the consents."""
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        case = session.cases.get(case_id)
        assert session.drafts.load(case_id) is None
    assert case.intake == EXPECTED
    assert case.status is CaseStatus.ASESMEN
    decided = {(c.consent.purpose, c.consent.recipient): c.consent for c in case.consents}
    assert len(case.consents) == 4
    assert decided[(ConsentPurpose.LAYANAN, None)].outcome is ConsentOutcome.DIBERIKAN
    partial = decided[(ConsentPurpose.RUJUKAN, DINSOS)]
    assert partial.outcome is ConsentOutcome.SEBAGIAN
    assert partial.data_items == {DataItem.NAMA, DataItem.KRONOLOGI}
    assert partial.expires_on == date(2026, 12, 31)
    assert decided[(ConsentPurpose.RUJUKAN, SATGAS)].outcome is ConsentOutcome.DIBERIKAN
    assert decided[(ConsentPurpose.STATISTIK, None)].outcome is ConsentOutcome.DIBERIKAN


def test_full_intake_through_every_step_is_stored_with_every_value(
        shell: Shell, ready_vault: Vault) -> None:
    unlock(shell)
    page = start_intake(shell)
    form = form_of(page)
    assert form.currentIndex() == 0 and page.code_label.text() == ""
    fill_reception(form, EXPECTED)
    next_steps(page)
    case_id = page.location()["case_id"]
    assert form.currentIndex() == REPORTER
    assert page.code_label.text().endswith("/2026") and "PPKS" in shell.windowTitle()
    fill_every_step(page, form)
    check_summary(page, form)
    page.finish_button.click()
    assert open_workspace(shell).current is PageName.DETAIL_KASUS
    assert page.form is None, "no case data stays in the intake page"
    shell.lock()
    check_stored(ready_vault, case_id)
