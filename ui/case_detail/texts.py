"""Words and formats shared by the case-detail widgets: times, sizes, yes/no, error details.

Errors become sentences through :mod:`ui.errors`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, tzinfo
from enum import Enum

from PySide6.QtCore import QCoreApplication, QDate

from ui.i18n import indonesian, label_text

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
