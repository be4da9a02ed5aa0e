"""Any text a user can type, in every free-text field, renders in every case document.

Names, chronology, notes, reasons, addresses, officers' names, a manual letter number and the
office settings (institution, signatory, directory, kecamatan) all get arbitrary Unicode —
emoji and ZWJ sequences, RTL overrides, combining marks, controls, lone surrogates, markup
characters and long runs — and every renderer must still produce a readable PDF: the intake
form, the consent form, the survivor copy, the SIMFONI sheet, the referral and escalation
letters and the return slip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import cycle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.documents import (
    consent_form,
    feedback_slip,
    intake_form,
    referral_letter,
    simfoni_sheet,
    survivor_copy,
)
from app.documents.context import CaseDocument, ReferralDocument
from app.domain.enums import (
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
    FollowUpKind,
    PaperSize,
    ReferralKind,
    RightStatus,
    VictimRight,
)
from app.domain.models import (
    Case,
    Closure,
    ConsentRecord,
    FollowUp,
    Incident,
    Intake,
    Perpetrator,
    Referral,
    Reporter,
    RightEntry,
    Victim,
)
from app.domain.settings import Institution, OfficeSettings, Signatory
from tests import helpers, pdf_checks
from tests.core import form_documents_support as s

SPECIALS = ("\u202e", "\u200f", "\u2066", "e\u0301", "\u0301", "👩\u200d👧", "🇮🇩", "🙂",
            "\ud800", "\udfff", "\x00", "\x1b", "\n", "\r\n", "\t", "\u00a0", "\u2028",
            "<b>", "</para>", "&amp;", "&", "<br/>", "\\", "'\"", "क़", "ǅ", "ﬁ", "İ", "ß",
            "بسم", "עברית", "中文", "한국어", "ÿ̈", "x" * 300, "kata " * 200, "")
TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.characters(exclude_categories=()), st.sampled_from(SPECIALS)),
             max_size=12).map("".join))
ENOUGH = settings(max_examples=20, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _victim(victim: Victim, t: Iterator[str]) -> Victim:
    return replace(victim, full_name=next(t), alias=next(t), title_front=next(t),
                   title_back=next(t), nik=next(t), address=next(t), desa=next(t),
                   kecamatan=next(t), phone=next(t), occupation=next(t),
                   disability_type=next(t), accommodation=next(t))


def _incident(incident: Incident, t: Iterator[str]) -> Incident:
    return replace(incident, kecamatan=next(t), chronology=next(t),
                   previously_reported_where=next(t), evidence=(next(t), next(t)))


def _intake(t: Iterator[str], child: bool) -> Intake:
    base = s.child_intake() if child else helpers.full_intake()
    person = Perpetrator(full_name=next(t), alias=next(t), occupation=next(t))
    return replace(
        base, reception=replace(base.reception, route_note=next(t)),
        reporter=Reporter(is_victim=False, full_name=next(t), relationship=next(t),
                          safe_contact=next(t)),
        victim=_victim(base.victim, t),
        perpetrators=(replace(base.perpetrators[0], full_name=next(t), alias=next(t),
                              occupation=next(t)), person),
        incident=_incident(base.incident, t),
        triage=replace(base.triage, priority_reason=next(t)),
        needs=replace(base.needs, expectations=next(t)))


def _consents(t: Iterator[str]) -> tuple[ConsentRecord, ...]:
    wali = s.consent(5, ConsentPurpose.RUJUKAN, ConsentOutcome.WALI, s.RSUD,
                     guardian_name=next(t), guardian_relation=next(t), note=next(t))
    override = replace(s.OVERRIDE, consent=replace(s.OVERRIDE.consent,
                                                   override_reason=next(t), note=next(t)))
    revoked = replace(s.CONSENTS[0], revoked_at=s.PRINTED, revoked_by=1,
                      revoked_reason=next(t))
    return (revoked, *s.CONSENTS[1:], override, wali)


def _referrals(t: Iterator[str]) -> tuple[Referral, ...]:
    dinsos = s.referral(answered=True)
    dinsos = replace(dinsos, referral=replace(dinsos.referral, note=next(t),
                                              letter_number=next(t)),
                     feedback_note=next(t))
    satgas = s.referral(8, s.SATGAS, 4, kind=ReferralKind.PENERUSAN)
    return dinsos, replace(satgas, referral=replace(satgas.referral, note=next(t)))


def _case(t: Iterator[str], child: bool) -> Case:
    case = s.case_of(_intake(t, child), consents=_consents(t), referrals=_referrals(t))
    return replace(case, follow_ups=(FollowUp(1, s.NEXT_DAY, 2, FollowUpKind.KONTAK,
                                              next(t)),),
                   rights=(RightEntry(VictimRight.DOKUMEN_HASIL, RightStatus.DIBERIKAN,
                                      s.NEXT_DAY, 2, next(t)),),
                   closure=Closure(ClosureReason.KEBUTUHAN_TERPENUHI, next(t), s.PRINTED, 1))


def _office(t: Iterator[str], paper: PaperSize) -> OfficeSettings:
    institution = Institution(name=next(t), parent_name=next(t), region_name=next(t),
                              province=next(t), city=next(t), address=next(t),
                              phone=next(t), email=next(t), posko_name=next(t),
                              dpo_contact=next(t))
    directory = tuple(replace(r, name=next(t), addressee=next(t), attention=next(t),
                              address=next(t), phone=next(t))
                      for r in s.office().directory)
    return OfficeSettings(institution=institution,
                          signatory=Signatory(name=next(t), position=next(t), nip=next(t)),
                          directory=directory, kecamatan=(next(t), next(t)),
                          paper_size=paper)


def _documents(texts: list[str], child: bool, paper: PaperSize
               ) -> tuple[CaseDocument, list[ReferralDocument]]:
    t = cycle(texts)
    case, office = _case(t, child), _office(t, paper)
    doc = CaseDocument(office, case, {1: next(t), 2: next(t)}, s.PRINTED, next(t),
                       invariant=True)
    allowed = (frozenset(DataItem), frozenset({DataItem.NAMA}))
    referrals = [ReferralDocument(**doc.__dict__, referral=r, recipient=office.recipient(
                     r.referral.recipient), letter_number=next(t), allowed=allowed[n % 2])
                 for n, r in enumerate(case.referrals)]
    return doc, referrals


CASE_RENDERERS: tuple[Callable[[CaseDocument], bytes], ...] = (
    intake_form.render, consent_form.render, survivor_copy.render)
REFERRAL_RENDERERS: tuple[Callable[[ReferralDocument], bytes], ...] = (
    simfoni_sheet.render, referral_letter.render, feedback_slip.render)


def _readable(pdf: bytes, paper: PaperSize) -> None:
    """Parses, has pages of the right size, and its first page reads (extraction is slow)."""
    reader = pdf_checks.reader(pdf)
    assert len(reader.pages) >= 1
    assert "RAHASIA" in (reader.pages[0].extract_text() or "")
    pdf_checks.assert_paper(pdf, paper)


@ENOUGH
@given(texts=st.lists(TEXT, min_size=1, max_size=6), child=st.booleans(),
       paper=st.sampled_from(list(PaperSize)))
def test_every_document_renders_any_text(texts: list[str], child: bool,
                                         paper: PaperSize) -> None:
    doc, referrals = _documents(texts, child, paper)
    for render in CASE_RENDERERS:
        _readable(render(doc), paper)
    for referral_doc in referrals:  # a rujukan and a penerusan (escalation letter)
        for render_referral in REFERRAL_RENDERERS:
            _readable(render_referral(referral_doc), paper)


def test_the_nastiest_fixed_sample_renders_everywhere() -> None:
    """One run that surely holds every special at once (hypothesis may not combine them)."""
    doc, referrals = _documents(list(SPECIALS), child=True, paper=PaperSize.A4)
    for render in CASE_RENDERERS:
        pdf = render(doc)
        _readable(pdf, PaperSize.A4)
        pdf_checks.assert_fonts_embedded(pdf)
    for referral_doc in referrals:
        for render_referral in REFERRAL_RENDERERS:
            pdf = render_referral(referral_doc)
            _readable(pdf, PaperSize.A4)
            pdf_checks.assert_fonts_embedded(pdf)
