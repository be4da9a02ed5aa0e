"""S10: the hash-chained audit log (SECURITY.md §4).

An attacker who holds the database key can run any SQL, so each test first drops the
append-only triggers the way such an attacker would, tampers with raw SQL, and expects the
verifier to name the first broken ``seq``. Truncating the tail keeps the chain consistent and is
caught only against a printed seal.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import re
import secrets
from typing import Any

import pytest
import sqlcipher3
from hypothesis import given
from hypothesis import strategies as st

from app.audit import GENESIS, derive_audit_key, parse_seal, seal_code
from app.cli.main import main
from app.errors import StorageError
from app.services.session import Session
from app.services.vault import Vault
from app.store.connection import Connection
from app.store.tx import write_transaction
from tests import helpers

SEAL_FORMAT = re.compile(r"\d{6,}-[0-9A-F]{16}")
COLUMNS = ("seq", "ts_utc", "actor_user_id", "action", "case_code", "object", "detail",
           "prev_mac", "mac")


def _populate(session: Session, cases: int = 6) -> int:
    """Create some cases; returns the audit length (rows 1-2 are vault.create, user.add)."""
    for index in range(cases):
        session.cases.create(helpers.minimal_intake(name=f"Korban Nomor {index}"))
    return session.ctx.audit.verify().count


def _drop_triggers(conn: Connection) -> None:
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")


def _row(conn: Connection, seq: int) -> tuple[Any, ...]:
    return tuple(conn.execute(f"SELECT {', '.join(COLUMNS)} FROM audit WHERE seq = ?",
                              (seq,)).fetchone())


def _put_row(conn: Connection, seq: int, row: tuple[Any, ...]) -> None:
    """Overwrite every column but ``seq`` of row ``seq`` with ``row``'s values."""
    assignments = ", ".join(f"{name} = ?" for name in COLUMNS[1:])
    conn.execute(f"UPDATE audit SET {assignments} WHERE seq = ?", (*row[1:], seq))


def _independent_mac(key: bytes, prev: bytes, row: tuple[Any, ...]) -> bytes:
    """The MAC as SECURITY.md §4 defines it, recomputed without app.audit's helpers."""
    seq, ts, actor, action, case_code, obj, detail = row[:7]
    text = json.dumps([seq, ts, actor, action, case_code, obj, detail],
                      separators=(",", ":"), ensure_ascii=True)
    return hmac.new(key, prev + text.encode(), hashlib.sha256).digest()


def _audit_key(conn: Connection) -> bytes:
    row = conn.execute("SELECT value FROM vault_meta WHERE key = 'audit_key'").fetchone()
    return bytes.fromhex(row[0])


# --- a clean chain ------------------------------------------------------------------------


def test_clean_chain_verifies_and_matches_the_documented_formula(session: Session) -> None:
    count = _populate(session)
    report = session.ctx.audit.verify()
    assert report.ok and report.first_broken_seq is None and report.count == count
    conn = session.ctx.conn
    key = _audit_key(conn)
    key_copy = session.db_key_copy()
    assert derive_audit_key(key_copy) == key
    prev = GENESIS
    for seq in range(1, count + 1):
        row = _row(conn, seq)
        assert bytes(row[7]) == prev
        assert _independent_mac(key, prev, row) == bytes(row[8])
        prev = bytes(row[8])


def test_triggers_refuse_update_and_delete(session: Session) -> None:
    count = _populate(session, cases=2)
    conn = session.ctx.conn
    before = [_row(conn, seq) for seq in range(1, count + 1)]
    with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit SET action = 'case.view' WHERE seq = 2")
    with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit WHERE seq = 3")
    with pytest.raises(StorageError), write_transaction(conn):
        conn.execute("DELETE FROM audit")
    assert [_row(conn, seq) for seq in range(1, count + 1)] == before
    assert session.ctx.audit.verify().ok


# --- tampering by raw SQL -----------------------------------------------------------------


