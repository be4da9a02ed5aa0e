"""S11–S13: how a SQLCipher connection is opened, checked and used (SECURITY.md §2.2).

Every unsafe build or setting is refused one property at a time, a plain SQLite file is refused,
the ``PRAGMA key`` builder accepts nothing but 64 lowercase hex characters, a wrong key leaves the
file untouched, and write transactions are all-or-nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.errors import ErrorCode, StorageError
from app.services.session import Session
from app.store.connection import (
    PLAINTEXT_HEADER,
    Connection,
    Readings,
    check_readings,
    integrity_report,
    key_pragma_value,
    open_database,
)
from app.store.tx import write_transaction
from tests import helpers

SAFE = Readings(cipher_version="4.19.0 community", cipher_provider="openssl",
                compile_options=frozenset({"HAS_CODEC", "TEMP_STORE=2", "THREADSAFE=1"}),
                journal_mode="wal", synchronous=2, temp_store=2, cipher_memory_security=1,
                cipher_log_level="NONE", foreign_keys=1, header=secrets.token_bytes(16))

UNSAFE: list[tuple[str, dict[str, object]]] = [
    ("cipher_version", {"cipher_version": "3.4.2 community"}),
    ("cipher_version", {"cipher_version": ""}),
    ("cipher_provider", {"cipher_provider": "libtomcrypt"}),
    ("has_codec", {"compile_options": frozenset({"TEMP_STORE=2"})}),
    ("temp_store_option", {"compile_options": frozenset({"HAS_CODEC", "TEMP_STORE=1"})}),
    ("temp_store_option", {"compile_options": frozenset({"HAS_CODEC"})}),
    ("journal_mode", {"journal_mode": "delete"}),
    ("journal_mode", {"journal_mode": "memory"}),
    ("synchronous", {"synchronous": 1}),
    ("temp_store", {"temp_store": 1}),
    ("temp_store", {"temp_store": 0}),
    ("cipher_memory_security", {"cipher_memory_security": 0}),
    ("cipher_log_level", {"cipher_log_level": "WARN"}),
    ("cipher_log_level", {"cipher_log_level": ""}),
    ("foreign_keys", {"foreign_keys": 0}),
]


@pytest.fixture
def raw(tmp_path: Path) -> Iterator[Connection]:
    """A real SQLCipher file opened through the product's safe sequence, with a scratch table."""
    conn = open_database(tmp_path / "scratch.db", secrets.token_bytes(32), create=True)
    conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE child (id INTEGER PRIMARY KEY,"
                 " parent_id INTEGER NOT NULL REFERENCES parent(id), note TEXT UNIQUE)")
    yield conn
    conn.close()


