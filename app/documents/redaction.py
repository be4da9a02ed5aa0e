"""A case as one referral's consent lets its recipient see it (for lampiran documents).

The Formulir Pengaduan travels with a referral letter as its lampiran; the recipient may see
only the data items the victim consented to for that recipient. Items not consented are
replaced by a visible marker (never silently blanked, so nobody mistakes them for unknown).
"""

from __future__ import annotations

from dataclasses import replace

from app.documents.context import CaseDocument, ReferralDocument
from app.domain.enums import DataItem
from app.domain.models import Incident, Intake, Perpetrator, Reporter, Victim

WITHHELD = "dirahasiakan — hubungi posko"


def _victim(victim: Victim, doc: ReferralDocument) -> Victim:
    allowed = doc.may_print
    changes: dict[str, object] = {}
    if not allowed(DataItem.NAMA):
        changes |= {"full_name": WITHHELD, "alias": None, "title_front": None,
                    "title_back": None}
    if not allowed(DataItem.NIK):
        changes["nik"] = WITHHELD if victim.nik else None
    if not allowed(DataItem.TANGGAL_LAHIR_USIA):
        changes |= {"birth_date": None, "age_years": None}
    if not allowed(DataItem.ALAMAT):
        changes |= {"address": WITHHELD, "desa": None}
    if not allowed(DataItem.KONTAK):
        changes |= {"phone": WITHHELD if victim.phone else None, "contact_via_posko": True}
    return replace(victim, **changes)  # type: ignore[arg-type]


def _incident(incident: Incident, doc: ReferralDocument) -> Incident:
    if doc.may_print(DataItem.KRONOLOGI):
        return incident
    return replace(incident, chronology=WITHHELD, evidence=())


def _perpetrators(people: tuple[Perpetrator, ...],
                  doc: ReferralDocument) -> tuple[Perpetrator, ...]:
    if doc.may_print(DataItem.DATA_TERLAPOR):
        return people
    return tuple(replace(p, full_name=WITHHELD if p.full_name else None, alias=None,
                         occupation=None) for p in people)


def _reporter(reporter: Reporter, doc: ReferralDocument) -> Reporter:
    if doc.may_print(DataItem.KONTAK) or reporter.is_victim:
        return reporter
    return replace(reporter, safe_contact=WITHHELD if reporter.safe_contact else None)


def for_recipient(doc: ReferralDocument) -> CaseDocument:
    """The case document with everything the referral's consent withholds replaced."""
    intake: Intake = doc.case.intake
    redacted = replace(intake, victim=_victim(intake.victim, doc),
                       reporter=_reporter(intake.reporter, doc),
                       perpetrators=_perpetrators(intake.perpetrators, doc),
                       incident=_incident(intake.incident, doc))
    return CaseDocument(office=doc.office, case=replace(doc.case, intake=redacted),
                        officers=doc.officers, printed_at=doc.printed_at,
                        printed_by=doc.printed_by, invariant=doc.invariant)
