"""Key slots: one per officer plus one recovery slot (SECURITY.md §3).

A slot opens with a secret (password or recovery code) and yields the database key ``K_db``:

* Argon2id(secret, salt) gives a key-encryption key (KEK);
* the KEK unseals, with AES-256-GCM, the slot's own X25519 private key;
* that private key opens ``K_db``, which is sealed to the slot's public key with HPKE
  (RFC 9180: X25519, HKDF-SHA256, AES-256-GCM).

Why two layers instead of the KEK wrapping ``K_db`` directly: ``rotate-key`` must give *every*
remaining officer the new database key without knowing their passwords. With a public key per
slot, re-wrapping needs only the public half, and a removed officer's slot (with its public key)
is simply not re-wrapped. Both layers bind the slot to the vault, the slot id, the user and the
slot kind (associated data / HPKE info), so a slot copied to another user or vault fails its
authentication tag before the database is ever touched.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, replace
from enum import StrEnum

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.errors import AuthError, ErrorCode
from app.keys import kdf
from app.keys.kdf import KdfParams

NONCE_LEN = 12
_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)


class SlotKind(StrEnum):
    PASSWORD = "password"
    RECOVERY = "recovery"


@dataclass(frozen=True)
class Slot:
    slot_id: str
    kind: SlotKind
    user_id: int | None
    username: str | None
    kdf: KdfParams
    salt: bytes
    key_nonce: bytes
    sealed_private_key: bytes
    public_key: bytes
    wrapped_db_key: bytes


def binding(vault_id: str, slot_id: str, kind: SlotKind, user_id: int | None,
            username: str | None) -> bytes:
    """Associated data that ties a slot to one vault, one user and one purpose."""
    fields = {"v": 1, "vault": vault_id, "slot": slot_id, "kind": kind.value,
              "user_id": user_id, "username": username}
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()


def _aad(slot: Slot, vault_id: str) -> bytes:
    return binding(vault_id, slot.slot_id, slot.kind, slot.user_id, slot.username)


def create(db_key: bytes | bytearray, secret: bytes, *, vault_id: str, kind: SlotKind,
           user_id: int | None, username: str | None, params: KdfParams) -> Slot:
    """A new slot with fresh salt, nonce and X25519 key pair that opens to ``db_key``."""
    slot_id = secrets.token_hex(16)
    aad = binding(vault_id, slot_id, kind, user_id, username)
    salt = secrets.token_bytes(kdf.SALT_LEN)
    nonce = secrets.token_bytes(NONCE_LEN)
    private = X25519PrivateKey.generate()
    kek = kdf.derive(secret, salt, params)
    try:
        sealed = AESGCM(bytes(kek)).encrypt(nonce, private.private_bytes_raw(), aad)
    finally:
        wipe(kek)
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return Slot(slot_id=slot_id, kind=kind, user_id=user_id, username=username, kdf=params,
                salt=salt, key_nonce=nonce, sealed_private_key=sealed, public_key=public,
                wrapped_db_key=_SUITE.encrypt(bytes(db_key), X25519PublicKey.from_public_bytes(
                    public), info=aad))


def open_slot(slot: Slot, secret: bytes, *, vault_id: str) -> bytearray:
    """``K_db`` from a slot, or ``AuthError(WRONG_CREDENTIALS)`` for a wrong secret or tampering."""
    aad = _aad(slot, vault_id)
    try:
        kek = kdf.derive(secret, slot.salt, slot.kdf)
    except ValueError:
        raise AuthError(ErrorCode.WRONG_CREDENTIALS) from None
    try:
        private_raw = AESGCM(bytes(kek)).decrypt(slot.key_nonce, slot.sealed_private_key, aad)
        private = X25519PrivateKey.from_private_bytes(private_raw)
        return bytearray(_SUITE.decrypt(slot.wrapped_db_key, private, info=aad))
    except (InvalidTag, ValueError):
        raise AuthError(ErrorCode.WRONG_CREDENTIALS) from None
    finally:
        wipe(kek)


def rewrap(slot: Slot, new_db_key: bytes | bytearray, *, vault_id: str) -> Slot:
    """The same slot (same secret) opening to ``new_db_key``; needs only the public key."""
    public = X25519PublicKey.from_public_bytes(slot.public_key)
    return replace(slot, wrapped_db_key=_SUITE.encrypt(bytes(new_db_key), public,
                                                       info=_aad(slot, vault_id)))


def wipe(buffer: bytearray) -> None:
    """Overwrite key material we own. Immutable copies (bytes, str) are residue we accept."""
    for index in range(len(buffer)):
        buffer[index] = 0
