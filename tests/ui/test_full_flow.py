"""One working day through real widgets (issue 3's main scenario).

Setup wizard on a fresh PC → unlock → a complaint taken through every intake step → the case
in Daftar Kasus with a masked name → full-text search finds it → open → the referral is
refused without consent and works once consent is recorded → a follow-up note → closed with
the rights checklist. Vault jobs run synchronously on a real encrypted vault.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtTest import QTest

from app.domain.enums import (
    CaseStatus,
    ClosureReason,
    FollowUpKind,
    RightStatus,
    Sex,
    TpksType,
)
from app.domain.workflow import STARRED_RIGHTS
from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from tests.ui.intake_crash_child import form_of, next_steps, pick, start_intake, type_into
from tests.ui.test_case_detail_support import Dialogs, save
from tests.ui.test_setup_wizard import PASSWORD, USERNAME, the_wizard, to_confirmation, type_groups
from ui.backend import Backend
from ui.case_detail.dialogs.close import CloseDialog
from ui.case_detail.dialogs.consent import ConsentDialog
from ui.case_detail.dialogs.follow_up import FollowUpDialog
from ui.case_detail.dialogs.refer import ReferDialog
from ui.case_detail.rules import CaseAction
from ui.context import PageName
from ui.intake.intake_form import SUMMARY
from ui.models.case_table import CaseColumn, CaseTableModel
from ui.pages.case_detail import CaseDetailPage
from ui.pages.case_list import CaseListPage
from ui.shell import Shell
from ui.workers import ImmediateRunner

VICTIM = "Sri Wahyuningsih"
DINSOS = "dinsos_p3a_blora"


@pytest.fixture
def fresh(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[Shell, Vault]]:
    vault = helpers.new_vault(tmp_path / "vault")
    window = Shell(vault, ImmediateRunner(Backend(vault)), idle_ms=60 * 60_000)
    qtbot.addWidget(window)
    window.show()
    yield window, vault
    window.close()


def set_up_the_office(shell: Shell) -> None:
    wizard = the_wizard(shell)
    code = to_confirmation(wizard)
    type_groups(wizard, code)
    wizard.finish_button.click()
    shell.lock()
    unlock(shell, USERNAME, PASSWORD)


def take_the_complaint(shell: Shell) -> int:
    page = start_intake(shell)
    form = form_of(page)
    next_steps(page, 2)  # penerimaan (defaults: today, walk-in) and pelapor (the victim)
    type_into(form.victim.full_name, VICTIM)
    pick(form.victim.sex, Sex.P)
    type_into(form.victim.age_years, "34")
    next_steps(page)
    type_into(form.incident.chronology, "Korban menerima pesan bernada seksual dari atasan.")
    form.incident.tpks.box(TpksType.PELECEHAN_NONFISIK).setChecked(True)
    next_steps(page, 4)  # kejadian, terlapor (none yet), risiko, persetujuan (nothing given)
    assert form.currentIndex() == SUMMARY, page.message.text()
    case_id = int(page.location()["case_id"])
    page.finish_button.click()
    return case_id


def find_it_in_the_list(shell: Shell, qtbot: QtBot, case_id: int) -> CaseListPage:
    workspace = open_workspace(shell)
    workspace.show_page(PageName.DAFTAR_KASUS)
    page = workspace.page(PageName.DAFTAR_KASUS)
    assert isinstance(page, CaseListPage)
    masked = page.proxy.index(0, CaseColumn.VICTIM).data()
    assert masked == "S*** W***" and VICTIM not in str(masked)
    QTest.keyClicks(page.search_box, "wahyu")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=3000)
    assert page.proxy.index(0, 0).data(CaseTableModel.CaseIdRole) == case_id
    return page


def refer_after_consent(page: CaseDetailPage, dialogs: Dialogs) -> None:
    refused: list[bool] = []

    def refer(dialog: ReferDialog) -> None:
        dialog.select_recipient(DINSOS)
        refused.append(dialog.is_blocked() and not dialog.save_button.isEnabled())
        dialog.consent_button.click()  # records the victim's consent for Dinsos P3A
        save(dialog)

    dialogs.on(ConsentDialog, save)
    dialogs.on(ReferDialog, refer)
    page.action_bar.buttons[CaseAction.REFER].click()
    assert refused == [True], "no referral without consent"
    assert page.header.status_label.text() == "Dirujuk"


def follow_up_and_close(page: CaseDetailPage, dialogs: Dialogs) -> None:
    def note(dialog: FollowUpDialog) -> None:
        dialog.kind.set_value(FollowUpKind.KONTAK)
        dialog.note.setPlainText("Korban sudah diterima Dinsos P3A.")
        save(dialog)

    def close(dialog: CloseDialog) -> None:
        dialog.reason.set_value(ClosureReason.KEBUTUHAN_TERPENUHI)
        for right in STARRED_RIGHTS:
            dialog.set_right(right, RightStatus.DIBERIKAN)
        save(dialog)

    dialogs.on(FollowUpDialog, note)
    dialogs.on(CloseDialog, close)
    page.action_bar.buttons[CaseAction.FOLLOW_UP].click()
    page.action_bar.buttons[CaseAction.CLOSE].click()
    assert page.header.status_label.text() == "Ditutup"


def test_a_whole_working_day(fresh: tuple[Shell, Vault], qtbot: QtBot,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    shell, vault = fresh
    set_up_the_office(shell)
    case_id = take_the_complaint(shell)
    assert open_workspace(shell).current is PageName.DETAIL_KASUS
    find_it_in_the_list(shell, qtbot, case_id)
    open_workspace(shell).open_case(case_id)
    page = open_workspace(shell).page(PageName.DETAIL_KASUS)
    assert isinstance(page, CaseDetailPage)
    assert VICTIM not in shell.windowTitle()
    dialogs = Dialogs(monkeypatch)
    refer_after_consent(page, dialogs)
    follow_up_and_close(page, dialogs)
    shell.lock()
    with vault.unlock(USERNAME, PASSWORD) as session:
        case = session.cases.get(case_id)
    assert case.status is CaseStatus.DITUTUP
    assert case.intake.victim.full_name == VICTIM
    assert [r.referral.recipient for r in case.referrals] == [DINSOS]
    assert [f.note for f in case.follow_ups] == ["Korban sudah diterima Dinsos P3A."]
