"""Printing a previewed PDF straight to a paper printer, from memory.

Each page is rendered at about 300 dpi into an image (an F4 page is ~40 MB; the 1200 dpi a
``HighResolution`` printer reports would be ~630 MB) and painted onto the printer's page
(DOCUMENTS.md §12). Nothing goes through a file: the print dialog's "print to file" is off,
and printers that only write files ("Microsoft Print to PDF", XPS, OneNote…) are refused —
they would leave the letter on disk in plain text (SECURITY.md L6).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ui.printing import paper
from ui.printing.questions import PaperQuestion
from ui.printing.texts import tr

#: Resolution of the page images sent to the printer.
PRINT_DPI = 300
#: Printer names of drivers that write a file instead of paper (lower case).
FILE_WRITERS = ("pdf", "xps", "onenote", "document writer", "fax", "print to file")


class PrintOutcome(StrEnum):
    PRINTED = "printed"
    CANCELLED = "cancelled"
    #: The chosen "printer" writes files.
    REFUSED = "refused"
    #: The printer could not be opened.
    FAILED = "failed"


class PrintDialog:
    """Seam for tests: :meth:`ask` runs the system print dialog on ``printer``."""

    @staticmethod
    def ask(parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
        """True when the officer chose a printer and pressed Print."""
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(tr("Cetak"))
        # Printing to a file would leave the document on disk unencrypted (SECURITY.md L6).
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, max(1, pages))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted and not printer.outputFileName()


def writes_files(printer_name: str) -> bool:
    """True for "printers" that save a file (PDF, XPS, OneNote, fax) rather than print."""
    name = printer_name.casefold()
    return any(marker in name for marker in FILE_WRITERS)


def print_document(parent: QWidget | None, document: QPdfDocument, job_name: str) -> PrintOutcome:
    """Ask for a printer, check its paper against the document's, and print.

    ``job_name`` shows in the print queue: a document name and case code, never a person.
    """
    wanted = paper.document_size(document)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job_name)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setPageSize(paper.page_size_for(wanted))
    if not PrintDialog.ask(parent, printer, document.pageCount()):
        return PrintOutcome.CANCELLED
    if writes_files(printer.printerName()):
        return PrintOutcome.REFUSED
    # Re-read after the dialog: drivers without an F4 form hand back A4 (DOCUMENTS.md §12).
    loaded = paper.layout_size(printer.pageLayout())
    if not paper.same_paper(loaded, wanted) and not PaperQuestion.ask(
            parent, paper.paper_name(loaded), paper.paper_name(wanted)):
        return PrintOutcome.CANCELLED
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return paint(printer, document, pages_to_print(printer, document.pageCount()))
    finally:
        QGuiApplication.restoreOverrideCursor()


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """Page indexes (from 0) the dialog asked for, each repeated for the copies the printer
    cannot make itself."""
    pages = range(count)
    if printer.printRange() is QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = range(printer.fromPage() - 1, min(printer.toPage(), count))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    return [page for _ in range(copies) for page in pages]


def paint(printer: QPrinter, document: QPdfDocument, pages: list[int]) -> PrintOutcome:
    painter = QPainter()
    if not pages or not painter.begin(printer):
        return PrintOutcome.FAILED
    try:
        sheet = QRectF(QPointF(0, 0), printer.paperRect(QPrinter.Unit.DevicePixel).size())
        for number, page in enumerate(pages):
            if number and not printer.newPage():
                return PrintOutcome.FAILED
            image = render_page(document, page, PRINT_DPI)
            painter.drawImage(fitted(QSizeF(image.size()), sheet), image)
    finally:
        painter.end()
    return PrintOutcome.PRINTED


def fitted(image: QSizeF, sheet: QRectF) -> QRectF:
    """``image`` scaled to fit ``sheet`` keeping its proportions, centred across, at the top.

    On the document's own paper this is the whole sheet (1:1); on smaller paper it is the
    "fit-to-page" the officer agreed to.
    """
    scale = min(sheet.width() / image.width(), sheet.height() / image.height())
    size = QSizeF(image.width() * scale, image.height() * scale)
    return QRectF(QPointF(sheet.left() + (sheet.width() - size.width()) / 2, sheet.top()), size)


def render_page(document: QPdfDocument, page: int, dpi: int) -> QImage:
    """One page as an opaque image at ``dpi`` (Qt renders onto a transparent background,
    which some printer drivers print grey or black)."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    rendered = document.render(page, size)
    sheet = QImage(size, QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return sheet
