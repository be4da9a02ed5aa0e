"""Surat Penerusan to the Satgas Pencegahan Kekerasan Seksual of KPU Provinsi (DOCUMENTS.md §4).

Same anatomy as the Surat Rujukan, its own wording: why the case is escalated (the terlapor's
relation to KPU), the minimum consented identity, summary and UU TPKS types, whether the victim
was also referred for services, protection needs under UU TPKS Pasal 69 and a request to keep
the reporter's identity confidential. Tembusan "Arsip" only: never to the implicated unit.
Called through :func:`app.documents.referral_letter.render`. The Satgas addressee and who signs
are to confirm with the office (DOMAIN.md §11); the signatory must not be a recused user, which
the settings, not this renderer, can know.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.documents import letter_texts as t
from app.documents import referral_facts as facts
from app.documents import referral_parts as parts
from app.documents.context import ReferralDocument
from app.domain.enums import DataItem


def render(doc: ReferralDocument) -> bytes:
    return parts.build_letter(doc, t.PENERUSAN_TITLE, t.PENERUSAN_HAL, body(doc))


def _reason(doc: ReferralDocument) -> list[Flowable]:
    identity = (t.PERPETRATOR_ATTACHED if doc.may_print(DataItem.DATA_TERLAPOR)
                else t.PERPETRATOR_WITHHELD)
    return [parts.plain(t.PENERUSAN_REASON), *parts.dashed(facts.kpu_relation_lines(doc)),
            parts.plain(identity)]


def _protection(doc: ReferralDocument) -> list[Flowable]:
    intake = doc.case.intake
    access = bool(intake.triage.perpetrator_access) or any(
        p.has_access_to_victim for p in intake.perpetrators)
    confidential = [t.PENERUSAN_CONFIDENTIAL]
    if not intake.reporter.is_victim and intake.reporter.confidential:
        confidential.append(t.REPORTER_CONFIDENTIAL)
    return [parts.paragraph(" ".join([t.PASAL_69, *([t.PASAL_69_ACCESS] if access else [])])),
            parts.paragraph(" ".join(confidential))]


def body(doc: ReferralDocument) -> list[Flowable]:
    institution, width = doc.office.institution, parts.width_of(doc)
    identity = [*facts.identity_rows(doc),
                (t.LABEL_VICTIM_KPU, facts.victim_kpu_relation(doc))]
    return [
        parts.paragraph(t.PENERUSAN_OPENING, posko=institution.posko_name,
                        institution=institution.name, received=facts.received_on(doc),
                        code=doc.case.code),
        parts.plain(t.PENERUSAN_LEGAL_INTRO), *parts.numbered(t.LEGAL_BASIS),
        *_reason(doc),
        parts.plain(t.DATA_INTRO),
        *parts.facts_section(1, t.SECTION_IDENTITY, identity, width),
        *parts.facts_section(2, t.SECTION_SUMMARY, facts.summary_rows(doc), width),
        *parts.lines_section(3, t.SECTION_OTHER_REFERRALS, facts.other_referral_lines(doc)),
        *parts.facts_section(4, t.SECTION_PRIORITY,
                             [(t.LABEL_PRIORITY, facts.priority_text(doc))], width),
        *parts.lines_section(5, t.SECTION_RISK, facts.risk_lines(doc) or [t.NO_RISK]),
        *_protection(doc),
        *parts.closing(doc),
    ]
