"""Berita Acara Pemusnahan Data Pribadi: the record of destroyed cases (SECURITY.md §6, C3).

Printed from ``destroyed_cases`` right after a destruction, or later again: kop, title, a
number line to fill by hand, the day and date in words, who destroyed, a table of the case
codes with their dates (there is no name left to print), the legal basis and reason, how the
data was destroyed — and that backups made before still hold it until they are destroyed —
then the signatures of the koordinator, a witness (saksi) and the head of office (mengetahui).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents import dates, letterhead, styles
from app.documents import pdp_layout as lay
from app.documents import pdp_texts as t
from app.documents.page import DocSpec, body_width, build_pdf
from app.documents.pdp_context import DestroyedEntry, DestructionDocument
from app.documents.tables import Cell
from app.documents.text import markup, printable


def _event_day(doc: DestructionDocument) -> date:
    """The day of the destruction (the latest one when a reprint covers several days)."""
    if not doc.entries:
        return doc.printed_at.astimezone(doc.tz).date()
    return max(entry.destroyed_at for entry in doc.entries).astimezone(doc.tz).date()


def _opening(doc: DestructionDocument) -> Paragraph:
    day = _event_day(doc)
    return lay.body(t.BA_OPENING, weekday=dates.DAYS[day.weekday()],
                    day=dates.terbilang(day.day), month=dates.MONTHS[day.month - 1],
                    year=dates.terbilang(day.year), short=f"{day:%d-%m-%Y}",
                    institution=doc.office.institution.name)


def _executor(doc: DestructionDocument) -> str:
    """Who destroyed: the one officer of every entry, else whoever prints the record."""
    names = {entry.destroyed_by for entry in doc.entries}
    return names.pop() if len(names) == 1 else doc.printed_by


def _who(doc: DestructionDocument, width: float) -> list[Flowable]:
    position = t.BA_WHO_POSITION_TEXT.format(posko=doc.office.institution.posko_name)
    return [lay.labelled([(t.BA_WHO_NAME, _executor(doc)), (t.BA_WHO_POSITION, position)],
                         width, 30 * mm), Spacer(1, 3 * mm)]


def _day(value: date | None) -> str | None:
    return None if value is None else dates.tanggal(value)


def _row(doc: DestructionDocument, number: int, entry: DestroyedEntry) -> list[Cell]:
    return [str(number), entry.code, _day(entry.received_on), _day(entry.closed_on),
            dates.tanggal_jam(entry.destroyed_at, doc.tz), entry.destroyed_by]


def _cases(doc: DestructionDocument, width: float) -> list[Flowable]:
    count = len(doc.entries)
    rows = [_row(doc, number, entry) for number, entry in enumerate(doc.entries, 1)]
    return [lay.body(t.BA_DONE, posko=doc.office.institution.posko_name,
                     count=f"{count} ({dates.terbilang(count)})"),
            lay.grid(t.BA_TABLE_HEADER, rows, (0.06, 0.25, 0.15, 0.15, 0.21, 0.18), width)]


def _groups(entries: Sequence[DestroyedEntry]) -> list[tuple[str, str, list[str]]]:
    """Distinct (legal basis, reason) pairs in table order, each with its case codes."""
    groups: dict[tuple[str, str], list[str]] = {}
    for entry in entries:
        groups.setdefault((entry.legal_basis, entry.reason), []).append(entry.code)
    return [(basis, reason, codes) for (basis, reason), codes in groups.items()]


def _basis(doc: DestructionDocument, width: float) -> list[Flowable]:
    groups = _groups(doc.entries)
    parts: list[Flowable] = [lay.section(t.BA_BASIS_HEADING)]
    for basis, reason, codes in groups:
        rows = [(t.BA_BASIS, basis), (t.BA_REASON, reason)]
        if len(groups) > 1:
            rows.insert(0, (t.BA_CODES, ", ".join(codes)))
        parts += [lay.labelled(rows, width, 30 * mm), Spacer(1, 2 * mm)]
    return parts


def _backups(doc: DestructionDocument, width: float) -> list[Flowable]:
    if not doc.backups:
        return [Paragraph(markup(t.BA_NO_BACKUPS), styles.BODY)]
    rows: list[list[Cell]] = [[str(number), backup.file_name,
                               dates.tanggal_jam(backup.created_at, doc.tz)]
                              for number, backup in enumerate(doc.backups, 1)]
    return [Paragraph(markup(t.BA_BACKUPS), styles.BODY),
            lay.grid(t.BA_BACKUPS_HEADER, rows, (0.08, 0.52, 0.40), width), Spacer(1, 2 * mm)]


def _how(doc: DestructionDocument, width: float) -> list[Flowable]:
    return [lay.section(t.BA_HOW_HEADING),
            *(Paragraph(markup(text), styles.BODY) for text in t.BA_HOW),
            *_backups(doc, width), Paragraph(markup(t.BA_OTHER_COPIES), styles.BODY)]


def _signatures(doc: DestructionDocument, width: float) -> Flowable:
    institution, signatory = doc.office.institution, doc.office.signatory
    executor = lay.Signer([t.BA_EXECUTOR, t.BA_WHO_POSITION_TEXT.format(
        posko=institution.posko_name)], _executor(doc))
    head = lay.Signer([t.BA_ACKNOWLEDGED, f"{signatory.position} {institution.name}"],
                      signatory.name, signatory.nip)
    return lay.signers(lay.Signer([t.BA_WITNESS]), executor, width, head)


def story(doc: DestructionDocument) -> list[Flowable]:
    width = body_width(doc.paper)
    return [Paragraph(f"<u>{markup(t.BA_TITLE)}</u>", styles.TITLE),
            Paragraph(markup(t.BA_NUMBER), styles.SUBTITLE),
            _opening(doc), *_who(doc, width), *_cases(doc, width), *_basis(doc, width),
            *_how(doc, width), Paragraph(markup(t.BA_CLOSING), styles.BODY),
            _signatures(doc, width), Spacer(1, 4 * mm), lay.version_line()]


def title(doc: DestructionDocument) -> str:
    """PDF metadata: the document name and the case code (or the count) — never a name."""
    codes = [entry.code for entry in doc.entries]
    return printable(f"{t.BA_DOC_TITLE} {codes[0] if len(codes) == 1 else f'{len(codes)} kasus'}")


def render(doc: DestructionDocument) -> bytes:
    spec = DocSpec(title=title(doc), paper=doc.paper, confidential=True,
                   invariant=doc.invariant, kop_height=letterhead.HEIGHT,
                   first_page=lay.kop(doc.office))
    return build_pdf(spec, story(doc))
