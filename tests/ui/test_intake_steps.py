"""Single intake steps as plain widgets (no vault): help texts, hints, the priority proposal."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from app.domain.enums import (
    ConsentOutcome,
    PerpetratorKpuRelation,
    Priority,
    Role,
    Route,
    TpksType,
)
from app.domain.labels import TPKS_HELP
from app.domain.models import User
from app.domain.settings import OfficeSettings
from tests.ui.intake_crash_child import pick, type_into
from ui.context import Navigator, UiContext
from ui.i18n import label_text
from ui.intake.consent_row import CHILD
from ui.intake.intake_form import CONSENT, PERPETRATORS, RISK, IntakeForm
from ui.workers import TaskRunner


def standalone_form(qtbot: QtBot, role: Role = Role.KOORDINATOR) -> IntakeForm:
    """The form alone: it needs only the officer and the office settings from the context."""
    user = User(1, "koord", "Koordinator Posko", role, True, False,
                datetime(2026, 3, 2, tzinfo=UTC))
    ctx = UiContext(runner=cast(TaskRunner, None), user=user, settings=OfficeSettings(),
                    navigator=cast(Navigator, None))
    form = IntakeForm(ctx)
    qtbot.addWidget(form)
    form.resize(1176, 700)
    form.show()
    return form


@pytest.fixture
def form(qtbot: QtBot) -> IntakeForm:
    return standalone_form(qtbot)


def test_every_tpks_type_has_its_help_as_tooltip_and_in_the_panel(
        form: IntakeForm, qtbot: QtBot) -> None:
    form.go(3)
    picker = form.incident.tpks
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    assert "Pilih satu kotak" in picker.help_panel.text()
    for kind in TpksType:
        box = picker.box(kind)
        assert box.toolTip() == TPKS_HELP[kind]
        box.setFocus()
        assert box.hasFocus()
        assert picker.help_title.text() == label_text(kind)
        assert picker.help_panel.text() == TPKS_HELP[kind]


def test_the_victims_age_is_explained_and_a_child_is_named_as_such(form: IntakeForm) -> None:
    form.reception.set_received(datetime(2026, 3, 2, 9, 0))
    form.go(2)
    victim = form.victim
    type_into(victim.birth_date, "17-08-2010")
    assert victim.age_note.text().startswith("Usia 15 tahun saat pengaduan: korban anak")
    type_into(victim.birth_date, "")
    type_into(victim.age_years, "40")
    assert victim.age_note.text() == "Usia 40 tahun saat pengaduan."
    type_into(victim.nik, "3316 0157")
    assert victim.nik_count.text() == "Terisi 8 dari 16 angka."


def test_the_priority_follows_the_triage_until_the_officer_changes_it(form: IntakeForm) -> None:
    form.reception.set_received(datetime(2026, 3, 2, 9, 0))
    risk = form.risk
    assert risk.priority.value() is Priority.BIASA
    pick(risk.answers["child"], True)
    assert risk.priority.value() is Priority.SEGERA
    assert "korban anak" in risk.proposal.text()
    pick(risk.answers["immediate_danger"], True)
    assert risk.priority.value() is Priority.DARURAT
    pick(risk.priority, Priority.BIASA)
    pick(risk.answers["immediate_danger"], False)
    assert risk.priority.value() is Priority.BIASA, "the officer's choice stays"
    assert "Segera" in risk.proposal.text()
    assert form.reading().errors == {"triage.priority_reason": "required"}
    type_into(risk.priority_reason, "korban sudah aman")
    assert form.reading().errors == {}


def test_only_a_petugas_is_told_to_ask_the_koordinator_for_an_override(
        form: IntakeForm, qtbot: QtBot) -> None:
    assert form.consent.petugas_note is None
    petugas_form = standalone_form(qtbot, Role.PETUGAS)
    petugas_form.consent.set_child(True)
    note = petugas_form.consent.petugas_note
    assert note is not None and "minta koordinator" in note.text()
    assert not petugas_form.consent.override_box.isHidden()


def test_the_chronology_warns_gently_about_a_nik_or_phone_number(form: IntakeForm) -> None:
    warning = form.incident.chronology_warning
    type_into(form.incident.chronology, "Pelaku mengirim pesan setiap malam, 3 kali.")
    assert warning.isHidden()
    type_into(form.incident.chronology, "Dia menelepon dari 0812 3456 7890.")
    assert not warning.isHidden() and "nomor telepon" in warning.text()
    type_into(form.incident.chronology, "NIK saya 3316015705900001 katanya.")
    assert not warning.isHidden()
    type_into(form.incident.chronology, "Kejadian tanggal 08-02-2026 14.30, lalu 09/02/2026.")
    assert warning.isHidden()


def test_an_insider_terlapor_is_flagged_and_proposes_escalation(form: IntakeForm) -> None:
    form.reception.set_received(datetime(2026, 3, 2, 9, 0))
    form.go(PERPETRATORS)
    steps = form.perpetrators
    assert steps.insider_banner.isHidden() and not steps.empty_note.isHidden()
    steps.add_button.click()
    steps.add_button.click()
    pick(steps.forms[1].kpu_relation, PerpetratorKpuRelation.TIDAK_ADA)
    assert steps.insider_banner.isHidden()
    pick(steps.forms[1].kpu_relation, PerpetratorKpuRelation.ATASAN)
    assert not steps.insider_banner.isHidden()
    assert "Satgas KPU Provinsi" in steps.insider_banner.text()
    steps.escalate_button.click()
    assert Route.ESKALASI in form.reception.routes.values()
    form.go(RISK)
    assert form.risk.answers["insider"].value() is True
    assert form.risk.priority.value() is Priority.SEGERA
    assert "orang dalam KPU" in form.risk.proposal.text()
    steps.forms[0].remove_button.click()
    assert steps.forms[0].title() == "Terlapor 1"
    assert form.raw()["perpetrators[0].kpu_relation"] == "atasan"
    steps.forms[0].remove_button.click()
    assert steps.forms == [] and steps.insider_banner.isHidden()


def test_an_adult_decides_herself_unless_a_guardian_is_chosen(form: IntakeForm) -> None:
    form.reception.set_received(datetime(2026, 3, 2, 9, 0))
    type_into(form.victim.age_years, "30")
    form.go(CONSENT)
    consent = form.consent
    assert not consent.child and "BUKAN syarat" in consent.not_a_condition.text()
    assert consent.guardian_box.isHidden() and consent.override_box.isHidden()
    assert consent.row("layanan").offered()[0] is ConsentOutcome.DIBERIKAN
    pick(consent.row("layanan").outcome, ConsentOutcome.WALI)
    assert not consent.guardian_box.isHidden(), "a guardian for an adult with a disability"
    type_into(form.victim.age_years, "16")
    form.go(CONSENT)
    assert form.consent.child, "the age decides the path"
    assert consent.row("layanan").decision() is ConsentOutcome.WALI
    assert consent.row("statistik").offered() == list(CHILD)
