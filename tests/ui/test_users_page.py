"""Pengguna: add (temporary password shown once), disable, reset, role change, recovery code."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from app.domain.enums import PaperSize, Role
from app.domain.models import User
from app.domain.settings import Institution
from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from ui import clipboard
from ui.backend import Backend
from ui.context import PageName
from ui.dialogs.new_password import NewPasswordDialog
from ui.pages.users import UsersPage
from ui.setup.confirm_dialog import ConfirmDialog
from ui.shell import Shell
from ui.users.add_user_dialog import AddUserDialog
from ui.users.jobs import NewUser
from ui.users.recovery_code_dialog import NewRecoveryCodeDialog
from ui.users.role_dialog import ChangeRoleDialog
from ui.users.temporary_password_dialog import TemporaryPasswordDialog
from ui.users.user_model import Column, UserTableModel, user_proxy
from ui.workers import ImmediateRunner

NEW_PASSWORD = "lampu minyak di beranda rumah"


class Handed:
    """Captures what the one-time dialogs were given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.passwords: list[tuple[str, str]] = []
        self.codes: list[str] = []
        monkeypatch.setattr(TemporaryPasswordDialog, "launch", classmethod(self._password))
        monkeypatch.setattr(NewRecoveryCodeDialog, "launch", classmethod(self._code))

    def _password(self, cls: type, parent: QWidget | None, username: str, display_name: str,
                  password: str) -> None:
        self.passwords.append((username, password))

    def _code(self, cls: type, parent: QWidget | None, code: str, institution: Institution,
              paper: PaperSize) -> None:
        self.codes.append(code)


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch) -> Handed:
    return Handed(monkeypatch)


def confirm_always(monkeypatch: pytest.MonkeyPatch, answer: bool = True) -> list[str]:
    titles: list[str] = []

    def ask(cls: type, parent: QWidget | None, title: str, *args: Any, **kwargs: Any) -> bool:
        titles.append(title)
        return answer

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(ask))
    return titles


def add_petugas(vault: Vault) -> None:
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        session.users.add(helpers.PETUGAS, "Petugas Satu", Role.PETUGAS,
                          password=helpers.PETUGAS_PASSWORD)


def users_page(shell: Shell) -> UsersPage:
    unlock(shell)
    workspace = open_workspace(shell)
    workspace.show_page(PageName.PENGGUNA)
    page = workspace.page(PageName.PENGGUNA)
    assert isinstance(page, UsersPage)
    return page


def row_texts(page: UsersPage, username: str) -> list[str]:
    row = page.model.row_of(username)
    assert row is not None, f"{username} is not listed"
    return [page.model.index(row, column).data() for column in Column]


def test_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    created = datetime(2026, 3, 2, tzinfo=UTC)
    model = UserTableModel(own_user_id=1)
    model.set_users([User(1, "koord", "Koordinator", Role.KOORDINATOR, True, False, created),
                     User(2, "budi", "Budi", Role.PETUGAS, False, True, created)])
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    proxy: QSortFilterProxyModel = user_proxy(model)
    qtmodeltester.check(proxy)  # type: ignore[no-untyped-call]
    proxy.sort(Column.STATUS, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, Column.USERNAME).data() == "budi"
    assert [model.index(1, c).data() for c in Column] == ["budi", "Budi", "Petugas",
                                                         "Nonaktif", "Ya"]
    assert model.index(0, Column.DISPLAY_NAME).data() == "Koordinator (Anda)"


def test_add_petugas_shows_the_password_once_and_forces_a_change(
        shell: Shell, handed: Handed, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AddUserDialog, "ask", classmethod(
        lambda cls, parent, initial, errors: NewUser("budi", "Budi Santoso", Role.PETUGAS)))
    page = users_page(shell)
    page.add_button.click()
    assert row_texts(page, "budi") == ["budi", "Budi Santoso", "Petugas", "Aktif", "Ya"]
    selected = page.selected_user()
    assert selected is not None and selected.username == "budi"
    assert [name for name, _ in handed.passwords] == ["budi"]
    temporary = handed.passwords[0][1]
    reasons: list[str] = []

    def choose(cls: type, parent: QWidget | None, username: str, reason: str,
               office_words: tuple[str, ...] = ()) -> str:
        reasons.append(reason)
        return NEW_PASSWORD

    monkeypatch.setattr(NewPasswordDialog, "ask", classmethod(choose))
    shell.lock()
    unlock(shell, "budi", temporary)
    workspace = open_workspace(shell)
    assert workspace.ctx.user.username == "budi"
    assert not workspace.ctx.user.must_change_password
    assert len(reasons) == 1 and "sementara" in reasons[0]


