"""Laporan Akses Data Pribadi: everything held about the victim in one case, and who processed
it when (UU PDP Pasal 32, access within 3×24 hours; SECURITY.md C1).

The data subject is the victim. Her own data prints in full, as stored: identity, contact,
the incident and her chronology, consents, referrals, follow-up notes, the rights checklist,
the attachments (names and sizes), status changes, the earlier values of corrected fields,
and every audit row of the case in plain words.

Third parties are not printed (a decision, to confirm with the office): the terlapor appears
only as "Terlapor 1, 2 …" with the relation to her, and a reporter who is someone else only by
the relationship. Their names and contacts are *their* personal data (UU PDP lets a controller
refuse access where it would disclose another person's data), the victim already knows what
she told the posko, and a sheet that names the terlapor is a risk if he finds it. She can go
through the full intake record at the posko. Earlier values of reporter and terlapor fields
are withheld the same way.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents import access_history as h
from app.documents import form_facts as f
from app.documents import intake_form, letterhead, styles
from app.documents import pdp_layout as lay
from app.documents import pdp_texts as t
from app.documents.form_blocks import fields, para, printed_text, section
from app.documents.page import DocSpec, body_width, build_pdf
from app.documents.pdp_context import AccessReportDocument
from app.documents.tables import Cell
from app.documents.text import markup, printable
from app.domain import taxonomy

Rows = list[tuple[str, Cell]]


def _header(doc: AccessReportDocument) -> list[Flowable]:
    institution = doc.office.institution
    return [Paragraph(markup(t.AR_TITLE), styles.TITLE),
            Paragraph(markup(t.AR_SUBTITLE), styles.CENTER),
            Paragraph(f"Kode kasus: <b>{markup(doc.case.code)}</b>", styles.CENTER),
            Spacer(1, 4 * mm),
            para(lay.fill(t.AR_INTRO, posko=institution.posko_name,
                          institution=institution.name, code=doc.case.code)),
            para(f"<b>{markup(t.AR_HANDOVER)}</b>")]


def _reporter(doc: AccessReportDocument) -> list[Flowable]:
    reporter = doc.case.intake.reporter
    if reporter.is_victim:
        return [para(markup(t.AR_REPORTER_SELF))]
    relation = f.text(reporter.relationship)
    return [para(lay.fill(t.AR_REPORTER_OTHER, relation=relation))]


def _perpetrators(doc: AccessReportDocument, width: float) -> list[Flowable]:
    """"Terlapor 1, 2 …" with the relation only (see the module docstring)."""
    people = doc.case.intake.perpetrators
    if not people:
        return [para(markup(t.AR_NO_PERPETRATOR))]
    rows: Rows = [(t.AR_PERPETRATOR.format(number=number),
                   f.sentences([
                       f"Hubungan dengan korban: "
                       f"{f.coded(taxonomy.simfoni_relation(person))}",
                       f"Hubungan dengan KPU: {f.coded(person.kpu_relation)}"]))
                  for number, person in enumerate(people, 1)]
    return [fields(rows, width, 0.25), Spacer(1, 2 * mm), para(markup(t.AR_PERPETRATOR_NOTE))]


def _own_data(doc: AccessReportDocument, width: float) -> list[Flowable]:
    victim = intake_form._victim_identity(doc) + intake_form._victim_situation(doc)
    return [*section("A. Data pengaduan"), fields(intake_form._reception(doc), width),
            *section("B. Identitas dan keadaan subjek data (korban)"), fields(victim, width),
            *section("C. Pelapor"), *_reporter(doc),
            *section("D. Terlapor"), *_perpetrators(doc, width),
            *section("E. Kejadian"), fields(intake_form._incident(doc), width),
            Spacer(1, 3 * mm), *intake_form._chronology(doc),
            *section("F. Risiko dan kebutuhan"), fields(intake_form._risk(doc), width)]


def _processing(doc: AccessReportDocument, width: float) -> list[Flowable]:
    return [*section("G. Persetujuan (seluruh riwayat)"), *h.consents(doc, width),
            *section("H. Rujukan dan penerusan"), *h.referrals(doc, width),
            *section("I. Tindak lanjut"), *h.follow_ups(doc, width),
            *section("J. Pemenuhan hak korban"), *h.rights(doc, width),
            *section("K. Penutupan kasus"), *h.closure(doc, width),
            *section("L. Lampiran berkas"), *h.attachments(doc, width),
            *section("M. Riwayat status kasus"), *h.statuses(doc, width),
            *section("N. Riwayat koreksi data"), *h.corrections(doc, width),
            *section("O. Riwayat akses dan pemrosesan"), *h.trail(doc, width)]


def story(doc: AccessReportDocument) -> list[Flowable]:
    width = body_width(doc.paper)
    note = Paragraph(printed_text(doc), styles.SMALL)
    return [*_header(doc), *_own_data(doc, width), *_processing(doc, width),
            Spacer(1, 4 * mm), note, lay.version_line()]


def render(doc: AccessReportDocument) -> bytes:
    # PDF metadata: the document name and the case code, never a name.
    spec = DocSpec(title=printable(f"{t.AR_DOC_TITLE} {doc.case.code}"), paper=doc.paper,
                   confidential=True, invariant=doc.invariant, kop_height=letterhead.HEIGHT,
                   first_page=lay.kop(doc.office))
    return build_pdf(spec, story(doc))