def _notes(conn: Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT note FROM child ORDER BY id")]


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


# --- S11 start-up assertions --------------------------------------------------------------


def test_safe_readings_pass() -> None:
    check_readings(SAFE)
    check_readings(dataclasses.replace(SAFE, compile_options=frozenset({"HAS_CODEC",
                                                                         "TEMP_STORE=3"})))
    check_readings(dataclasses.replace(SAFE, cipher_log_level="none"))


@pytest.mark.parametrize(("setting", "change"), UNSAFE,
                         ids=[f"{s}-{i}" for i, (s, _) in enumerate(UNSAFE)])
def test_each_unsafe_property_is_refused(setting: str, change: dict[str, object]) -> None:
    with pytest.raises(StorageError) as caught:
        check_readings(dataclasses.replace(SAFE, **change))  # type: ignore[arg-type]
    assert caught.value.code is ErrorCode.UNSAFE_SQLCIPHER
    assert caught.value.params == {"setting": setting}


def test_plaintext_header_is_refused_first() -> None:
    with pytest.raises(StorageError) as caught:
        check_readings(dataclasses.replace(SAFE, header=PLAINTEXT_HEADER, journal_mode="delete"))
    assert caught.value.code is ErrorCode.PLAINTEXT_DATABASE


def test_a_real_connection_reports_the_safe_settings(raw: Connection) -> None:
    def one(sql: str) -> object:
        return raw.execute(sql).fetchone()[0]

    assert str(one("PRAGMA cipher_version")).startswith("4.")
    assert one("PRAGMA cipher_provider") == "openssl"
    options = {row[0] for row in raw.execute("PRAGMA compile_options")}
    assert "HAS_CODEC" in options and options & {"TEMP_STORE=2", "TEMP_STORE=3"}
    assert (one("PRAGMA journal_mode"), one("PRAGMA synchronous"), one("PRAGMA temp_store"),
            one("PRAGMA foreign_keys"), one("PRAGMA secure_delete")) == ("wal", 2, 2, 1, 1)
    assert int(str(one("PRAGMA cipher_memory_security"))) == 1
    assert str(one("PRAGMA cipher_log_level")).upper() == "NONE"


def test_a_plain_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "posko.db"
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE cases (name TEXT)")
    plain.execute("INSERT INTO cases VALUES ('Siti Aminah')")
    plain.commit()
    plain.close()
    before = path.read_bytes()
    assert before.startswith(PLAINTEXT_HEADER)
    with pytest.raises(StorageError) as caught:
        open_database(path, secrets.token_bytes(32))
    assert caught.value.code is ErrorCode.PLAINTEXT_DATABASE
    assert path.read_bytes() == before


def test_a_missing_file_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        open_database(tmp_path / "posko.db", secrets.token_bytes(32))
    assert caught.value.code is ErrorCode.VAULT_MISSING
    assert list(tmp_path.iterdir()) == []


# --- S12 ciphertext on disk, wrong key ----------------------------------------------------


def test_wrong_key_is_not_a_vault_and_leaves_files_unchanged(
        session: Session, capfd: pytest.CaptureFixture[str]) -> None:
    session.cases.create(helpers.full_intake(tag="kunci salah"))
    folder = session.paths.root
    db = session.paths.db
    session.close()
    assert not db.read_bytes()[:16].startswith(PLAINTEXT_HEADER)
    before = _digests(folder)
    capfd.readouterr()
    for _ in range(2):
        with pytest.raises(StorageError) as caught:
            open_database(db, secrets.token_bytes(32))
        assert caught.value.code is ErrorCode.NOT_A_VAULT_DB
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")  # SQLCipher's "hmac check failed" lines are silenced
    assert _digests(folder) == before


@pytest.mark.parametrize("size", [31, 33, 0])
def test_keys_of_the_wrong_length_are_refused(tmp_path: Path, size: int) -> None:
    with pytest.raises(StorageError) as caught:
        open_database(tmp_path / "x.db", bytes(size), create=True)
    assert caught.value.code is ErrorCode.INVALID_KEY_MATERIAL
    assert not (tmp_path / "x.db").exists()


# --- S13 key input hygiene ----------------------------------------------------------------

_HEX64 = re.compile(r"[0-9a-f]{64}")


@given(st.text())
@example("")
@example("a" * 64 + "\n")
@example("A" * 64)
@example("0" * 63)
@example("0" * 65)
@example("0" * 62 + "'\"")
@example("\u0660" * 64)  # Arabic-Indic digits: \d would accept these
@example("0" * 63 + "g")
def test_key_builder_accepts_only_64_lowercase_hex(text: str) -> None:
    if _HEX64.fullmatch(text) and text.isascii():
        assert key_pragma_value(text) == f"\"x'{text}'\""
    else:
        with pytest.raises(StorageError) as caught:
            key_pragma_value(text)
        assert caught.value.code is ErrorCode.INVALID_KEY_MATERIAL


@given(st.binary(min_size=32, max_size=32))
def test_key_builder_accepts_every_real_key(key: bytes) -> None:
    literal = key_pragma_value(key.hex())
    assert literal == f"\"x'{key.hex()}'\""


@pytest.mark.parametrize("value", [None, b"0" * 64, bytearray(64), 123])
def test_key_builder_refuses_non_text(value: object) -> None:
    with pytest.raises(StorageError):
        key_pragma_value(value)  # type: ignore[arg-type]


# --- write transactions -------------------------------------------------------------------


def test_an_error_rolls_the_whole_block_back(raw: Connection) -> None:
    raw.execute("INSERT INTO parent(id) VALUES (1)")
    with pytest.raises(RuntimeError), write_transaction(raw):
        raw.execute("INSERT INTO child(parent_id, note) VALUES (1, 'first')")
        raw.execute("INSERT INTO child(parent_id, note) VALUES (1, 'second')")
        raise RuntimeError("boom")
    assert _notes(raw) == []
    assert not raw.in_transaction


def test_a_driver_error_is_mapped_and_rolled_back(raw: Connection) -> None:
    raw.execute("INSERT INTO parent(id) VALUES (1)")
    with pytest.raises(StorageError) as caught, write_transaction(raw):
        raw.execute("INSERT INTO child(parent_id, note) VALUES (1, 'dup')")
        raw.execute("INSERT INTO child(parent_id, note) VALUES (1, 'dup')")
    assert caught.value.code is ErrorCode.STORAGE_FAILED
    assert _notes(raw) == [] and not raw.in_transaction


def test_a_failed_commit_rolls_back(raw: Connection) -> None:
    with pytest.raises(StorageError), write_transaction(raw):
        raw.execute("PRAGMA defer_foreign_keys = ON")
        raw.execute("INSERT INTO child(parent_id, note) VALUES (42, 'orphan')")
    assert _notes(raw) == [] and not raw.in_transaction
    with write_transaction(raw):  # the connection is usable again
        raw.execute("INSERT INTO parent(id) VALUES (42)")
        raw.execute("INSERT INTO child(parent_id, note) VALUES (42, 'adopted')")
    assert _notes(raw) == ["adopted"]


def test_a_nested_block_is_a_savepoint(raw: Connection) -> None:
    raw.execute("INSERT INTO parent(id) VALUES (1)")
    with write_transaction(raw):
        raw.execute("INSERT INTO child(parent_id, note) VALUES (1, 'outer')")
        with pytest.raises(RuntimeError), write_transaction(raw):
            raw.execute("INSERT INTO child(parent_id, note) VALUES (1, 'inner-failed')")
            raise RuntimeError("inner")
        with write_transaction(raw):
            raw.execute("INSERT INTO child(parent_id, note) VALUES (1, 'inner-ok')")
        assert raw.in_transaction
    assert _notes(raw) == ["outer", "inner-ok"]


def test_an_outer_failure_undoes_released_savepoints(raw: Connection) -> None:
    raw.execute("INSERT INTO parent(id) VALUES (1)")
    with pytest.raises(RuntimeError), write_transaction(raw):
        with write_transaction(raw):
            raw.execute("INSERT INTO child(parent_id, note) VALUES (1, 'inner')")
        raise RuntimeError("outer")
    assert _notes(raw) == []


def test_committed_writes_survive_reopening(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "x.db"
    conn = open_database(path, key, create=True)
    with write_transaction(conn):
        conn.execute("CREATE TABLE t (v TEXT)")
        conn.execute("INSERT INTO t VALUES ('tersimpan')")
    conn.close()
    again = open_database(path, key)
    try:
        assert again.execute("SELECT v FROM t").fetchall() == [("tersimpan",)]
        assert integrity_report(again) == (True, True)
    finally:
        again.close()


def test_integrity_report_flags_a_damaged_page(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "x.db"
    conn = open_database(path, key, create=True)
    with write_transaction(conn):
        conn.execute("CREATE TABLE t (v TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 40)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 + 100] ^= 0x01  # one bit in the third page
    path.write_bytes(bytes(data))
    try:
        again = open_database(path, key)
    except StorageError as refused:  # quick_check at open caught it: also a detection
        assert refused.code in (ErrorCode.INTEGRITY_FAILED, ErrorCode.NOT_A_VAULT_DB)
        return
    try:
        assert integrity_report(again) != (True, True)
    finally:
        again.close()