def test_refused_new_user_reopens_the_dialog_with_the_reason(
        shell: Shell, handed: Handed, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [NewUser("Budi Santoso", "Budi", Role.PETUGAS),
               NewUser(helpers.KOORDINATOR, "Budi", Role.PETUGAS), None]
    seen: list[tuple[NewUser, Mapping[str, str]]] = []

    def ask(cls: type, parent: QWidget, initial: NewUser,
            errors: Mapping[str, str]) -> NewUser | None:
        seen.append((initial, errors))
        return answers.pop(0)

    monkeypatch.setattr(AddUserDialog, "ask", classmethod(ask))
    page = users_page(shell)
    page.add_button.click()
    assert seen[1] == (NewUser("Budi Santoso", "Budi", Role.PETUGAS), {
        "username": "3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung."})
    assert seen[2][1] == {"username": "Nama pengguna itu sudah dipakai."}
    assert handed.passwords == []
    assert page.model.rowCount() == 1


def test_disable_then_reset_brings_the_account_back_with_a_temporary_password(
        shell: Shell, ready_vault: Vault, handed: Handed,
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_petugas(ready_vault)
    page = users_page(shell)
    page.select(helpers.PETUGAS)
    titles = confirm_always(monkeypatch, answer=False)
    page.disable_button.click()
    assert titles == ["Nonaktifkan akun?"]
    assert row_texts(page, helpers.PETUGAS)[Column.STATUS] == "Aktif"
    titles = confirm_always(monkeypatch)
    page.disable_button.click()
    assert row_texts(page, helpers.PETUGAS)[Column.STATUS] == "Nonaktif"
    assert page.status.text() == "Akun petugas1 dinonaktifkan."
    assert not page.disable_button.isEnabled() and page.reset_button.isEnabled()
    page.reset_button.click()
    assert titles == ["Nonaktifkan akun?", "Atur ulang kata sandi?"]
    assert [name for name, _ in handed.passwords] == [helpers.PETUGAS]
    assert row_texts(page, helpers.PETUGAS)[Column.STATUS:] == ["Aktif", "Ya"]
    monkeypatch.setattr(NewPasswordDialog, "ask", classmethod(
        lambda cls, parent, username, reason, office_words=(): None))
    shell.lock()
    unlock(shell, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)
    assert shell.unlock_page.message.text() == "Nama pengguna atau kata sandi salah."
    unlock(shell, helpers.PETUGAS, handed.passwords[0][1])
    assert shell.workspace is None, "no work before the temporary password is replaced"
    assert shell.unlock_page.message.text() == "Kata sandi baru wajib dibuat sebelum bekerja."


def change_role(page: UsersPage, username: str, role: Role,
                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ChangeRoleDialog, "ask", classmethod(
        lambda cls, parent, user, is_self: role))
    page.select(username)
    page.role_button.click()


def test_role_change_and_the_last_koordinator(
        shell: Shell, ready_vault: Vault, shown_errors: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_petugas(ready_vault)
    page = users_page(shell)
    change_role(page, helpers.PETUGAS, Role.PIMPINAN, monkeypatch)
    assert row_texts(page, helpers.PETUGAS)[Column.ROLE] == "Pimpinan"
    assert page.status.text() == "Peran petugas1 diubah."
    page.select(helpers.KOORDINATOR)
    assert not page.disable_button.isEnabled(), "one's own account cannot be disabled"
    assert not page.reset_button.isEnabled()
    change_role(page, helpers.KOORDINATOR, Role.PETUGAS, monkeypatch)
    assert shown_errors == ["Harus tetap ada paling sedikit satu koordinator aktif."]
    assert row_texts(page, helpers.KOORDINATOR)[Column.ROLE] == "Koordinator"
    assert page.status.text() == ""
    change_role(page, helpers.PETUGAS, Role.KOORDINATOR, monkeypatch)
    change_role(page, helpers.KOORDINATOR, Role.PETUGAS, monkeypatch)
    assert len(shown_errors) == 1, "no access-denied message after giving up one's own role"
    assert page.status.text().startswith("Peran Anda sudah diubah")
    assert page.model.rowCount() == 0
    assert not any(button.isEnabled() for button in (page.add_button, page.recovery_button))


def test_new_recovery_code_replaces_the_old_one(
        qtbot: QtBot, tmp_path: Path, handed: Handed, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = helpers.new_vault(tmp_path / "vault")
    session, old_code = helpers.create_vault(vault)
    session.close()
    window = Shell(vault, ImmediateRunner(Backend(vault)), idle_ms=60 * 60_000)
    qtbot.addWidget(window)
    confirm_always(monkeypatch)
    users_page(window).recovery_button.click()
    assert len(handed.codes) == 1
    window.lock()
    with vault.unlock_with_recovery(handed.codes[0], helpers.KOORDINATOR) as opened:
        assert opened.ctx.via_recovery
    with pytest.raises(Exception, match="recovery_code_wrong"):
        vault.unlock_with_recovery(old_code, helpers.KOORDINATOR)
    window.close()


def test_temporary_password_dialog_copies_through_our_clipboard(qtbot: QtBot) -> None:
    dialog = TemporaryPasswordDialog("budi", "Budi", "abcd-efgh-jkmn-pqrs")
    qtbot.addWidget(dialog)
    QTest.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "abcd-efgh-jkmn-pqrs"
    assert dialog.copied.text().startswith("Tersalin")
    clipboard.clear_if_ours()
    assert QGuiApplication.clipboard().text() == ""


def test_recovery_code_dialog_waits_for_the_tick(qtbot: QtBot) -> None:
    code = "000011-000022-000033-000044-000055-000066-000077-000088"
    dialog = NewRecoveryCodeDialog(code, Institution(name="KPU Kabupaten Blora"), PaperSize.A4)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.view.shown_code() == code
    assert not dialog.close_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    dialog.done_box.setChecked(True)
    assert dialog.close_button.isEnabled()
    dialog.reject()
    assert not dialog.isVisible()


def test_add_dialog_shows_errors_and_returns_values(qtbot: QtBot) -> None:
    dialog = AddUserDialog(NewUser("Budi", "Budi S", Role.PIMPINAN),
                           {"username": "Nama pengguna itu sudah dipakai."})
    qtbot.addWidget(dialog)
    assert dialog.errors.text("username") == "Nama pengguna itu sudah dipakai."
    dialog.username.setText("budi")
    assert dialog.values() == NewUser("budi", "Budi S", Role.PIMPINAN)
