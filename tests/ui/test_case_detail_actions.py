"""Follow-up notes, closing with the rights checklist, reopening, archiving, assigning and
restricting — each through its real dialog, each reloading the case afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.enums import ClosureReason, FollowUpKind, RightStatus, VictimRight
from app.domain.workflow import STARRED_RIGHTS
from app.services.session import Session
from tests import helpers
from tests.ui.test_case_detail_support import (
    KOORD2,
    Confirmations,
    Dialogs,
    detail_shell,
    new_case,
    officer,
    open_case,
    prepare,
    save,
)
from ui.case_detail.dialogs.assign import AssignDialog
from ui.case_detail.dialogs.close import CloseDialog
from ui.case_detail.dialogs.follow_up import FollowUpDialog
from ui.case_detail.dialogs.reason import ReasonDialog
from ui.case_detail.dialogs.restrict import RestrictDialog
from ui.case_detail.rules import CaseAction
from ui.i18n import label_text
from ui.shell import Shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    """Overrides conftest's: a copy of the shared template vault (see the support module)."""
    yield from detail_shell(qtbot, tmp_path)


def test_a_follow_up_note_appears_first_in_the_timeline_and_intake_can_be_edited(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_case(shell, prepare(shell, new_case))
    dialogs = Dialogs(monkeypatch)

    def note(dialog: FollowUpDialog) -> None:
        save(dialog)  # an empty note is refused, the dialog stays open
        assert dialog.field_error("note") == "Wajib diisi."
        dialog.kind.set_value(FollowUpKind.KONTAK)
        dialog.note.setPlainText("Korban dihubungi lewat posko;\nmerasa lebih aman.")
        save(dialog)

    dialogs.on(FollowUpDialog, note)
    page.action_bar.buttons[CaseAction.FOLLOW_UP].click()
    model = page.timeline.model
    first = [model.data(model.index(0, column)) for column in range(4)]
    assert first == ["2 Mar 2026 09.00 WIB", "Kontak dengan korban", "Koordinator Posko",
                     "Korban dihubungi lewat posko; merasa lebih aman."]
    kinds = [model.data(model.index(row, 1)) for row in range(model.rowCount())]
    assert kinds[1:] == ["Status: Diterima → Asesmen & triase", "Status: Draf → Diterima",
                         "Status: Draf"]
    resumed: list[int] = []
    monkeypatch.setattr(page.ctx.navigator, "resume_intake", resumed.append)
    page.action_bar.buttons[CaseAction.EDIT_INTAKE].click()
    assert resumed == [page.case_id]


STARRED_NAMES = sorted(label_text(right) for right in STARRED_RIGHTS)


def close_after_recording_the_starred_rights(dialog: CloseDialog) -> None:
    """First without the starred rights (refused, each named), then with them."""
    dialog.reason.set_value(ClosureReason.KORBAN_MUNDUR)
    dialog.note.setPlainText("Korban memilih berhenti.")
    dialog.set_right(VictimRight.PEMULIHAN, RightStatus.DIRUJUK)
    save(dialog)
    message = dialog.message()
    assert message.startswith("Syarat perubahan status belum lengkap. Yang belum ada: ")
    assert sorted(message.split(": ", 1)[1].rstrip(".").split("; ")) == STARRED_NAMES
    assert dialog.note.toPlainText() == "Korban memilih berhenti."
    for right in STARRED_RIGHTS:
        dialog.set_right(right, RightStatus.DIBERIKAN)
    save(dialog)


def reopen_with_a_reason(dialog: ReasonDialog) -> None:
    save(dialog)
    assert dialog.field_error("reason") == "Wajib diisi."
    dialog.reason.setPlainText("Korban kembali meminta pendampingan.")
    save(dialog)


def test_closing_needs_the_starred_rights_then_reopen_and_archive(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_case(shell, prepare(shell, new_case))
    dialogs = Dialogs(monkeypatch)
    dialogs.on(CloseDialog, close_after_recording_the_starred_rights)
    page.action_bar.buttons[CaseAction.CLOSE].click()
    assert page.header.status_label.text() == "Ditutup"
    assert page.view is not None and len(page.view.case.rights) == 5
    assert page.view.case.closure is not None
    assert page.view.case.closure.reason is ClosureReason.KORBAN_MUNDUR
    dialogs.on(ReasonDialog, reopen_with_a_reason)
    page.action_bar.buttons[CaseAction.REOPEN].click()
    assert page.header.status_label.text() == "Asesmen & triase"
    dialogs.on(CloseDialog, save)  # the rights are on record now
    page.action_bar.buttons[CaseAction.CLOSE].click()
    assert dialogs.last(CloseDialog).rights[VictimRight.PEMULIHAN].value() is RightStatus.DIRUJUK
    Confirmations(monkeypatch)
    page.action_bar.buttons[CaseAction.ARCHIVE].click()
    assert page.header.status_label.text() == "Diarsipkan"


def test_assign_and_restrict(shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    def setup(session: Session) -> tuple[int, int, int]:
        return (new_case(session), officer(session, helpers.PETUGAS),
                officer(session, KOORD2))

    case_id, petugas, other = prepare(shell, setup)
    page = open_case(shell, case_id)
    dialogs = Dialogs(monkeypatch)
    def assign(dialog: AssignDialog) -> None:
        dialog.select(petugas)
        save(dialog)

    dialogs.on(AssignDialog, assign)
    page.action_bar.buttons[CaseAction.ASSIGN].click()
    assert page.identity.reception.value("assigned_to") == "Nama petugas1"

    def restrict(dialog: RestrictDialog) -> None:
        assert set(dialog.officers) == {other}  # not oneself, not the assignee
        dialog.officers[other].setChecked(True)
        save(dialog)

    dialogs.on(RestrictDialog, restrict)
    page.action_bar.buttons[CaseAction.RESTRICT].click()
    assert not page.header.restricted_label.isHidden()
    assert page.view is not None and page.view.case.restricted_from == frozenset({other})
    dialogs.on(AssignDialog, lambda d: None)
    page.action_bar.buttons[CaseAction.ASSIGN].click()
    offered = dialogs.last(AssignDialog).officer.values()
    assert other not in offered and petugas in offered
