"""Paper, margins, page templates and page furniture for every document.

* A4 or F4 (215 × 330 mm — reportlab has no F4), margins per the common agency rule
  (top 2.5, bottom 3, left 3, right 2.5 cm; KPU's own rule to confirm with the office).
* The letterhead (kop) only on the first page; letters number continuation pages "- n -" at
  the top centre (tata naskah dinas); every multi-page document gets "Halaman x dari y".
* Case documents carry a red RAHASIA marking on every page.
* Built into memory; ``invariant`` gives byte-identical output for tests.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm, mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from app.documents import fonts
from app.domain.enums import PaperSize

F4 = (215 * mm, 330 * mm)
PAGE_SIZES = {PaperSize.A4: A4, PaperSize.F4: F4}
TOP, BOTTOM, LEFT, RIGHT = 2.5 * cm, 3 * cm, 3 * cm, 2.5 * cm
RED = colors.HexColor("#A11D21")

#: Draws on the first page's canvas (the letterhead); returns the height it used.
FirstPageDrawer = Callable[[Canvas, float, float, float], float]


@dataclass(frozen=True)
class DocSpec:
    """What every document declares about itself (never victim data: it is PDF metadata)."""

    title: str
    paper: PaperSize
    confidential: bool = True
    letter: bool = False             # "- n -" at the top of continuation pages
    invariant: bool = False          # byte-identical output (tests)
    author: str = "Posko PPKS"
    kop_height: float = 0.0          # space reserved on page 1 for the letterhead
    first_page: FirstPageDrawer | None = None


class _NumberedCanvas(Canvas):
    """Buffers pages so the footer can say "Halaman x dari y" (reportlab has no total)."""

    def __init__(self, *args: Any, spec: DocSpec, **kwargs: Any) -> None:
        # Without this the canvas starts on Helvetica, which is never embedded.
        kwargs["initialFontName"] = fonts.REGULAR
        super().__init__(*args, **kwargs)
        self._spec = spec
        self._spec_size = PAGE_SIZES[spec.paper]
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab internals: no stubs

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._furniture(self.getPageNumber(), total)
            super().showPage()
        super().save()

    def _furniture(self, number: int, total: int) -> None:
        width, height = self._spec_size
        self.setFont(fonts.REGULAR, 9)
        self.setFillColor(colors.black)
        if total > 1 and (number > 1 or not self._spec.letter):
            self.drawCentredString(width / 2, BOTTOM / 2,
                                   f"Halaman {number} dari {total}")
        if self._spec.letter and number > 1:
            self.setFont(fonts.REGULAR, 12)
            self.drawCentredString(width / 2, height - TOP / 2, f"- {number} -")
        if self._spec.confidential:
            self.setFont(fonts.BOLD, 11)
            self.setFillColor(RED)
            self.drawRightString(width - RIGHT, height - TOP / 2 + 4, "RAHASIA")


def _frames(spec: DocSpec) -> tuple[Frame, Frame]:
    width, height = PAGE_SIZES[spec.paper]
    body_width = width - LEFT - RIGHT
    first = Frame(LEFT, BOTTOM, body_width, height - TOP - BOTTOM - spec.kop_height,
                  id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(LEFT, BOTTOM, body_width, height - TOP - BOTTOM, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return first, later


def body_width(paper: PaperSize) -> float:
    return PAGE_SIZES[paper][0] - LEFT - RIGHT


def build_pdf(spec: DocSpec, story: Sequence[Flowable]) -> bytes:
    """Lay out the story and return the PDF bytes (nothing touches the disk)."""
    fonts.register()
    buffer = io.BytesIO()
    first, later = _frames(spec)
    page_size = PAGE_SIZES[spec.paper]

    def draw_first(canvas: Canvas, doc: BaseDocTemplate) -> None:
        del doc
        if spec.first_page is not None:
            width, height = page_size
            spec.first_page(canvas, LEFT, height - TOP, width - LEFT - RIGHT)

    doc = BaseDocTemplate(buffer, pagesize=page_size, title=spec.title, author=spec.author,
                          subject=spec.title, creator="Posko PPKS", lang="id-ID",
                          invariant=int(spec.invariant), initialFontName=fonts.REGULAR,
                          leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                          bottomMargin=BOTTOM)
    doc.addPageTemplates([PageTemplate("first", [first], onPage=draw_first),
                          PageTemplate("later", [later])])
    doc.build([NextPageTemplate("later"), *story],
              canvasmaker=lambda *a, **k: _NumberedCanvas(*a, spec=spec, **k))
    return buffer.getvalue()
