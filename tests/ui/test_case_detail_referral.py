"""Rujuk / Teruskan, consent, feedback and the Pasal 41 confirmation, through the real dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.enums import (
    CaseStatus,
    ConsentOutcome,
    ConsentPurpose,
    ReferralOutcome,
    SimfoniService,
)
from app.domain.models import ConsentInput, Victim
from app.services.session import Session
from tests import helpers
from tests.ui.test_case_detail_support import (
    DINSOS,
    SATGAS,
    Confirmations,
    Dialogs,
    consent,
    detail_shell,
    new_case,
    officer,
    open_case,
    prepare,
    save,
)
from ui.case_detail.dialogs.consent import ConsentDialog
from ui.case_detail.dialogs.feedback import FeedbackDialog
from ui.case_detail.dialogs.reason import ReasonDialog
from ui.case_detail.dialogs.refer import ReferDialog
from ui.case_detail.rules import CaseAction
from ui.pages.case_detail import CaseDetailPage
from ui.shell import Shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    """Overrides conftest's: a copy of the shared template vault (see the support module)."""
    yield from detail_shell(qtbot, tmp_path)


DINSOS_NAME = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Blora"
NO_CONSENT = ("Rujukan belum dapat dicatat: belum ada persetujuan korban untuk membagikan "
              f"datanya kepada {DINSOS_NAME}.")
CONSENT_OK = "Ada persetujuan korban yang berlaku untuk penerima ini."


def cell(page: CaseDetailPage, table: str, column: int, row: int = 0) -> str:
    model = getattr(page.services, table)
    return str(model.data(model.index(row, column)))


def consent_for_dinsos(dialog: ConsentDialog) -> None:
    """Opened from the referral dialog: purpose and recipient are already chosen."""
    assert dialog.purpose.value() is ConsentPurpose.RUJUKAN
    assert dialog.recipient.value() == DINSOS
    save(dialog)


def refer_to_dinsos(dialog: ReferDialog) -> None:
    dialog.select_recipient(DINSOS)
    assert dialog.is_blocked() and not dialog.save_button.isEnabled()
    assert dialog.consent_state.text() == NO_CONSENT
    assert dialog.kind_label.text() == "Surat rujukan"
    assert dialog.priority.value() is helpers.minimal_intake().triage.priority
    dialog.consent_button.click()
    assert not dialog.is_blocked() and dialog.save_button.isEnabled()
    assert dialog.consent_state.text() == CONSENT_OK
    dialog.services.set_values([SimfoniService.KESEHATAN])
    dialog.letter_number.setText("400.12/07/2026")
    save(dialog)


