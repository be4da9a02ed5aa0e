"""Putting a backup in place of the vault — or onto a fresh PC — so that a crash at any point
leaves one complete vault.

The backup is staged beside the vault (``<vault>.pemulihan``) and checked there, under the
vault's lock: no session of this app or the CLI is open meanwhile. Then a commit marker
(``<vault>.pemulihan.json``) is written and the files move in two phases, each recorded in the
marker and repeatable: the current vault's files into a safety folder
(``<vault>.sebelum-pemulihan-<time>``), then the staged files into the vault folder. The vault
folder itself never moves, nor does its lock file, so a lock held by whoever finishes the swap
(an unlock looks for an unfinished restore after taking the lock) stays a lock on the vault.

A crash before the marker leaves the old vault (the staging is dropped next time); after it,
the next :meth:`Vault.state` finishes the swap (:mod:`app.backup.interrupted`). A restore in
progress holds a lock inside its staging folder, so another program's ``Vault.state()``
neither drops that staging nor races it through the swap.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import filelock

from app.audit import AuditLog
from app.backup import container, interrupted
from app.backup.files import OpenedBackup, check_database
from app.clock import Clock
from app.errors import ErrorCode, StorageError
from app.keys import keyfile
from app.paths import VaultPaths
from app.store.atomic import os_error, write_atomic
from app.store.connection import DatabaseError, as_storage_error, open_database
from app.store.tx import write_transaction


def _stage(opened: OpenedBackup, staging: Path, clock: Clock, restorer: str | None) -> None:
    paths = VaultPaths(staging)
    container.extract_database(opened.path, paths.db)
    if os.name == "posix":
        os.chmod(paths.db, 0o600)  # as a vault made here (the folder is 0700 too)
    keyfile.save(opened.keys, paths.keys, paths.keys_backup)
    check_database(paths.db, opened.db_key, opened.manifest)
    _audit_restore(paths, opened, clock, restorer)


def _audit_restore(paths: VaultPaths, opened: OpenedBackup, clock: Clock,
                   restorer: str | None) -> None:
    """The restored vault's own log records the restore (after the digest was checked)."""
    conn = open_database(paths.db, opened.db_key)
    try:
        meta = dict(conn.execute("SELECT key, value FROM vault_meta").fetchall())
        row = conn.execute("SELECT id FROM users WHERE username = ?",
                           (restorer or "",)).fetchone()
        with write_transaction(conn):
            AuditLog(conn, bytes.fromhex(meta["audit_key"]), clock).append(
                "vault.restore", actor=None if row is None else int(row[0]),
                detail={"file": _safe_name(opened.path.name),
                        "backup_created": opened.header.created_at,
                        "via": "password" if row is not None else "recovery"})
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()


def _safe_name(name: str) -> str:
    """File names go into the audit log, which takes code characters only."""
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "_"
                   for ch in name)[:80]


def restore(opened: OpenedBackup, paths: VaultPaths, clock: Clock,
            restorer: str | None = None) -> Path | None:
    """Replace (or create) the vault from the backup; returns the safety copy, if any.

    Raises:
        StorageError: ``VAULT_BUSY`` when the vault is open (or being restored) in another
            program; ``DISK_FULL`` / ``READ_ONLY`` — nothing changed.
        AppError: ``BACKUP_CORRUPT`` / ``BACKUP_VERIFY_FAILED`` — nothing changed.
    """
    interrupted.finish_interrupted(paths)
    with _vault_not_in_use(paths), _staged(paths) as staging:
        _stage(opened, staging, clock, restorer)
        had_vault = bool(interrupted.movable(paths.root, paths))
        safety = _free_safety_name(paths, clock)
        write_atomic(interrupted.marker_path(paths),
                     interrupted.marker_bytes(interrupted.ASIDE, safety))
        interrupted.complete(paths)
    interrupted.clean_up(paths)
    return paths.root.with_name(safety) if had_vault else None


def _free_safety_name(paths: VaultPaths, clock: Clock) -> str:
    base = f"{paths.root.name}.sebelum-pemulihan-{clock.now():%Y%m%d-%H%M%S}"
    name, number = base, 2
    while paths.root.with_name(name).exists():
        name, number = f"{base}-{number}", number + 1
    return name


@contextlib.contextmanager
def _staged(paths: VaultPaths) -> Iterator[Path]:
    """A fresh staging folder, guarded; dropped again if anything fails before the marker."""
    staging = interrupted.staging_path(paths)
    if staging.exists():  # finish_interrupted left it: another program is restoring
        raise StorageError(ErrorCode.VAULT_BUSY)
    guard = interrupted.guard(paths)
    try:
        staging.mkdir(mode=0o700)
        guard.acquire()
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise os_error(exc) from None
    try:
        yield staging
    except BaseException as exc:
        guard.release()
        if not interrupted.marker_path(paths).exists():
            shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise os_error(exc) from None
        if isinstance(exc, DatabaseError):  # writing the restore's audit row
            raise as_storage_error(exc) from None
        raise
    guard.release()


@contextlib.contextmanager
def _vault_not_in_use(paths: VaultPaths) -> Iterator[None]:
    """Hold the vault's lock: refuse while a session (this app or the CLI) has it open."""
    if not paths.root.exists():
        paths.root.parent.mkdir(parents=True, exist_ok=True)
        yield None
        return
    lock = filelock.FileLock(str(paths.lock_file), timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise StorageError(ErrorCode.VAULT_BUSY) from None
    try:
        yield None
    finally:
        lock.release()
