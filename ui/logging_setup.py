"""Logging for the desktop app: a rotating file in the per-user log folder (STYLE.md §6).

Code logs IDs and case codes only. The redacting filter is the backstop, not the plan: it masks
anything shaped like a NIK or a phone number, and Qt's own messages are routed through it.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

import platformdirs

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from app.paths import APP_AUTHOR, APP_NAME

_DIGITS = re.compile(r"\+?\d[\d\s\-.]{7,}\d")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
log = logging.getLogger("ui")


class RedactingFilter(logging.Filter):
    """Replace long digit runs (NIK, phone numbers) in every record with ``[disamarkan]``."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = _DIGITS.sub("[disamarkan]", message)
        record.args = None
        return True


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def configure(folder: Path | None = None, debug: bool = False) -> Path:
    """Set up the root logger once; returns the log file path."""
    target = folder or log_dir()
    target.mkdir(parents=True, exist_ok=True)
    path = target / "posko.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    qInstallMessageHandler(_qt_message)
    return path


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    del context  # file/line of Qt internals: no use to us, and never case data
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.INFO), "%s", message)
