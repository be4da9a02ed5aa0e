"""Hash-chained, append-only audit log inside the encrypted database (SECURITY.md §4).

Each row's ``mac = HMAC-SHA256(K_audit, prev_mac ‖ canonical(row))`` with the first ``prev_mac``
= 32 zero bytes, so editing, deleting or reordering any row breaks the chain at that row. A
*seal* (sequence number + first 16 hex digits of the head MAC) written on paper also catches a
cut-off tail. ``K_audit = HKDF-SHA256(K_db, "audit-v1")`` is derived from the database key the
vault was created with and kept in the encrypted ``vault_meta`` table, so key rotation does not
invalidate earlier seals (anyone who can read it can read the whole database anyway).

Rows record who, what, which case code or object, and when — never field contents. Details are
restricted to numbers, booleans and short identifier-like strings, which makes logging a name
or a narrative by mistake fail loudly in tests instead of silently in production.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.clock import Clock, utc_iso
from app.store.connection import Connection

GENESIS = bytes(32)
SEAL_HEX = 16
_SAFE_TEXT = re.compile(r"[A-Za-z0-9_.:/\-]{0,80}")
_SEAL = re.compile(r"\s*(\d{1,12})\s*[-\s]\s*([0-9A-Fa-f\-\s]{16,24})\s*")

DetailValue = int | bool | str | None | list[int] | list[str]


def derive_audit_key(db_key: bytes | bytearray) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"posko-audit-v1").derive(bytes(db_key))


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    ts_utc: str
    actor_user_id: int | None
    action: str
    case_code: str | None
    object: str | None
    detail: Mapping[str, Any]


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    count: int
    first_broken_seq: int | None
    missing_seals: tuple[str, ...]
    head_seal: str | None


def _check_safe(value: object) -> None:
    if value is None or isinstance(value, (bool, int)):
        return
    if isinstance(value, str) and _SAFE_TEXT.fullmatch(value):
        return
    if isinstance(value, list) and all(not isinstance(v, list) for v in value):
        for item in value:
            _check_safe(item)
        return
    raise ValueError("audit detail must be codes and numbers, never content")


def canonical_detail(detail: Mapping[str, DetailValue] | None) -> str:
    detail = dict(detail or {})
    for key, value in detail.items():
        _check_safe(key)
        _check_safe(value)
    return json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _row_bytes(seq: int, ts: str, actor: int | None, action: str, case_code: str | None,
               obj: str | None, detail_text: str) -> bytes:
    row = [seq, ts, actor, action, case_code, obj, detail_text]
    return json.dumps(row, separators=(",", ":"), ensure_ascii=True).encode()


def _mac(key: bytes, prev_mac: bytes, row: bytes) -> bytes:
    return hmac.new(key, prev_mac + row, hashlib.sha256).digest()


class AuditLog:
    """Append and verify. ``append`` must run inside the caller's write transaction."""

    def __init__(self, conn: Connection, key: bytes, clock: Clock) -> None:
        self._conn = conn
        self._key = key
        self._clock = clock

    def append(self, action: str, *, actor: int | None, case_code: str | None = None,
               obj: str | None = None, detail: Mapping[str, DetailValue] | None = None) -> int:
        for value in (action, case_code, obj):
            _check_safe(value)
        detail_text = canonical_detail(detail)
        head = self._conn.execute("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (1, GENESIS) if head is None else (head[0] + 1, bytes(head[1]))
        ts = utc_iso(self._clock.now())
        mac = _mac(self._key, prev, _row_bytes(seq, ts, actor, action, case_code, obj,
                                               detail_text))
        self._conn.execute(
            "INSERT INTO audit(seq, ts_utc, actor_user_id, action, case_code, object, detail,"
            " prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, ts, actor, action, case_code, obj, detail_text, prev, mac),
        )
        return int(seq)

    def verify(self, seals: Iterable[str] = ()) -> ChainReport:
        """Walk the whole chain; name the first broken ``seq`` and any printed seal not found."""
        expected_seq, prev = 1, GENESIS
        broken: int | None = None
        macs: dict[int, bytes] = {}
        count = 0
        rows = self._conn.execute(
            "SELECT seq, ts_utc, actor_user_id, action, case_code, object, detail, prev_mac, mac"
            " FROM audit ORDER BY seq")
        for seq, ts, actor, action, case_code, obj, detail, prev_mac, mac in rows:
            count += 1
            row_mac = bytes(mac)
            macs[seq] = row_mac
            if broken is None:
                recomputed = _mac(self._key, prev, _row_bytes(seq, ts, actor, action, case_code,
                                                               obj, detail))
                if seq != expected_seq:
                    broken = expected_seq
                elif bytes(prev_mac) != prev or not hmac.compare_digest(recomputed, row_mac):
                    broken = seq
            expected_seq, prev = seq + 1, row_mac
        missing = tuple(seal for seal in seals if not _seal_matches(seal, macs))
        head = seal_code(max(macs), macs[max(macs)]) if macs else None
        ok = broken is None and not missing
        return ChainReport(ok, count, broken, missing, head)

    def entries(self, *, case_code: str | None = None, limit: int = 500,
                offset: int = 0) -> list[AuditEntry]:
        sql = ("SELECT seq, ts_utc, actor_user_id, action, case_code, object, detail FROM audit"
               + (" WHERE case_code = ?" if case_code is not None else "")
               + " ORDER BY seq DESC LIMIT ? OFFSET ?")
        params: Sequence[object] = ((case_code, limit, offset) if case_code is not None
                                    else (limit, offset))
        return [AuditEntry(seq, ts, actor, action, code, obj, json.loads(detail))
                for seq, ts, actor, action, code, obj, detail in self._conn.execute(sql, params)]

    def head_seal(self) -> str | None:
        row = self._conn.execute("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return None if row is None else seal_code(row[0], bytes(row[1]))


def seal_code(seq: int, mac: bytes) -> str:
    """``000123-3F2A9C01D4E5B6A7``: short enough to copy onto paper by hand."""
    return f"{seq:06d}-{mac.hex()[:SEAL_HEX].upper()}"


def parse_seal(text: str) -> tuple[int, str] | None:
    match = _SEAL.fullmatch(text)
    if not match:
        return None
    digits = re.sub(r"[\-\s]", "", match.group(2)).lower()
    return (int(match.group(1)), digits) if len(digits) == SEAL_HEX else None


def _seal_matches(seal: str, macs: Mapping[int, bytes]) -> bool:
    parsed = parse_seal(seal)
    if parsed is None:
        return False
    seq, prefix = parsed
    return seq in macs and macs[seq].hex()[:SEAL_HEX] == prefix
