"""Data & Cadangan → Cadangan: a verified backup on a "flashdisk", the reminder, the history
with stale backups marked, and failures said plainly (real vaults, real backup files)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from app.domain.deadlines import zone
from app.domain.enums import IndonesianTimeZone
from app.errors import AppError, ErrorCode, StorageError
from app.services.backup import BackupRecord
from tests.ui.backup_support import (
    DeferredRunner,
    Prepared,
    backup_tab,
    backups_in,
    choose_folder,
    open_office,
    prepare_vault,
)
from tests.ui.conftest import check_model
from ui.backup import jobs
from ui.backup.backup_tab import failure_text, progress_text
from ui.backup.history_model import BackupHistoryModel, Column, history_proxy, size_text
from ui.backup.preview import moment_text
from ui.errors import message_for

WIB = zone(IndonesianTimeZone.WIB)

@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    return prepare_vault(tmp_path_factory.mktemp("backup-tab") / "vault", cases=2)


def cell(model: BackupHistoryModel, row: int, column: Column,
         role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, column), role)


def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    return folder


def test_a_backup_made_in_the_tab_is_on_the_flashdisk_in_the_history_and_clears_the_reminder(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, prepared: Prepared,
        tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault")
    tab = backup_tab(office)
    assert not tab.reminder.isHidden()
    assert "Belum ada cadangan" in tab.reminder.text()
    assert tab.model.rowCount() == 0
    target = usb(tmp_path)
    choose_folder(monkeypatch, target)

    tab.backup_button.click()

    [made] = backups_in(target)
    assert not list(target.glob("*.part"))
    assert str(made) in tab.status.text() and "2 kasus" in tab.status.text()
    assert tab.status.property("role") == "hint"
    assert tab.reminder.isHidden()
    assert made.name in tab.last.text() and "2 kasus" in tab.last.text()
    assert tab.model.rowCount() == 1
    assert cell(tab.model, 0, Column.FILE) == made.name
    assert cell(tab.model, 0, Column.CASES) == "2"
    assert cell(tab.model, 0, Column.NOTE) == ""
    assert tab.backup_button.isEnabled() and tab.restore_button.isEnabled()
    assert not (office.vault.paths.root / "posko.db.cadangan").exists()


def test_the_reminder_returns_once_the_set_days_have_passed(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, prepared: Prepared,
        tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault")
    tab = backup_tab(office)
    choose_folder(monkeypatch, usb(tmp_path))
    tab.backup_button.click()
    assert tab.reminder.isHidden()

    office.clock.advance(timedelta(days=7))
    tab.activate()
    assert tab.reminder.isHidden()  # exactly seven days: not yet

    office.clock.advance(timedelta(minutes=1))
    tab.activate()
    assert not tab.reminder.isHidden()
    assert "Cadangan terakhir lebih dari 7 hari yang lalu" in tab.reminder.text()
    assert tab.reminder.property("role") == "error"


def test_the_reminder_days_come_from_the_settings(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, prepared: Prepared,
        tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault")
    tab = backup_tab(office)
    choose_folder(monkeypatch, usb(tmp_path))
    tab.backup_button.click()
    office.session().settings.update(backup_reminder_days=2)
    office.clock.advance(timedelta(days=3))
    tab.activate()
    assert "lebih dari 2 hari" in tab.reminder.text()


def test_a_missing_folder_gives_a_clear_message_and_no_backup(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, prepared: Prepared,
        tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault")
    tab = backup_tab(office)
    pulled_out = tmp_path / "flashdisk-dicabut"
    choose_folder(monkeypatch, pulled_out)

    tab.backup_button.click()

    assert "Cadangan tidak dibuat." in tab.status.text()
    assert "flashdisk dicabut?" in tab.status.text()
    assert tab.status.property("role") == "error"
    assert not pulled_out.exists()
    assert tab.model.rowCount() == 0
    assert not tab.reminder.isHidden()
    assert tab.backup_button.isEnabled()
    assert office.session().backups.history() == []


def test_the_data_folder_itself_is_refused(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, prepared: Prepared,
        tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault")
    tab = backup_tab(office)
    choose_folder(monkeypatch, office.vault.paths.root)

    tab.backup_button.click()

    assert "folder data posko sendiri" in tab.status.text()
    assert backups_in(office.vault.paths.root) == []
    assert office.session().backups.history() == []


def test_backups_older_than_the_retention_period_are_marked_for_destruction(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, qtmodeltester: object,
        prepared: Prepared, tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault")
    tab = backup_tab(office)
    target = usb(tmp_path)
    choose_folder(monkeypatch, target)
    tab.backup_button.click()
    office.clock.advance(timedelta(days=5 * 365 + 1))
    tab.backup_button.click()  # a fresh one, within the period

    assert tab.model.rowCount() == 2
    newest, oldest = (tab.model.record_at(row) for row in range(2))
    assert newest.created_at > oldest.created_at
    assert cell(tab.model, 0, Column.NOTE) == ""
    assert cell(tab.model, 1, Column.NOTE) == "lebih tua dari masa retensi — musnahkan"
    assert cell(tab.model, 1, Column.FILE, BackupHistoryModel.StaleRole) is True
    assert cell(tab.model, 1, Column.FILE, Qt.ItemDataRole.ForegroundRole) is not None
    assert not tab.stale.isHidden()
    assert "1 cadangan lebih tua dari masa retensi (5 tahun)" in tab.stale.text()
    assert tab.reminder.isHidden()
    check_model(qtmodeltester, tab.model)


def test_progress_is_shown_while_the_backup_runs(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, prepared: Prepared,
        tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault", deferred=True)
    assert isinstance(office.runner, DeferredRunner)
    tab = backup_tab(office)
    target = usb(tmp_path)
    choose_folder(monkeypatch, target)

    tab.backup_button.click()
    assert tab.status.text().startswith("Membuat salinan…")
    assert not tab.backup_button.isEnabled() and not tab.restore_button.isEnabled()
    progress = tab._progress
    assert progress is not None
    progress.report(80)  # as the job does once the file is written
    qtbot.waitUntil(lambda: tab.status.text().startswith("Memeriksa…"))

    office.runner.run_pending()
    assert len(backups_in(target)) == 1
    assert tab.status.text().startswith("Cadangan selesai dibuat dan diperiksa")
    assert tab.backup_button.isEnabled()


def test_history_model_sorts_on_native_values(qtmodeltester: object) -> None:
    moment = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    old = BackupRecord("posko-2020-01-01-0900.poskobak", moment - timedelta(days=2300),
                       3 * 1024 * 1024 + 400_000, 12)
    new = BackupRecord("posko-2026-03-02-0900.poskobak", moment, 900, 3)
    model = BackupHistoryModel()
    model.set_records([old, new], frozenset({old}), WIB)
    proxy = history_proxy(model)
    proxy.sort(Column.SIZE, Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, Column.FILE)) == new.file_name
    proxy.sort(Column.CREATED, Qt.SortOrder.DescendingOrder)
    assert proxy.data(proxy.index(0, Column.FILE)) == new.file_name
    assert cell(model, 0, Column.SIZE) == "3,4 MB"
    assert cell(model, 1, Column.SIZE) == "1 KB"
    assert cell(model, 1, Column.CREATED) == "02 Mar 2026 09.00"
    assert model.headerData(Column.NOTE, Qt.Orientation.Horizontal) == "Keterangan"
    check_model(qtmodeltester, model)


def test_texts_for_every_way_a_backup_can_fail() -> None:
    assert "perlu sekitar 12 MB" in message_for(AppError(ErrorCode.BACKUP_NO_SPACE,
                                                         needed_mb=12))
    assert "penuh" in failure_text(StorageError(ErrorCode.DISK_FULL))
    assert "hanya-baca" in failure_text(StorageError(ErrorCode.READ_ONLY))
    assert "flashdisk dicabut?" in failure_text(AppError(ErrorCode.BACKUP_TARGET_MISSING))
    assert "Pemeriksaan cadangan gagal" in failure_text(
        AppError(ErrorCode.BACKUP_VERIFY_FAILED))
    assert "folder data posko" in failure_text(jobs.BackupInsideVault())
    assert [progress_text(p).split(" ")[0] for p in (0, 40, 70, 100)] == [
        "Membuat", "Menulis", "Memeriksa…", "Memeriksa…"]
    for code in (ErrorCode.BACKUP_CORRUPT, ErrorCode.BACKUP_OTHER_VAULT,
                 ErrorCode.RETENTION_NOT_REACHED):
        assert code.value not in message_for(AppError(code))
    assert moment_text(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), WIB) == (
        "Senin, 2 Maret 2026 pukul 09.00 WIB")
    assert size_text(0) == "1 KB"
