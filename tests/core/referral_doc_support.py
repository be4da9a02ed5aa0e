"""Referral document contexts built directly (no vault) for the letter and return-slip tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import strategies as st

from app.documents.context import ReferralDocument
from app.domain.deadlines import feedback_due
from app.domain.enums import (
    CaseStatus,
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
    PaperSize,
    Priority,
    ReferralKind,
    SimfoniService,
)
from app.domain.models import (
    Case,
    ConsentInput,
    ConsentRecord,
    Intake,
    Referral,
    ReferralInput,
)
from app.domain.settings import Institution, OfficeSettings, Signatory
from app.services.referrals import allowed_items
from tests import helpers
from tests.core.fuzz_support import SPECIALS

DINSOS, SATGAS = "dinsos_p3a_blora", "satgas_kpu_jateng"
CODE = "007/PPKS/3316/2026"
NUMBER = "017/PP.01-SD/3316/2026"
OFFICER = "Sri Lestari"
#: 10:00 WIB on Monday 2 March 2026, 67.5 hours after full_intake()'s incident.
PRINTED = helpers.START + timedelta(hours=1)
OFFICE = OfficeSettings(
    institution=Institution(address="Jl. Ahmad Yani No. 12, Blora 58215", phone="(0296) 531234",
                            email="kab_blora@kpu.go.id"),
    signatory=Signatory(name="Drs. Budi Santoso, M.Si.", position="Ketua",
                        nip="196801011990031001"))
SERVICES = frozenset({SimfoniService.KESEHATAN, SimfoniService.REHABILITASI_SOSIAL})
#: What the consent may withhold: the full intake's identifying values.
SECRETS = {"nik": "3316015705900001", "address": "Jl. Contoh 1", "phone": "0812-3456-7890",
           "birth": "17 Mei 1990", "age": "35 tahun"}


def referral_doc(*, tag: str = "A", kind: ReferralKind = ReferralKind.RUJUKAN,
                 outcome: ConsentOutcome = ConsentOutcome.DIBERIKAN,
                 items: frozenset[DataItem] = frozenset(), paper: PaperSize = PaperSize.F4,
                 intake: Intake | None = None, printed_at: datetime = PRINTED,
                 office: OfficeSettings = OFFICE, priority: Priority = Priority.SEGERA,
                 services: frozenset[SimfoniService] = SERVICES, letter_number: str = NUMBER,
                 others: tuple[Referral, ...] = ()) -> ReferralDocument:
    """A referral (or escalation) of ``full_intake(tag)`` handed over at ``printed_at``."""
    recipient = DINSOS if kind is ReferralKind.RUJUKAN else SATGAS
    consent = ConsentRecord(1, ConsentInput(ConsentPurpose.RUJUKAN, outcome, recipient=recipient,
                                            data_items=items), helpers.START, 1)
    referral = Referral(10, ReferralInput(recipient, kind, priority, services), printed_at,
                        feedback_due(printed_at, priority), 1, consent_id=1)
    status = CaseStatus.DIRUJUK if kind is ReferralKind.RUJUKAN else CaseStatus.DITERUSKAN
    case = Case(1, CODE, status, helpers.START, helpers.START, 1, 1,
                intake or helpers.full_intake(tag=tag), (consent,), (*others, referral))
    office = replace(office, paper_size=paper)
    return ReferralDocument(office=office, case=case, officers={1: "Petugas Satu"},
                            printed_at=printed_at, printed_by=OFFICER, invariant=True,
                            referral=referral, recipient=office.recipient(recipient),
                            letter_number=letter_number, allowed=allowed_items(consent))


def dinsos_referral(sent: datetime = helpers.START) -> Referral:
    """An earlier service referral of the same case (escalation letters mention it)."""
    return Referral(9, ReferralInput(DINSOS, ReferralKind.RUJUKAN, Priority.SEGERA, SERVICES),
                    sent, feedback_due(sent, Priority.SEGERA), 1, consent_id=1)


def between(text: str, start: str, end: str) -> str:
    """The extracted text from ``start`` up to ``end`` (both must occur)."""
    head = text.index(start)
    return text[head:text.index(end, head)]


#: Any text a user could type or paste, incl. emoji, RTL, combining marks and controls.
ANY_TEXT = st.one_of(st.text(max_size=120), st.sampled_from(SPECIALS),
                     st.text(st.characters(codec="utf-8"), max_size=40),
                     st.just("kata " * 600))  # longer than any validated short field


@st.composite
def unicode_doc(draw: st.DrawFn) -> ReferralDocument:
    """A referral document with arbitrary Unicode in every free-text field of the context."""
    def text() -> str:  # one draw per field
        return draw(ANY_TEXT)

    base = referral_doc(kind=draw(st.sampled_from(ReferralKind)),
                        paper=draw(st.sampled_from(PaperSize)))
    intake = base.case.intake
    victim = replace(intake.victim, full_name=text(), alias=text(), title_front=text(),
                     title_back=text(), nik=text(), address=text(), desa=text(),
                     kecamatan=text(), phone=text(), disability_type=text(),
                     accommodation=text(), occupation=text())
    reporter = replace(intake.reporter, full_name=text(), safe_contact=text())
    perpetrators = tuple(replace(p, full_name=text(), occupation=text())
                         for p in intake.perpetrators)
    incident = replace(intake.incident, chronology=text(), kecamatan=text())
    needs = replace(intake.needs, expectations=text())
    case = replace(base.case, code=text(), intake=replace(
        intake, victim=victim, reporter=reporter, perpetrators=perpetrators, incident=incident,
        needs=needs))
    institution = Institution(name=text(), parent_name=text(), region_name=text(),
                              province=text(), city=text(), address=text(), phone=text(),
                              email=text(), posko_name=text())
    assert base.recipient is not None
    recipient = replace(base.recipient, name=text(), addressee=text(), attention=text(),
                        address=text())
    office = replace(base.office, institution=institution, signatory=Signatory(
        name=text(), position=text(), nip=text()),
        directory=tuple(recipient if r.key == recipient.key else r
                        for r in base.office.directory))
    return replace(base, office=office, case=case, recipient=recipient,
                   letter_number=text(), printed_by=text())
