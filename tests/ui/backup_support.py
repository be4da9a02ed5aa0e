"""Shared setup for the backup, restore and key-rotation UI tests (real vaults on disk)."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.backup import container
from app.clock import FakeClock
from app.keys.kdf import FLOOR
from app.paths import VaultPaths
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from ui.backend import Backend
from ui.backup.backup_tab import BackupTab
from ui.backup.choosers import BackupFileDialog, BackupFolderDialog
from ui.backup.restore_dialog import RestoreDialog
from ui.context import PageName
from ui.pages.data import DataPage
from ui.setup.confirm_dialog import ConfirmDialog
from ui.shell import Shell
from ui.workers import DoneCallback, ErrorCallback, ImmediateRunner, Job


@dataclass(frozen=True)
class Prepared:
    """A closed vault (koordinator + ``cases`` cases) and its recovery code."""

    root: Path
    code: str


def prepare_vault(root: Path, cases: int = 1) -> Prepared:
    vault = helpers.new_vault(root)
    session, code = helpers.create_vault(vault)
    for number in range(cases):
        session.cases.create(helpers.minimal_intake(name=f"Korban Cadangan {number}"))
    session.close()
    return Prepared(root, code)


@dataclass(frozen=True)
class Source:
    """A closed vault and a verified backup of it on a "flashdisk"."""

    prepared: Prepared
    backup: Path


def backed_up(root: Path, cases: int) -> Source:
    """Under ``root``: the vault (``vault/``, ``cases`` cases) and its backup (``flashdisk/``)."""
    prepared = prepare_vault(root / "vault", cases=cases)
    flashdisk = root / "flashdisk"
    flashdisk.mkdir()
    with helpers.new_vault(prepared.root).unlock(helpers.KOORDINATOR,
                                                 helpers.KOORDINATOR_PASSWORD) as session:
        record = session.backups.create(flashdisk)
    return Source(prepared, flashdisk / record.file_name)


@dataclass
class Office:
    """A shell on a copy of a prepared vault, its clock and its DB-thread backend."""

    shell: Shell
    vault: Vault
    clock: FakeClock
    backend: Backend
    runner: ImmediateRunner | DeferredRunner

    def session(self) -> Session:
        """The shell's open session (for test setup only)."""
        return self.backend.require()


def open_office(qtbot: QtBot, source: Path | None, target: Path, *,
                deferred: bool = False) -> Office:
    """Copy ``source`` to ``target`` (``None``: an empty folder, a fresh PC) and show a shell.

    Jobs run at once, or (``deferred``) only when the test calls ``runner.run_pending()``.
    """
    if source is not None:
        shutil.copytree(source, target)
    clock = helpers.fake_clock()
    vault = Vault(VaultPaths(target), clock=clock, kdf_params=FLOOR)
    backend = Backend(vault)
    runner = DeferredRunner(backend) if deferred else ImmediateRunner(backend)
    shell = Shell(vault, runner, idle_ms=60 * 60_000)
    qtbot.addWidget(shell)
    shell.show()
    return Office(shell, vault, clock, backend, runner)


def settle(office: Office) -> None:
    if isinstance(office.runner, DeferredRunner):
        office.runner.run_pending()


def backup_tab(office: Office) -> BackupTab:
    """Unlocked as the koordinator, on Data & Cadangan → Cadangan (its history loaded)."""
    if office.shell.workspace is None:
        unlock(office.shell)
        settle(office)
    workspace = open_workspace(office.shell)
    workspace.show_page(PageName.DATA, tab="cadangan")
    settle(office)
    page = workspace.page(PageName.DATA)
    assert isinstance(page, DataPage)
    return page.backup


def choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(BackupFolderDialog, "ask",
                        classmethod(lambda cls, parent: folder))


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(BackupFileDialog, "ask",
                        classmethod(lambda cls, parent: path))


class Questions:
    """Captures ConfirmDialog questions and answers them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: bool = True) -> None:
        self.asked: list[tuple[str, str]] = []
        self.answer = answer
        monkeypatch.setattr(ConfirmDialog, "ask",
                            classmethod(self._ask))

    def _ask(self, cls: type, parent: object, title: str, text: str, confirm_text: str, *,
             danger: bool = False) -> bool:
        self.asked.append((title, text))
        return self.answer


Driver = Callable[[RestoreDialog], bool]


class RestoreDriver:
    """Replaces ``RestoreDialog.launch``: drives the real dialog, remembers what it saw."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, drive: Driver) -> None:
        self.dialogs: list[RestoreDialog] = []
        self._drive = drive
        monkeypatch.setattr(RestoreDialog, "launch",
                            staticmethod(self._launch))

    def _launch(self, dialog: RestoreDialog) -> bool:
        self.dialogs.append(dialog)
        return self._drive(dialog)


def open_with_code(dialog: RestoreDialog, code: str) -> None:
    """Choose the file (seam), switch to the recovery code, type it, press "Buka cadangan"."""
    dialog.choose_button.click()
    dialog.form.recovery_mode.click()
    dialog.form.code.setText(code)
    dialog.open_button.click()


def open_with_password(dialog: RestoreDialog, username: str, password: str) -> None:
    dialog.choose_button.click()
    dialog.form.password_mode.click()
    dialog.form.username.setText(username)
    dialog.form.password.set_text(password)
    dialog.open_button.click()


def backups_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.poskobak"))


def case_codes(vault: Vault) -> list[str]:
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        return sorted(summary.code for summary in session.cases.summaries())


class DeferredRunner:
    """Holds jobs until ``run_pending`` (to see a screen while its job is still running)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.pending: list[tuple[Job, DoneCallback | None, ErrorCallback | None]] = []
        self.results: list[object] = []

    def run(self, job: Job, on_done: DoneCallback | None = None,
            on_error: ErrorCallback | None = None) -> None:
        self.pending.append((job, on_done, on_error))

    def run_pending(self) -> None:
        while self.pending:
            job, on_done, on_error = self.pending.pop(0)
            ImmediateRunner(self.backend).run(job, self._recording(on_done), on_error)

    def _recording(self, on_done: DoneCallback | None) -> DoneCallback:
        def deliver(result: object) -> None:
            self.results.append(result)
            if on_done is not None:
                on_done(result)

        return deliver

    def shutdown(self) -> None:
        self.backend.lock("exit")


def corrupt_database_member(source: Path, target: Path) -> None:
    """A copy whose ZIP checksums are fine but whose database page is damaged: it opens (the
    manifest is intact) and fails only the full check."""
    with zipfile.ZipFile(source) as archive:
        members = [(name, archive.read(name)) for name in archive.namelist()]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in members:
            if name == container.DATABASE:
                damaged = bytearray(data)
                damaged[3 * 4096 + 200] ^= 0xFF
                data = bytes(damaged)
            archive.writestr(name, data)


def flip_bytes(path: Path) -> None:
    """Damage the file in place (the ZIP checksums no longer match)."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 16] = bytes(b ^ 0xFF for b in data[middle:middle + 16])
    path.write_bytes(bytes(data))


def zeroed(key: bytearray) -> bool:
    return len(key) > 0 and not any(key)
