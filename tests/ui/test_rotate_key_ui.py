"""Pengguna → "Ganti kunci basis data": a new key, the app locks, the same password opens it,
the old key opens nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QWidget

from app.errors import ErrorCode, StorageError
from app.keys.slots import wipe
from app.store.connection import open_database
from tests.ui.backup_support import Office, Prepared, Questions, open_office, prepare_vault
from tests.ui.conftest import open_workspace, unlock
from ui.context import PageName
from ui.pages.users import UsersPage
from ui.users.rotate_key import RotatedNotice


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    return prepare_vault(tmp_path_factory.mktemp("rotate") / "vault", cases=1)


class Notices:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parents: list[QWidget | None] = []
        monkeypatch.setattr(RotatedNotice, "launch", classmethod(self._launch))

    def _launch(self, cls: type, parent: QWidget | None) -> None:
        self.parents.append(parent)


def users_page(office: Office) -> UsersPage:
    unlock(office.shell)
    workspace = open_workspace(office.shell)
    workspace.show_page(PageName.PENGGUNA)
    page = workspace.page(PageName.PENGGUNA)
    assert isinstance(page, UsersPage)
    return page


def test_rotating_the_key_locks_the_app_and_the_old_key_opens_nothing(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shown_errors: list[str],
        prepared: Prepared, tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault")
    page = users_page(office)
    old_key = office.session().db_key_copy()
    questions = Questions(monkeypatch)
    notices = Notices(monkeypatch)
    assert page.rotate_button.isEnabled()

    page.rotate_button.click()

    [(title, question)] = questions.asked
    assert title == "Ganti kunci basis data?"
    assert "Kata sandi semua petugas dan kode pemulihan tetap sama" in question
    assert "buat cadangan baru" in question
    shell = office.shell
    assert shell.workspace is None and shell.stack.currentWidget() is shell.unlock_page
    assert notices.parents == [shell]
    assert "buat cadangan baru" in RotatedNotice.text()
    assert shown_errors == []
    with pytest.raises(StorageError) as refused:
        open_database(office.vault.paths.db, old_key)
    assert refused.value.code is ErrorCode.NOT_A_VAULT_DB

    unlock(shell)  # the same password
    open_workspace(shell)
    session = office.session()
    new_key = session.db_key_copy()
    assert new_key != old_key
    assert len(session.cases.summaries()) == 1
    assert "vault.rotate_key" in [entry.action for entry in session.ctx.audit.entries(limit=20)]
    wipe(old_key)
    wipe(new_key)


def test_declining_changes_nothing(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, prepared: Prepared,
        tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault")
    page = users_page(office)
    old_key = office.session().db_key_copy()
    Questions(monkeypatch, answer=False)
    notices = Notices(monkeypatch)

    page.rotate_button.click()

    assert office.shell.workspace is not None and notices.parents == []
    assert office.session().db_key_copy() == old_key
    assert page.rotate_button.isEnabled()
    wipe(old_key)


def test_the_button_explains_itself(qtbot: QtBot, prepared: Prepared, tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault")
    page = users_page(office)
    assert page.rotate_button.text() == "Ganti kunci basis data"
    assert "dienkripsi ulang" in page.rotate_button.toolTip()
    hints = [label.text() for label in page.findChildren(type(page.status))]
    assert any("Kata sandi dan kode pemulihan tidak berubah" in text for text in hints)


def test_a_failed_rotation_says_so_and_keeps_working_with_the_old_key(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shown_errors: list[str],
        prepared: Prepared, tmp_path: Path) -> None:
    office = open_office(qtbot, prepared.root, tmp_path / "vault")
    page = users_page(office)
    old_key = office.session().db_key_copy()
    # An OS fault: the side file the rotation must write cannot be made (a folder is there).
    office.vault.paths.rotation_keys.mkdir()
    Questions(monkeypatch)
    notices = Notices(monkeypatch)

    page.rotate_button.click()

    assert len(shown_errors) == 1 and notices.parents == []
    assert office.shell.workspace is not None  # the session was never closed
    assert page.rotate_button.isEnabled()
    assert office.session().db_key_copy() == old_key
    assert len(office.session().cases.summaries()) == 1
    wipe(old_key)
