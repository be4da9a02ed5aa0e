"""A canonical fingerprint of a vault's content, to prove a restore equals its source.

Every table except the search index (derived, rebuilt from the cases) is read in primary-key
order and hashed with its name; per-table row counts come along for a readable comparison.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from app.store.connection import Connection

_SKIP = ("sqlite_", "case_search")


@dataclass(frozen=True)
class ContentDigest:
    counts: dict[str, int]
    sha256: str


def _tables(conn: Connection) -> list[str]:
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
    return [name for name in names if not name.startswith(_SKIP)]


def _cell(value: object) -> object:
    """JSON-able cell: blobs as hex."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return value


def content_digest(conn: Connection) -> ContentDigest:
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    for table in _tables(conn):
        digest.update(f"\x00table {table}\x00".encode())
        rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, rowid')
        count = 0
        for row in rows:
            count += 1
            line = json.dumps([_cell(v) for v in row], separators=(",", ":"),
                              ensure_ascii=True)
            digest.update(line.encode() + b"\n")
        counts[table] = count
    return ContentDigest(counts, digest.hexdigest())
