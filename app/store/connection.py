"""Opening a SQLCipher 4 database safely (SECURITY.md §2.2).

Every connection in the product is made here. The sequence matters: logging is silenced and
memory wiping switched on process-wide before the first key is used; the key is a raw 32-byte
key (never a passphrase); then each safety setting is applied *and read back*, and the process
refuses to continue when any of them does not hold. A plain SQLite build would silently ignore
``PRAGMA key`` and write plaintext, so the build itself is checked too.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from app.errors import ErrorCode, StorageError
from app.store import wal_check

Connection = Any  # sqlcipher3 ships no type information; this alias documents intent.
DatabaseError = sqlcipher3.DatabaseError
OperationalError = sqlcipher3.OperationalError

KEY_BYTES = 32
PLAINTEXT_HEADER = b"SQLite format 3\x00"
_HEX_KEY = re.compile(r"[0-9a-f]{64}")
_process_ready = threading.Lock()
_process_initialised = False


def key_pragma_value(key_hex: str) -> str:
    """The quoted raw-key literal for ``PRAGMA key``; anything but 64 lowercase hex is refused.

    The key text is spliced into SQL (PRAGMA takes no parameters), so this is the only gate
    between key material and the SQL parser.
    """
    if not isinstance(key_hex, str) or _HEX_KEY.fullmatch(key_hex) is None:
        raise StorageError(ErrorCode.INVALID_KEY_MATERIAL)
    return f"\"x'{key_hex}'\""


def key_hex(key: bytes | bytearray) -> str:
    if len(key) != KEY_BYTES:
        raise StorageError(ErrorCode.INVALID_KEY_MATERIAL)
    return bytes(key).hex()


def prepare_process() -> None:
    """Silence SQLCipher's stderr logging and enable memory wiping, once per process.

    Both pragmas are process-global. ``cipher_log_level = NONE`` stops the ``hmac check failed``
    lines a wrong key would print; ``cipher_memory_security = ON`` must precede the first key.
    """
    global _process_initialised
    with _process_ready:
        if _process_initialised:
            return
        scratch = sqlcipher3.connect(":memory:")
        try:
            scratch.execute("PRAGMA cipher_log_level = NONE")
            scratch.execute("PRAGMA cipher_memory_security = ON")
        finally:
            scratch.close()
        _process_initialised = True


@dataclass(frozen=True)
class Readings:
    """What the connection reported back after configuration; checked by :func:`check_readings`."""

    cipher_version: str
    cipher_provider: str
    compile_options: frozenset[str]
    journal_mode: str
    synchronous: int
    temp_store: int
    cipher_memory_security: int
    cipher_log_level: str
    foreign_keys: int
    header: bytes


def check_readings(r: Readings) -> None:
    """Refuse to run unless every safety property holds (SECURITY.md test S11).

    Raises:
        StorageError: ``UNSAFE_SQLCIPHER`` naming the first failed property, or
            ``PLAINTEXT_DATABASE`` when the file on disk is plain SQLite.
    """
    if r.header.startswith(PLAINTEXT_HEADER):
        raise StorageError(ErrorCode.PLAINTEXT_DATABASE)
    temp_store_option = {"TEMP_STORE=2", "TEMP_STORE=3"} & r.compile_options
    checks: Mapping[str, bool] = {
        "cipher_version": r.cipher_version.startswith("4."),
        "cipher_provider": r.cipher_provider == "openssl",
        "has_codec": "HAS_CODEC" in r.compile_options,
        "temp_store_option": bool(temp_store_option),
        "journal_mode": r.journal_mode == "wal",
        "synchronous": r.synchronous == 2,
        "temp_store": r.temp_store == 2,
        "cipher_memory_security": r.cipher_memory_security == 1,
        "cipher_log_level": r.cipher_log_level.upper() == "NONE",
        "foreign_keys": r.foreign_keys == 1,
    }
    for name, ok in checks.items():
        if not ok:
            raise StorageError(ErrorCode.UNSAFE_SQLCIPHER, setting=name)


def _scalar(conn: Connection, sql: str) -> Any:
    row = conn.execute(sql).fetchone()
    return None if row is None else row[0]


def _read_back(conn: Connection, path: Path) -> Readings:
    with path.open("rb") as handle:
        header = handle.read(16)
    options = frozenset(row[0] for row in conn.execute("PRAGMA compile_options"))
    return Readings(
        cipher_version=str(_scalar(conn, "PRAGMA cipher_version") or ""),
        cipher_provider=str(_scalar(conn, "PRAGMA cipher_provider") or ""),
        compile_options=options,
        journal_mode=str(_scalar(conn, "PRAGMA journal_mode")),
        synchronous=int(_scalar(conn, "PRAGMA synchronous")),
        temp_store=int(_scalar(conn, "PRAGMA temp_store")),
        cipher_memory_security=int(_scalar(conn, "PRAGMA cipher_memory_security")),
        cipher_log_level=str(_scalar(conn, "PRAGMA cipher_log_level") or ""),
        foreign_keys=int(_scalar(conn, "PRAGMA foreign_keys")),
        header=header,
    )


def _apply_key(conn: Connection, key: bytes | bytearray) -> None:
    conn.execute("PRAGMA key = " + key_pragma_value(key_hex(key)))
    # Pin the format so a future SQLCipher 5 wheel still opens our files; never change cipher
    # settings after keying (sqlcipher/sqlcipher#525).
    conn.execute("PRAGMA cipher_compatibility = 4")


def open_database(path: Path, key: bytes | bytearray, *, create: bool = False,
                  defer_quick_check: bool = False) -> Connection:
    """Open (or create) the encrypted database at ``path`` with a raw 32-byte key.

    Args:
        path: the ``posko.db`` file.
        key: the database key; the caller keeps and wipes its own copy.
        create: allow creating a new file; otherwise a missing file is an error.
        defer_quick_check: skip the whole-file ``quick_check`` here because the caller runs it
            beside the session (:mod:`app.store.quick_check`); the WAL check and the key probe
            still run first.

    Returns:
        A configured connection in autocommit mode (transactions are explicit).

    Raises:
        StorageError: ``VAULT_MISSING``, ``NOT_A_VAULT_DB`` (wrong key, other cipher settings,
            plaintext or a corrupt first page), ``UNSAFE_SQLCIPHER`` or ``INTEGRITY_FAILED``.
    """
    prepare_process()
    key_hex(key)  # refuse bad key material before SQLite creates any file
    _check_file(path, create)
    if path.exists():
        _check_health(path, key, quick_check=not defer_quick_check)
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
    except sqlcipher3.Error as exc:
        raise _storage_error(exc) from None
    try:
        _configure(conn, key, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _check_file(path: Path, create: bool) -> None:
    """Refuse before SQLite touches the file: missing, empty or plaintext."""
    if not create and not path.exists():
        raise StorageError(ErrorCode.VAULT_MISSING)
    if not create and path.stat().st_size == 0:
        # SQLite would treat an empty file as a new database and write into it.
        raise StorageError(ErrorCode.NOT_A_VAULT_DB)
    if path.exists() and _has_plaintext_header(path):
        raise StorageError(ErrorCode.PLAINTEXT_DATABASE)


def _has_plaintext_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16).startswith(PLAINTEXT_HEADER)


def _check_health(path: Path, key: bytes | bytearray, *, quick_check: bool) -> None:
    """The key fits and the file is sound, checked before any writable connection exists.

    When the last connection closes, SQLite folds the WAL into the database and deletes it —
    after a failed check too — which would overwrite a damaged vault (SECURITY.md §2.3: never
    "repair", offer restore). A read-only connection never does that.
    """
    wal_check.check(path)
    conn = open_read_only(path, key)
    try:
        if quick_check:
            run_quick_check(conn)
    finally:
        conn.close()


def open_read_only(path: Path, key: bytes | bytearray, *,
                   check_same_thread: bool = True) -> Connection:
    """A keyed read-only connection whose first read succeeded (it never checkpoints).

    Raises:
        StorageError: ``NOT_A_VAULT_DB`` for a wrong key or a damaged first page, otherwise
            as :func:`read_failure`.
    """
    prepare_process()
    try:
        conn = sqlcipher3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                  isolation_level=None, check_same_thread=check_same_thread)
    except sqlcipher3.Error as exc:
        raise _storage_error(exc) from None
    try:
        _apply_key(conn, key)
        _probe(conn)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlcipher3.Error):
            raise read_failure(exc) from None
        raise
    return conn


def run_quick_check(conn: Connection) -> None:
    """``PRAGMA quick_check`` over the whole file; raises ``INTEGRITY_FAILED`` unless ``ok``."""
    try:
        result = _scalar(conn, "PRAGMA quick_check")
    except sqlcipher3.Error as exc:
        raise read_failure(exc) from None
    if result != "ok":
        raise StorageError(ErrorCode.INTEGRITY_FAILED)


def read_failure(exc: Exception) -> StorageError:
    """A driver error while reading with a key that fitted: damage, unless the disk said why.

    A failure to read (e.g. "vtable constructor failed" for a damaged search-index page) is
    damage, not a failed save.
    """
    error = _storage_error(exc)
    if error.code is ErrorCode.STORAGE_FAILED:
        return StorageError(ErrorCode.INTEGRITY_FAILED)
    return error


def _probe(conn: Connection) -> None:
    """The first read: where a wrong key (or a damaged first page) shows."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except DatabaseError:
        raise StorageError(ErrorCode.NOT_A_VAULT_DB) from None


