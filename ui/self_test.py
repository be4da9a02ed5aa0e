"""``posko --self-test``: does this build work on this PC? One line per step, exit 0 or 1.

A frozen app fails where a Qt plugin, a data file or a hidden import was left out, so the
self-test touches each: the bundled resources, SQLCipher and Argon2id (a throw-away vault from
app/selftest.py), reportlab and its fonts (a referral letter), QtPdf (the letter loaded from
memory and rendered), QtPrintSupport (the letter "printed" to a PDF file inside the throw-away
folder). The folder is deleted at the end, pass or fail.

A windowed Windows exe has no console (``sys.stdout`` is None and ``print`` writes nothing), so
``--self-test-report PATH`` also writes the lines to a file; the exit code is set either way.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, qVersion
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from app import __version__, selftest
from app.selftest import Probe, Step, StepFailed
from ui.app import resource
from ui.printing import paper, printer
from ui.workspace import PAGES

#: Files a bundle must carry; a missing one fails quietly elsewhere (no style, no icon).
RESOURCES = ("style.qss", "fonts/LiberationSans-Regular.ttf", "fonts/LiberationSans-Bold.ttf",
             "fonts/OFL.txt", "icons/posko.png")
PREVIEW_DPI = 50


def check_resources(probe: Probe) -> None:
    del probe
    missing = [name for name in RESOURCES if not resource(name).is_file()]
    if missing:
        raise StepFailed("tidak ada " + ", ".join(missing))


def import_pages(probe: Probe) -> None:
    """The workspace imports its pages by name when first opened, out of PyInstaller's sight:
    a page left out of the bundle would fail only when an officer clicks on it."""
    del probe
    for module, name in PAGES.values():
        getattr(importlib.import_module(module), name)


class _Loaded:
    """A QPdfDocument read from memory, with the buffer it reads from kept alive beside it."""

    def __init__(self, pdf: bytes) -> None:
        self.data = QByteArray(pdf)
        self.buffer = QBuffer()
        self.buffer.setData(self.data)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)  # from a buffer the document is parsed at once
        if self.document.status() is not QPdfDocument.Status.Ready:
            raise StepFailed(f"status {self.document.status().name}, {self.document.error()}")


def load_pdf(probe: Probe) -> None:
    """The letter as the preview shows it: loaded from bytes and rendered, with ink on it."""
    loaded = _Loaded(probe.pdf)
    if loaded.document.pageCount() < 1:
        raise StepFailed("PDF tanpa halaman")
    page = printer.render_page(loaded.document, 0, PREVIEW_DPI)
    grey = page.convertToFormat(QImage.Format.Format_Grayscale8)
    if page.isNull() or bytes(grey.constBits()).count(255) == grey.sizeInBytes():
        raise StepFailed("halaman pertama kosong")


def print_pdf(probe: Probe) -> None:
    """The app's own print path, onto a PDF "printer" inside the throw-away folder."""
    if probe.folder is None:
        raise StepFailed("folder uji tidak ada")
    target = probe.folder / "cetak-uji.pdf"
    sheet = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    sheet.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    sheet.setOutputFileName(str(target))
    sheet.setFullPage(True)
    loaded = _Loaded(probe.pdf)
    sheet.setPageSize(paper.page_size_for(paper.document_size(loaded.document)))
    outcome = printer.paint(sheet, loaded.document, [0])
    if outcome is not printer.PrintOutcome.PRINTED or not target.read_bytes().startswith(b"%PDF"):
        raise StepFailed(f"hasil cetak {outcome.value}")


STEPS: tuple[Step, ...] = (
    ("berkas sumber daya", check_resources), ("muat halaman", import_pages),
    *selftest.BEFORE_QT,
    ("muat PDF (QtPdf)", load_pdf), ("cetak (QtPrintSupport)", print_pdf), *selftest.AFTER_QT,
)


def header() -> str:
    packed = "terpaket" if getattr(sys, "frozen", False) else "dari sumber"
    return (f"Posko PPKS {__version__} — uji mandiri (Qt {qVersion()}, "
            f"platform {QGuiApplication.platformName()}, {packed})")


def run(parent: Path | None = None, report_file: Path | None = None,
        emit: Callable[[str], None] = print) -> int:
    """Run every step in a new folder under ``parent`` (default: the temp folder).

    Needs a QGuiApplication. Returns the exit code: 0 when every step passed, else 1. Nothing
    here may raise: an escaped exception would open the app's modal crash dialog, which no one
    is there to close in CI.
    """
    started = time.perf_counter()
    lines: list[str] = []

    def report(line: str) -> None:
        lines.append(line)
        with contextlib.suppress(OSError):  # a closed console (``| head``) is no failure
            emit(line)

    report(header())
    ok = selftest.run(STEPS, Probe(parent=parent), report)
    report(f"UJI MANDIRI {'BERHASIL' if ok else 'GAGAL'} "
           f"({time.perf_counter() - started:.1f} s)")
    if report_file is not None:
        try:
            report_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        except OSError as error:
            report(f"GAGAL tulis laporan: {type(error).__name__}: {error}")
            return 1
    return 0 if ok else 1
