"""Letter numbers from a per-year register (DOCUMENTS.md §2.1).

A referral or escalation letter gets exactly one number: the next serial of the year formatted
with the office's template, or the number the administration (Subbag Umum/TU) gave, entered by
hand. A number is never issued twice (the register keeps every number for good), and issuing
one is audited. Functions run inside the caller's write transaction.
"""

from __future__ import annotations

from datetime import datetime

from app.audit import AuditLog
from app.domain import deadlines as clocks
from app.domain import validation
from app.domain.case_numbers import CODE_CHARS, MAX_CODE_LENGTH, format_code
from app.domain.settings import OfficeSettings
from app.errors import ValidationError
from app.store import letter_repo
from app.store.connection import Connection


def clean_manual(number: object) -> str:
    """A hand-entered letter number: printable code characters only, as in the audit log."""
    text = validation.clean_single(number, "letter_number")
    if text is None:
        raise ValidationError.single("letter_number", "required")
    if len(text) > MAX_CODE_LENGTH or not CODE_CHARS.fullmatch(text):
        raise ValidationError.single("letter_number", "code_format")
    return text


def issue(conn: Connection, audit: AuditLog, office: OfficeSettings, *, referral_id: int,
          case_id: int, case_code: str, kind: str, now: datetime, user_id: int,
          manual: str | None = None) -> str:
    """The letter's number, issuing one (next serial, or ``manual``) if it has none yet."""
    existing = letter_repo.number_for(conn, referral_id)
    if existing is not None:
        return existing
    local = now.astimezone(clocks.zone(office.timezone))
    if manual is not None:
        number, serial = clean_manual(manual), None
        if letter_repo.taken(conn, number):
            raise ValidationError.single("letter_number", "taken")
    else:
        serial, number = _next_free(conn, office, local)
    letter_repo.insert(conn, number_text=number, year=local.year, serial=serial, kind=kind,
                       case_id=case_id, case_code=case_code, referral_id=referral_id,
                       issued_at=now, user_id=user_id)
    audit.append("letter.number_issued", actor=user_id, case_code=case_code,
                 detail={"number": number, "manual": serial is None, "kind": kind})
    return number


def _next_free(conn: Connection, office: OfficeSettings, local: datetime) -> tuple[int, str]:
    """Skip numbers someone entered by hand that the template would produce again."""
    while True:
        serial = letter_repo.next_serial(conn, local.year)
        number = format_code(office.letter_number_template, number=serial, year=local.year,
                             region_code=office.institution.region_code, month=local.month)
        if not letter_repo.taken(conn, number):
            return serial, number


def number_for_referral(conn: Connection, referral_id: int) -> str | None:
    """The number a referral's letter already has, if any (feedback slips quote it)."""
    return letter_repo.number_for(conn, referral_id)