def test_refer_is_blocked_without_consent_then_works_after_recording_it(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_case(shell, prepare(shell, new_case))
    dialogs = Dialogs(monkeypatch)
    dialogs.on(ConsentDialog, consent_for_dinsos)
    dialogs.on(ReferDialog, refer_to_dinsos)
    page.action_bar.buttons[CaseAction.REFER].click()
    assert page.header.status_label.text() == "Dirujuk"
    assert [cell(page, "consents", column) for column in (1, 2, 3)] == [
        DINSOS_NAME, "Diberikan", "Semua data"]
    assert [cell(page, "referrals", column) for column in (0, 1, 5, 6)] == [
        DINSOS_NAME, "Surat rujukan", "Belum", "Belum dikonfirmasi"]
    assert page.view is not None
    assert page.view.case.referrals[0].referral.letter_number == "400.12/07/2026"


def feedback_handled(dialog: FeedbackDialog) -> None:
    dialog.outcome.set_value(ReferralOutcome.DITANGANI)
    dialog.note.setPlainText("Korban sudah didampingi konselor.")
    save(dialog)


def test_feedback_moves_the_case_to_monitoring_and_police_report_is_confirmed(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_case(shell, prepare(shell, lambda s: new_case(s, CaseStatus.DIRUJUK)))
    Dialogs(monkeypatch).on(FeedbackDialog, feedback_handled)
    asked = Confirmations(monkeypatch).texts
    services = page.services
    assert not services.feedback_button.isEnabled()
    services.referral_view.select_row(0)
    services.feedback_button.click()
    assert page.header.status_label.text() == "Dalam pemantauan"
    assert cell(page, "referrals", 5) == "Diterima dan ditangani, 2 Mar 2026 09.00 WIB"
    services.referral_view.select_row(0)
    assert not services.feedback_button.isEnabled()
    services.police_button.click()
    assert asked and DINSOS_NAME in asked[0]
    assert cell(page, "referrals", 6) == "2 Mar 2026 09.00 WIB"
    assert "Laporan ke polisi" not in " ".join(page.header.deadline_texts())


def three_cases(session: Session) -> list[int]:
    """Consent refused; consent given (to be revoked); consent for Satgas."""
    cases = [new_case(session) for _ in range(3)]
    for case_id, outcome in zip(cases, (ConsentOutcome.DITOLAK, ConsentOutcome.DIBERIKAN),
                                strict=False):
        session.referrals.record_consent(case_id, ConsentInput(
            ConsentPurpose.RUJUKAN, outcome, recipient=DINSOS))
    consent(session, cases[2], SATGAS)
    return cases


def revoke(dialog: ReasonDialog) -> None:
    dialog.reason.setPlainText("Korban berubah pikiran.")
    save(dialog)


def escalate(dialog: ReferDialog) -> None:
    dialog.select_recipient(SATGAS)
    assert dialog.kind_label.text() == "Surat penerusan (eskalasi)"
    save(dialog)


def test_refusal_revocation_and_escalation(shell: Shell,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    refused, revoked, escalated = prepare(shell, three_cases)
    dialogs = Dialogs(monkeypatch)
    dialogs.on(ReasonDialog, revoke)
    dialogs.on(ReferDialog, lambda d: d.select_recipient(DINSOS))
    for case_id, expected in ((refused, "korban menolak datanya dibagikan kepada"),
                              (revoked, "sudah dicabut (2 Mar 2026 09.00 WIB)")):
        page = open_case(shell, case_id)
        if case_id == revoked:
            page.services.consent_view.select_row(0)
            page.services.revoke_button.click()
            assert cell(page, "consents", 5) == "Ya, 2 Mar 2026 09.00 WIB"
        page.action_bar.buttons[CaseAction.REFER].click()
        dialog = dialogs.last(ReferDialog)
        assert dialog.is_blocked() and expected in dialog.consent_state.text()
        assert dialog.consent_button.isVisibleTo(dialog)
    dialogs.on(ReferDialog, escalate)
    page = open_case(shell, escalated)
    page.action_bar.buttons[CaseAction.REFER].click()
    assert page.header.status_label.text() == "Diteruskan ke Satgas"
    assert cell(page, "referrals", 6) == "Tidak berlaku"


def test_the_core_refusal_is_shown_if_consent_vanished_meanwhile(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id, consent_id = prepare(shell, lambda s: (case := new_case(s), consent(s, case)))
    page = open_case(shell, case_id)
    dialogs = Dialogs(monkeypatch)

    def refer(dialog: ReferDialog) -> None:
        dialog.select_recipient(DINSOS)
        dialog.letter_number.setText("400.12/07/2026")
        prepare(shell, lambda s: s.referrals.revoke_consent(consent_id, "dicabut lewat telepon"))
        save(dialog)

    dialogs.on(ReferDialog, refer)
    page.action_bar.buttons[CaseAction.REFER].click()
    dialog = dialogs.last(ReferDialog)
    assert dialog.message().startswith("Belum ada persetujuan korban yang berlaku untuk "
                                       "penerima ini.")
    assert not dialog.changed
    assert dialog.letter_number.text() == "400.12/07/2026"
    assert page.header.status_label.text() == "Asesmen & triase"


def child_case_for_petugas(session: Session) -> int:
    child = replace(helpers.minimal_intake(), victim=Victim(full_name="Anak Contoh",
                                                            birth_date=date(2014, 1, 5)))
    case_id = new_case(session, intake=child)
    session.cases.assign(case_id, officer(session, helpers.PETUGAS))
    return case_id


def override_for_a_child(dialog: ConsentDialog) -> None:
    """Refused as given by the child, then as an override without reason; then accepted."""
    assert dialog.outcome.value() is ConsentOutcome.WALI
    dialog.outcome.set_value(ConsentOutcome.DIBERIKAN)
    save(dialog)
    assert dialog.field_error("recipient") == "Wajib diisi."
    assert dialog.field_error("outcome").startswith("Korban anak: persetujuan diberikan")
    dialog.recipient.set_value(DINSOS)
    dialog.outcome.set_value(ConsentOutcome.OVERRIDE)
    save(dialog)
    assert dialog.field_error("override_reason") == "Wajib diisi."
    dialog.override_reason.setPlainText("Wali diduga terlibat; demi kepentingan anak.")
    save(dialog)


def test_a_child_needs_a_guardian_and_only_a_koordinator_may_override(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = prepare(shell, child_case_for_petugas)
    dialogs = Dialogs(monkeypatch)
    dialogs.on(ConsentDialog, override_for_a_child)
    page = open_case(shell, case_id)
    assert not page.header.child_label.isHidden()
    page.action_bar.buttons[CaseAction.CONSENT].click()
    assert cell(page, "consents", 2) == "Pengecualian oleh koordinator"
    dialogs.on(ConsentDialog, lambda d: None)
    page = open_case(shell, case_id, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)
    page.action_bar.buttons[CaseAction.CONSENT].click()
    offered = dialogs.last(ConsentDialog).outcome.values()
    assert ConsentOutcome.OVERRIDE not in offered and ConsentOutcome.WALI in offered
