"""Building document contexts directly (no vault) for the form tests: intake form, consent
form, survivor copy, SIMFONI sheet and the cross-document Unicode test."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from app.documents.context import CaseDocument, ReferralDocument
from app.domain.enums import (
    CaseStatus,
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
    FollowUpKind,
    PaperSize,
    Priority,
    ReferralKind,
    ReferralOutcome,
    SimfoniService,
)
from app.domain.models import (
    Case,
    ConsentInput,
    ConsentRecord,
    FollowUp,
    Intake,
    Referral,
    ReferralInput,
)
from app.domain.settings import Institution, OfficeSettings
from app.services.session import Session
from tests import helpers

DINSOS, SATGAS, RSUD = "dinsos_p3a_blora", "satgas_kpu_jateng", "rsud_blora"
CODE = "007/PPKS/3316/2026"
LETTER = "12/PP.01-SD/3316/2026"
OFFICERS = {1: "Koordinator Posko", 2: "Petugas Dua"}
NEXT_DAY = helpers.START + timedelta(days=1)
PRINTED = helpers.START + timedelta(days=1, hours=3)  # Selasa, 3 Maret 2026 pukul 12.00 WIB
INSTITUTION = Institution(address="Jl. Nusantara No. 1, Blora", phone="(0296) 531234",
                          email="posko@kpu-blora.go.id")


def office(paper: PaperSize = PaperSize.F4) -> OfficeSettings:
    return OfficeSettings(institution=INSTITUTION, paper_size=paper)


def consent(record_id: int, purpose: ConsentPurpose, outcome: ConsentOutcome,
            recipient: str | None = None, by: int = 2, **extra: object) -> ConsentRecord:
    given = ConsentInput(purpose, outcome, recipient=recipient, **extra)  # type: ignore[arg-type]
    return ConsentRecord(record_id, given, NEXT_DAY, by)


#: A typical set: services given, Dinsos partly (name and chronology), statistics refused.
CONSENTS = (
    consent(1, ConsentPurpose.LAYANAN, ConsentOutcome.DIBERIKAN),
    consent(2, ConsentPurpose.RUJUKAN, ConsentOutcome.SEBAGIAN, DINSOS,
            data_items=frozenset({DataItem.NAMA, DataItem.KRONOLOGI}),
            expires_on=date(2026, 6, 1)),
    consent(3, ConsentPurpose.STATISTIK, ConsentOutcome.DITOLAK),
)
OVERRIDE = consent(4, ConsentPurpose.RUJUKAN, ConsentOutcome.OVERRIDE, SATGAS, by=1,
                   override_reason="Korban dalam bahaya; atasan masih satu ruangan.")


def referral(referral_id: int = 7, recipient: str = DINSOS, consent_id: int | None = 2,
             services: frozenset[SimfoniService] = frozenset({SimfoniService.KESEHATAN,
                                                              SimfoniService.BANTUAN_HUKUM}),
             kind: ReferralKind = ReferralKind.RUJUKAN, answered: bool = False) -> Referral:
    given = ReferralInput(recipient, kind=kind, priority=Priority.SEGERA, services=services,
                          note="catatan rujukan")
    sent = NEXT_DAY
    extra: dict[str, object] = {}
    if answered:
        extra = dict(feedback_at=sent + timedelta(days=2), outcome=ReferralOutcome.DITANGANI,
                     feedback_note="ditangani konselor")
    return Referral(referral_id, given, sent, sent + timedelta(days=3), 2, consent_id,
                    **extra)  # type: ignore[arg-type]


def case_of(intake: Intake | None = None, consents: Sequence[ConsentRecord] = CONSENTS,
            referrals: Sequence[Referral] = (), status: CaseStatus = CaseStatus.DIRUJUK) -> Case:
    follow_up = FollowUp(1, NEXT_DAY, 2, FollowUpKind.KONTAK, "catatan tindak lanjut")
    return Case(1, CODE, status, helpers.START, NEXT_DAY, 1, 2,
                intake or helpers.full_intake(tag="A"), consents=tuple(consents),
                referrals=tuple(referrals), follow_ups=(follow_up,))


def case_doc(case: Case | None = None, paper: PaperSize = PaperSize.F4,
             settings: OfficeSettings | None = None) -> CaseDocument:
    return CaseDocument(settings or office(paper), case or case_of(), OFFICERS, PRINTED,
                        "Petugas Dua", invariant=True)


def referral_doc(case: Case | None = None, allowed: frozenset[DataItem] = frozenset(),
                 paper: PaperSize = PaperSize.F4, which: int = 0) -> ReferralDocument:
    base = case_doc(case or case_of(referrals=(referral(),)), paper)
    chosen = base.case.referrals[which]
    return ReferralDocument(**base.__dict__, referral=chosen,
                            recipient=base.office.recipient(chosen.referral.recipient),
                            letter_number=LETTER, allowed=allowed)


def child_intake() -> Intake:
    """The full intake, but the victim is 15 at reception (born 1 June 2010)."""
    intake = helpers.full_intake(tag="A")
    return replace(intake, victim=replace(intake.victim, birth_date=date(2010, 6, 1),
                                          age_years=15))


def long_intake(paragraphs: int = 60) -> Intake:
    intake = helpers.full_intake(tag="A")
    words = "Saya ingat kejadian itu dengan jelas dan ingin menceritakannya. " * 12
    story = "\n".join(f"Paragraf {n}. {words}" for n in range(1, paragraphs + 1))
    return replace(intake, incident=replace(intake.incident, chronology=story))


def referred_case(session: Session, intake: Intake | None = None) -> tuple[int, int]:
    """A real case in the vault with consents and a Dinsos referral: (case id, referral id)."""
    case_id = session.cases.create(intake or helpers.full_intake(tag="A")).id
    session.workflow.transition(case_id, CaseStatus.DITERIMA)
    session.workflow.transition(case_id, CaseStatus.ASESMEN)
    for record in CONSENTS:
        session.referrals.record_consent(case_id, record.consent)
    referral_id = session.referrals.refer(case_id, referral().referral)
    return case_id, referral_id


def printed_rows(session: Session, case_id: int) -> list[str]:
    """The ``document`` of every ``case.print`` audit row of the case."""
    return [str(entry.detail.get("document")) for entry in session.cases.history(case_id)
            if entry.action == "case.print"]

