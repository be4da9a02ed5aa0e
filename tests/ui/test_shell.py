"""The shell: unlock, lock by button/shortcut/idle/quick-hide, and back to the same place."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from ui.backend import Backend
from ui.context import PageName
from ui.shell import Shell
from ui.workers import ImmediateRunner


def test_unlock_opens_the_workspace_at_beranda(shell: Shell) -> None:
    assert shell.stack.currentWidget() is shell.unlock_page
    unlock(shell)
    assert shell.workspace is not None
    assert shell.workspace.current is PageName.BERANDA
    assert shell.windowTitle() == "Posko PPKS"


def test_wrong_password_shows_the_indonesian_message(shell: Shell) -> None:
    unlock(shell, password="salah sekali ini bukan")
    assert shell.workspace is None
    assert shell.unlock_page.message.text() == "Nama pengguna atau kata sandi salah."


def test_locking_destroys_the_workspace_and_unlock_returns_to_the_same_place(
        shell: Shell, qtbot: QtBot) -> None:
    unlock(shell)
    open_workspace(shell).show_page(PageName.DAFTAR_KASUS)
    QTest.keyClick(shell, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shell.workspace is None
    assert shell.stack.currentWidget() is shell.unlock_page
    assert shell.unlock_page.username.text() == helpers.KOORDINATOR
    assert shell.unlock_page.password.text() == ""
    unlock(shell)
    assert open_workspace(shell).current is PageName.DAFTAR_KASUS


def test_idle_time_locks(qtbot: QtBot, ready_vault: Vault) -> None:
    window = Shell(ready_vault, ImmediateRunner(Backend(ready_vault)), idle_ms=50)
    qtbot.addWidget(window)
    window.show()
    unlock(window)
    assert window.workspace is not None
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5000)
    assert window.stack.currentWidget() is window.unlock_page
    window.close()


def test_quick_hide_locks_at_once(shell: Shell, qtbot: QtBot) -> None:
    unlock(shell)
    QTest.keyClick(shell, Qt.Key.Key_F12)
    assert shell.workspace is None
    assert shell.isMinimized()


def test_repeated_wrong_passwords_start_a_countdown(shell: Shell) -> None:
    for _ in range(5):
        assert shell.unlock_page.open_button.isEnabled()
        unlock(shell, password="salah sekali ini bukan")
    page = shell.unlock_page
    assert page.remaining_seconds == 30
    assert page.countdown.text() == "Coba lagi dalam 00:30"
    assert not page.open_button.isEnabled()
    unlock(shell)  # the right password is refused until the wait is over
    assert shell.workspace is None


def test_the_quick_check_beside_the_unlock_passes_once_audited_and_the_shell_stays(
        qtbot: QtBot, shell: Shell) -> None:
    unlock(shell)
    open_workspace(shell)
    runner = shell.runner
    assert isinstance(runner, ImmediateRunner)
    session = runner.backend.require()
    assert session.unlock_check_passed(timeout=60) is True
    qtbot.waitUntil(lambda: not shell._check_poll.isActive(), timeout=10_000)
    assert shell.workspace is not None  # a sound vault: the officer keeps working
    actions = [row[0] for row in session.ctx.conn.execute(
        "SELECT action FROM audit WHERE action LIKE 'integrity.%'")]
    assert actions == ["integrity.quick_check"]
