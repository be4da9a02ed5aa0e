"""The key-slot file ``posko.keys`` (SECURITY.md §3): format, generations, fallback, slots_mac."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.errors import ErrorCode, KeyFileError
from app.keys import keyfile, slots
from app.keys.kdf import FLOOR
from app.keys.keyfile import KeyFile, Source
from app.keys.slots import SlotKind
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.core import key_helpers

VAULT_ID = "0" * 32


@pytest.fixture(scope="module")
def db_key() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture(scope="module")
def document(db_key: bytes) -> KeyFile:
    """Two officers and a recovery slot, made with the real Argon2id and HPKE code."""
    made = (
        slots.create(db_key, b"password one", vault_id=VAULT_ID, kind=SlotKind.PASSWORD,
                     user_id=1, username="koord", params=FLOOR),
        slots.create(db_key, b"password two", vault_id=VAULT_ID, kind=SlotKind.PASSWORD,
                     user_id=2, username="petugas1", params=FLOOR),
        slots.create(db_key, bytes(16), vault_id=VAULT_ID, kind=SlotKind.RECOVERY,
                     user_id=None, username=None, params=FLOOR),
    )
    return keyfile.sign(KeyFile(VAULT_ID, 1, FLOOR, made), db_key)


def _generation(doc: KeyFile, number: int, db_key: bytes) -> KeyFile:
    return keyfile.sign(replace(doc, generation=number), db_key)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "posko.keys", tmp_path / "posko.keys.bak"


def test_serialize_parse_round_trip(document: KeyFile) -> None:
    data = keyfile.serialize(document)
    assert keyfile.parse(data) == document
    assert keyfile.serialize(keyfile.parse(data)) == data
    text = data.decode("ascii")
    assert json.loads(text)["db_format"] == "sqlcipher4"
    assert "koord" in text  # usernames are needed before unlock; nothing else readable


def _edit(document: KeyFile, change: Callable[[dict[str, Any]], None]) -> bytes:
    raw = json.loads(keyfile.serialize(document))
    change(raw)
    return json.dumps(raw).encode("ascii")


def _set(path: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(raw: dict[str, Any]) -> None:
        target: Any = raw
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    return change


@pytest.mark.parametrize("change", [
    _set(("format",), "luks"),
    _set(("version",), 2),
    _set(("db_format",), "sqlcipher3"),
    _set(("generation",), "1"),
    _set(("generation",), True),
    _set(("slots",), {}),
    _set(("slots", 0, "kind"), "master"),
    _set(("slots", 0, "salt"), "AAAA"),                 # 3 bytes, not 16
    _set(("slots", 0, "key_nonce"), "not base64!"),
    _set(("slots", 1, "kdf", "t"), 0),
    _set(("slots", 1, "kdf"), None),
    _set(("kdf_target", "m"), 65536.0),
    _set(("slots_mac",), None),
], ids=lambda _: "")
def test_parse_refuses_a_malformed_file(document: KeyFile,
                                        change: Callable[[dict[str, Any]], None]) -> None:
    with pytest.raises(KeyFileError) as info:
        keyfile.parse(_edit(document, change))
    assert info.value.code is ErrorCode.KEYFILE_DAMAGED


@pytest.mark.parametrize("data", [b"", b"{", b"[]", b"\xff\xfe", b"null", b"[" * 100_000])
def test_parse_refuses_garbage(data: bytes) -> None:
    with pytest.raises(KeyFileError) as info:
        keyfile.parse(data)
    assert info.value.code is ErrorCode.KEYFILE_DAMAGED


def test_save_keeps_the_previous_generation(tmp_path: Path, document: KeyFile,
                                            db_key: bytes) -> None:
    main, backup = _files(tmp_path)
    for number in (1, 2, 3):
        keyfile.save(_generation(document, number, db_key), main, backup)
        loaded, source = keyfile.load(main, backup)
        assert (loaded.generation, source) == (number, Source.MAIN)
    assert keyfile.parse(backup.read_bytes()).generation == 2
    assert not list(tmp_path.glob("*.tmp"))


def test_first_save_also_writes_a_spare_copy(tmp_path: Path, document: KeyFile) -> None:
    # A new vault has no previous generation; one damaged file must still not lose it.
    main, backup = _files(tmp_path)
    keyfile.save(document, main, backup)
    assert backup.read_bytes() == main.read_bytes()


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],               # torn write
    lambda data: b"\x00" * len(data),                  # zeroed sectors
    lambda data: data.replace(b'"slots"', b'"slotz"'),
], ids=["truncated", "zeroed", "renamed-field"])
def test_damaged_main_falls_back_to_the_backup(tmp_path: Path, document: KeyFile, db_key: bytes,
                                               damage: Callable[[bytes], bytes]) -> None:
    main, backup = _files(tmp_path)
    keyfile.save(_generation(document, 1, db_key), main, backup)
    keyfile.save(_generation(document, 2, db_key), main, backup)
    main.write_bytes(damage(main.read_bytes()))
    loaded, source = keyfile.load(main, backup)
    assert (loaded.generation, source) == (1, Source.BACKUP)
    assert keyfile.mac_valid(loaded, db_key)


def test_missing_main_falls_back_to_the_backup(tmp_path: Path, document: KeyFile,
                                               db_key: bytes) -> None:
    main, backup = _files(tmp_path)
    keyfile.save(document, main, backup)
    keyfile.save(_generation(document, 2, db_key), main, backup)
    main.unlink()
    assert keyfile.load(main, backup) == (document, Source.BACKUP)


def test_both_damaged_is_keyfile_damaged(tmp_path: Path, document: KeyFile) -> None:
    main, backup = _files(tmp_path)
    keyfile.save(document, main, backup)
    main.write_bytes(b"{}")
    backup.write_bytes(b"garbage")
    with pytest.raises(KeyFileError) as info:
        keyfile.load(main, backup)
    assert info.value.code is ErrorCode.KEYFILE_DAMAGED


def test_damaged_main_and_no_backup_is_keyfile_damaged(tmp_path: Path) -> None:
    main, backup = _files(tmp_path)
    main.write_bytes(b"not json")
    with pytest.raises(KeyFileError) as info:
        keyfile.load(main, backup)
    assert info.value.code is ErrorCode.KEYFILE_DAMAGED


def test_neither_file_is_keyfile_missing(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError) as info:
        keyfile.load(*_files(tmp_path))
    assert info.value.code is ErrorCode.KEYFILE_MISSING


def test_saving_over_a_damaged_main_keeps_the_good_backup(tmp_path: Path, document: KeyFile,
                                                           db_key: bytes) -> None:
    main, backup = _files(tmp_path)
    keyfile.save(_generation(document, 1, db_key), main, backup)
    keyfile.save(_generation(document, 2, db_key), main, backup)
    main.write_bytes(b"damaged")
    keyfile.save(_generation(document, 3, db_key), main, backup)
    assert keyfile.parse(main.read_bytes()).generation == 3
    assert keyfile.parse(backup.read_bytes()).generation == 1


def test_save_refuses_a_file_that_does_not_round_trip(tmp_path: Path, document: KeyFile,
                                                      db_key: bytes) -> None:
    main, backup = _files(tmp_path)
    keyfile.save(document, main, backup)
    keyfile.save(_generation(document, 2, db_key), main, backup)
    before = (main.read_bytes(), backup.read_bytes())
    short_salt = replace(document.slots[0], salt=bytes(15))
    broken = replace(document, slots=(short_salt, *document.slots[1:]), generation=3)
    with pytest.raises(KeyFileError):
        keyfile.save(keyfile.sign(broken, db_key), main, backup)
    assert (main.read_bytes(), backup.read_bytes()) == before


def _added(doc: KeyFile) -> KeyFile:
    return doc.with_slot(replace(doc.slots[1], slot_id="f" * 32, user_id=3, username="tamu"))


@pytest.mark.parametrize("tamper", [
    _added,
    lambda doc: doc.without(doc.slots[1].slot_id),
    lambda doc: replace(doc, slots=(replace(doc.slots[1], user_id=1), *doc.slots[::2])),
    lambda doc: replace(doc, slots=(replace(doc.slots[0], username="petugas1"),
                                    *doc.slots[1:])),
    lambda doc: replace(doc, slots=(replace(doc.slots[0], kdf=replace(FLOOR, time_cost=9)),
                                    *doc.slots[1:])),
    lambda doc: replace(doc, slots=(replace(doc.slots[0], public_key=bytes(32)),
                                    *doc.slots[1:])),
    lambda doc: replace(doc, slots=tuple(reversed(doc.slots))),
    lambda doc: replace(doc, kdf_target=replace(FLOOR, time_cost=60)),
    lambda doc: replace(doc, generation=doc.generation - 1),
    lambda doc: replace(doc, vault_id="1" * 32),
], ids=["added", "removed", "moved-user-id", "renamed", "kdf", "public-key", "reordered",
        "target", "generation", "vault-id"])
def test_slots_mac_detects_changes(document: KeyFile, db_key: bytes,
                                   tamper: Callable[[KeyFile], KeyFile]) -> None:
    assert keyfile.mac_valid(document, db_key)
    changed = tamper(document)
    assert changed != document
    assert not keyfile.mac_valid(changed, db_key)
    # The MAC also survives the trip through the file format.
    assert not keyfile.mac_valid(keyfile.parse(keyfile.serialize(changed)), db_key)


def test_slots_mac_needs_the_database_key(document: KeyFile, db_key: bytes) -> None:
    assert not keyfile.mac_valid(document, secrets.token_bytes(32))
    assert keyfile.sign(document, db_key) == document


# --- the same rules through the vault ---------------------------------------------------------

def test_new_vault_survives_a_damaged_key_file(vault: Vault, session: Session) -> None:
    session.close()
    assert vault.paths.keys_backup.exists()
    vault.paths.keys.write_bytes(b"\x00" * 100)
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        assert "restored_from_backup" in again.notes
        assert again.integrity.check().ok
    keyfile.parse(vault.paths.keys.read_bytes())  # rewritten from the backup


@pytest.mark.parametrize("missing", [True, False], ids=["missing", "damaged"])
def test_vault_without_a_usable_key_file_refuses_cleanly(vault: Vault, session: Session,
                                                         missing: bool) -> None:
    session.close()
    db_before = key_helpers.digest(vault.paths.db)
    for path in (vault.paths.keys, vault.paths.keys_backup):
        if missing:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(b"{")
    with pytest.raises(KeyFileError) as info:
        vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    expected = ErrorCode.KEYFILE_MISSING if missing else ErrorCode.KEYFILE_DAMAGED
    assert info.value.code is expected
    assert key_helpers.digest(vault.paths.db) == db_before
