"""Paper sizes: the document's (from its first page) and the printer's, in millimetres.

Indonesian offices print on F4 (215 × 330 mm), which Windows drivers rarely know: the print
dialog often hands back A4, and printing an F4 page on A4 cuts its bottom off (qcad/qcad#201,
DOCUMENTS.md §12). Sizes are compared within ±1 mm, as oriented: a portrait document on paper
turned landscape does not fit either.
"""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument

from ui.printing.texts import tr

POINTS_PER_MM = 72 / 25.4
#: Sizes closer than this (in each direction) are the same paper.
TOLERANCE_MM = 1.0


def f4() -> QPageSize:
    """Indonesian F4. Without ExactMatch Qt snaps it to FanFoldGermanLegal (215.9 × 330)."""
    return QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def a4() -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.A4)


def portrait(size: QSizeF) -> QSizeF:
    return QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))


def same_paper(first: QSizeF, second: QSizeF) -> bool:
    return (abs(first.width() - second.width()) <= TOLERANCE_MM
            and abs(first.height() - second.height()) <= TOLERANCE_MM)


def document_size(document: QPdfDocument) -> QSizeF:
    """The first page's size in mm (every page of a document has the same size)."""
    points = document.pagePointSize(0)
    return QSizeF(points.width() / POINTS_PER_MM, points.height() / POINTS_PER_MM)


def page_size_for(size: QSizeF) -> QPageSize:
    """The printer page size to ask for: F4 and A4 by name, anything else as it is."""
    for known in (f4(), a4()):
        if same_paper(portrait(size), known.size(QPageSize.Unit.Millimeter)):
            return known
    return QPageSize(portrait(size), QPageSize.Unit.Millimeter, "",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def layout_size(layout: QPageLayout) -> QSizeF:
    """The whole sheet the printer will use, in mm, as oriented."""
    return layout.fullRect(QPageLayout.Unit.Millimeter).size()


def paper_name(size: QSizeF) -> str:
    """"F4", "A4" or "210 × 330 mm" as an officer reads it on the paper packet; "A4 mendatar"
    when the paper is turned landscape."""
    upright = portrait(size)
    name = next((name for name, known in (("F4", f4()), ("A4", a4()))
                 if same_paper(upright, known.size(QPageSize.Unit.Millimeter))), None)
    if name is None:
        name = tr("%1 × %2 mm").replace("%1", f"{upright.width():.0f}").replace(
            "%2", f"{upright.height():.0f}")
    return name if upright == size else tr("%1 mendatar").replace("%1", name)
