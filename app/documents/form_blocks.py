"""Layout pieces of the printed forms: headers, label/value sections, tick boxes, signatures.

Used by the intake form, the consent form, the survivor copy and the SIMFONI data sheet. All
user text goes through :func:`app.documents.text.markup`, every table through
:func:`app.documents.tables.table`, and every drawn string uses the embedded family.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from app.documents import fonts, styles
from app.documents.context import CaseDocument
from app.documents.form_facts import moment_text
from app.documents.page import BOTTOM, PAGE_SIZES, TOP
from app.documents.tables import Cell, table
from app.documents.text import markup
from app.domain.enums import PaperSize

DOTS = "...................................."
#: Room on the shortest page (A4): a table row taller than this fits on no page.
ROOM = PAGE_SIZES[PaperSize.A4][1] - TOP - BOTTOM
LINE = colors.HexColor("#7A7F87")
FIELD_GRID = [("GRID", (0, 0), (-1, -1), 0.4, LINE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
              ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
TIGHT = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
         ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
         ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]

SECTION = ParagraphStyle("form_section", parent=styles.HEADING, fontSize=11, leading=14,
                         spaceBefore=7)
NOTE = ParagraphStyle("form_note", parent=styles.SMALL, textColor=colors.HexColor("#333333"))
TEXT = ParagraphStyle("form_text", parent=styles.CELL, spaceAfter=4)


class TickBox(Flowable):
    """A square to tick by hand; an "X" in it when the record says so (the X is text)."""

    def __init__(self, checked: bool = False, size: float = 3.8 * mm) -> None:
        super().__init__()
        self.checked, self.size = checked, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas, size = self.canv, self.size
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, size, size)
        if self.checked:
            canvas.setFont(fonts.BOLD, size * 0.9)
            canvas.drawCentredString(size / 2, size * 0.2, "X")


class SignatureBox(Flowable):
    """Room for a signature and, when asked for, a square for a thumbprint (cap jempol)."""

    def __init__(self, width: float, thumb: bool, height: float = 26 * mm) -> None:
        super().__init__()
        self.width, self.height, self.thumb = width, height, thumb

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setLineWidth(0.6)
        canvas.setStrokeColor(LINE)
        canvas.setFillColor(LINE)
        canvas.setFont(fonts.REGULAR, 7)
        sign_width = self.width - (self.height + 2 * mm if self.thumb else 0)
        canvas.rect(0, 0, sign_width, self.height)
        canvas.drawString(1.5 * mm, self.height - 3 * mm, "Tanda tangan")
        if self.thumb:
            left = sign_width + 2 * mm
            canvas.rect(left, 0, self.height, self.height)
            canvas.drawString(left + 1.5 * mm, self.height - 3 * mm, "Cap jempol")


@dataclass(frozen=True)
class Party:
    """One signer: role, name (``None`` → a dotted line), date text, thumbprint box or not."""

    role: str
    name: str | None = None
    date: str | None = None
    thumb: bool = True


def header(doc: CaseDocument, title: str, subtitle: str | None = None) -> list[Flowable]:
    """Institution and posko in small type, the title, and the case code."""
    institution = doc.office.institution
    lines = [Paragraph(f"{markup(institution.name)} — {markup(institution.posko_name)}",
                       styles.SMALL),
             Spacer(1, 3 * mm), Paragraph(markup(title), styles.TITLE)]
    if subtitle:
        lines.append(Paragraph(markup(subtitle), styles.CENTER))
    lines += [Paragraph(f"Kode kasus: <b>{markup(doc.case.code)}</b>", styles.CENTER),
              Spacer(1, 3 * mm)]
    return lines


def blank() -> Flowable:
    """An empty cell (a plain ``""`` would print the "—" of an unknown value)."""
    return Spacer(0, 0)


def section(title: str) -> list[Flowable]:
    """A section heading; starts a new page when less than a few rows would fit below it."""
    return [CondPageBreak(32 * mm), Paragraph(markup(title), SECTION)]


def para(text_markup: str, style: ParagraphStyle = TEXT) -> Paragraph:
    """A paragraph of markup already made safe with :func:`markup`."""
    return Paragraph(text_markup, style)


def fields(rows: Sequence[tuple[str, Cell]], width: float, label_share: float = 0.36) -> Table:
    """Label / value rows with a thin grid; values wrap, the table splits between rows."""
    label_width = width * label_share
    return splittable(table([(label, value) for label, value in rows],
                            [label_width, width - label_width], FIELD_GRID), width)


def splittable(built: Table, width: float) -> Table:
    """Let a row taller than a page break across pages (a 20,000-character answer).

    Only then: reportlab's in-row split also cuts an ordinary row at the foot of a page and
    leaves an empty sliver on the next, so tables whose rows all fit split between rows.
    ``splitInRow`` is the least height of either part; a larger minimum makes reportlab give
    up on a row just taller than a page instead of looking for another split point.
    """
    built.wrap(width, ROOM)
    heights = getattr(built, "_rowHeights", None) or ()  # reportlab internals: no public API
    if any(height > ROOM * 0.9 for height in heights):
        built.splitInRow = 1
    return built


def choice(text: str, checked: bool, width: float) -> Table:
    """A tick box with its label."""
    box = TickBox(checked)
    return table([[box, Paragraph(markup(text), styles.CELL)]],
                 [box.size + 2 * mm, width - box.size - 2 * mm],
                 [*TIGHT, ("VALIGN", (0, 0), (-1, -1), "TOP")])


def choices(options: Sequence[tuple[str, bool]], width: float, columns: int = 3) -> Table:
    """Every option of a closed list with its tick box, ``columns`` per row."""
    column = width / columns
    cells: list[Cell] = [choice(text, checked, column - 2 * mm) for text, checked in options]
    cells += [blank() for _ in range(-len(cells) % columns)]
    rows = [cells[start:start + columns] for start in range(0, len(cells), columns)]
    return table(rows, [column] * columns,
                 [*TIGHT, ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                  ("VALIGN", (0, 0), (-1, -1), "TOP")])


def _party_cell(party: Party, width: float) -> list[Flowable]:
    return [Paragraph(f"<b>{markup(party.role)}</b>", styles.CELL), Spacer(1, 1.5 * mm),
            SignatureBox(width, party.thumb), Spacer(1, 1.5 * mm),
            Paragraph(f"Nama: {markup(party.name, empty=DOTS)}", styles.CELL),
            Paragraph(f"Tanggal: {markup(party.date, empty=DOTS)}", styles.CELL)]


def signatures(parties: Sequence[Party], width: float) -> KeepTogether:
    """Signature (and thumbprint) boxes, two signers per row, kept on one page."""
    column = width / 2
    inner = column - 6 * mm
    cells: list[Cell] = [splittable(table([[part] for part in _party_cell(p, inner)], [inner],
                                          TIGHT), inner) for p in parties]
    cells += [blank() for _ in range(len(cells) % 2)]
    rows = [cells[start:start + 2] for start in range(0, len(cells), 2)]
    grid = splittable(table(rows, [column, column],
                            [*TIGHT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm)]), width)
    return KeepTogether([Spacer(1, 4 * mm), grid])


def printed_text(doc: CaseDocument) -> str:
    """Markup: who printed the sheet and when (office zone)."""
    return (f"Dicetak {markup(moment_text(doc.printed_at, doc.tz))} oleh "
            f"{markup(doc.printed_by)}.")


def printed_note(doc: CaseDocument, version: str | None = None) -> Paragraph:
    """Who printed the sheet and when, and the version of its wording."""
    return Paragraph(printed_text(doc) + (f" Versi teks: {markup(version)}." if version else ""),
                     NOTE)
