"""SQL for the letter-number register. Only services call this module."""

from __future__ import annotations

from datetime import datetime

from app.store.codec import ts
from app.store.connection import Connection


def number_for(conn: Connection, referral_id: int) -> str | None:
    row = conn.execute("SELECT number_text FROM letter_numbers WHERE referral_id = ?",
                       (referral_id,)).fetchone()
    return None if row is None else str(row[0])


def taken(conn: Connection, number_text: str) -> bool:
    return conn.execute("SELECT 1 FROM letter_numbers WHERE number_text = ?",
                        (number_text,)).fetchone() is not None


def next_serial(conn: Connection, year: int) -> int:
    """The next serial of the year; the counter only grows (numbers are never reused)."""
    conn.execute("INSERT INTO letter_counters(year, last_number) VALUES (?, 0)"
                 " ON CONFLICT(year) DO NOTHING", (year,))
    conn.execute("UPDATE letter_counters SET last_number = last_number + 1 WHERE year = ?",
                 (year,))
    return int(conn.execute("SELECT last_number FROM letter_counters WHERE year = ?",
                            (year,)).fetchone()[0])


def insert(conn: Connection, *, number_text: str, year: int, serial: int | None, kind: str,
           case_id: int, case_code: str, referral_id: int, issued_at: datetime,
           user_id: int) -> None:
    conn.execute(
        "INSERT INTO letter_numbers(number_text, year, serial, kind, case_id, case_code,"
        " referral_id, manual, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (number_text, year, serial, kind, case_id, case_code, referral_id,
         int(serial is None), ts(issued_at), user_id))
