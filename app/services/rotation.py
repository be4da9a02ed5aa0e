"""Replacing the database key (``rotate-key``) without ``PRAGMA rekey`` (SECURITY.md §2.4).

1. check the vault (pages, audit chain, key file) and audit the rotation;
2. ``sqlcipher_export`` into ``posko.db.rotasi`` under a fresh key, then open and verify it;
3. re-wrap every registered slot to the new key (public keys from the *database* registry) into
   ``posko.keys.rotasi``;
4. close the session (checkpoint: no ``-wal`` may remain), write the commit marker
   ``posko.rotasi``, then swap both files in; the key-file backup becomes a copy of the new
   generation (the previous one wraps the old key, which opens nothing any more).

A crash before the marker leaves the old vault (the side files are deleted at the next unlock);
a crash after it is rolled forward at the next unlock. Either the old or the new key opens the
vault, never neither. After the swap the old key opens nothing: the old file is gone.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from pathlib import Path

from app.errors import ErrorCode, KeyFileError, StorageError
from app.keys import keyfile, slots
from app.keys.keyfile import KeyFile
from app.paths import VaultPaths
from app.store.atomic import fsync_directory, write_atomic
from app.store.connection import (
    Connection,
    integrity_report,
    key_hex,
    key_pragma_value,
    open_database,
)
from app.store.migrations import current_version

_TABLES_SQL = ("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
               " AND name NOT LIKE 'case_search_%'")


def _side_files(paths: VaultPaths) -> list[os.PathLike[str]]:
    db = paths.rotation_db
    # The export writes the copy through a rollback journal: a kill leaves ``-journal`` too;
    # a kill inside ``write_atomic`` leaves its ``.tmp`` file.
    keys, marker = paths.rotation_keys, paths.rotation_marker
    return [db, *(db.with_name(db.name + suffix) for suffix in ("-journal", "-wal", "-shm")),
            keys, keys.with_name(keys.name + ".tmp"), marker.with_name(marker.name + ".tmp")]


def finish_interrupted(paths: VaultPaths) -> None:
    """Roll an interrupted rotation forward (marker written) or back (no marker)."""
    if paths.rotation_marker.exists():
        if paths.rotation_keys.exists():
            document = keyfile.parse(paths.rotation_keys.read_bytes())
            keyfile.save(document, paths.keys, paths.keys_backup)
            paths.rotation_keys.unlink()
        if paths.rotation_db.exists():
            os.replace(paths.rotation_db, paths.db)
        fsync_directory(paths.root)
        _backup_current_generation(paths)
        paths.rotation_marker.unlink()
        fsync_directory(paths.root)
        return
    for path in _side_files(paths):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def _backup_current_generation(paths: VaultPaths) -> None:
    """After the swap, the previous key-file generation wraps the old key, which opens nothing:
    the backup becomes a copy of the new generation, so a damaged ``posko.keys`` stays
    recoverable. Runs again after a crash until the marker is gone (idempotent).
    """
    try:
        current = paths.keys.read_bytes()
        keyfile.parse(current)
    except (OSError, KeyFileError):
        return  # the main file is unusable: keep whatever backup there is
    write_atomic(paths.keys_backup, current)


def row_counts(conn: Connection) -> dict[str, int]:
    names = [row[0] for row in conn.execute(_TABLES_SQL)]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in names}


def export_copy(conn: Connection, target: os.PathLike[str], new_key: bytearray) -> None:
    """``sqlcipher_export`` the open database into a new file under ``new_key``."""
    conn.execute(f"ATTACH DATABASE ? AS rotasi KEY {key_pragma_value(key_hex(new_key))}",
                 (os.fspath(target),))
    try:
        conn.execute("SELECT sqlcipher_export('rotasi')").fetchall()
    finally:
        conn.execute("DETACH DATABASE rotasi")


def verify_copy(path: os.PathLike[str], key: bytearray, expected: dict[str, int],
                version: int) -> None:
    """Open the copy, stamp its schema version, and check pages and row counts."""
    copy = open_database(Path(path), key)
    try:
        # sqlcipher_export does not carry PRAGMA user_version across.
        copy.execute(f"PRAGMA user_version = {int(version)}")
        sqlite_ok, cipher_ok = integrity_report(copy)
        if not (sqlite_ok and cipher_ok) or row_counts(copy) != expected:
            raise StorageError(ErrorCode.INTEGRITY_FAILED)
        copy.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        copy.close()


def rewrapped(document: KeyFile, registered: dict[str, bytes], new_key: bytearray) -> KeyFile:
    """Every registered slot opening to ``new_key``; unregistered slots are dropped."""
    kept = []
    for slot in document.slots:
        public = registered.get(slot.slot_id)
        if public is None:
            continue
        trusted = slot if slot.public_key == public else None
        if trusted is None:
            continue  # a public key swapped in the file: never wrap the new key to it
        kept.append(slots.rewrap(trusted, new_key, vault_id=document.vault_id))
    fresh = KeyFile(document.vault_id, document.generation + 1, document.kdf_target,
                    tuple(kept))
    return keyfile.sign(fresh, new_key)


def write_marker(paths: VaultPaths) -> None:
    write_atomic(paths.rotation_marker, json.dumps({"state": "commit"}).encode("ascii"))


def new_key() -> bytearray:
    return bytearray(secrets.token_bytes(32))


def prepare(conn: Connection, paths: VaultPaths, document: KeyFile,
            registered: dict[str, bytes], key: bytearray) -> None:
    """Steps 2–3: the new database and key file as side files, verified."""
    finish_interrupted(paths)  # no marker here: clears stale side files
    expected = row_counts(conn)
    export_copy(conn, paths.rotation_db, key)
    verify_copy(paths.rotation_db, key, expected, current_version(conn))
    write_atomic(paths.rotation_keys, keyfile.serialize(rewrapped(document, registered, key)))


def commit(paths: VaultPaths) -> None:
    """Step 4 after the session has closed: marker, then swap. Aborts if a WAL is left."""
    wal = paths.db.with_name(paths.db.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        finish_interrupted(paths)  # no marker yet: rolls back
        raise StorageError(ErrorCode.VAULT_BUSY)
    write_marker(paths)
    finish_interrupted(paths)
