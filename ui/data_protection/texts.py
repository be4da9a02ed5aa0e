"""Words shared by the data-protection screens: the deadline countdown, document titles.

Titles name a document and at most a case code — never a person (window titles and the print
queue show them).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

CTX = "DataProtection"
NONE_TEXT = "—"
#: The word typed to confirm a destruction, and the one for an erasure on request.
DESTROY_WORD = "MUSNAHKAN"
ERASE_WORD = "HAPUS"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def countdown(due: datetime, now: datetime) -> str:
    """``sisa 31 jam`` before the deadline, ``terlambat 5 jam`` after it (whole hours)."""
    seconds = (due - now).total_seconds()
    hours = int(abs(seconds) // 3600)
    if seconds >= 0:
        if hours < 1:
            return tr("sisa kurang dari 1 jam")
        return tr("sisa %1 jam").replace("%1", str(hours))
    if hours < 1:
        return tr("terlambat kurang dari 1 jam")
    return tr("terlambat %1 jam").replace("%1", str(hours))


def destruction_title() -> str:
    return tr("Berita Acara Pemusnahan")


def access_report_title(code: str) -> str:
    return tr("Laporan Akses Data Pribadi — %1").replace("%1", code)


def breach_notice_title() -> str:
    return tr("Surat Pemberitahuan Kegagalan Pelindungan Data Pribadi")
