"""Layout shared by the Surat Rujukan and the Surat Penerusan.

The kop on page 1 only, the letter anatomy of :mod:`app.documents.letter`, numbered facts
blocks with aligned colons, the lampiran list under the tembusan (its length is the Lampiran
count on top) and the text version in small type at the very end.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from app.documents import dates, fonts, letter, letterhead, styles
from app.documents import letter_texts as t
from app.documents import referral_facts as facts
from app.documents.context import ReferralDocument
from app.documents.page import PAGE_SIZES, DocSpec, FirstPageDrawer, body_width, build_pdf
from app.documents.tables import PLAIN_CELLS, table
from app.documents.text import markup, printable
from app.domain.settings import Signatory
from app.domain.validation import SHORT_TEXT

INDENT = 6 * mm
LABEL_WIDTH = 56 * mm
MAX_TAIL = 0.5  # of the page height
LIST = ParagraphStyle("referral_list", parent=styles.BODY, leftIndent=INDENT + 2 * mm,
                      bulletIndent=INDENT - 4 * mm, bulletFontSize=styles.BODY_SIZE,
                      spaceAfter=2)
SECTION = ParagraphStyle("referral_section", parent=styles.PLAIN, fontName=fonts.BOLD,
                         spaceBefore=6, spaceAfter=3)
VERSION = ParagraphStyle("referral_version", parent=styles.SMALL, fontSize=7, leading=9,
                         textColor=colors.grey)


def fill(template: str, **values: str) -> str:
    """Paragraph markup of a wording template with escaped, printable user text."""
    return escape(template).format(**{key: markup(value) for key, value in values.items()})


def paragraph(template: str, **values: str) -> Paragraph:
    """A justified body paragraph with a first-line indent."""
    return letter.paragraph(fill(template, **values))


def plain(template: str, **values: str) -> Paragraph:
    return Paragraph(fill(template, **values), styles.BODY)


def numbered(items: Sequence[str]) -> list[Flowable]:
    """``1. …`` items with a hanging indent (the legal basis)."""
    return [Paragraph(markup(item), LIST, bulletText=f"{number}.")
            for number, item in enumerate(items, 1)]


def dashed(items: Sequence[str]) -> list[Flowable]:
    return [Paragraph(markup(item), LIST, bulletText="-") for item in items]


#: Rows whose value prints in bold (the 72-hour medical flag).
EMPHASIS = frozenset({t.LABEL_FLAG})


def _value(text: str, bold: bool = False) -> Paragraph:
    return Paragraph(f"<b>{markup(text)}</b>" if bold else markup(text), styles.PLAIN)


def facts_table(rows: Sequence[facts.Row], width: float) -> Table:
    """Label, colon, value, with the colons in one column; long values split across pages."""
    data = [[Spacer(1, 1), _value(label), _value(":"), _value(value, label in EMPHASIS)]
            for label, value in rows]
    built = table(data, [INDENT, LABEL_WIDTH, 4 * mm, width - INDENT - LABEL_WIDTH - 4 * mm],
                  [*PLAIN_CELLS, ("TOPPADDING", (0, 0), (-1, -1), 0),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    # A single value (an address, an accommodation note) may be longer than a page; without
    # this reportlab cannot split the row and gives up. tables.table has no parameter for it.
    built.splitInRow = 1
    return built


def section(number: int, heading: str) -> Paragraph:
    return Paragraph(f"{number}. {markup(heading)}", SECTION)


def facts_section(number: int, heading: str, rows: Sequence[facts.Row],
                  width: float) -> list[Flowable]:
    return [section(number, heading), facts_table(rows, width)]


def lines_section(number: int, heading: str, lines: Sequence[str]) -> list[Flowable]:
    return [section(number, heading), *dashed(lines), Spacer(1, 2 * mm)]


def closing(doc: ReferralDocument) -> list[Flowable]:
    """Feedback request and posko contact, common to both letters (the penutup follows)."""
    institution = doc.office.institution
    return [paragraph(t.FEEDBACK_REQUEST, due=facts.due_text(doc),
                      posko=institution.posko_name, institution=facts.posko_contacts(doc),
                      officer=doc.printed_by)]


def _height(flowables: Sequence[Flowable], width: float) -> float:
    """Laid-out height, measured on a scratch canvas that is never saved."""
    scratch = Canvas(io.BytesIO())
    return sum(f.wrapOn(scratch, width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
               for f in flowables)


def _short(text: str | None) -> str:
    """At most a short field's length (what validation allows), cut visibly with "…".

    ``letter.py`` lays out the heading and signature blocks as tables whose rows cannot split
    across pages; only text far beyond the validated length could outgrow a page there.
    """
    text = text or ""
    return text if len(text) <= SHORT_TEXT else text[:SHORT_TEXT - 1] + "…"


def _signatory(doc: ReferralDocument) -> tuple[Signatory, str]:
    signatory = doc.office.signatory
    return (Signatory(name=_short(signatory.name) or None, position=_short(signatory.position),
                      nip=_short(signatory.nip) or None), _short(doc.office.institution.name))


def _penutup(doc: ReferralDocument, items: Sequence[str]) -> list[Flowable]:
    """The penutup, starting a new page when it would not fit there together with the
    signature, tembusan and lampiran: a signature page always carries some body text."""
    width = width_of(doc)
    tail = [paragraph(t.CLOSING), letter.signature_block(*_signatory(doc), width),
            _end_block(items)]
    # Capped, so an enormous signature block cannot ask for more than a page holds.
    need = min(_height(tail, width), MAX_TAIL * PAGE_SIZES[doc.paper][1])
    return [CondPageBreak(need), paragraph(t.CLOSING)]


def _kop(doc: ReferralDocument) -> FirstPageDrawer:
    def draw(canvas: Canvas, left: float, top: float, width: float) -> float:
        return letterhead.draw(canvas, doc.office.institution, doc.office.logo, left, top,
                               width)
    return draw


def _listing(heading: str, items: Sequence[str]) -> Paragraph:
    text = "<br/>".join(f"{number}. {markup(item)}" for number, item in enumerate(items, 1))
    return Paragraph(f"<u>{escape(heading)}</u><br/>{text}", styles.SMALL)


def _end_block(items: Sequence[str]) -> KeepTogether:
    """Tembusan ("Arsip" only), the lampiran list and the text version, kept on one page.

    The tembusan is drawn here rather than by ``letter.story`` so it never sits alone on a
    last page apart from the lampiran list that belongs with it.
    """
    version = Paragraph(escape(t.VERSION_LINE.format(version=t.VERSION)), VERSION)
    return KeepTogether([Spacer(1, 6 * mm), _listing(t.TEMBUSAN_HEADING, t.TEMBUSAN),
                         Spacer(1, 3 * mm), _listing(t.ATTACH_HEADING, items),
                         Spacer(1, 2 * mm), version])


def build_letter(doc: ReferralDocument, title: str, hal: str, body: Sequence[Flowable]) -> bytes:
    """The whole letter: kop, heading block, addressee, body, signature, tembusan, lampiran."""
    recipient = doc.recipient
    items = facts.attachments(doc)
    signatory, unit = _signatory(doc)
    parts = letter.LetterParts(
        place_date=_short(facts.place_date(doc)), number=_short(doc.letter_number),
        lampiran=dates.jumlah_berkas(len(items)), hal=hal,
        addressee=recipient.addressee if recipient else "",
        attention=recipient.attention if recipient else None,
        destination=facts.destination(doc), body=[*body, *_penutup(doc, items)],
        signatory=signatory, signatory_unit=unit, tembusan=(), sifat=t.SIFAT)
    story = [*letter.story(parts, doc.paper), _end_block(items)]
    # PDF metadata: the document name and the letter number (or case code), never a name.
    spec = DocSpec(title=printable(f"{title} {doc.letter_number or doc.case.code}"),
                   paper=doc.paper, confidential=True, letter=True, invariant=doc.invariant,
                   kop_height=letterhead.HEIGHT, first_page=_kop(doc))
    return build_pdf(spec, story)


def width_of(doc: ReferralDocument) -> float:
    return body_width(doc.paper)
