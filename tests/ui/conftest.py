"""pytest-qt setup: offscreen by default (``--onscreen`` to watch), and a thread-leak guard."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest

from PySide6.QtCore import QThreadPool


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show widgets on a real screen")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = ""


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """A test that leaves pool work running fails here, by name, not in the next test."""
    yield
    assert QThreadPool.globalInstance().waitForDone(2000), "a QRunnable is still running"


import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

from pytestqt.qtbot import QtBot  # noqa: E402

from app.keys.kdf import FLOOR  # noqa: E402
from app.paths import VaultPaths  # noqa: E402
from app.services.vault import Vault  # noqa: E402
from tests import helpers  # noqa: E402
from ui import errors as ui_errors  # noqa: E402
from ui.backend import Backend  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.workers import ImmediateRunner  # noqa: E402
from ui.workspace import Workspace  # noqa: E402


@pytest.fixture
def ready_vault(tmp_path: Path) -> Vault:
    """A vault with its first koordinator, locked (as on any working day)."""
    vault = helpers.new_vault(tmp_path / "vault")
    session, _ = helpers.create_vault(vault)
    session.close()
    return vault


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal error boxes are captured instead of shown."""
    texts: list[str] = []
    monkeypatch.setattr(ui_errors.ErrorBox, "launch", lambda box: texts.append(box.text()))
    return texts


@pytest.fixture
def shell(qtbot: QtBot, ready_vault: Vault) -> Iterator[Shell]:
    """The main window on a ready vault, running vault jobs synchronously (no threads)."""
    window = Shell(ready_vault, ImmediateRunner(Backend(ready_vault)), idle_ms=60 * 60_000)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def unlock(shell: Shell, username: str = helpers.KOORDINATOR,
           password: str = helpers.KOORDINATOR_PASSWORD) -> None:
    page = shell.unlock_page
    page.username.setText(username)
    page.password.set_text(password)
    page.open_button.click()


def open_workspace(shell: Shell) -> Workspace:
    """The workspace of an unlocked shell (fails the test when locked)."""
    assert shell.workspace is not None, "the shell is locked"
    return shell.workspace


def check_model(qtmodeltester: object, model: object) -> None:
    """pytest-qt's model checker, typed for mypy."""
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def shell_on_copy(qtbot: QtBot, source: Path, target: Path) -> Shell:
    """A shell on a fresh copy of a prepared vault (seeding once per module saves Argon2id
    runs), jobs run synchronously, the vault's clock fixed at the test start."""
    shutil.copytree(source, target)
    vault = Vault(VaultPaths(target), clock=helpers.fake_clock(), kdf_params=FLOOR)
    window = Shell(vault, ImmediateRunner(Backend(vault)), idle_ms=60 * 60_000)
    qtbot.addWidget(window)
    window.show()
    return window
