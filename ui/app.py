"""Application set-up: one QApplication, the style sheet, logging and the crash handler."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ui import crash, logging_setup
from ui.i18n import indonesian

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Path:
    """A file under resources/ (inside a PyInstaller bundle too, via sys._MEIPASS)."""
    base = Path(getattr(sys, "_MEIPASS", RESOURCES.parent)) / "resources"
    return base / name


def create_application(argv: Sequence[str], debug: bool = False) -> QApplication:
    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("Posko PPKS")
    app.setOrganizationName("PoskoPPKS")
    QLocale.setDefault(indonesian())
    style = resource("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    # Title bar and taskbar; the .exe's own icon is set by build.spec from posko.ico.
    app.setWindowIcon(QIcon(str(resource("icons/posko.png"))))
    logging_setup.configure(debug=debug)
    crash.install()
    return app
