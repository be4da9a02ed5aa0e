"""Putting a backup in place of the vault folder — or onto a fresh PC — atomically.

The backup is staged beside the vault (``<vault>.pemulihan``) and checked there; then a marker
is written and two renames follow: the current vault becomes a safety copy
(``<vault>.sebelum-pemulihan-<time>``), the staged folder becomes the vault. A crash before the
marker leaves the old vault (the staging is cleared next time); after it, the next start
finishes the swap. Either way one complete vault is in place.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import filelock

from app.audit import AuditLog
from app.backup import container
from app.backup.files import OpenedBackup, check_database
from app.clock import Clock
from app.errors import AppError, ErrorCode, StorageError
from app.keys import keyfile
from app.paths import VaultPaths
from app.store.atomic import fsync_directory, os_error, write_atomic
from app.store.connection import open_database
from app.store.tx import write_transaction


def _staging(paths: VaultPaths) -> Path:
    return paths.root.with_name(paths.root.name + ".pemulihan")


def _marker(paths: VaultPaths) -> Path:
    return paths.root.with_name(paths.root.name + ".pemulihan.json")


def finish_interrupted(paths: VaultPaths) -> None:
    """Complete a committed swap, or drop an uncommitted staging folder."""
    marker, staging = _marker(paths), _staging(paths)
    if marker.exists():
        if staging.exists():
            if paths.root.exists():
                safety = json.loads(marker.read_text("ascii"))["safety"]
                os.replace(paths.root, paths.root.with_name(safety))
            os.replace(staging, paths.root)
        marker.unlink()
        fsync_directory(paths.root.parent)
    elif staging.exists():
        shutil.rmtree(staging, ignore_errors=True)


def _stage(opened: OpenedBackup, staging: Path, clock: Clock, restorer: str | None) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    if os.name == "posix":
        os.chmod(staging, 0o700)
    paths = VaultPaths(staging)
    container.extract_database(opened.path, paths.db)
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
        StorageError: ``VAULT_BUSY`` when the vault is open in another program.
        AppError: ``BACKUP_CORRUPT`` / ``BACKUP_VERIFY_FAILED`` — nothing changed.
    """
    finish_interrupted(paths)
    staging = _staging(paths)
    try:
        with _vault_not_in_use(paths):
            _stage(opened, staging, clock, restorer)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise os_error(exc) from None
    except AppError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    safety = f"{paths.root.name}.sebelum-pemulihan-{clock.now():%Y%m%d-%H%M%S}"
    had_vault = paths.root.exists()
    write_atomic(_marker(paths), json.dumps({"state": "commit", "safety": safety}).encode())
    finish_interrupted(paths)
    return paths.root.with_name(safety) if had_vault else None


@contextlib.contextmanager
def _vault_not_in_use(paths: VaultPaths) -> Iterator[None]:
    """Refuse while a session (this app or the CLI) holds the vault."""
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
