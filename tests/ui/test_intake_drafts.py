"""Drafts: nothing typed is lost to a lock or a closed window; resuming and editing cases."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.domain.enums import CaseStatus, ClosureReason, RightStatus, TpksType
from app.domain.workflow import STARRED_RIGHTS
from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from tests.ui.intake_crash_child import (
    form_of,
    intake_page,
    next_steps,
    pick,
    start_intake,
    type_into,
)
from ui.backend import Backend
from ui.context import PageName
from ui.intake.intake_form import INCIDENT, SUMMARY, VICTIM
from ui.shell import Shell
from ui.workers import ImmediateRunner

K, KP = helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD


def test_lock_in_the_middle_of_a_step_and_unlock_brings_everything_back(shell: Shell) -> None:
    unlock(shell)
    page = start_intake(shell)
    form = form_of(page)
    next_steps(page, 2)
    type_into(form.victim.full_name, "Wulan Sari")
    next_steps(page)
    assert form.currentIndex() == INCIDENT
    type_into(form.incident.occurred_on, "31-02-2026")  # unreadable: kept as typed
    type_into(form.incident.chronology, "Baris pertama.\nBaris kedua belum sel")
    type_into(form.incident.earlier_incidents, "dua")
    form.incident.tpks.box(TpksType.KSBE).click()
    case_id = page.location()["case_id"]
    code = page.code_label.text()
    QTest.keyClick(shell, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shell.workspace is None
    unlock(shell)
    page = intake_page(shell)
    form = form_of(page)
    assert open_workspace(shell).current is PageName.PENGADUAN_BARU
    assert page.location() == {"case_id": case_id} and page.code_label.text() == code
    assert form.currentIndex() == INCIDENT
    assert form.victim.full_name.text() == "Wulan Sari"
    assert form.incident.occurred_on.text() == "31-02-2026"
    assert form.incident.chronology.toPlainText() == "Baris pertama.\nBaris kedua belum sel"
    assert form.incident.earlier_incidents.text() == "dua"
    assert form.incident.tpks.checklist.values() == {TpksType.KSBE}


def test_autosave_and_a_closed_window_leave_a_draft_that_resumes_in_a_new_window(
        shell: Shell, qtbot: QtBot, ready_vault: Vault) -> None:
    unlock(shell)
    page = start_intake(shell)
    next_steps(page, 2)
    form = form_of(page)
    type_into(form.victim.full_name, "Ayu Pratiwi")
    page.autosave_timer.setInterval(20)
    qtbot.waitUntil(lambda: page.message.text() == "Draf tersimpan otomatis.", timeout=3000)
    type_into(form.victim.nik, "123")
    shell.close()
    with ready_vault.unlock(K, KP) as session:
        pending = session.drafts.pending()
    assert len(pending) == 1
    window = Shell(ready_vault, ImmediateRunner(Backend(ready_vault)), idle_ms=60 * 60_000)
    qtbot.addWidget(window)
    window.show()
    unlock(window)
    open_workspace(window).resume_intake(pending[0].id)
    resumed = form_of(intake_page(window))
    assert resumed.currentIndex() == VICTIM
    assert (resumed.victim.full_name.text(), resumed.victim.nik.text()) == ("Ayu Pratiwi", "123")
    assert pending[0].code in window.windowTitle()
    window.close()


def test_editing_a_received_case_only_saves(shell: Shell, ready_vault: Vault) -> None:
    with ready_vault.unlock(K, KP) as session:
        ref = session.cases.create(helpers.minimal_intake())
        session.workflow.transition(ref.id, CaseStatus.DITERIMA)
    unlock(shell)
    open_workspace(shell).resume_intake(ref.id)
    page = intake_page(shell)
    form = form_of(page)
    assert page.heading.text() == "Ubah data kasus"
    assert form.victim.full_name.text() == "Siti Aminah"
    assert form.victim.age_years.text() == "30"
    page.step_bar.buttons[VICTIM].click()
    type_into(form.victim.full_name, "Siti Aminah Rahayu")
    page.step_bar.buttons[SUMMARY].click()
    page.finish_button.click()
    assert open_workspace(shell).current is PageName.DETAIL_KASUS
    shell.lock()
    with ready_vault.unlock(K, KP) as session:
        case = session.cases.get(ref.id)
        assert session.drafts.load(ref.id) is None
    assert case.status is CaseStatus.DITERIMA
    assert case.intake.victim.full_name == "Siti Aminah Rahayu"
    assert case.intake.incident == helpers.minimal_intake().incident


def test_a_closed_case_is_shown_read_only(shell: Shell, ready_vault: Vault) -> None:
    with ready_vault.unlock(K, KP) as session:
        ref = session.cases.create(helpers.minimal_intake())
        for right in STARRED_RIGHTS:
            session.workflow.set_right(ref.id, right, RightStatus.DIBERIKAN)
        session.workflow.close(ref.id, ClosureReason.DUPLIKAT)
    unlock(shell)
    open_workspace(shell).resume_intake(ref.id)
    page = intake_page(shell)
    form = form_of(page)
    assert "hanya dapat dilihat" in page.message.text()
    assert not form.victim.content.isEnabled()
    page.step_bar.buttons[SUMMARY].click()
    assert form.currentIndex() == SUMMARY and page.finish_button.isHidden()
    assert "Siti Aminah" in form.summary.text()
    pick(form.victim.sex, None)  # even a change by code is never saved
    shell.lock()
    with ready_vault.unlock(K, KP) as session:
        assert session.drafts.load(ref.id) is None
