"""The ``.poskobak`` file: a ZIP (stored, not compressed) of four members.

* ``posko-backup.json`` — plain header: format, app and schema version, vault id, creation
  time. Nothing about cases.
* ``manifest.bin`` — the manifest (counts, content digest, audit seal), AES-256-GCM sealed with
  a key derived from the database key and bound to the header, so it can be read (and trusted)
  only after unlocking the backup.
* ``posko.keys`` — the key-slot file: the backup opens with an officer password or the
  recovery code, like the vault.
* ``posko.db`` — ``sqlcipher_export`` of the vault, under the same database key.
"""

from __future__ import annotations

import json
import secrets
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import AppError, ErrorCode

FORMAT = "posko-backup"
VERSION = 1
SUFFIX = ".poskobak"
HEADER, MANIFEST, KEYS, DATABASE = "posko-backup.json", "manifest.bin", "posko.keys", "posko.db"


@dataclass(frozen=True)
class Header:
    app: str
    schema: int
    vault_id: str
    created_at: str
    format: str = FORMAT
    version: int = VERSION


@dataclass(frozen=True)
class Manifest:
    created_at: str
    app: str
    schema: int
    counts: dict[str, int]
    digest: str
    audit_seal: str | None
    cases: int
    attachments: int


def _key(db_key: bytes | bytearray) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"posko-backup-manifest-v1").derive(bytes(db_key))


def _header_bytes(header: Header) -> bytes:
    return json.dumps(asdict(header), sort_keys=True, separators=(",", ":")).encode()


def seal(manifest: Manifest, header: Header, db_key: bytes | bytearray) -> bytes:
    nonce = secrets.token_bytes(12)
    plain = json.dumps(asdict(manifest), sort_keys=True).encode()
    return nonce + AESGCM(_key(db_key)).encrypt(nonce, plain, _header_bytes(header))


def unseal(blob: bytes, header: Header, db_key: bytes | bytearray) -> Manifest:
    try:
        plain = AESGCM(_key(db_key)).decrypt(blob[:12], blob[12:], _header_bytes(header))
        return Manifest(**json.loads(plain))
    except (InvalidTag, ValueError, TypeError):
        raise AppError(ErrorCode.BACKUP_CORRUPT) from None


def write(path: Path, header: Header, sealed: bytes, keys: bytes, database: Path) -> None:
    """Members in a fixed order; the database streamed from its file."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(HEADER, _header_bytes(header))
        archive.writestr(MANIFEST, sealed)
        archive.writestr(KEYS, keys)
        archive.write(database, DATABASE)


def read_header(path: Path) -> Header:
    """The plain header, after checking the archive's own CRCs (a damaged copy fails here)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.testzip() is not None or set(archive.namelist()) != {
                    HEADER, MANIFEST, KEYS, DATABASE}:
                raise AppError(ErrorCode.BACKUP_CORRUPT)
            header = Header(**json.loads(archive.read(HEADER)))
    except (zipfile.BadZipFile, OSError, ValueError, TypeError, KeyError):
        raise AppError(ErrorCode.BACKUP_CORRUPT) from None
    if header.format != FORMAT or header.version != VERSION:
        raise AppError(ErrorCode.BACKUP_CORRUPT)
    return header


def read_member(path: Path, name: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read(name)
    except (zipfile.BadZipFile, OSError, KeyError):
        raise AppError(ErrorCode.BACKUP_CORRUPT) from None


def extract_database(path: Path, target: Path) -> None:
    """Copy the (still encrypted) database out of the archive to ``target``."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(DATABASE) as source, \
                target.open("wb") as sink:
            while chunk := source.read(1 << 20):
                sink.write(chunk)
    except (zipfile.BadZipFile, KeyError):
        raise AppError(ErrorCode.BACKUP_CORRUPT) from None
