"""Inline validation: Indonesian messages next to the right field, and nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import unlock
from tests.ui.intake_crash_child import (
    form_of,
    intake_page,
    next_steps,
    start_intake,
    type_into,
)
from ui.intake.intake_form import (
    INCIDENT,
    PERPETRATORS,
    RECEPTION,
    REPORTER,
    SUMMARY,
    VICTIM,
)
from ui.pages.intake import IntakePage
from ui.shell import Shell


def tab_visits(start: QWidget, count: int) -> list[QWidget]:
    """The next ``count`` widgets the Tab key would reach from ``start``."""
    found: list[QWidget] = []
    current = start
    while len(found) < count:
        following = current.nextInFocusChain()
        assert following is not None
        current = following
        focusable = bool(current.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if focusable and current.isVisible() and current.isEnabled():
            found.append(current)
    return found


def check_tab_order(page: IntakePage) -> None:
    """Tab: step buttons, then the korban fields top to bottom, then Kembali / Lanjut."""
    victim = form_of(page).victim
    assert tab_visits(page.step_bar.buttons[-1], 2) == [victim.full_name, victim.title_front]
    assert tab_visits(victim.pregnant, 2) == [page.back_button, page.next_button]


def check_draft_keeps_what_the_case_refused(vault: Vault, case_id: int) -> None:
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        draft = session.drafts.load(case_id)
        stored = session.cases.get(case_id).intake.victim
    assert draft is not None
    assert (draft.data["victim.nik"], draft.data["victim.phone"]) == ("123", "abc")
    assert stored.nik is None and stored.full_name is None, "invalid input never reaches the case"


def test_bad_nik_phone_and_future_birth_date_are_shown_in_place_and_kept(
        shell: Shell, ready_vault: Vault) -> None:
    unlock(shell)
    page = start_intake(shell)
    next_steps(page, 2)
    victim = form_of(page).victim
    for field, text in ((victim.full_name, "Sri Lestari"), (victim.nik, "123"),
                        (victim.phone, "abc"), (victim.birth_date, "01-01-2030")):
        type_into(field, text)
    next_steps(page)
    assert form_of(page).currentIndex() == VICTIM
    assert victim.fields.error_text("nik") == "NIK harus 16 angka."
    assert victim.fields.error_text("phone") == "Nomor telepon 8–15 angka, boleh diawali +."
    assert victim.fields.error_text("birth_date") == "Tanggal di luar rentang yang masuk akal."
    assert victim.fields.error_text("full_name") == ""
    assert (victim.nik.text(), victim.phone.text(), victim.birth_date.text()) == (
        "123", "abc", "01-01-2030")
    assert "perlu diperbaiki" in page.message.text()
    check_tab_order(page)
    page.step_bar.buttons[RECEPTION].click()
    assert form_of(page).currentIndex() == VICTIM, "an invalid step cannot be left"
    case_id = page.location()["case_id"]
    shell.lock()
    check_draft_keeps_what_the_case_refused(ready_vault, case_id)
    unlock(shell)
    fix_and_move_on(intake_page(shell))


def fix_and_move_on(page: IntakePage) -> None:
    """After unlocking: the refused text is back; corrected, the step can be left."""
    victim = form_of(page).victim
    assert (victim.nik.text(), victim.phone.text()) == ("123", "abc")
    type_into(victim.nik, "3316015705900001")
    type_into(victim.phone, "")
    type_into(victim.birth_date, "01-01-1990")
    next_steps(page)
    assert form_of(page).currentIndex() == INCIDENT
    assert victim.fields.error_text("nik") == ""


def test_unreadable_dates_and_numbers_are_explained_and_kept(shell: Shell) -> None:
    unlock(shell)
    page = start_intake(shell)
    form = form_of(page)
    type_into(form.reception.received_time, "jam sembilan")
    next_steps(page)
    assert form.currentIndex() == RECEPTION
    assert form.reception.fields.error_text("time") == "Tulis jam sebagai jj:mm, misalnya 14:30."
    assert page.location() == {}, "no case without a readable reception date"
    type_into(form.reception.received_time, "09.30")
    next_steps(page)
    assert form.currentIndex() == REPORTER
    page.step_bar.buttons[SUMMARY].click()
    page.finish_button.click()
    assert form.currentIndex() == VICTIM, "Selesai needs a victim record and an incident"
    assert page.message.text().startswith("Sebelum pengaduan diterima, lengkapi dulu: data korban")
    page.step_bar.buttons[INCIDENT].click()
    type_into(form.incident.occurred_on, "31-02-2026")
    type_into(form.incident.earlier_incidents, "dua kali")
    next_steps(page)
    assert form.currentIndex() == INCIDENT
    assert form.incident.fields.error_text("occurred_on").startswith("Tulis tanggal sebagai")
    assert form.incident.fields.error_text("earlier_incidents") == (
        "Tulis dengan angka saja, misalnya 3.")
    assert form.incident.occurred_on.text() == "31-02-2026"


def test_errors_reach_the_right_terlapor_and_the_step_that_holds_them(shell: Shell) -> None:
    unlock(shell)
    page = start_intake(shell)
    form = form_of(page)
    steps = form.perpetrators
    steps.add_button.click()
    steps.add_button.click()
    type_into(steps.forms[0].full_name, "Pak Budi")
    long_name = "x" * 201
    steps.forms[1].full_name.setText(long_name)
    type_into(form.incident.occurred_on, "01-01-2027")
    next_steps(page)
    assert form.currentIndex() == PERPETRATORS, "the step holding the error is shown"
    assert steps.forms[0].fields.error_text("full_name") == ""
    assert steps.forms[1].fields.error_text("full_name") == (
        "Terlalu panjang (maksimal 200 karakter).")
    name_field = steps.forms[1].full_name
    assert isinstance(name_field, QLineEdit) and name_field.text() == long_name
    name_field.setText("x" * 200)
    next_steps(page)
    assert form.currentIndex() == INCIDENT, "then the step with the next error"
    assert form.incident.fields.error_text("occurred_on") == (
        "Tanggal di luar rentang yang masuk akal.")
    assert steps.forms[1].fields.error_text("full_name") == ""
    assert form.incident.occurred_on.text() == "01-01-2027"
