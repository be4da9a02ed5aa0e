"""Opening, checking and restoring a ``.poskobak`` file (no session of the live vault needed).

A backup opens like a vault: with an officer's password (that officer's slot in the backup's
own key file) or the recovery code. Checking it means: the archive's CRCs, the sealed manifest,
then the database itself — extracted (still encrypted) beside the vault, opened with SQLCipher,
both integrity checks, and the content digest equal to the manifest.
"""

from __future__ import annotations

import contextlib
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from app.backup import container
from app.backup.digest import content_digest
from app.errors import AppError, AuthError, ErrorCode, KeyFileError, StorageError
from app.keys import kdf, keyfile, recovery, slots
from app.keys.keyfile import KeyFile
from app.keys.slots import SlotKind
from app.store.atomic import os_error
from app.store.connection import DatabaseError, integrity_report, open_database

#: Errors writing the scratch copy (a full or read-only work folder), not a damaged backup.
_WRITE_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM)


@dataclass
class OpenedBackup:
    path: Path
    header: container.Header
    manifest: container.Manifest
    keys: KeyFile
    db_key: bytearray

    def close(self) -> None:
        slots.wipe(self.db_key)


def _keyfile(path: Path) -> KeyFile:
    """The backup's own key file; a damaged one means a damaged backup (the vault's key file
    is not involved, so its "posko.keys rusak" message would mislead)."""
    try:
        return keyfile.parse(container.read_member(path, container.KEYS))
    except KeyFileError:
        raise AppError(ErrorCode.BACKUP_CORRUPT) from None


def _opened(path: Path, header: container.Header, keys: KeyFile,
            db_key: bytearray) -> OpenedBackup:
    blob = container.read_member(path, container.MANIFEST)
    return OpenedBackup(path, header, container.unseal(blob, header, db_key), keys, db_key)


def open_with_password(path: Path, username: str, password: str) -> OpenedBackup:
    """Unlock a backup with an officer's password as it was when the backup was made."""
    header = container.read_header(path)
    keys = _keyfile(path)
    slot = keys.password_slot(username.strip().lower())
    if slot is None:
        raise AuthError(ErrorCode.WRONG_CREDENTIALS)
    db_key = slots.open_slot(slot, kdf.password_bytes(password), vault_id=keys.vault_id)
    return _opened(path, header, keys, db_key)


def open_with_recovery(path: Path, code: str) -> OpenedBackup:
    header = container.read_header(path)
    keys = _keyfile(path)
    slot = keys.recovery_slot()
    if slot is None or slot.kind is not SlotKind.RECOVERY:
        raise AuthError(ErrorCode.RECOVERY_CODE_WRONG)
    try:
        db_key = slots.open_slot(slot, recovery.decode(code), vault_id=keys.vault_id)
    except AuthError:
        raise AuthError(ErrorCode.RECOVERY_CODE_WRONG) from None
    return _opened(path, header, keys, db_key)


def check_database(database: Path, db_key: bytearray, manifest: container.Manifest) -> None:
    """Both integrity checks, then the content digest, of an extracted database.

    Raises:
        AppError: ``BACKUP_VERIFY_FAILED`` for any damage — a page that fails its HMAC, a
            first page that no longer opens, rows that differ from the sealed manifest.
    """
    try:
        conn = open_database(database, db_key)
    except StorageError:  # NOT_A_VAULT_DB, INTEGRITY_FAILED: the copy, not the vault
        raise AppError(ErrorCode.BACKUP_VERIFY_FAILED) from None
    try:
        if integrity_report(conn) != (True, True):
            raise AppError(ErrorCode.BACKUP_VERIFY_FAILED)
        found = content_digest(conn)
    except DatabaseError:
        raise AppError(ErrorCode.BACKUP_VERIFY_FAILED) from None
    finally:
        conn.close()
    if found.sha256 != manifest.digest:
        raise AppError(ErrorCode.BACKUP_VERIFY_FAILED)


def verify(opened: OpenedBackup, work: Path) -> None:
    """Check the whole backup; ``work`` is a folder for the extracted (encrypted) database.

    Besides the database, every key slot must be as the backup made it (the slots' MAC under
    the database key): a damaged slot may still open nothing or the wrong officer's way in.
    A restore needs only the database sound — the vault drops a damaged slot at its first
    unlock — so that one bad slot never costs the office its data.
    """
    if not keyfile.mac_valid(opened.keys, opened.db_key):
        raise AppError(ErrorCode.BACKUP_VERIFY_FAILED)
    scratch = work / "posko.db.verifikasi"
    try:
        container.extract_database(opened.path, scratch)
        check_database(scratch, opened.db_key, opened.manifest)
    except OSError as exc:
        if exc.errno in _WRITE_ERRORS:
            raise os_error(exc) from None
        raise AppError(ErrorCode.BACKUP_CORRUPT) from None
    finally:
        remove_database_files(scratch)


def remove_database_files(database: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{database}{suffix}")
