"""Child process for ``test_intake_crash``, and the intake-driving helpers the tests share.

Usage::

    python -m tests.ui.intake_crash_child VAULT_DIR

Builds the real main window (offscreen, vault jobs run synchronously) on the vault in
``VAULT_DIR``, unlocks as the koordinator, starts an intake, types a sentinel victim name on
the korban step and a sentinel chronology on the kejadian step, runs the page's autosave slot,
prints ``saved`` (flushed) and then waits forever in the event loop — until the parent kills it.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from tests import helpers
from ui.backend import Backend
from ui.context import PageName
from ui.intake.form_state import plain
from ui.intake.intake_form import IntakeForm
from ui.pages.intake import IntakePage
from ui.shell import Shell
from ui.widgets.choices import EnumCombo, YesNoCombo
from ui.workers import ImmediateRunner

SENTINEL_NAME = "Korban Sentinel Tujuh"
SENTINEL_STORY = "Kronologi sentinel: pesan datang tengah malam."
HOUR_MS = 60 * 60_000


def intake_page(shell: Shell) -> IntakePage:
    assert shell.workspace is not None, "the shell is locked"
    page = shell.workspace.page(PageName.PENGADUAN_BARU)
    assert isinstance(page, IntakePage)
    return page


def start_intake(shell: Shell) -> IntakePage:
    """Pengaduan Baru from the navigator, as the Beranda button does."""
    assert shell.workspace is not None, "the shell is locked"
    shell.workspace.new_intake()
    return intake_page(shell)


def form_of(page: IntakePage) -> IntakeForm:
    assert page.form is not None, "no intake is open"
    return page.form


def next_steps(page: IntakePage, count: int = 1) -> None:
    for _ in range(count):
        page.next_button.click()


def pick(combo: QComboBox, value: Enum | bool | str | None) -> None:
    """Choose an entry of a drop-down (it moves the current index, as the keyboard does)."""
    if isinstance(combo, YesNoCombo):
        assert value is None or isinstance(value, bool)
        combo.set_value(value)
        return
    if isinstance(combo, EnumCombo):
        assert value is None or isinstance(value, Enum)
        combo.set_value(value)
        assert combo.value() is value, f"{value!r} is not offered"
        return
    for index in range(combo.count()):
        if plain(combo.itemData(index)) == plain(value):
            combo.setCurrentIndex(index)
            return
    raise AssertionError(f"{value!r} is not offered")


def type_into(widget: QWidget, text: str) -> None:
    """Real key presses into a line edit or text box (after emptying it)."""
    clear = getattr(widget, "clear", None)
    if clear is not None:
        clear()
    for number, line in enumerate(text.split("\n")):
        if number:
            QTest.keyClick(widget, Qt.Key.Key_Return)
        QTest.keyClicks(widget, line)


def unlock(shell: Shell, username: str = helpers.KOORDINATOR,
           password: str = helpers.KOORDINATOR_PASSWORD) -> None:
    page = shell.unlock_page
    page.username.setText(username)
    page.password.set_text(password)
    page.open_button.click()


def run(folder: Path) -> None:
    app = QApplication([])
    vault = helpers.new_vault(folder)
    shell = Shell(vault, ImmediateRunner(Backend(vault)), idle_ms=HOUR_MS)
    shell.show()
    unlock(shell)
    page = start_intake(shell)
    next_steps(page, 2)
    type_into(form_of(page).victim.full_name, SENTINEL_NAME)
    next_steps(page)
    type_into(form_of(page).incident.chronology, SENTINEL_STORY)
    page.autosave()
    sys.stdout.write("saved\n")
    sys.stdout.flush()
    app.exec()  # until SIGKILL


if __name__ == "__main__":
    run(Path(sys.argv[1]))
