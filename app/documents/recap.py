"""Rekap Statistik: monthly or yearly counts for the leadership (DOCUMENTS.md §8, DOMAIN.md §9).

Aggregate only: the :class:`Recap` holds categories and counts of cases whose victim consented
to statistics — no name, case code or free text exists in it, so none can be printed. Counts of
1 and 2 arrive already suppressed (``Cell.count is None``) and print as "<3", in the tables and
in the charts, where such a cell gets no bar. The report is not a case document (no RAHASIA);
it is marked "Terbatas — untuk pimpinan" on every page (security class T, tata naskah dinas).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Final

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from reportlab.platypus.flowables import SetPageTopFlowables

from app.documents import charts, dates, fonts, styles
from app.documents.page import TOP, DocSpec, body_width, build_pdf
from app.documents.tables import GRID, table
from app.documents.tables import Cell as TableCell
from app.documents.text import NOTHING, markup, printable
from app.domain import statistics_labels as words
from app.domain.deadlines import zone
from app.domain.enums import (
    CaseStatus,
)
from app.domain.settings import OfficeSettings
from app.domain.statistics import (
    MONTH,
    Breakdown,
    Cell,
    Recap,
)

#: Template version of the wording below (printed documents are versioned, not translated).
VERSION: Final = "rekap-2026.1"
TITLE: Final = "REKAP STATISTIK PENGADUAN KEKERASAN SEKSUAL"
MARKING: Final = "Terbatas — untuk pimpinan"  # security class T; to confirm with the office
NOTE: Final = ("Hanya kasus dengan persetujuan pelaporan statistik. Angka 1 dan 2 ditampilkan "
               "sebagai <3 untuk melindungi identitas korban; x menandai angka yang ikut "
               "disamarkan agar angka <3 tidak dapat dihitung ulang dari jumlahnya.")
CHART_NOTE: Final = ("Grafik hanya memuat kategori yang berisi kasus; kategori bertanda <3 atau "
                     "x digambarkan tanpa batang.")
MULTI_NOTE: Final = ("Satu kasus dapat termasuk lebih dari satu jenis, sehingga jumlah baris "
                     "dapat melebihi jumlah kasus.")
HIDDEN_AVERAGE: Final = "ditampilkan bila sedikitnya 3 kasus telah dirujuk"

#: Section headings, in print order — shared with the Laporan screen and the exports.
SECTIONS: Final[dict[str, str]] = words.TITLES
MULTI: Final = words.MULTI
#: Rows that can never hold a case: drafts are not counted (app/services/statistics.py).
NEVER: Final = frozenset({("status", CaseStatus.DRAF.value)})
COUNT_WIDTH = 28 * mm
CELL_RIGHT = ParagraphStyle("cell_right", parent=styles.CELL, alignment=TA_RIGHT)
CELL_RIGHT_BOLD = ParagraphStyle("cell_right_bold", parent=styles.CELL_BOLD, alignment=TA_RIGHT)
# Kept with what follows when a long section has to split across pages.
SECTION_HEADING = ParagraphStyle("recap_heading", parent=styles.HEADING, keepWithNext=1)
CAPTION = ParagraphStyle("recap_caption", parent=styles.SMALL, keepWithNext=1, spaceAfter=4)
COMPACT = [("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]


# --- words ---------------------------------------------------------------------------------

def period(start: date, end: date) -> str:
    """The period in words, Indonesian month names from the fixed table.

    ``Bulan Maret 2026``, ``Tahun 2026``, ``Januari – Maret 2026``, ``14 Agustus 2026`` or
    ``1 Januari – 28 November 2026``.
    """
    whole_months = start.day == 1 and (end + timedelta(days=1)).day == 1
    if whole_months and (start.year, start.month) == (end.year, end.month):
        return f"Bulan {dates.MONTHS[start.month - 1]} {start.year}"
    if whole_months and (start.month, end.month, start.year) == (1, 12, end.year):
        return f"Tahun {start.year}"
    if start == end:
        return dates.tanggal(start)
    if whole_months:
        head = dates.MONTHS[start.month - 1] + ("" if start.year == end.year
                                                else f" {start.year}")
        return f"{head} – {dates.MONTHS[end.month - 1]} {end.year}"
    head = (f"{start.day} {dates.MONTHS[start.month - 1]}" if start.year == end.year
            else dates.tanggal(start))
    return f"{head} – {dates.tanggal(end)}"


def category(breakdown: str, key: str) -> str:
    """The Indonesian name of one row (kecamatan names print as the office wrote them)."""
    return words.category(breakdown, key)


def days(average: float | None) -> str:
    """``2,5 hari`` (decimal comma); "—" while hidden."""
    return NOTHING if average is None else f"{average:.1f}".replace(".", ",") + " hari"


# --- page furniture ------------------------------------------------------------------------

class RunningHeader(Flowable):
    """The header line of every page, drawn into the top margin (takes no body space)."""

    def __init__(self, left: str) -> None:
        super().__init__()
        self._left = printable(left)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, 0

    def draw(self) -> None:
        canvas: Canvas = self.canv
        base = TOP * 0.45
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.drawString(0, base, self._left)
        canvas.setFont(fonts.BOLD, 8.5)
        canvas.drawRightString(self.width, base, MARKING.upper())
        canvas.setLineWidth(0.5)
        canvas.line(0, base - 4, self.width, base - 4)


# --- story ---------------------------------------------------------------------------------

def _heading(recap: Recap, office: OfficeSettings, printed_at: datetime) -> list[Flowable]:
    institution = office.institution
    printed = dates.tanggal_jam(printed_at, zone(office.timezone))
    return [
        Paragraph(TITLE, styles.TITLE),
        Paragraph(f"<b>{markup(institution.posko_name)}</b>", styles.CENTER),
        Paragraph(markup(institution.name), styles.CENTER),
        Paragraph(markup(period(recap.start, recap.end)), styles.SUBTITLE),
        Paragraph(markup(f"Dicetak {printed}"), styles.SMALL),
        Spacer(1, 2 * mm),
    ]


def _summary(recap: Recap, width: float) -> list[Flowable]:
    average = days(recap.average_days_to_referral)
    if recap.average_days_to_referral is None:
        average += f" ({HIDDEN_AVERAGE})"
    total = Paragraph(f"<b>{markup(recap.total.shown)}</b>", styles.CELL)
    rows: list[list[TableCell]] = [
        ["Jumlah kasus", total],
        ["Rata-rata waktu dari pengaduan sampai rujukan pertama", average],
        ["Versi pemetaan kategori", f"{recap.mapping_version} (templat {VERSION})"]]
    note = table([[f"Catatan: {NOTE} {CHART_NOTE}"]], [width],
                 [("BOX", (0, 0), (-1, -1), 0.8, "black"), *COMPACT])
    return [table(rows, [width * 0.55, width * 0.45], [*GRID, *COMPACT]), Spacer(1, 3 * mm),
            note]


def _rows(breakdown: Breakdown) -> list[tuple[str, Cell]]:
    return [(category(breakdown.name, cell.key), cell) for cell in breakdown.cells
            if (breakdown.name, cell.key) not in NEVER]


def _section(number: int, breakdown: Breakdown, width: float) -> list[Flowable]:
    title = SECTIONS.get(breakdown.name, breakdown.name)
    rows = _rows(breakdown)
    column = "Bulan" if breakdown.name == MONTH else "Kategori"
    data: list[list[TableCell]] = [[column, Paragraph("Jumlah", CELL_RIGHT_BOLD)]]
    data += [[name, Paragraph(markup(cell.shown), CELL_RIGHT)] for name, cell in rows]
    head: list[Flowable] = [Paragraph(markup(f"{number}. {title}"), SECTION_HEADING)]
    if breakdown.name in MULTI:
        head.append(Paragraph(markup(MULTI_NOTE), CAPTION))
    head.append(table(data, [width - COUNT_WIDTH, COUNT_WIDTH], [*GRID, *COMPACT],
                      header=True, repeat_header=True))
    parts = _chart(f"Grafik {number}. {title}", rows, width, zeros=breakdown.name == MONTH)
    first = parts[0] if parts else []
    # Table and (the first part of) its chart on one page when they fit; reportlab splits
    # the group when it is taller than a page.
    return [KeepTogether([*head, *first]), *(KeepTogether(part) for part in parts[1:])]


def _chart(caption: str, rows: list[tuple[str, Cell]], width: float,
           zeros: bool) -> list[list[Flowable]]:
    """The chart under its table; a long one continues with a "(lanjutan)" caption."""
    parts: list[list[Flowable]] = []
    for index, drawing in enumerate(charts.chart(rows, width, zeros)):
        text = caption if index == 0 else f"{caption} (lanjutan)"
        parts.append([Spacer(1, 3 * mm), Paragraph(markup(text), CAPTION), drawing])
    return parts


def _breakdowns(recap: Recap) -> list[Breakdown]:
    """Every breakdown in print order; per month only when the period spans several."""
    found = {b.name: b for b in recap.breakdowns}
    if len(recap.by_month.cells) > 1:
        found[MONTH] = recap.by_month
    ordered = [found.pop(name) for name in SECTIONS if name in found]
    return [*ordered, *found.values()]


def story(recap: Recap, office: OfficeSettings, printed_at: datetime,
          width: float) -> list[Flowable]:
    header = RunningHeader(f"Rekap Statistik Pengaduan Kekerasan Seksual · "
                           f"{period(recap.start, recap.end)}")
    flow: list[Flowable] = [header, SetPageTopFlowables([header]),
                            *_heading(recap, office, printed_at), *_summary(recap, width)]
    for number, breakdown in enumerate(_breakdowns(recap), 1):
        flow += [Spacer(1, 4 * mm), *_section(number, breakdown, width)]
    return flow


def render(recap: Recap, office: OfficeSettings, printed_at: datetime,
           invariant: bool = False) -> bytes:
    spec = DocSpec(title=f"Rekap Statistik {period(recap.start, recap.end)}",
                   paper=office.paper_size, confidential=False, invariant=invariant)
    return build_pdf(spec, story(recap, office, printed_at, body_width(office.paper_size)))
