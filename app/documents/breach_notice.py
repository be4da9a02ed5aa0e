"""Surat Pemberitahuan Kegagalan Pelindungan Data Pribadi (UU PDP Pasal 46; SECURITY.md C4).

An official letter (kop, Nomor / Sifat / Lampiran / Hal, "Yth.", body, signature, tembusan)
filled from the breach register: the personal data disclosed, when and how, the handling and
recovery efforts (the three items of Pasal 46(2)), the estimated number of data subjects, the
3×24-hour deadline, and whom to contact. The Hal names no one; the letter holds no case data.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from app.documents import dates, letter, letterhead, styles
from app.documents import pdp_layout as lay
from app.documents import pdp_texts as t
from app.documents.form_facts import moment_text
from app.documents.page import PAGE_SIZES, DocSpec, body_width, build_pdf
from app.documents.pdp_context import BreachDocument, BreachFacts
from app.documents.text import markup, printable
from app.domain.settings import Signatory

MAX_TAIL = 0.5  # of the page height: an enormous signature block cannot ask for more


def _facts(doc: BreachDocument) -> BreachFacts:
    if doc.breach is None:
        raise ValueError("a breach notice needs its breach record")
    return doc.breach


def _moment(doc: BreachDocument, moment: datetime) -> str:
    return moment_text(moment, doc.tz)


def _given(text: str | None) -> str:
    return text if text is not None and text.strip() else t.BN_PENDING


def _subjects(count: int | None) -> str:
    if count is None:
        return t.BN_PENDING
    return t.BN_SUBJECTS_VALUE.format(count=count, words=dates.terbilang(count))


def _rows(doc: BreachDocument) -> list[tuple[str, str]]:
    breach = _facts(doc)
    how = breach.how if breach.how and breach.how.strip() else breach.description
    when = t.BN_DISCOVERED.format(moment=_moment(doc, breach.discovered_at))
    return [(f"a. {t.BN_DATA}", _given(breach.data_affected)),
            (f"b. {t.BN_WHEN_HOW}", f"{when} {how}"),
            (f"c. {t.BN_HANDLING}", _given(breach.handling)),
            (f"d. {t.BN_SUBJECTS}", _subjects(breach.subjects_estimate))]


def contact(doc: BreachDocument) -> str:
    """The contact in the record, else the data protection officer, else the posko."""
    breach, institution = _facts(doc), doc.office.institution
    for given in (breach.contact, institution.dpo_contact):
        if given and given.strip():
            return given
    reach = [f"{word} {value}" for word, value in (("telepon", institution.phone),
                                                    ("surel", institution.email)) if value]
    return ", ".join([f"{institution.posko_name} {institution.name}", *reach])


def _height(flowables: list[Flowable], width: float) -> float:
    """Laid-out height, measured on a scratch canvas that is never saved."""
    scratch = Canvas(io.BytesIO())
    return sum(item.wrapOn(scratch, width, 1e6)[1] + item.getSpaceBefore()
               + item.getSpaceAfter() for item in flowables)


def _closing(doc: BreachDocument, signatory: Signatory, unit: str) -> list[Flowable]:
    """The penutup starts a new page when it would not fit there with the signature and the
    tembusan: a signature page always carries some of the letter's text."""
    width = body_width(doc.paper)
    closing = letter.paragraph(lay.fill(t.BN_CLOSING))
    tail = [closing, letter.signature_block(signatory, unit, width), Spacer(1, 30 * mm)]
    need = min(_height(tail, width), MAX_TAIL * PAGE_SIZES[doc.paper][1])
    return [CondPageBreak(need), closing]


def _body(doc: BreachDocument, signatory: Signatory, unit: str) -> list[Flowable]:
    breach, width = _facts(doc), body_width(doc.paper)
    return [Paragraph(markup(t.BN_GREETING), styles.BODY),
            letter.paragraph(lay.fill(t.BN_OPENING, institution=doc.office.institution.name,
                                      discovered=_moment(doc, breach.discovered_at),
                                      due=_moment(doc, breach.notice_due))),
            lay.body(t.BN_INTRO), lay.labelled(_rows(doc), width, 62 * mm),
            Spacer(1, 3 * mm), letter.paragraph(lay.fill(t.BN_ADVICE)),
            letter.paragraph(lay.fill(t.BN_CONTACT, contact=contact(doc))),
            *_closing(doc, signatory, unit)]


def parts(doc: BreachDocument) -> letter.LetterParts:
    office = doc.office
    signatory = Signatory(name=lay.short(office.signatory.name) or None,
                          position=lay.short(office.signatory.position),
                          nip=lay.short(office.signatory.nip) or None)
    unit = lay.short(office.institution.name)
    today = dates.tanggal(doc.printed_at.astimezone(doc.tz).date())
    return letter.LetterParts(
        place_date=lay.short(f"{office.institution.city}, {today}"), number=t.DOTS,
        lampiran="–", hal=t.BN_HAL, addressee=t.BN_ADDRESSEE, attention=None,
        destination=t.BN_DESTINATION, body=_body(doc, signatory, unit), signatory=signatory,
        signatory_unit=unit, tembusan=t.BN_TEMBUSAN, sifat=t.BN_SIFAT)


def render(doc: BreachDocument) -> bytes:
    # PDF metadata: the document name and the register number of the breach, never a name.
    spec = DocSpec(title=printable(f"{t.BN_DOC_TITLE} {_facts(doc).id}"), paper=doc.paper,
                   confidential=False, letter=True, invariant=doc.invariant,
                   kop_height=letterhead.HEIGHT, first_page=lay.kop(doc.office))
    return build_pdf(spec, [*letter.story(parts(doc), doc.paper), lay.version_line()])