def _configure(conn: Connection, key: bytes | bytearray, path: Path) -> None:
    _apply_key(conn, key)
    _probe(conn)
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        check_readings(_read_back(conn, path))
    except sqlcipher3.Error as exc:
        raise _storage_error(exc) from None


def _storage_error(exc: Exception) -> StorageError:
    """Map a driver exception to a coded error without copying its text (it may hold SQL values)."""
    text = str(exc).lower()
    if "full" in text:
        return StorageError(ErrorCode.DISK_FULL)
    if "readonly" in text or "read-only" in text or "read only" in text:
        return StorageError(ErrorCode.READ_ONLY)
    if "locked" in text or "busy" in text:
        return StorageError(ErrorCode.VAULT_BUSY)
    if "malformed" in text or "not a database" in text:
        return StorageError(ErrorCode.INTEGRITY_FAILED)
    if "unable to open" in text:
        return StorageError(ErrorCode.READ_ONLY)
    return StorageError(ErrorCode.STORAGE_FAILED)


def as_storage_error(exc: Exception) -> StorageError:
    """Public form of the driver-error mapping for callers that catch ``sqlcipher3.Error``."""
    return _storage_error(exc)


def integrity_report(conn: Connection) -> tuple[bool, bool]:
    """Run the full health check: ``(sqlite_ok, cipher_ok)``.

    ``cipher_integrity_check`` returns one row per bad page (no rows = clean) and
    ``integrity_check`` must return exactly ``ok``. Either can raise on a damaged file, which
    counts as a failure rather than a crash (SECURITY.md §2.3).
    """
    try:
        cipher_ok = not conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except DatabaseError:
        cipher_ok = False
    try:
        sqlite_ok = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except DatabaseError:
        sqlite_ok = False
    return sqlite_ok, cipher_ok


def checkpoint(conn: Connection) -> None:
    """Fold the WAL back into the DB and truncate it (on lock and exit, before exports)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
