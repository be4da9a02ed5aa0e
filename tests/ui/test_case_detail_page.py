"""Detail kasus: header, masking, tabs, roles, access and the window title."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.enums import CaseStatus, Priority
from app.domain.models import ReferralInput
from app.services.session import Session
from tests import helpers
from tests.ui.test_case_detail_support import (
    DINSOS,
    KOORD2,
    KOORD2_PASSWORD,
    clock,
    consent,
    detail_shell,
    new_case,
    officer,
    open_case,
    prepare,
)
from ui.case_detail.rules import CaseAction
from ui.pages.case_detail import CaseDetailPage
from ui.shell import Shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    """Overrides conftest's: a copy of the shared template vault (see the support module)."""
    yield from detail_shell(qtbot, tmp_path)


def test_header_audit_tab_title_and_location(shell: Shell) -> None:
    def setup(session: Session) -> tuple[int, str]:
        other = officer(session, KOORD2)
        case_id = new_case(session)
        consent(session, case_id)
        session.referrals.refer(case_id, ReferralInput(DINSOS, priority=Priority.DARURAT))
        session.cases.restrict(case_id, frozenset({other}))
        return case_id, session.cases.get(case_id).code

    case_id, code = prepare(shell, setup)
    clock(shell).advance(timedelta(hours=30))  # the 24-hour feedback clock has run out
    page = open_case(shell, case_id)
    header = page.header
    assert header.code_label.text() == code
    assert header.status_label.text() == "Dirujuk"
    assert header.priority_label.text() == "Prioritas: Biasa (14 hari)"
    assert not header.restricted_label.isHidden()
    assert header.restricted_label.text() == "Akses dibatasi"
    assert header.overdue_texts() == ["Terlambat — Umpan balik rujukan: 3 Mar 2026 09.00 WIB"]
    assert header.deadline_texts()[1] == ("Tenggat Laporan ke polisi 3×24 jam (Pasal 41): "
                                          "5 Mar 2026 09.00 WIB")
    assert shell.windowTitle() == f"Posko PPKS — {code}"
    assert page.location() == {"case_id": case_id}
    assert page.audit is not None
    audit = page.audit.model
    actions = [audit.data(audit.index(row, audit.ACTION)) for row in range(audit.rowCount())]
    assert actions[:2] == ["Melihat riwayat audit kasus", "Membuka detail kasus"]
    assert actions[-1] == "Membuat kasus" and "Mengatur pembatasan akses" in actions
    officers = {audit.data(audit.index(row, audit.OFFICER)) for row in range(audit.rowCount())}
    assert officers == {"Koordinator Posko"}


def check_incident_tab_and_markers(page: CaseDetailPage) -> None:
    classification = page.incident.classification
    assert classification.value("gbvims") == "Serangan seksual (Sexual Assault)"
    assert classification.value("simfoni") == "Psikis, Seksual"
    assert "Pelecehan seksual fisik" in classification.value("tpks_types")
    assert classification.value("pasal15") == ("Menggunakan sarana elektronik, Oleh pejabat, "
                                               "atasan atau pemberi kerja")
    assert page.incident.chronology.toPlainText().startswith("Kronologi dalam kata-kata")
    assert not page.header.insider_label.isHidden()
    assert page.header.child_label.isHidden()
    printing = page.action_bar.buttons[CaseAction.PRINT]
    assert printing.isEnabled() and printing.toolTip() == ""


def test_identity_masked_until_revealed_and_the_incident_tab(shell: Shell) -> None:
    intake = helpers.full_intake(tag="A")
    case_id, plain_case = prepare(shell, lambda s: (new_case(s, intake=intake), new_case(s)))
    page = open_case(shell, case_id)
    victim, reporter = page.identity.victim, page.identity.reporter
    names = page.perpetrators.model
    assert victim.value("name") == "K*** L*** A***"
    assert victim.value("nik") == "**** **** **** ****"
    assert reporter.value("reporter_name") == "P*** S*** A***"
    assert names.data(names.index(0, names.NAME)) == "T*** S*** A***"
    assert victim.value("alias") == "Mawar"  # other fields are plain
    page.identity.reveal_button.click()
    assert victim.value("name") == "Dr. Korban Lengkap A, S.Pd."
    assert victim.value("nik") == "3316015705900001"
    assert reporter.value("reporter_name") == "Pelapor Satu A"
    assert names.data(names.index(0, names.NAME)) == "Terlapor Satu A"
    assert "Korban" not in shell.windowTitle()

    check_incident_tab_and_markers(page)

    page.ctx.navigator.open_case(plain_case)  # another case starts masked again
    assert victim.value("name") == "S*** A***"
    assert names.rowCount() == 0 and not page.perpetrators.empty.isHidden()


def test_petugas_has_no_koordinator_actions_and_no_audit_tab(shell: Shell) -> None:
    def setup(session: Session) -> int:
        case_id = new_case(session)
        session.cases.assign(case_id, officer(session, helpers.PETUGAS))
        return case_id

    case_id = prepare(shell, setup)
    page = open_case(shell, case_id, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)
    buttons = page.action_bar.buttons
    for action in (CaseAction.CLOSE, CaseAction.REOPEN, CaseAction.RESTRICT,
                   CaseAction.ASSIGN, CaseAction.ARCHIVE):
        assert not buttons[action].isEnabled()
        assert buttons[action].toolTip() == "Hanya koordinator yang dapat melakukan ini."
    assert buttons[CaseAction.REFER].isEnabled()
    assert page.audit is None
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Riwayat audit" not in tabs and len(tabs) == 6


def test_a_restricted_officer_cannot_open_the_case(shell: Shell,
                                                   shown_errors: list[str]) -> None:
    def setup(session: Session) -> int:
        other = officer(session, KOORD2)
        case_id = new_case(session)
        session.cases.restrict(case_id, frozenset({other}))
        return case_id

    case_id = prepare(shell, setup)
    page = open_case(shell, case_id, KOORD2, KOORD2_PASSWORD)
    assert shown_errors == ["Anda tidak berwenang untuk tindakan ini. Percobaan ini tercatat."]
    assert page.stack.currentWidget() is page.message
    assert page.message.text() == "Kasus ini tidak dapat dibuka."
    assert page.view is None
    assert shell.windowTitle() == "Posko PPKS"


def test_closed_and_archived_cases_offer_reopening_but_no_changes(shell: Shell) -> None:
    statuses = (CaseStatus.DITUTUP, CaseStatus.DIARSIPKAN)
    cases = prepare(shell, lambda s: [new_case(s, status) for status in statuses])
    for status, case_id in zip(statuses, cases, strict=True):
        page = open_case(shell, case_id)
        buttons = page.action_bar.buttons
        assert page.header.status_label.text() == ("Ditutup" if status is CaseStatus.DITUTUP
                                                   else "Diarsipkan")
        for action in (CaseAction.STATUS, CaseAction.REFER, CaseAction.CONSENT,
                       CaseAction.FOLLOW_UP, CaseAction.ATTACHMENT, CaseAction.EDIT_INTAKE):
            assert not buttons[action].isEnabled()
            assert buttons[action].toolTip().startswith("Kasus sudah ditutup atau diarsipkan.")
        assert buttons[CaseAction.REOPEN].isEnabled()
        assert buttons[CaseAction.ARCHIVE].isEnabled() is (status is CaseStatus.DITUTUP)
        assert not buttons[CaseAction.CLOSE].isEnabled()
        assert page.header.deadline_texts() == ["Tidak ada tenggat yang sedang berjalan."]
        assert not page.attachments.add_button.isEnabled()
