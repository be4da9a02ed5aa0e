"""R6 in the app: a damaged vault is refused at unlock with the damage message and the way to
a backup; restoring moves the damaged files aside byte for byte — nothing is "repaired".

``tests/reliability/test_bit_flips.py`` flips bits by the hundred in the core; here one
damaged page goes through the real unlock screen and restore dialog (their seams only).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.errors import ErrorCode, StorageError
from tests import cold_pages, helpers
from tests.reliability import report
from tests.ui.backup_support import (
    Questions,
    RestoreDriver,
    choose_file,
    open_office,
    prepare_vault,
)
from tests.ui.conftest import open_workspace, unlock
from tests.ui.test_setup_restore import restore_and_confirm
from ui.errors import message_for

pytestmark = pytest.mark.reliability

KEPT = ("posko.db", "posko.keys", "posko.keys.bak")


@dataclass(frozen=True)
class Source:
    root: Path    # a closed vault: two cases in the backup, a third one after it
    backup: Path


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    folder = tmp_path_factory.mktemp("rusak")
    prepared = prepare_vault(folder / "kantor", cases=2)
    usb = folder / "usb"
    usb.mkdir()
    with helpers.new_vault(prepared.root).unlock(helpers.KOORDINATOR,
                                                 helpers.KOORDINATOR_PASSWORD) as session:
        record = session.backups.create(usb)
        session.cases.create(helpers.minimal_intake(name="Korban Sesudah Cadangan"))
    return Source(prepared.root, usb / record.file_name)


def _digests(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in KEPT}


def _damage(db: Path) -> None:
    """One bit of the second page (a table in use), as a failing disk would."""
    data = bytearray(db.read_bytes())
    data[4096 + 300] ^= 0x08
    db.write_bytes(bytes(data))


def test_a_damaged_vault_offers_a_restore_and_keeps_the_damaged_files(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shown_errors: list[str],
        source: Source, tmp_path: Path) -> None:
    office = open_office(qtbot, source.root, tmp_path / "data")
    _damage(office.vault.paths.db)
    damaged = _digests(office.vault.paths.root)
    page = office.shell.unlock_page
    unlock(office.shell)
    assert office.shell.workspace is None
    assert page.message.text() == message_for(StorageError(ErrorCode.INTEGRITY_FAILED))
    assert "memulihkan dari cadangan" in page.message.text()
    assert page.restore_button.isVisible() and page.restore_button.text() == \
        "Pulihkan dari cadangan…"
    assert _digests(office.vault.paths.root) == damaged  # refused without touching a byte

    choose_file(monkeypatch, source.backup)
    questions = Questions(monkeypatch)
    driver = RestoreDriver(monkeypatch, restore_and_confirm)
    page.restore_button.click()

    [dialog] = driver.dialogs
    assert not dialog.fresh and "salinan pengaman" in questions.asked[0][1]
    assert "Data dipulihkan dari cadangan" in page.notice.text()
    [safety] = tmp_path.glob("data.sebelum-pemulihan-*")
    assert _digests(safety) == damaged  # the damaged vault, moved aside byte for byte
    assert not page.restore_button.isVisible()
    unlock(office.shell)
    open_workspace(office.shell)
    assert len(office.session().cases.summaries()) == 2  # the backup's content
    assert shown_errors == []
    report.record("damaged vault in the app: restore offered (R6)", 1,
                  refused_at_unlock=True, damaged_files_kept=True, restored_cases=2)


def test_a_wrong_password_offers_no_restore(qtbot: QtBot, source: Source,
                                            tmp_path: Path) -> None:
    office = open_office(qtbot, source.root, tmp_path / "data")
    unlock(office.shell, password="bukan kata sandi yang benar")
    page = office.shell.unlock_page
    assert page.message.text() == "Nama pengguna atau kata sandi salah."
    assert not page.restore_button.isVisible()


def test_damage_found_beside_the_session_locks_and_offers_a_restore(
        qtbot: QtBot, shown_errors: list[str], tmp_path: Path) -> None:
    """Damage the unlock does not read: the officer gets in, and the check beside the session
    (a moment later) takes the vault away again with the damage message and the restore."""
    source = cold_pages.make_vault(tmp_path / "sumber")
    office = open_office(qtbot, source, tmp_path / "data")
    cold_pages.flip_middle_page(office.vault.paths.db)
    damaged = _digests(office.vault.paths.root)
    page = office.shell.unlock_page
    unlock(office.shell)
    open_workspace(office.shell)  # in: the unlock read no damaged page
    qtbot.waitUntil(lambda: office.shell.workspace is None, timeout=60_000)
    assert office.shell.stack.currentWidget() is page
    assert page.message.text() == message_for(StorageError(ErrorCode.INTEGRITY_FAILED))
    assert page.restore_button.isVisible()
    assert _digests(office.vault.paths.root)["posko.db"] == damaged["posko.db"]
    unlock(office.shell)  # now checked before opening: refused like any damaged vault
    assert office.shell.workspace is None and page.restore_button.isVisible()
    assert _digests(office.vault.paths.root)["posko.db"] == damaged["posko.db"]
    # A page that read a damaged row before the check answered said so (never "unexpected").
    assert set(shown_errors) <= {page.message.text()}
