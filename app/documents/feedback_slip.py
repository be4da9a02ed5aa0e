"""Lembar Umpan Balik: the one-page return slip the receiving unit fills in (DOCUMENTS.md §6).

It quotes the case code and the letter number (never a name), says who sent the referral and
how to reach the posko, and leaves room for the date received, the receiving officer (name,
unit, signature), the referral's status, the action taken (a box per requested service and
free lines), the follow-up plan, and the return instruction with the feedback deadline of the
referral's priority. Its return moves the case to "Dalam pemantauan" (DOMAIN.md §6).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.documents import dates, fonts, styles
from app.documents import letter_texts as t
from app.documents import referral_facts as facts
from app.documents.context import ReferralDocument
from app.documents.page import DocSpec, body_width, build_pdf
from app.documents.referral_parts import fill
from app.documents.tables import GRID, PLAIN_CELLS, Cell, table
from app.documents.text import markup, printable
from app.domain.enums import PaperSize, ReferralKind, ReferralOutcome
from app.domain.labels import label

HEADING = ParagraphStyle("slip_heading", parent=styles.PLAIN, fontName=fonts.BOLD, fontSize=10.5,
                         leading=13, spaceBefore=5, spaceAfter=2)
SUBTITLE = ParagraphStyle("slip_subtitle", parent=styles.SUBTITLE, fontSize=10, leading=12,
                          spaceAfter=6)
BOX = 3.6 * mm
LINE = 6.5 * mm
LABEL_WIDTH = 46 * mm


class _TickBox(Flowable):
    """An empty square to tick by hand (the font has no ballot-box glyph)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        del availWidth, availHeight
        return BOX, BOX

    def draw(self) -> None:
        self.canv.setLineWidth(0.7)
        self.canv.rect(0, -0.6 * mm, BOX, BOX)


def _cell(text: str, bold: bool = False) -> Paragraph:
    return Paragraph(markup(text, empty=""), styles.CELL_BOLD if bold else styles.CELL)


def _letter_kind(doc: ReferralDocument) -> str:
    kind = doc.referral.referral.kind if doc.referral else ReferralKind.RUJUKAN
    return t.PENERUSAN_TITLE if kind is ReferralKind.PENERUSAN else t.RUJUKAN_TITLE


def _reference_rows(doc: ReferralDocument) -> list[tuple[str, str]]:
    sent = dates.tanggal(facts.local_day(doc, doc.referral.sent_at)) if doc.referral else "—"
    institution = doc.office.institution
    sender = (f"{institution.posko_name.strip()}, {institution.name.strip()}; "
              f"petugas: {doc.printed_by.strip()}")
    return [(t.LABEL_CODE, doc.case.code), (t.SLIP_LETTER_KIND, _letter_kind(doc)),
            (t.SLIP_LETTER_NUMBER, doc.letter_number.strip() or t.SLIP_UNNUMBERED),
            (t.SLIP_LETTER_DATE, sent),
            (t.SLIP_RECIPIENT, doc.recipient.name if doc.recipient else "—"),
            (t.LABEL_PRIORITY, facts.priority_text(doc)), (t.SLIP_SENDER, sender)]


def _grid(rows: Sequence[Sequence[Cell]], width: float) -> Table:
    built = table(rows, [LABEL_WIDTH, width - LABEL_WIDTH], GRID)
    built.splitInRow = 1  # a very long value must not stop the slip from rendering
    return built


def _reference(doc: ReferralDocument, width: float) -> Table:
    return _grid([[_cell(name, bold=True), _cell(value)]
                  for name, value in _reference_rows(doc)], width)


def _received(width: float) -> Table:
    rows: list[list[Cell]] = [[_cell(name), Spacer(1, LINE - 2 * mm)]
                              for name in t.SLIP_RECEIVED_ROWS[:-1]]
    rows.append([_cell(t.SLIP_RECEIVED_ROWS[-1]), Spacer(1, 1.6 * LINE)])
    return _grid(rows, width)