@pytest.mark.parametrize("column", COLUMNS[1:])
def test_editing_any_column_names_that_row(session: Session, column: str) -> None:
    _populate(session)
    conn = session.ctx.conn
    _drop_triggers(conn)
    value: object = {"ts_utc": "2026-01-01T00:00:00.000000Z", "actor_user_id": 99,
                     "action": "case.view", "case_code": "999/PPKS/3316/2026",
                     "object": "user:mallory", "detail": '{"x":1}',
                     "prev_mac": secrets.token_bytes(32), "mac": secrets.token_bytes(32)}[column]
    conn.execute(f"UPDATE audit SET {column} = ? WHERE seq = 5", (value,))
    report = session.ctx.audit.verify()
    assert not report.ok
    assert report.first_broken_seq == 5


@pytest.mark.parametrize("target", ["first", "middle", "last"])
def test_edit_at_either_end_is_named(session: Session, target: str) -> None:
    count = _populate(session)
    seq = {"first": 1, "middle": count // 2, "last": count}[target]
    _drop_triggers(session.ctx.conn)
    session.ctx.conn.execute("UPDATE audit SET action = 'case.forged' WHERE seq = ?", (seq,))
    assert session.ctx.audit.verify().first_broken_seq == seq


@pytest.mark.parametrize("seq", [1, 4])
def test_deleting_a_row_names_the_missing_seq(session: Session, seq: int) -> None:
    count = _populate(session)
    _drop_triggers(session.ctx.conn)
    session.ctx.conn.execute("DELETE FROM audit WHERE seq = ?", (seq,))
    report = session.ctx.audit.verify()
    assert not report.ok
    assert report.first_broken_seq == seq
    assert report.count == count - 1


def test_swapping_the_contents_of_two_rows_names_the_earlier(session: Session) -> None:
    _populate(session)
    conn = session.ctx.conn
    _drop_triggers(conn)
    row4, row7 = _row(conn, 4), _row(conn, 7)
    _put_row(conn, 4, row7)
    _put_row(conn, 7, row4)
    assert session.ctx.audit.verify().first_broken_seq == 4


def test_swapping_the_seq_numbers_of_two_rows_names_the_earlier(session: Session) -> None:
    _populate(session)
    conn = session.ctx.conn
    _drop_triggers(conn)
    conn.execute("UPDATE audit SET seq = -1 WHERE seq = 3")
    conn.execute("UPDATE audit SET seq = 3 WHERE seq = 6")
    conn.execute("UPDATE audit SET seq = 6 WHERE seq = -1")
    assert session.ctx.audit.verify().first_broken_seq == 3


def test_a_forged_row_is_named(session: Session) -> None:
    count = _populate(session)
    conn = session.ctx.conn
    head = _row(conn, count)
    conn.execute(  # INSERT is allowed by the triggers: the chain must catch it
        "INSERT INTO audit(seq, ts_utc, actor_user_id, action, case_code, object, detail,"
        " prev_mac, mac) VALUES (?, ?, 1, 'case.create', NULL, NULL, '{}', ?, ?)",
        (count + 1, head[1], head[8], secrets.token_bytes(32)))
    assert session.ctx.audit.verify().first_broken_seq == count + 1


def test_a_forged_row_after_a_gap_names_the_first_missing_seq(session: Session) -> None:
    count = _populate(session)
    conn = session.ctx.conn
    head = _row(conn, count)
    conn.execute("INSERT INTO audit VALUES (?, ?, 1, 'case.create', NULL, NULL, '{}', ?, ?)",
                 (count + 3, head[1], head[8], secrets.token_bytes(32)))
    assert session.ctx.audit.verify().first_broken_seq == count + 1


def test_a_row_replaced_by_a_forgery_is_named(session: Session) -> None:
    _populate(session)
    conn = session.ctx.conn
    _drop_triggers(conn)
    original = _row(conn, 5)
    conn.execute("DELETE FROM audit WHERE seq = 5")
    conn.execute("INSERT INTO audit VALUES (5, ?, 1, 'case.view', NULL, NULL, '{}', ?, ?)",
                 (original[1], _row(conn, 4)[8], secrets.token_bytes(32)))
    assert session.ctx.audit.verify().first_broken_seq == 5


# --- seals: truncation and whole-chain rewrites ----------------------------------------------


def test_truncated_tail_is_caught_only_against_a_printed_seal(session: Session) -> None:
    _populate(session, cases=3)
    seal = session.integrity.seal()
    assert seal is not None
    sealed_seq = int(seal.split("-")[0])
    _populate(session, cases=3)
    assert session.ctx.audit.verify([seal]).ok  # the seal is no false alarm
    _drop_triggers(session.ctx.conn)
    session.ctx.conn.execute("DELETE FROM audit WHERE seq >= ?", (sealed_seq - 1,))
    assert session.ctx.audit.verify().ok  # a consistent shorter chain: undetectable alone
    report = session.ctx.audit.verify([seal])
    assert not report.ok and report.missing_seals == (seal,)
    assert report.first_broken_seq is None
    check = session.integrity.check([seal])
    assert not check.ok and check.audit.missing_seals == (seal,)


def test_a_key_holder_rewriting_the_chain_is_caught_by_a_seal(session: Session) -> None:
    count = _populate(session)
    seal = session.ctx.audit.head_seal()
    assert seal is not None
    conn = session.ctx.conn
    _drop_triggers(conn)
    key = _audit_key(conn)  # readable by anyone holding the DB key
    conn.execute("UPDATE audit SET action = 'case.view' WHERE seq = 4")
    prev = bytes(_row(conn, 3)[8])
    for seq in range(4, count + 1):
        mac = _independent_mac(key, prev, _row(conn, seq))
        conn.execute("UPDATE audit SET prev_mac = ?, mac = ? WHERE seq = ?", (prev, mac, seq))
        prev = mac
    assert session.ctx.audit.verify().ok  # the forger recomputed every MAC
    assert session.ctx.audit.verify([seal]).missing_seals == (seal,)


def test_seal_variants_typed_by_hand_still_match(session: Session) -> None:
    _populate(session, cases=1)
    seal = session.ctx.audit.head_seal()
    assert seal is not None and SEAL_FORMAT.fullmatch(seal)
    seq_text, hex_text = seal.split("-")
    grouped = " ".join(hex_text[i:i + 4] for i in range(0, 16, 4))
    variants = [seal.lower(), f"  {seal}  ", f"{int(seq_text)}-{hex_text}",
                f"{seq_text} {grouped.lower()}", f"{seq_text} - {grouped.replace(' ', '-')}"]
    assert session.ctx.audit.verify(variants).ok
    wrong_mac = f"{seq_text}-{'0' * 16}" if hex_text != "0" * 16 else f"{seq_text}-{'1' * 16}"
    report = session.ctx.audit.verify(["kode asal-asalan", wrong_mac, f"999999-{hex_text}"])
    assert len(report.missing_seals) == 3 and not report.ok


@given(seq=st.integers(min_value=1, max_value=10**12 - 1), mac=st.binary(min_size=32,
                                                                        max_size=32))
def test_seal_code_format_round_trips(seq: int, mac: bytes) -> None:
    code = seal_code(seq, mac)
    assert SEAL_FORMAT.fullmatch(code)
    assert code.endswith(mac.hex()[:16].upper())
    assert parse_seal(code) == (seq, mac.hex()[:16])
    assert parse_seal(code.lower()) == parse_seal(f" {code} ")


@pytest.mark.parametrize("text", ["", "000012", "000012-", "000012-3F2A9C01D4E5B6A",
                                  "000012-3F2A9C01D4E5B6A7F", "000012-3F2A9C01D4E5B6AG",
                                  "-3F2A9C01D4E5B6A7", "0000123F2A9C01D4E5B6A7",
                                  "abc-3F2A9C01D4E5B6A7"])
def test_parse_seal_refuses_malformed_codes(text: str) -> None:
    assert parse_seal(text) is None


# --- what the log may hold ----------------------------------------------------------------


@pytest.mark.parametrize("detail", [
    {"name": "Siti Aminah"}, {"chronology": "Korban menerima pesan tidak pantas."},
    {"note": "a" * 81}, {"line": "satu\ndua"}, {"name": "Ñandú"}, {"score": 1.5},
    {"nested": {"name": "x"}}, {"deep": [["x"]]}, {"full name": 1}, {"names": ["ok", "Siti A"]},
])
def test_detail_guard_refuses_content(session: Session, detail: dict[str, object]) -> None:
    audit, conn = session.ctx.audit, session.ctx.conn
    count = audit.verify().count
    with pytest.raises(ValueError), write_transaction(conn):
        audit.append("case.update", actor=1, detail=detail)  # type: ignore[arg-type]
    assert audit.verify().count == count


@pytest.mark.parametrize("field", ["action", "case_code", "obj"])
def test_guard_refuses_content_in_action_code_and_object(session: Session, field: str) -> None:
    audit = session.ctx.audit
    count = audit.verify().count
    name = "Siti Aminah"
    with pytest.raises(ValueError), write_transaction(session.ctx.conn):
        audit.append(name if field == "action" else "case.view", actor=1,
                     case_code=name if field == "case_code" else None,
                     obj=name if field == "obj" else None)
    assert audit.verify().count == count


def test_detail_guard_accepts_codes_and_numbers(session: Session) -> None:
    audit = session.ctx.audit
    detail = {"fields": ["victim.full_name", "incident.chronology"], "count": 3, "ok": True,
              "none": None, "code": "001/PPKS/3316/2026", "ids": [1, 2],
              "at": "2026-03-02T02:00:00Z", "user": "petugas_1"}
    with write_transaction(session.ctx.conn):
        seq = audit.append("case.update", actor=1, case_code="001/PPKS/3316/2026",
                           obj="attachment:7", detail=detail)  # type: ignore[arg-type]
    entry = audit.entries(limit=1)[0]
    assert entry.seq == seq and dict(entry.detail) == detail
    assert audit.verify().ok


# --- reads are processing too ---------------------------------------------------------------


def test_case_reads_are_audited_without_content(session: Session) -> None:
    name = "Dewi Kartika Sentosa"
    ref = session.cases.create(helpers.minimal_intake(name=name))
    session.cases.get(ref.id)
    latest = session.ctx.audit.entries(limit=1)[0]
    assert (latest.action, latest.case_code, latest.actor_user_id) == (
        "case.view", ref.code, session.user.id)
    assert session.cases.reveal_victim_name(ref.id) == name
    latest = session.ctx.audit.entries(limit=1)[0]
    assert (latest.action, latest.case_code) == ("case.reveal_name", ref.code)
    dump = json.dumps([e.__dict__ for e in session.ctx.audit.entries()], default=str)
    assert "Dewi" not in dump and "Kartika" not in dump


def _cli_verify(vault: Vault) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--data-dir", str(vault.paths.root), "verify", "--user", helpers.KOORDINATOR,
                 "--password-stdin"], stdin=io.StringIO(helpers.KOORDINATOR_PASSWORD + "\n"),
                stdout=out, stderr=io.StringIO())
    return code, out.getvalue()


def test_cli_verify_is_audited_and_reports_tampering(vault: Vault, session: Session,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSKO_KDF_PROFILE", "floor")
    _populate(session)
    session.close()
    assert _cli_verify(vault)[0] == 0
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        checks = [e for e in again.ctx.audit.entries() if e.action == "integrity.check"]
        assert len(checks) == 1 and checks[0].detail["ok"] is True
        assert checks[0].actor_user_id == again.user.id
        _drop_triggers(again.ctx.conn)
        again.ctx.conn.execute("UPDATE audit SET actor_user_id = 2 WHERE seq = 4")
    code, text = _cli_verify(vault)
    assert code == 3
    assert "entri pertama yang rusak: nomor 4" in text
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        last_check = next(e for e in again.ctx.audit.entries() if e.action == "integrity.check")
        assert last_check.detail["ok"] is False
        assert last_check.detail["audit_first_broken"] == 4
