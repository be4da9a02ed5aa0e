"""A fresh PC: "Pulihkan dari cadangan" on the wizard's first page instead of a new setup."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QDialog

from app.backup.files import OpenedBackup
from app.services.vault import VaultState
from tests import helpers
from tests.ui.backup_support import (
    Office,
    Questions,
    RestoreDriver,
    Source,
    backed_up,
    choose_file,
    flip_bytes,
    open_office,
    open_with_code,
    open_with_password,
    zeroed,
)
from tests.ui.conftest import open_workspace, unlock
from ui.backup.restore_dialog import RestoreDialog
from ui.setup.wizard import SetupWizard


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    return backed_up(tmp_path_factory.mktemp("setup-restore"), cases=2)


def wizard_of(office: Office) -> SetupWizard:
    wizard = office.shell.setup_wizard
    assert isinstance(wizard, SetupWizard)
    return wizard


def restore_and_confirm(dialog: RestoreDialog) -> bool:
    open_with_password(dialog, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    dialog.restore_button.click()
    return dialog.result() == QDialog.DialogCode.Accepted


def test_a_fresh_pc_restores_from_the_first_page_and_unlocks_with_the_backups_password(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shown_errors: list[str],
        source: Source, tmp_path: Path) -> None:
    office = open_office(qtbot, None, tmp_path / "new-pc" / "data")
    wizard = wizard_of(office)
    assert not wizard.restore_entry.isHidden()
    assert wizard.restore_entry.button.text() == "Pulihkan dari cadangan…"
    choose_file(monkeypatch, source.backup)
    questions = Questions(monkeypatch)
    driver = RestoreDriver(monkeypatch, restore_and_confirm)

    wizard.restore_entry.button.click()

    [dialog] = driver.dialogs
    assert dialog.fresh
    [(_, question)] = questions.asked
    assert "dipasang di komputer ini" in question and "salinan pengaman" not in question
    shell = office.shell
    assert shell.setup_wizard is None and shell.stack.currentWidget() is shell.unlock_page
    assert "Data dipulihkan dari cadangan" in shell.unlock_page.notice.text()
    assert "salinan pengaman" not in shell.unlock_page.notice.text()
    assert office.vault.state() is VaultState.READY
    assert list((tmp_path / "new-pc").glob("data.*")) == []  # no safety copy of nothing
    assert shown_errors == []

    unlock(shell)
    workspace = open_workspace(shell)
    assert workspace.ctx.user.username == helpers.KOORDINATOR
    assert len(office.session().cases.summaries()) == 2


def test_the_entry_is_on_the_first_page_only(qtbot: QtBot, tmp_path: Path) -> None:
    office = open_office(qtbot, None, tmp_path / "data")
    wizard = wizard_of(office)
    wizard.next_button.click()  # the institution defaults pass the checks
    assert wizard.step == 1 and wizard.restore_entry.isHidden()
    wizard.back_button.click()
    assert not wizard.restore_entry.isHidden()


def test_cancelling_on_a_fresh_pc_leaves_the_wizard_and_no_data(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, source: Source, tmp_path: Path) -> None:
    office = open_office(qtbot, None, tmp_path / "data")
    wizard = wizard_of(office)
    choose_file(monkeypatch, source.backup)
    seen: list[OpenedBackup | None] = []

    def open_then_cancel(dialog: RestoreDialog) -> bool:
        open_with_code(dialog, source.prepared.code)
        seen.append(dialog.opened)
        dialog.cancel_button.click()
        return False

    RestoreDriver(monkeypatch, open_then_cancel)
    wizard.restore_entry.button.click()

    [opened] = seen
    assert opened is not None and zeroed(opened.db_key)
    assert office.shell.setup_wizard is wizard
    assert office.shell.stack.currentWidget() is wizard
    assert office.vault.state() is not VaultState.READY
    assert not (tmp_path / "data").exists()


def test_a_backup_damaged_after_the_check_is_refused_and_the_wizard_stays(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shown_errors: list[str],
        source: Source, tmp_path: Path) -> None:
    office = open_office(qtbot, None, tmp_path / "data")
    wizard = wizard_of(office)
    copy = tmp_path / source.backup.name
    copy.write_bytes(source.backup.read_bytes())
    choose_file(monkeypatch, copy)
    Questions(monkeypatch)

    def damage_then_confirm(dialog: RestoreDialog) -> bool:
        open_with_code(dialog, source.prepared.code)
        flip_bytes(copy)  # e.g. the flashdisk fails between the check and the restore
        dialog.restore_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    RestoreDriver(monkeypatch, damage_then_confirm)
    wizard.restore_entry.button.click()

    assert office.shell.stack.currentWidget() is wizard
    assert [text for text in shown_errors if "rusak" in text]
    assert office.vault.state() is not VaultState.READY
    assert list(tmp_path.glob("data*")) == []  # no vault, no staging folder left behind
