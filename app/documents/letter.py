"""The anatomy of an official letter (surat dinas), shared by referral and escalation letters.

Place and date top right; Nomor / Sifat / Lampiran / Hal on the left with aligned colons;
"Yth." and the addressee's *jabatan* (never a person's name), "di" and the place; the body;
the signature block on the right (jabatan, room for signature and stamp, name, NIP only for
ASN) kept on one page; tembusan bottom left (DOCUMENTS.md §2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.documents import styles
from app.documents.page import body_width
from app.documents.tables import PLAIN_CELLS, Cell, table
from app.documents.text import markup
from app.domain.enums import PaperSize
from app.domain.settings import Signatory


@dataclass(frozen=True)
class LetterParts:
    place_date: str
    number: str
    lampiran: str
    hal: str
    addressee: str
    attention: str | None
    destination: str
    body: Sequence[Flowable]
    signatory: Signatory
    signatory_unit: str
    tembusan: Sequence[str] = ("Arsip",)
    sifat: str = "Rahasia"


def _cell(text: str, bold: bool = False) -> Paragraph:
    return Paragraph(markup(text, empty=""), styles.PLAIN_BOLD if bold else styles.PLAIN)


def _heading_block(parts: LetterParts, width: float) -> Table:
    date = Paragraph(markup(parts.place_date), styles.RIGHT)
    rows: list[list[Cell]] = [[_cell(label), _cell(":"), _cell(value, bold=label == "Hal"),
             date if index == 0 else ""]
            for index, (label, value) in enumerate((("Nomor", parts.number),
                                                     ("Sifat", parts.sifat),
                                                     ("Lampiran", parts.lampiran),
                                                     ("Hal", parts.hal)))]
    return table(rows, [24 * mm, 4 * mm, width * 0.55 - 28 * mm, width * 0.45],
                 [*PLAIN_CELLS, ("RIGHTPADDING", (0, 0), (-1, -1), 0)])


def _addressee(parts: LetterParts) -> list[Flowable]:
    lines = [f"Yth. {markup(parts.addressee)}"]
    if parts.attention:
        lines.append(f"u.p. {markup(parts.attention)}")
    lines += ["di", f"&nbsp;&nbsp;&nbsp;&nbsp;{markup(parts.destination)}"]
    return [Paragraph("<br/>".join(lines), styles.PLAIN), Spacer(1, 8 * mm)]


def signature_block(signatory: Signatory, unit: str, width: float) -> KeepTogether:
    """Right-hand signature block: jabatan, room for signature and stamp, name, NIP."""
    lines = [f"{markup(signatory.position, empty='')} {markup(unit, empty='')},",
             "<br/><br/><br/><br/>",
             f"<b>{markup(signatory.name, empty='.................................')}</b>"]
    if signatory.nip:
        lines.append(f"NIP {markup(signatory.nip)}")
    block = table([["", Paragraph("<br/>".join(lines), styles.PLAIN)]],
                  [width * 0.5, width * 0.5], PLAIN_CELLS)
    return KeepTogether([Spacer(1, 6 * mm), block])


def _tembusan(items: Sequence[str]) -> list[Flowable]:
    if not items:
        return []
    text = "<br/>".join(f"{number}. {markup(item)}" for number, item in enumerate(items, 1))
    return [Spacer(1, 8 * mm), Paragraph("<u>Tembusan:</u><br/>" + text, styles.SMALL)]


def story(parts: LetterParts, paper: PaperSize) -> list[Flowable]:
    """Every flowable of the letter, in order."""
    width = body_width(paper)
    return [_heading_block(parts, width), Spacer(1, 8 * mm), *_addressee(parts),
            *parts.body, signature_block(parts.signatory, parts.signatory_unit, width),
            *_tembusan(parts.tembusan)]


def paragraph(text_markup: str) -> Paragraph:
    """A justified body paragraph from markup built with :func:`app.documents.text.markup`."""
    return Paragraph(text_markup, styles.INDENTED)
