"""Surat Rujukan to Dinsos P3A / UPTD PPA or another service (DOCUMENTS.md §2–§3).

``render`` is the entry the document service calls for every referral letter: a referral of
kind PENERUSAN (an insider case for the Satgas KPU Provinsi) is handed to
:mod:`app.documents.escalation_letter`. The body carries the legal basis, the case code, the
minimum identity the consent allows, a non-graphic summary from categories only (never the
chronology), the time since the incident with the 72-hour flag, the services requested, the
priority and its feedback deadline, risk notes, the Pasal 41 reminder and the posko contact.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.documents import escalation_letter
from app.documents import letter_texts as t
from app.documents import referral_facts as facts
from app.documents import referral_parts as parts
from app.documents.context import ReferralDocument
from app.domain.enums import ReferralKind


def render(doc: ReferralDocument) -> bytes:
    if doc.referral is not None and doc.referral.referral.kind is ReferralKind.PENERUSAN:
        return escalation_letter.render(doc)
    return parts.build_letter(doc, t.RUJUKAN_TITLE, t.RUJUKAN_HAL, body(doc))


def body(doc: ReferralDocument) -> list[Flowable]:
    institution, width = doc.office.institution, parts.width_of(doc)
    flow: list[Flowable] = [
        parts.paragraph(t.RUJUKAN_OPENING, posko=institution.posko_name,
                        institution=institution.name, received=facts.received_on(doc),
                        code=doc.case.code),
        parts.plain(t.LEGAL_INTRO), *parts.numbered(t.LEGAL_BASIS),
        parts.plain(t.DATA_INTRO),
        *parts.facts_section(1, t.SECTION_IDENTITY, facts.identity_rows(doc), width),
        *parts.facts_section(2, t.SECTION_SUMMARY, facts.summary_rows(doc), width),
        *parts.facts_section(3, t.SECTION_SERVICES, facts.service_rows(doc), width),
        *parts.lines_section(4, t.SECTION_RISK, facts.risk_lines(doc) or [t.NO_RISK]),
    ]
    if facts.pasal41_applies(doc):
        flow.append(parts.paragraph(t.PASAL_41))
    return [*flow, parts.paragraph(t.RUJUKAN_CONFIDENTIAL), *parts.closing(doc)]
