"""Restoring from a backup: unlock the file, see what it holds, check it, confirm — and the
cases where nothing may change (wrong password or code, damaged file, cancel)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QDialog

from app.backup.files import OpenedBackup
from app.domain.deadlines import zone
from app.domain.enums import IndonesianTimeZone
from app.keys import recovery
from app.paths import VaultPaths
from app.services.vault import Vault
from tests import helpers
from tests.ui.backup_support import (
    DeferredRunner,
    Questions,
    RestoreDriver,
    Source,
    backed_up,
    backup_tab,
    case_codes,
    choose_file,
    corrupt_database_member,
    flip_bytes,
    open_office,
    open_with_code,
    open_with_password,
    zeroed,
)
from tests.ui.conftest import open_workspace, unlock
from ui.backend import Backend
from ui.backup.restore_dialog import ChosenBackup, RestoreDialog
from ui.workers import ImmediateRunner, TaskRunner

WRONG_PASSWORD = "bukan kata sandi yang benar"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    """A vault with one case and a verified backup of it on a "flashdisk"."""
    return backed_up(tmp_path_factory.mktemp("restore"), cases=1)


@pytest.fixture
def runner(tmp_path: Path) -> ImmediateRunner:
    """Opening and checking a backup needs no vault; the check works beside the data folder."""
    return ImmediateRunner(Backend(helpers.new_vault(tmp_path / "data")))


def dialog_for(qtbot: QtBot, runner: TaskRunner, fresh: bool = False) -> RestoreDialog:
    dialog = RestoreDialog(runner, fresh, zone(IndonesianTimeZone.WIB))
    qtbot.addWidget(dialog)
    return dialog


# --- through the Cadangan tab, on a working vault --------------------------------------------


def test_restore_through_the_tab_brings_back_the_backup_and_keeps_a_safety_copy(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shown_errors: list[str],
        source: Source, tmp_path: Path) -> None:
    office = open_office(qtbot, source.prepared.root, tmp_path / "vault")
    tab = backup_tab(office)
    [backed_up] = [s.code for s in office.session().cases.summaries()]
    later = office.session().cases.create(helpers.minimal_intake(name="Sesudah Cadangan")).code
    choose_file(monkeypatch, source.backup)
    questions = Questions(monkeypatch)
    seen: dict[str, object] = {}

    def drive(dialog: RestoreDialog) -> bool:
        open_with_code(dialog, source.prepared.code)
        seen.update(contents=dialog.preview.contents.text(), check=dialog.preview.check.text(),
                    opened=dialog.opened, visible=not dialog.preview.isHidden())
        dialog.restore_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    RestoreDriver(monkeypatch, drive)
    tab.restore_button.click()

    assert seen["visible"] and seen["contents"] == "1 kasus, 0 lampiran"
    assert str(seen["check"]).startswith("Utuh")
    [(_, question)] = questions.asked
    assert "salinan pengaman" in question and "1 kasus" in question
    shell = office.shell
    assert shell.workspace is None and shell.stack.currentWidget() is shell.unlock_page
    assert "Data dipulihkan dari cadangan" in shell.unlock_page.notice.text()
    assert not shell.unlock_page.notice.isHidden()
    opened = seen["opened"]
    assert isinstance(opened, OpenedBackup) and zeroed(opened.db_key)
    [safety] = tmp_path.glob("vault.sebelum-pemulihan-*")
    assert str(safety) in shell.unlock_page.notice.text()
    assert shown_errors == []
    assert case_codes(office.vault) == [backed_up]
    safety_vault = Vault(VaultPaths(safety), clock=helpers.fake_clock())
    assert sorted(case_codes(safety_vault)) == sorted([backed_up, later])
    unlock(shell)
    open_workspace(shell)


def test_cancel_changes_nothing_and_wipes_the_key(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, source: Source, tmp_path: Path) -> None:
    office = open_office(qtbot, source.prepared.root, tmp_path / "vault")
    tab = backup_tab(office)
    office.session().cases.create(helpers.minimal_intake(name="Sesudah Cadangan"))
    choose_file(monkeypatch, source.backup)
    questions = Questions(monkeypatch)
    seen: list[OpenedBackup | None] = []

    def drive(dialog: RestoreDialog) -> bool:
        open_with_code(dialog, source.prepared.code)
        seen.append(dialog.opened)
        dialog.cancel_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    RestoreDriver(monkeypatch, drive)
    tab.restore_button.click()

    [opened] = seen
    assert opened is not None and zeroed(opened.db_key)
    assert questions.asked == []
    assert office.shell.workspace is not None  # still at work, nothing locked
    assert len(office.session().cases.summaries()) == 2
    assert list(tmp_path.glob("vault.*")) == []


# --- the dialog itself -----------------------------------------------------------------------


def test_a_wrong_password_is_said_under_the_fields_and_opens_nothing(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, runner: ImmediateRunner,
        source: Source) -> None:
    choose_file(monkeypatch, source.backup)
    dialog = dialog_for(qtbot, runner)
    open_with_password(dialog, helpers.KOORDINATOR, WRONG_PASSWORD)
    assert dialog.form.error.text() == "Nama pengguna atau kata sandi salah."
    assert dialog.form.password.text() == "" and dialog.form.username.text() == "koord"
    assert dialog.opened is None and dialog.preview.isHidden()
    assert not dialog.restore_button.isEnabled()


def test_a_wrong_recovery_code_and_a_typo_are_told_apart(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, runner: ImmediateRunner,
        source: Source) -> None:
    choose_file(monkeypatch, source.backup)
    dialog = dialog_for(qtbot, runner)
    open_with_code(dialog, recovery.generate())
    assert dialog.form.error.text() == "Kode pemulihan tidak cocok dengan data posko ini."
    assert dialog.opened is None

    groups = source.prepared.code.split("-")
    typo = ("1" if groups[1][0] != "1" else "2") + groups[1][1:]
    dialog.form.code.setText("-".join([groups[0], typo]))
    assert "kelompok ke-2 salah" in dialog.form.error.text()
    dialog.open_button.click()
    assert dialog.opened is None and dialog.preview.isHidden()


def test_the_preview_shows_what_the_backup_holds_and_hands_over_the_officer(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, runner: ImmediateRunner,
        source: Source) -> None:
    choose_file(monkeypatch, source.backup)
    questions = Questions(monkeypatch)
    seen: list[RestoreDialog] = []

    def drive(dialog: RestoreDialog) -> bool:
        seen.append(dialog)
        open_with_password(dialog, " KOORD ", helpers.KOORDINATOR_PASSWORD)
        dialog.restore_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    RestoreDriver(monkeypatch, drive)
    chosen = RestoreDialog.ask(None, runner, fresh=True)

    assert isinstance(chosen, ChosenBackup) and chosen.restorer == "koord"
    assert not zeroed(chosen.opened.db_key)  # handed over: the restore will wipe it
    [dialog] = seen
    preview = dialog.preview
    assert preview.created.text() == "Senin, 2 Maret 2026 pukul 09.00 WIB"
    assert preview.versions.text().startswith("aplikasi ")
    assert preview.contents.text() == "1 kasus, 0 lampiran"
    assert len(preview.seal.text()) > 10
    assert dialog.form.password.text() == ""  # not kept once the backup is open
    [(_, question)] = questions.asked
    assert "dipasang di komputer ini" in question and "salinan pengaman" not in question
    chosen.opened.close()


def test_a_damaged_file_is_refused_when_opened(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, runner: ImmediateRunner,
        source: Source, tmp_path: Path) -> None:
    damaged = tmp_path / source.backup.name
    shutil.copyfile(source.backup, damaged)
    flip_bytes(damaged)
    choose_file(monkeypatch, damaged)
    dialog = dialog_for(qtbot, runner)
    open_with_code(dialog, source.prepared.code)
    assert "rusak atau bukan berkas cadangan" in dialog.form.error.text()
    assert dialog.opened is None and not dialog.restore_button.isEnabled()


def test_a_backup_that_fails_its_check_cannot_be_restored_and_its_key_is_wiped(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, runner: ImmediateRunner,
        source: Source, tmp_path: Path) -> None:
    damaged = tmp_path / source.backup.name
    corrupt_database_member(source.backup, damaged)
    choose_file(monkeypatch, damaged)
    dialog = dialog_for(qtbot, runner)
    open_with_code(dialog, source.prepared.code)
    assert not dialog.preview.isHidden()  # it opened: the facts are shown …
    assert dialog.preview.contents.text() == "1 kasus, 0 lampiran"
    assert "Pemeriksaan cadangan gagal" in dialog.preview.check.text()  # … but it is damaged
    assert dialog.preview.check.property("role") == "error"
    assert dialog.opened is None and not dialog.restore_button.isEnabled()
    assert "tidak diubah" in dialog.status.text()
    assert list(tmp_path.glob("posko.db.verifikasi*")) == []


def test_choosing_another_file_wipes_the_key_of_the_first(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, runner: ImmediateRunner,
        source: Source, tmp_path: Path) -> None:
    choose_file(monkeypatch, source.backup)
    dialog = dialog_for(qtbot, runner)
    open_with_code(dialog, source.prepared.code)
    first = dialog.opened
    assert first is not None and dialog.restore_button.isEnabled()
    choose_file(monkeypatch, tmp_path / "lain.poskobak")
    dialog.choose_button.click()
    assert zeroed(first.db_key) and dialog.opened is None
    assert not dialog.restore_button.isEnabled() and dialog.preview.isHidden()


def test_cancel_while_the_backup_is_opening_waits_then_wipes_the_key(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, source: Source, tmp_path: Path) -> None:
    deferred = DeferredRunner(Backend(helpers.new_vault(tmp_path / "data")))
    choose_file(monkeypatch, source.backup)
    dialog = dialog_for(qtbot, deferred)
    dialog.show()
    open_with_code(dialog, source.prepared.code)
    assert dialog.status.text().startswith("Membuka cadangan")
    assert not dialog.open_button.isEnabled()

    dialog.cancel_button.click()
    assert dialog.isVisible()  # waits: the job's result holds a key
    assert not dialog.cancel_button.isEnabled()
    deferred.run_pending()

    [opened] = deferred.results
    assert isinstance(opened, OpenedBackup) and zeroed(opened.db_key)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialog.opened is None


def test_no_file_chosen_yet(qtbot: QtBot, runner: ImmediateRunner) -> None:
    dialog = dialog_for(qtbot, runner)
    assert not dialog.open_button.isEnabled() and not dialog.restore_button.isEnabled()
    dialog.form.submitted.emit()
    assert dialog.form.error.text() == "Pilih berkas cadangan dulu."
