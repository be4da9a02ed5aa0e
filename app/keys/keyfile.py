"""The key-slot file ``posko.keys`` and its previous generation ``posko.keys.bak``.

JSON, so an IT person can see what it is; it holds no case data, only sealed keys, salts,
Argon2id parameters, slot ids and officer usernames (needed to pick a slot before unlock).
Writes are atomic and keep the previous generation; a file that does not parse is never written
and, when read, falls back to the previous generation (SECURITY.md §3, LUKS header lesson).

``slots_mac`` is an HMAC over everything else, keyed from the database key: after unlock it
reveals slots added, removed or altered by someone without the key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import ErrorCode, KeyFileError
from app.keys.kdf import KdfParams
from app.keys.slots import Slot, SlotKind
from app.store.atomic import write_atomic

FORMAT = "posko-keys"
VERSION = 1


class Source(StrEnum):
    MAIN = "main"
    BACKUP = "backup"


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    generation: int
    kdf_target: KdfParams
    slots: tuple[Slot, ...]
    slots_mac: str = ""

    def password_slot(self, username: str) -> Slot | None:
        for slot in self.slots:
            if slot.kind is SlotKind.PASSWORD and slot.username == username:
                return slot
        return None

    def recovery_slot(self) -> Slot | None:
        for slot in self.slots:
            if slot.kind is SlotKind.RECOVERY:
                return slot
        return None

    def without(self, slot_id: str) -> KeyFile:
        return replace(self, slots=tuple(s for s in self.slots if s.slot_id != slot_id))

    def with_slot(self, slot: Slot, replacing: str | None = None) -> KeyFile:
        kept = tuple(s for s in self.slots if s.slot_id != replacing)
        return replace(self, slots=(*kept, slot))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _params_json(params: KdfParams) -> dict[str, int]:
    return {"t": params.time_cost, "m": params.memory_kib, "p": params.parallelism}


def _slot_json(slot: Slot) -> dict[str, Any]:
    return {
        "slot_id": slot.slot_id, "kind": slot.kind.value, "user_id": slot.user_id,
        "username": slot.username, "kdf": {"alg": "argon2id", **_params_json(slot.kdf)},
        "salt": _b64(slot.salt), "key_nonce": _b64(slot.key_nonce),
        "sealed_private_key": _b64(slot.sealed_private_key),
        "public_key": _b64(slot.public_key), "wrapped_db_key": _b64(slot.wrapped_db_key),
    }


def _body(keyfile: KeyFile) -> dict[str, Any]:
    return {
        "format": FORMAT, "version": VERSION, "db_format": "sqlcipher4",
        "vault_id": keyfile.vault_id, "generation": keyfile.generation,
        "kdf_target": _params_json(keyfile.kdf_target),
        "slots": [_slot_json(slot) for slot in keyfile.slots],
    }


def _canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _mac_key(db_key: bytes | bytearray) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"posko-slots-mac-v1").derive(bytes(db_key))


def compute_mac(keyfile: KeyFile, db_key: bytes | bytearray) -> str:
    return hmac.new(_mac_key(db_key), _canonical(_body(keyfile)), hashlib.sha256).hexdigest()


def sign(keyfile: KeyFile, db_key: bytes | bytearray) -> KeyFile:
    return replace(keyfile, slots_mac=compute_mac(keyfile, db_key))


def mac_valid(keyfile: KeyFile, db_key: bytes | bytearray) -> bool:
    return hmac.compare_digest(keyfile.slots_mac, compute_mac(keyfile, db_key))


def serialize(keyfile: KeyFile) -> bytes:
    document = {**_body(keyfile), "slots_mac": keyfile.slots_mac}
    return json.dumps(document, sort_keys=True, indent=1).encode("ascii") + b"\n"


class _Malformed(Exception):
    pass


def _field(obj: dict[str, Any], name: str, kind: type) -> Any:
    value = obj.get(name)
    if type(value) is not kind:  # exact type: bool is not an int here
        raise _Malformed(name)
    return value


def _bytes_field(obj: dict[str, Any], name: str, length: int | None = None) -> bytes:
    try:
        data = base64.b64decode(_field(obj, name, str), validate=True)
    except binascii.Error:
        raise _Malformed(name) from None
    if length is not None and len(data) != length:
        raise _Malformed(name)
    return data


def _parse_params(obj: object) -> KdfParams:
    if not isinstance(obj, dict):
        raise _Malformed("kdf")
    params = KdfParams(_field(obj, "t", int), _field(obj, "m", int), _field(obj, "p", int))
    if min(params.time_cost, params.memory_kib, params.parallelism) < 1:
        raise _Malformed("kdf")
    return params


def _optional(obj: dict[str, Any], name: str, kind: type) -> Any:
    return None if obj.get(name) is None else _field(obj, name, kind)


def _parse_slot(obj: object) -> Slot:
    if not isinstance(obj, dict):
        raise _Malformed("slot")
    try:
        kind = SlotKind(_field(obj, "kind", str))
    except ValueError:
        raise _Malformed("kind") from None
    return Slot(
        slot_id=_field(obj, "slot_id", str), kind=kind,
        user_id=_optional(obj, "user_id", int), username=_optional(obj, "username", str),
        kdf=_parse_params(obj.get("kdf")), salt=_bytes_field(obj, "salt", 16),
        key_nonce=_bytes_field(obj, "key_nonce", 12),
        sealed_private_key=_bytes_field(obj, "sealed_private_key", 48),
        public_key=_bytes_field(obj, "public_key", 32),
        wrapped_db_key=_bytes_field(obj, "wrapped_db_key"),
    )


def parse(data: bytes) -> KeyFile:
    """A key file from bytes, or ``KeyFileError(KEYFILE_DAMAGED)`` if anything is off."""
    try:
        document = json.loads(data.decode("ascii"))
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise _Malformed("format")
        if document.get("version") != VERSION or document.get("db_format") != "sqlcipher4":
            raise _Malformed("version")
        slots = document.get("slots")
        if not isinstance(slots, list):
            raise _Malformed("slots")
        return KeyFile(
            vault_id=_field(document, "vault_id", str),
            generation=_field(document, "generation", int),
            kdf_target=_parse_params(document.get("kdf_target")),
            slots=tuple(_parse_slot(slot) for slot in slots),
            slots_mac=_field(document, "slots_mac", str),
        )
    except (_Malformed, ValueError, UnicodeDecodeError, RecursionError):
        raise KeyFileError(ErrorCode.KEYFILE_DAMAGED) from None


def load(main: Path, backup: Path) -> tuple[KeyFile, Source]:
    """The current key file, falling back to the previous generation when it is damaged.

    Raises:
        KeyFileError: ``KEYFILE_MISSING`` when neither exists, ``KEYFILE_DAMAGED`` when
            neither parses.
    """
    found_any = False
    for path, source in ((main, Source.MAIN), (backup, Source.BACKUP)):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue
        except OSError:
            found_any = True
            continue
        found_any = True
        try:
            return parse(data), source
        except KeyFileError:
            continue
    raise KeyFileError(ErrorCode.KEYFILE_DAMAGED if found_any else ErrorCode.KEYFILE_MISSING)


def save(keyfile: KeyFile, main: Path, backup: Path) -> None:
    """Write a new generation; the current file (if it parses) becomes the backup first.

    At every instant ``main`` parses as the old or the new generation, and ``backup`` as the
    old or the one before it. When there is no usable backup and no old generation (a new
    vault), the backup is written as a second copy of the new generation: a single damaged
    file must never lose the vault. The new bytes must parse back to the same key file before
    anything is written.
    """
    data = serialize(keyfile)
    if parse(data) != keyfile:
        raise KeyFileError(ErrorCode.KEYFILE_DAMAGED)
    current = _parsing_bytes(main)
    if current and current != data:
        write_atomic(backup, current)
    elif not _parsing_bytes(backup):
        write_atomic(backup, data)
    write_atomic(main, data)


def _parsing_bytes(path: Path) -> bytes:
    """The file's bytes if it exists and parses, else ``b""``."""
    try:
        data = path.read_bytes()
        parse(data)
    except (OSError, KeyFileError):
        return b""
    return data
