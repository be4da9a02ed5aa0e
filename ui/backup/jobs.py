"""DB-thread jobs of the Cadangan tab and the restore dialog. Each returns plain data.

Opening a backup needs no session (the backup has its own key file), but it runs through the
runner anyway: Argon2id takes seconds and must not freeze the window.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.backup import files
from app.backup.files import OpenedBackup
from app.services.backup import BackupRecord
from app.services.session import Session
from ui.backend import Backend


@dataclass(frozen=True)
class BackupOverview:
    """What the tab shows: the verified backups, newest first, and the reminder."""

    history: tuple[BackupRecord, ...]
    #: Older than the retention period: they may still hold destroyed cases.
    stale: frozenset[BackupRecord]
    reminder_due: bool
    reminder_days: int
    retention_years: int

    @property
    def last_good(self) -> BackupRecord | None:
        return self.history[0] if self.history else None


@dataclass(frozen=True)
class BackupMade:
    path: Path
    record: BackupRecord
    #: The target is on the same disk as the data: a dead disk would take both.
    same_disk: bool
    overview: BackupOverview


class BackupInsideVault(Exception):
    """The chosen folder is the data folder itself (or inside it): refused before writing."""


class BackupProgress:
    """Written by the job (DB thread), read by the tab's timer (GUI thread): one int."""

    def __init__(self) -> None:
        self.percent = 0

    def report(self, percent: int) -> None:
        self.percent = percent


def _overview(session: Session) -> BackupOverview:
    backups = session.backups
    office = session.office()
    return BackupOverview(tuple(backups.history()), frozenset(backups.stale()),
                          backups.reminder_due(), office.backup_reminder_days,
                          office.retention_years)


def load(backend: Backend) -> BackupOverview:
    return _overview(backend.require())


def _inside(folder: Path, root: Path) -> bool:
    folder, root = folder.resolve(), root.resolve()
    return folder == root or root in folder.parents


def _same_disk(folder: Path, root: Path) -> bool:
    try:
        return os.stat(folder).st_dev == os.stat(root).st_dev
    except OSError:
        return False


def create(folder: Path, progress: BackupProgress) -> Callable[[Backend], BackupMade]:
    def job(backend: Backend) -> BackupMade:
        session = backend.require()
        root = backend.vault.paths.root
        if folder.is_dir() and _inside(folder, root):
            raise BackupInsideVault()
        record = session.backups.create(folder, progress.report)
        return BackupMade(folder / record.file_name, record, _same_disk(folder, root),
                          _overview(session))

    return job


# --- the restore dialog --------------------------------------------------------------------


@dataclass(frozen=True)
class PasswordCredentials:
    """An officer's password as it was when the backup was made."""

    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class RecoveryCredentials:
    code: str = field(repr=False)


Credentials = PasswordCredentials | RecoveryCredentials


def open_backup(path: Path, credentials: Credentials) -> Callable[[Backend], OpenedBackup]:
    """Unlock the backup file; the caller owns the result and must ``close()`` it."""

    def job(backend: Backend) -> OpenedBackup:
        del backend
        if isinstance(credentials, PasswordCredentials):
            return files.open_with_password(path, credentials.username, credentials.password)
        return files.open_with_recovery(path, credentials.code)

    return job


def work_folder(backend: Backend, opened: OpenedBackup) -> Path:
    """Beside the vault folder (same disk as the restore will use); on a fresh PC whose data
    folder's parent does not exist yet, the backup's own folder."""
    parent = backend.vault.paths.root.parent
    return parent if parent.is_dir() else opened.path.parent


def verify(opened: OpenedBackup) -> Callable[[Backend], None]:
    """The archive, the sealed manifest, both integrity checks and the content digest."""

    def job(backend: Backend) -> None:
        files.verify(opened, work_folder(backend, opened))

    return job
