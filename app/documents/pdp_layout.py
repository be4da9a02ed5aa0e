"""Layout shared by the UU PDP documents: the kop, numbered tables, signers, the version line.

Every table goes through :func:`app.documents.tables.table`, every user text through
:func:`app.documents.text.markup`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.documents import fonts, letterhead, styles
from app.documents import pdp_texts as t
from app.documents.form_blocks import splittable
from app.documents.page import FirstPageDrawer
from app.documents.tables import GRID, PLAIN_CELLS, Cell, table
from app.documents.text import markup
from app.domain.settings import OfficeSettings
from app.domain.validation import SHORT_TEXT

SECTION = ParagraphStyle("pdp_section", parent=styles.PLAIN, fontName=fonts.BOLD,
                         spaceBefore=8, spaceAfter=3)
VERSION = ParagraphStyle("pdp_version", parent=styles.SMALL, fontSize=7, leading=9,
                         textColor=colors.grey)
SIGN = ParagraphStyle("pdp_sign", parent=styles.PLAIN, alignment=1)
INDENT = 6 * mm
ROOM = 18 * mm  # for the signature and the stamp


def kop(office: OfficeSettings) -> FirstPageDrawer:
    """The letterhead on page 1, from the office settings."""
    def draw(canvas: Canvas, left: float, top: float, width: float) -> float:
        return letterhead.draw(canvas, office.institution, office.logo, left, top, width)
    return draw


def fill(template: str, **values: str) -> str:
    """Paragraph markup of a wording template with escaped, printable user text."""
    return escape(template).format(**{key: markup(value) for key, value in values.items()})


def body(template: str, **values: str) -> Paragraph:
    return Paragraph(fill(template, **values), styles.BODY)


def section(text: str) -> Paragraph:
    return Paragraph(markup(text), SECTION)


def short(text: str | None) -> str:
    """At most a short field's length, cut visibly: signature cells are rows that cannot
    split across pages, so only validated lengths may go there."""
    text = text or ""
    return text if len(text) <= SHORT_TEXT else text[:SHORT_TEXT - 1] + "…"


def grid(header: Sequence[str], rows: Sequence[Sequence[Cell]], shares: Sequence[float],
         width: float) -> Table:
    """A ruled table with a repeated header row; long tables split between rows."""
    widths = [width * share for share in shares]
    return splittable(table([list(header), *rows], widths, GRID, header=True,
                            repeat_header=True), width)


def labelled(rows: Sequence[tuple[str, str]], width: float, label_width: float = 50 * mm
             ) -> Table:
    """Label, colon, value with the colons aligned (a borderless block)."""
    data: list[list[Cell]] = [[Paragraph(markup(label), styles.PLAIN),
                               Paragraph(":", styles.PLAIN), Paragraph(markup(value),
                                                                       styles.PLAIN)]
                              for label, value in rows]
    built = table(data, [INDENT + label_width, 4 * mm, width - INDENT - label_width - 4 * mm],
                  [*PLAIN_CELLS, ("LEFTPADDING", (0, 0), (0, -1), INDENT),
                   ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    return splittable(built, width)


@dataclass(frozen=True)
class Signer:
    """One signature block: heading lines, then room to sign, the name (or dots), the NIP."""

    heading: Sequence[str]
    name: str | None = None
    nip: str | None = None

    def top(self) -> Paragraph:
        return Paragraph("<br/>".join(markup(short(line), empty="") for line in self.heading),
                         SIGN)

    def bottom(self) -> Paragraph:
        nip = f"NIP {markup(short(self.nip))}" if self.nip else escape(t.NIP_BLANK)
        return Paragraph(f"<b><u>{markup(short(self.name), empty=t.DOTS)}</u></b><br/>{nip}",
                         SIGN)


def signers(left: Signer, right: Signer, width: float, below: Signer | None = None
            ) -> KeepTogether:
    """Two signers side by side (headings on one line, names on one line) and an optional
    third centred below, all on one page."""
    rows: list[list[Cell]] = [[left.top(), right.top()], ["", ""],
                              [left.bottom(), right.bottom()]]
    commands: list[tuple[Any, ...]] = [
        *PLAIN_CELLS, ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, 0), "TOP"), ("VALIGN", (0, 2), (-1, 2), "BOTTOM"),
        ("TOPPADDING", (0, 1), (-1, 1), ROOM)]
    if below is not None:
        rows += [[below.top(), ""], ["", ""], [below.bottom(), ""]]
        commands += [("SPAN", (0, 3), (1, 3)), ("SPAN", (0, 5), (1, 5)),
                     ("TOPPADDING", (0, 3), (-1, 3), 8 * mm),
                     ("TOPPADDING", (0, 4), (-1, 4), ROOM)]
    return KeepTogether([Spacer(1, 8 * mm), table(rows, [width / 2, width / 2], commands)])


def version_line() -> Flowable:
    return Paragraph(escape(t.VERSION_LINE.format(version=t.VERSION)), VERSION)
