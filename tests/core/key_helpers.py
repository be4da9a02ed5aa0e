"""Helpers for the key, unlock and account tests: file digests and key-file surgery.

Tampering edits ``posko.keys`` as raw JSON on purpose: an attacker with file access does not go
through the product's writer, so neither do these helpers.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from app.clock import FakeClock
from app.domain.enums import Role
from app.errors import AppError
from app.paths import VaultPaths
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers

#: Every file of a vault at rest whose bytes an unlock attempt might change.
AT_REST = ("posko.db", "posko.db-wal", "posko.db-shm", "posko.keys", "posko.keys.bak")


def digest(path: Path) -> str | None:
    """SHA-256 of a file, or ``None`` when it does not exist."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def snapshot(paths: VaultPaths) -> dict[str, str | None]:
    return {name: digest(paths.root / name) for name in AT_REST}


def read_doc(paths: VaultPaths) -> dict[str, Any]:
    document = json.loads(paths.keys.read_text("ascii"))
    assert isinstance(document, dict)
    return document


def write_doc(paths: VaultPaths, document: dict[str, Any]) -> None:
    """Overwrite ``posko.keys`` directly (no signing, no backup): what a tamperer does."""
    paths.keys.write_text(json.dumps(document, indent=1), "ascii")


def slot_of(document: dict[str, Any], *, username: str | None = None,
            kind: str = "password") -> dict[str, Any]:
    for slot in document["slots"]:
        if slot["kind"] == kind and (username is None or slot["username"] == username):
            assert isinstance(slot, dict)
            return slot
    raise AssertionError(f"no {kind} slot for {username}")


def flip_b64(value: str, index: int = 0) -> str:
    """The same base64 field with one bit of byte ``index`` inverted."""
    raw = bytearray(base64.b64decode(value))
    raw[index] ^= 0x01
    return base64.b64encode(bytes(raw)).decode("ascii")


def add_officer(session: Session, username: str = helpers.PETUGAS,
                password: str = helpers.PETUGAS_PASSWORD, role: Role = Role.PETUGAS) -> int:
    user, temporary = session.users.add(username, f"Petugas {username}", role, password)
    assert temporary is None
    return user.id


def can_unlock(vault: Vault, username: str, password: str) -> bool:
    """Whether the password opens the vault (the session is closed again at once)."""
    try:
        session = vault.unlock(username, password)
    except AppError:
        return False
    session.close()
    return True


def copy_vault(template: Path, target: Path, clock: FakeClock | None = None) -> Vault:
    """A fresh copy of a closed template vault (saves the Argon2id cost of a new setup)."""
    shutil.copytree(template, target)
    return helpers.new_vault(target, clock)
