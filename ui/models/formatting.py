"""Dates and times as the office reads them: Indonesian month names, the office's time zone.

Formats are fixed (never the PC's locale), so every screen shows "02 Mar 2026" and "14.05".
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from PySide6.QtCore import QDate, QTime

from ui.i18n import indonesian

DATE_FORMAT = "dd MMM yyyy"
TIME_FORMAT = "HH.mm"


def local_date(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


def format_date(day: date) -> str:
    return indonesian().toString(QDate(day.year, day.month, day.day), DATE_FORMAT)


def format_moment_date(moment: datetime, tz: tzinfo) -> str:
    """The office-local date of an instant."""
    return format_date(local_date(moment, tz))


def format_moment(moment: datetime, tz: tzinfo) -> str:
    """Office-local date and time of an instant: ``02 Mar 2026 14.05``."""
    local = moment.astimezone(tz)
    clock = indonesian().toString(QTime(local.hour, local.minute), TIME_FORMAT)
    return f"{format_date(local.date())} {clock}"
