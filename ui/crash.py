"""Unexpected errors: logged without locals or message text, shown as a calm Indonesian dialog.

The exception *message* can hold case data (a name inside a KeyError, SQL parameters), so
neither the log nor the "Salin detail" text contains it: only the exception type and the
stack (files, lines, functions).
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from ui.clipboard import copy_text

log = logging.getLogger(__name__)


def safe_details(kind: type[BaseException], tb: TracebackType | None) -> str:
    """Exception type and stack frames — never the message or local variables."""
    frames = traceback.extract_tb(tb)
    lines = [f"{kind.__module__}.{kind.__qualname__}"]
    lines += [f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames]
    return "\n".join(lines)


def handle_exception(kind: type[BaseException], error: BaseException,
                     tb: TracebackType | None) -> None:
    del error  # its text may contain case data
    details = safe_details(kind, tb)
    log.error("unexpected error:\n%s", details)
    if QApplication.instance() is not None:
        ErrorDialog.launch(details)


class ErrorDialog(QMessageBox):
    """Generic error with a "Salin detail" button; the app keeps running."""

    def __init__(self, details: str) -> None:
        super().__init__()
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Posko PPKS"))
        self.setText(self.tr("Terjadi kesalahan tak terduga. Pekerjaan Anda yang sudah "
                             "tersimpan aman; silakan coba lagi."))
        self.setInformativeText(self.tr("Jika terulang, salin detail dan kirimkan ke pengelola "
                                        "aplikasi. Detail tidak memuat data kasus."))
        self._details = details
        copy = self.addButton(self.tr("Salin detail"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(self._copy)
        self.addButton(self.tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)

    def _copy(self) -> None:
        copy_text(self._details)

    @classmethod
    def launch(cls, details: str) -> None:
        cls(details).exec()


def install() -> None:
    sys.excepthook = handle_exception
