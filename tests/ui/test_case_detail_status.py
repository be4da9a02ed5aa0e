"""Ubah status: only the legal plain moves; the reason rule of "layanan internal saja"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.enums import CaseStatus
from app.domain.workflow import ACTION_ONLY, REOPEN_FROM, allowed_targets
from tests.ui.test_case_detail_support import (
    Dialogs,
    detail_shell,
    new_case,
    open_case,
    prepare,
    save,
)
from ui.case_detail import rules
from ui.case_detail.dialogs.status import StatusDialog
from ui.case_detail.rules import CaseAction
from ui.shell import Shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    """Overrides conftest's: a copy of the shared template vault (see the support module)."""
    yield from detail_shell(qtbot, tmp_path)


S = CaseStatus
PLAIN = {
    S.DRAF: {S.DITERIMA},
    S.DITERIMA: {S.ASESMEN},
    S.ASESMEN: {S.LAYANAN_INTERNAL},
    S.DIRUJUK: {S.PEMANTAUAN},
    S.DITERUSKAN: {S.PEMANTAUAN},
    S.LAYANAN_INTERNAL: {S.PEMANTAUAN},
    S.PEMANTAUAN: set(),
    S.DITUTUP: set(),
    S.DIARSIPKAN: set(),
}


@pytest.mark.parametrize("status", list(CaseStatus))
def test_plain_moves_are_the_legal_moves_less_action_only_and_reopening(
        status: CaseStatus) -> None:
    expected = set() if status in REOPEN_FROM else allowed_targets(status) - set(ACTION_ONLY)
    assert rules.plain_moves(status) == expected == PLAIN[status]


def test_the_dialog_offers_exactly_the_plain_moves(shell: Shell,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    statuses = (S.DRAF, S.DITERIMA, S.ASESMEN, S.DIRUJUK, S.LAYANAN_INTERNAL, S.PEMANTAUAN)
    cases = prepare(shell, lambda s: {status: new_case(s, status) for status in statuses})
    dialogs = Dialogs(monkeypatch)
    offered: dict[CaseStatus, set[CaseStatus]] = {}
    dialogs.on(StatusDialog, lambda d: None)  # look, then cancel
    for status, case_id in cases.items():
        page = open_case(shell, case_id)
        button = page.action_bar.buttons[CaseAction.STATUS]
        if status is S.PEMANTAUAN:
            assert not button.isEnabled()
            assert button.toolTip().startswith("Dari status ini tidak ada perubahan status biasa.")
            continue
        button.click()
        offered[status] = set(dialogs.last(StatusDialog).targets())
    assert offered == {status: PLAIN[status] for status in statuses[:-1]}


def test_internal_service_needs_a_reason_and_keeps_what_was_typed(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_case(shell, prepare(shell, new_case))
    dialogs = Dialogs(monkeypatch)

    def fill(dialog: StatusDialog) -> None:
        dialog.select(S.LAYANAN_INTERNAL)
        save(dialog)
        assert dialog.field_error("reason") == "Wajib diisi untuk status ini."
        assert not dialog.changed
        dialog.reason.setPlainText("Korban hanya ingin informasi.")
        dialog.select(S.LAYANAN_INTERNAL)
        save(dialog)

    dialogs.on(StatusDialog, fill)
    page.action_bar.buttons[CaseAction.STATUS].click()
    assert page.header.status_label.text() == "Layanan internal saja"
    note = page.timeline.model.data(page.timeline.model.index(0, 3))
    assert note == "Korban hanya ingin informasi."


def test_a_missing_precondition_is_named(shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.domain.models import Intake, Reception  # an empty draft lacks victim and story
    from tests import helpers

    empty = Intake(reception=Reception(received_at=helpers.START))
    page = open_case(shell, prepare(shell, lambda s: new_case(s, S.DRAF, intake=empty)))
    dialogs = Dialogs(monkeypatch)
    dialogs.on(StatusDialog, save)
    page.action_bar.buttons[CaseAction.STATUS].click()
    dialog = dialogs.last(StatusDialog)
    assert dialog.message() == (
        "Syarat perubahan status belum lengkap. Yang belum ada: data korban (paling sedikit "
        "nama, nama panggilan, jenis kelamin atau usia); kejadian (kronologi atau jenis "
        "kekerasan).")
    assert page.header.status_label.text() == "Draf"
