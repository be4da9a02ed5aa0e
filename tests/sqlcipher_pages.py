"""Decrypting SQLCipher 4 pages in tests, to look for traces in free pages and the WAL.

SQLCipher 4 defaults (raw key): 4096-byte pages, each page's last 80 bytes reserved for a
16-byte IV and a 64-byte HMAC-SHA512; AES-256-CBC over the rest (page 1 keeps its first 16
bytes, the salt, in clear). A raw 32-byte key is the encryption key itself. WAL frames are a
24-byte header plus one such page, after a 32-byte WAL header.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    start = SALT if first else 0
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start:PAGE - RESERVE]) + decryptor.finalize()


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = path.read_bytes()
    for index in range(len(data) // PAGE):
        yield _decrypt(data[index * PAGE:(index + 1) * PAGE], key, index == 0)


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    if not path.exists():
        return
    data = path.read_bytes()[32:]
    frame = 24 + PAGE
    for index in range(len(data) // frame):
        page = data[index * frame + 24:(index + 1) * frame]
        yield _decrypt(page, key, first=False)


def plaintext_of(folder: Path, key: bytes) -> bytes:
    """Every decrypted page of posko.db and its WAL, concatenated."""
    db = folder / "posko.db"
    pages = [*database_pages(db, key), *wal_pages(db.with_name("posko.db-wal"), key)]
    return b"".join(pages)
