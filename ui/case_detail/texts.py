"""Words and formats shared by the case-detail widgets: times, sizes, yes/no, error details.

Errors become sentences through :mod:`ui.errors`; this module only adds the details the core
passes as codes (which rights are missing, which precondition is unmet), and texts for the few
field codes of case actions that :mod:`ui.errors` does not know.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, tzinfo
from enum import Enum

from PySide6.QtCore import QCoreApplication, QDate

from app.domain.enums import VictimRight
from app.errors import AppError, ErrorCode, ValidationError
from ui.errors import field_message, message_for
from ui.i18n import QT_TRANSLATE_NOOP, indonesian, label_text

CTX = "CaseDetail"
NONE_TEXT = "—"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


# --- formats -------------------------------------------------------------------------------

def day(value: date | None) -> str:
    """``2 Mar 2026`` in Indonesian month names."""
    if value is None:
        return NONE_TEXT
    return indonesian().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def when(moment: datetime | None, tz: tzinfo) -> str:
    """Office-local date and time, Indonesian style: ``2 Mar 2026 09.00 WIB``."""
    if moment is None:
        return NONE_TEXT
    local = moment.astimezone(tz)
    return f"{day(local.date())} {local:%H.%M} {local.tzname() or ''}".rstrip()


def parse_utc(text: str) -> datetime:
    """Audit timestamps are canonical UTC text (``app.clock.utc_iso``)."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def size_text(size: int) -> str:
    if size < 1024:
        return tr("%1 bita").replace("%1", str(size))
    if size < 1024 * 1024:
        return tr("%1 KB").replace("%1", indonesian().toString(size / 1024, "f", 1))
    return tr("%1 MB").replace("%1", indonesian().toString(size / (1024 * 1024), "f", 1))


def yes_no(value: bool | None) -> str:
    if value is None:
        return tr("Tidak diketahui")
    return tr("Ya") if value else tr("Tidak")


def plain(value: object) -> str:
    """Text of an optional value; empty and unknown both show a dash."""
    if value is None or value == "":
        return NONE_TEXT
    if isinstance(value, Enum):
        return label_text(value)
    return str(value)


def labels(values: Iterable[Enum]) -> str:
    """Labels of a set of coded values, sorted for a stable reading order."""
    texts = sorted(label_text(v) for v in values)
    return ", ".join(texts) if texts else NONE_TEXT


# --- errors --------------------------------------------------------------------------------

#: Unmet workflow preconditions (codes from app.domain.workflow.precondition).
PRECONDITIONS: Mapping[str, str] = {
    "victim": QT_TRANSLATE_NOOP(CTX, "data korban (nama, samaran, jenis kelamin atau usia)"),
    "incident": QT_TRANSLATE_NOOP(CTX, "uraian kejadian atau jenis kekerasan seksual"),
    "priority": QT_TRANSLATE_NOOP(CTX, "prioritas hasil triase"),
    "referral": QT_TRANSLATE_NOOP(CTX, "rujukan yang sudah dikirim"),
    "reason": QT_TRANSLATE_NOOP(CTX, "alasan"),
}

#: Field codes of case actions that ui.errors has no sentence for.
FIELD_MESSAGES: Mapping[str, str] = {
    "restricted": QT_TRANSLATE_NOOP(
        CTX, "Petugas ini dibatasi dari kasus ini; cabut pembatasannya dulu."),
    "not_assignable": QT_TRANSLATE_NOOP(
        CTX, "Kasus hanya dapat ditugaskan kepada petugas atau koordinator yang aktif."),
    "cannot_restrict_self_or_assignee": QT_TRANSLATE_NOOP(
        CTX, "Anda sendiri dan petugas yang ditugaskan tidak dapat dibatasi."),
    "unknown_user": QT_TRANSLATE_NOOP(CTX, "Petugas tidak dikenal."),
}


def missing_names(codes: Iterable[object]) -> list[str]:
    """Indonesian names of unmet preconditions; a victim's right is named by its label."""
    rights = {right.value: right for right in VictimRight}
    names = []
    for code in codes:
        text = str(code)
        if text in rights:
            names.append(label_text(rights[text]))
        else:
            names.append(tr(PRECONDITIONS.get(text, text)))
    return names


def describe(error: BaseException) -> str:
    """The error's sentence, plus what exactly is missing when the core says so."""
    text = message_for(error)
    if isinstance(error, AppError) and error.code is ErrorCode.TRANSITION_PRECONDITION:
        missing = error.params.get("missing")
        if isinstance(missing, (list, tuple)) and missing:
            return text + " " + tr("Yang belum ada: %1.").replace(
                "%1", "; ".join(missing_names(missing)))
    return text


def field_texts(error: BaseException) -> dict[str, str]:
    """Field path → Indonesian message, including the case-action codes above."""
    if not isinstance(error, ValidationError):
        return {}
    return {item.field: tr(FIELD_MESSAGES[item.code]) if item.code in FIELD_MESSAGES
            else field_message(item) for item in error.errors}