def _ticks(items: Sequence[str], width: float, columns: int = 2) -> Table:
    """Tick boxes with their labels, ``columns`` to a row."""
    cells: list[Cell] = []
    for item in items:
        cells += [_TickBox(), _cell(item)]
    cells += [""] * (-len(cells) % (2 * columns))
    rows = [cells[i:i + 2 * columns] for i in range(0, len(cells), 2 * columns)]
    column = width / columns
    return table(rows, [6 * mm, column - 6 * mm] * columns,
                 [*PLAIN_CELLS, ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])


def _lines(count: int, width: float, lead: str = "") -> Table:
    """Ruled lines to write on; the first may start with a label."""
    lead_width = 20 * mm if lead else 0
    rows: list[list[Cell]] = [[_cell(lead if index == 0 else ""), Spacer(1, LINE - 3 * mm)]
                              for index in range(count)]
    widths = [lead_width, width - lead_width]
    if not lead:
        rows, widths = [row[1:] for row in rows], widths[1:]
    return table(rows, widths, [*PLAIN_CELLS, ("LINEBELOW", (-1, 0), (-1, -1), 0.5, "black"),
                                ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])


def _actions(doc: ReferralDocument, width: float) -> list[Flowable]:
    requested = facts.service_labels(doc) or [label(need) for need in sorted(
        doc.case.intake.needs.items, key=lambda need: need.value)]
    extra = [t.SLIP_POLICE] if facts.pasal41_applies(doc) else []
    flow: list[Flowable] = [Paragraph(markup(t.SLIP_ACTIONS), HEADING)]
    if requested:
        flow.append(_ticks(requested, width))
    if extra:
        flow.append(_ticks(extra, width, columns=1))
    return [*flow, _lines(_free_lines(doc, 2, 3), width, t.SLIP_OTHER_ACTION)]


def _free_lines(doc: ReferralDocument, a4: int, f4: int) -> int:
    """F4 is 33 mm taller than A4: more lines to write on, still one page."""
    return f4 if doc.paper is PaperSize.F4 else a4


def _return_box(doc: ReferralDocument, width: float) -> Table:
    institution = doc.office.institution
    text = fill(t.SLIP_RETURN, posko=institution.posko_name,
                institution=facts.posko_contacts(doc, address=True), due=facts.due_text(doc))
    body = Paragraph(f"<b>{text}</b><br/>{markup(t.SLIP_RETURN_NOTE)}", styles.CELL)
    built = table([[body]], [width], [("BOX", (0, 0), (-1, -1), 1, "black"),
                                      ("TOPPADDING", (0, 0), (-1, -1), 5),
                                      ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
    built.splitInRow = 1
    return built


def story(doc: ReferralDocument) -> list[Flowable]:
    width = body_width(doc.paper)
    outcomes = [label(outcome) for outcome in ReferralOutcome]
    return [
        Paragraph(markup(t.SLIP_TITLE), styles.TITLE),
        Paragraph(markup(t.SLIP_SUBTITLE), SUBTITLE), _return_box(doc, width),
        Paragraph(markup(t.SLIP_REFERENCE), HEADING), _reference(doc, width),
        Paragraph(markup(t.SLIP_RECEIVED), HEADING), _received(width),
        Paragraph(markup(t.SLIP_STATUS), HEADING), _ticks(outcomes, width),
        *_actions(doc, width),
        Paragraph(markup(t.SLIP_PLAN), HEADING), _lines(_free_lines(doc, 3, 6), width),
    ]


def render(doc: ReferralDocument) -> bytes:
    # Metadata: the form's name and the case code only.
    spec = DocSpec(title=printable(f"{t.SLIP_DOC_TITLE} {doc.case.code}"), paper=doc.paper,
                   confidential=True, invariant=doc.invariant)
    return build_pdf(spec, story(doc))
