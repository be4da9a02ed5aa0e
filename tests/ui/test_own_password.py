"""Ganti kata sandi in the sidebar: the current password first, then the new one twice; the
new one opens the vault next time, the old one no longer does."""

from __future__ import annotations

import pytest

from PySide6.QtTest import QTest

from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from ui.dialogs.own_password import OwnPasswordDialog, PasswordChange
from ui.shell import Shell

NEW_PASSWORD = "lampu taman kota menyala sore"


class Answers:
    """Fills the dialog the way an officer types, then presses Simpan (if it is enabled)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, current: str) -> None:
        self.current = current
        self.enabled_before_current: list[bool] = []
        monkeypatch.setattr(OwnPasswordDialog, "ask_change", classmethod(self._ask))

    def _ask(self, cls: type[OwnPasswordDialog], parent: object, username: str,
             office_words: tuple[str, ...] = ()) -> PasswordChange | None:
        dialog = cls(username, None, office_words)
        QTest.keyClicks(dialog.first.edit, NEW_PASSWORD)
        QTest.keyClicks(dialog.second.edit, NEW_PASSWORD)
        self.enabled_before_current.append(dialog.ok.isEnabled())
        QTest.keyClicks(dialog.current.edit, self.current)
        change = dialog.change() if dialog.ok.isEnabled() else None
        dialog.deleteLater()
        return change


def test_an_officer_changes_her_own_password(shell: Shell,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    unlock(shell)
    box = open_workspace(shell).account
    answers = Answers(monkeypatch, helpers.KOORDINATOR_PASSWORD)
    box.password_button.click()
    assert answers.enabled_before_current == [False], "Simpan waits for the current password"
    assert box.status.text() == "Kata sandi sudah diganti."
    shell.lock()
    unlock(shell, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    assert shell.workspace is None and shell.unlock_page.message.text() == (
        "Nama pengguna atau kata sandi salah.")
    unlock(shell, helpers.KOORDINATOR, NEW_PASSWORD)
    assert shell.workspace is not None


def test_a_wrong_current_password_changes_nothing(
        shell: Shell, monkeypatch: pytest.MonkeyPatch, shown_errors: list[str]) -> None:
    unlock(shell)
    box = open_workspace(shell).account
    Answers(monkeypatch, "bukan kata sandi saya")
    box.password_button.click()
    assert shown_errors == ["Nama pengguna atau kata sandi salah."]
    assert box.status.text() == "" and box.password_button.isEnabled()
    shell.lock()
    unlock(shell)
    assert shell.workspace is not None
