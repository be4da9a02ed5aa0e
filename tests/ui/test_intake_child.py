"""The child path: guardian consent, and a best-interest override only a koordinator records."""

from __future__ import annotations

from app.domain.enums import ConsentOutcome, ConsentPurpose, Role
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
from ui.intake.consent_row import CHILD
from ui.intake.intake_form import CONSENT, SUMMARY
from ui.shell import Shell

DINSOS = "dinsos_p3a_blora"
REASON = "Ayah diduga terlibat; anak perlu layanan segera."
REFUSED = "Anda tidak berwenang untuk tindakan ini. Percobaan ini tercatat."


def add_petugas(vault: Vault) -> None:
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        session.users.add(helpers.PETUGAS, "Petugas Satu", Role.PETUGAS,
                          password=helpers.PETUGAS_PASSWORD)


def petugas_tries_the_child_path(shell: Shell) -> int:
    """Age 15: guardian fields required; the petugas' override is refused. Returns the case."""
    page = start_intake(shell)
    form = form_of(page)
    next_steps(page, 2)
    type_into(form.victim.full_name, "Anak Lima Belas")
    type_into(form.victim.age_years, "15")
    assert "korban anak" in form.victim.age_note.text()
    page.step_bar.buttons[CONSENT].click()
    consent = form.consent
    assert consent.child and not consent.guardian_box.isHidden()
    assert not consent.override_box.isHidden()
    assert consent.row("layanan").offered() == list(CHILD)
    pick(consent.row("layanan").outcome, ConsentOutcome.WALI)
    next_steps(page)
    assert form.currentIndex() == CONSENT
    assert consent.fields.error_text("guardian_name") == "Wajib diisi."
    assert consent.fields.error_text("guardian_relation") == "Wajib diisi."
    type_into(consent.guardian_name, "Ibu Sumarni")
    type_into(consent.guardian_relation, "ibu kandung")
    pick(consent.row(f"rujukan.{DINSOS}").outcome, ConsentOutcome.OVERRIDE)
    type_into(consent.override_reason, REASON)
    next_steps(page)
    assert form.currentIndex() == CONSENT, "the petugas' override is refused"
    assert consent.fields.error_text("override_reason").startswith(REFUSED)
    assert REFUSED in consent.message.text()
    return int(page.location()["case_id"])


def test_a_child_needs_a_guardian_and_only_a_koordinator_may_override(
        shell: Shell, ready_vault: Vault) -> None:
    add_petugas(ready_vault)
    unlock(shell, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)
    case_id = petugas_tries_the_child_path(shell)
    shell.lock()
    unlock(shell)
    open_workspace(shell).resume_intake(case_id)
    form = form_of(intake_page(shell))
    assert form.currentIndex() == CONSENT and form.consent.guardian_name.text() == "Ibu Sumarni"
    next_steps(intake_page(shell))
    assert form.currentIndex() == SUMMARY, form.consent.message.text()
    shell.lock()
    with ready_vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        records = session.cases.get(case_id).consents
    outcomes = [(r.consent.purpose, r.consent.outcome) for r in records]
    assert outcomes == [(ConsentPurpose.LAYANAN, ConsentOutcome.WALI),
                        (ConsentPurpose.RUJUKAN, ConsentOutcome.OVERRIDE)]
    assert records[0].consent.guardian_name == "Ibu Sumarni"
    assert records[1].consent.override_reason == REASON
