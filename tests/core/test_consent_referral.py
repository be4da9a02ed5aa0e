"""Consent gates every disclosure (DOMAIN.md §5.7): per recipient, valid, by the right person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from app.clock import FakeClock
from app.domain.enums import (
    CaseStatus,
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
    Priority,
    ReferralKind,
    ReferralOutcome,
    Role,
)
from app.domain.models import ConsentInput, Intake, ReferralInput, Triage, Victim
from app.errors import AccessDenied, ErrorCode, NotFound, ValidationError, WorkflowError
from app.services.referrals import allowed_items
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers

DINSOS, SATGAS, RSUD = "dinsos_p3a_blora", "satgas_kpu_jateng", "rsud_blora"
OC = ConsentOutcome


def consent(outcome: ConsentOutcome, recipient: str | None = DINSOS,
            purpose: ConsentPurpose = ConsentPurpose.RUJUKAN, **extra: object) -> ConsentInput:
    return ConsentInput(purpose, outcome, recipient=recipient, **extra)  # type: ignore[arg-type]


def assessed(session: Session, intake: Intake | None = None) -> int:
    case_id = session.cases.create(intake or helpers.minimal_intake()).id
    session.workflow.transition(case_id, CaseStatus.DITERIMA)
    session.workflow.transition(case_id, CaseStatus.ASESMEN)
    return case_id


def refused(call: Callable[[], object], code: ErrorCode = ErrorCode.CONSENT_REQUIRED) -> None:
    with pytest.raises(WorkflowError) as info:
        call()
    assert info.value.code is code


def field_codes(call: Callable[[], object]) -> set[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        call()
    return {(e.field, e.code) for e in info.value.errors}


def test_no_referral_without_consent(koord: Session) -> None:
    case_id = assessed(koord)
    with pytest.raises(WorkflowError) as info:
        koord.referrals.refer(case_id, ReferralInput(DINSOS))
    assert info.value.code is ErrorCode.CONSENT_REQUIRED
    assert info.value.params == {"recipient": DINSOS}
    case = koord.cases.get(case_id)
    assert case.referrals == () and case.status is CaseStatus.ASESMEN


@pytest.mark.parametrize("other", [
    consent(OC.DIBERIKAN, RSUD),                                      # another recipient
    consent(OC.DIBERIKAN, None, ConsentPurpose.STATISTIK),            # another purpose
    consent(OC.DIBERIKAN, None, ConsentPurpose.LAYANAN),
    consent(OC.DIBERIKAN, SATGAS),
])
def test_consent_counts_only_for_that_recipient(koord: Session, other: ConsentInput) -> None:
    case_id = assessed(koord)
    koord.referrals.record_consent(case_id, other)
    refused(lambda: koord.referrals.refer(case_id, ReferralInput(DINSOS)))


def test_refusal_blocks_and_the_newest_decision_wins(koord: Session) -> None:
    case_id = assessed(koord)
    rf = koord.referrals
    rf.record_consent(case_id, consent(OC.DITOLAK))
    refused(lambda: rf.refer(case_id, ReferralInput(DINSOS)))
    given = rf.record_consent(case_id, consent(OC.DIBERIKAN))
    rf.refer(case_id, ReferralInput(DINSOS))
    rf.record_consent(case_id, consent(OC.DITOLAK))
    refused(lambda: rf.refer(case_id, ReferralInput(DINSOS)))
    assert [r.consent_id for r in koord.cases.get(case_id).referrals] == [given]


def test_revocation_blocks_new_referrals(koord: Session, kclock: FakeClock) -> None:
    case_id = assessed(koord)
    consent_id = koord.referrals.record_consent(case_id, consent(OC.DIBERIKAN))
    koord.referrals.refer(case_id, ReferralInput(DINSOS))
    kclock.advance(timedelta(days=1))
    koord.referrals.revoke_consent(consent_id, "korban berubah pikiran")
    refused(lambda: koord.referrals.refer(case_id, ReferralInput(DINSOS)))
    record = koord.cases.get(case_id).consents[0]
    assert record.revoked_at == kclock.now() and record.revoked_reason == "korban berubah pikiran"
    assert len(koord.cases.get(case_id).referrals) == 1   # the letter handed over stays


def test_expired_consent_blocks(koord: Session, kclock: FakeClock) -> None:
    case_id = assessed(koord)
    koord.referrals.record_consent(case_id, consent(OC.DIBERIKAN, expires_on=date(2026, 3, 9)))
    kclock.set(datetime(2026, 3, 9, 16, 0, tzinfo=UTC))   # 23:00 WIB on the last day
    koord.referrals.refer(case_id, ReferralInput(DINSOS))
    kclock.set(datetime(2026, 3, 9, 17, 30, tzinfo=UTC))  # 00:30 WIB the day after
    refused(lambda: koord.referrals.refer(case_id, ReferralInput(DINSOS)))


def test_expiry_is_checked_on_the_office_date(koord: Session, kclock: FakeClock) -> None:
    """At 01:00 WIB on 11 March it is still 10 March in UTC: "today" is the office's date."""
    case_id = assessed(koord)
    kclock.set(datetime(2026, 3, 10, 18, 0, tzinfo=UTC))
    record = koord.referrals.record_consent
    assert field_codes(lambda: record(case_id, consent(OC.DIBERIKAN, expires_on=date(
        2026, 3, 10)))) == {("expires_on", "date_range")}
    record(case_id, consent(OC.DIBERIKAN, expires_on=date(2026, 3, 11)))
    koord.referrals.refer(case_id, ReferralInput(DINSOS))


def test_partial_consent_allows_a_referral_with_only_its_items(koord: Session) -> None:
    case_id = assessed(koord)
    rf = koord.referrals
    assert field_codes(lambda: rf.record_consent(case_id, consent(OC.SEBAGIAN))) == {
        ("data_items", "required")}
    items = frozenset({DataItem.NAMA, DataItem.KONTAK})
    consent_id = rf.record_consent(case_id, consent(OC.SEBAGIAN, data_items=items))
    rf.refer(case_id, ReferralInput(DINSOS))
    case = koord.cases.get(case_id)
    assert case.referrals[0].consent_id == consent_id
    assert allowed_items(case.consents[0]) == items


def test_full_consent_allows_every_item(koord: Session) -> None:
    case_id = assessed(koord)
    koord.referrals.record_consent(case_id, consent(OC.DIBERIKAN))
    assert allowed_items(koord.cases.get(case_id).consents[0]) == frozenset(DataItem)


def test_koordinator_override_needs_a_reason(koord: Session) -> None:
    case_id = assessed(koord)
    rf = koord.referrals
    assert field_codes(lambda: rf.record_consent(case_id, consent(OC.OVERRIDE))) == {
        ("override_reason", "required")}
    rf.record_consent(case_id, consent(OC.OVERRIDE, override_reason="keadaan darurat"))
    rf.refer(case_id, ReferralInput(DINSOS, priority=Priority.DARURAT))
    assert koord.cases.get(case_id).status is CaseStatus.DIRUJUK


def test_petugas_override_is_denied_and_audited(vault: Vault, session: Session) -> None:
    petugas, _ = session.users.add(helpers.PETUGAS, "Petugas", Role.PETUGAS,
                                   password=helpers.PETUGAS_PASSWORD)
    ref = session.cases.create(helpers.minimal_intake())
    session.cases.assign(ref.id, petugas.id)
    session.close()
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as officer:
        for reason in ("menurut saya perlu", None):   # with or without a reason: the role decides
            with pytest.raises(AccessDenied):
                officer.referrals.record_consent(ref.id, consent(
                    OC.OVERRIDE, override_reason=reason))
            newest = officer.ctx.audit.entries(limit=1)[0]
            assert (newest.action, newest.case_code, newest.actor_user_id) == (
                "access.denied", ref.code, petugas.id)
            assert newest.detail == {"action": "consent.override", "role": "petugas"}
        assert officer.cases.get(ref.id).consents == ()
        officer.referrals.record_consent(ref.id, consent(OC.DIBERIKAN))  # own consent is fine


# --- children and guardians ----------------------------------------------------------------

def child_intake(victim: Victim, received: datetime = helpers.START,
                 triage: Triage | None = None) -> Intake:
    base = helpers.minimal_intake(received=received)
    return replace(base, victim=victim, triage=triage or base.triage)


@pytest.mark.parametrize("victim", [
    Victim(full_name="Anak", birth_date=date(2008, 3, 3)),   # 18 tomorrow
    Victim(full_name="Anak", age_years=17),
    Victim(full_name="Anak", birth_date=date(2015, 1, 1), age_years=30),
])
@pytest.mark.parametrize("outcome", [OC.DIBERIKAN, OC.SEBAGIAN])
def test_a_child_cannot_consent_alone(koord: Session, victim: Victim,
                                      outcome: ConsentOutcome) -> None:
    case_id = assessed(koord, child_intake(victim))
    codes = field_codes(lambda: koord.referrals.record_consent(case_id, consent(
        outcome, data_items=frozenset({DataItem.NAMA}))))
    assert ("outcome", "child_needs_guardian") in codes
    assert koord.cases.get(case_id).consents == ()


def test_an_officer_flagged_child_of_unknown_age_needs_a_guardian(koord: Session) -> None:
    case_id = assessed(koord, child_intake(Victim(full_name="Anak"),
                                             triage=Triage(child=True, priority=Priority.SEGERA)))
    codes = field_codes(lambda: koord.referrals.record_consent(case_id, consent(OC.DIBERIKAN)))
    assert codes == {("outcome", "child_needs_guardian")}


def test_an_adult_on_the_office_date_consents_alone(koord: Session) -> None:
    """Received at 03:00 WIB on her 18th birthday (still the day before in UTC)."""
    received = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    victim = Victim(full_name="Dewasa", birth_date=date(2008, 3, 2))
    case_id = assessed(koord, child_intake(victim, received))
    koord.referrals.record_consent(case_id, consent(OC.DIBERIKAN))
    koord.referrals.refer(case_id, ReferralInput(DINSOS))


def test_guardian_consent_needs_name_and_relation(koord: Session) -> None:
    case_id = assessed(koord, child_intake(Victim(full_name="Anak", age_years=12)))
    rf = koord.referrals
    assert field_codes(lambda: rf.record_consent(case_id, consent(OC.WALI))) == {
        ("guardian_name", "required"), ("guardian_relation", "required")}
    assert field_codes(lambda: rf.record_consent(case_id, consent(
        OC.WALI, guardian_name="Ibu Sri"))) == {("guardian_relation", "required")}
    rf.record_consent(case_id, consent(OC.WALI, guardian_name="Ibu Sri", guardian_relation="ibu"))
    rf.refer(case_id, ReferralInput(DINSOS))
    assert koord.cases.get(case_id).status is CaseStatus.DIRUJUK


def test_best_interest_override_for_a_child(koord: Session) -> None:
    case_id = assessed(koord, child_intake(Victim(full_name="Anak", age_years=9)))
    koord.referrals.record_consent(case_id, consent(
        OC.OVERRIDE, override_reason="wali diduga pelaku"))
    koord.referrals.refer(case_id, ReferralInput(DINSOS))


# --- recipients, escalation, states --------------------------------------------------------

@pytest.mark.parametrize(("recipient", "kind"), [
    (DINSOS, ReferralKind.PENERUSAN), (RSUD, ReferralKind.PENERUSAN),
    (SATGAS, ReferralKind.RUJUKAN),
])
def test_escalation_goes_only_to_the_satgas(koord: Session, recipient: str,
                                            kind: ReferralKind) -> None:
    case_id = assessed(koord)
    koord.referrals.record_consent(case_id, consent(OC.DIBERIKAN, recipient))
    codes = field_codes(lambda: koord.referrals.refer(case_id, ReferralInput(recipient, kind)))
    assert codes == {("kind", "kind_recipient_mismatch")}
    assert koord.cases.get(case_id).referrals == ()


@pytest.mark.parametrize("recipient", ["uptd_ppa_blora", "tidak_ada"])
def test_unknown_or_inactive_recipients_are_refused(koord: Session, recipient: str) -> None:
    case_id = assessed(koord)
    codes = field_codes(lambda: koord.referrals.refer(case_id, ReferralInput(recipient)))
    assert codes == {("recipient", ErrorCode.RECIPIENT_UNKNOWN.value)}


def test_consent_for_an_unknown_recipient_is_refused(koord: Session) -> None:
    case_id = assessed(koord)
    codes = field_codes(lambda: koord.referrals.record_consent(case_id, consent(
        OC.DIBERIKAN, "tidak_ada")))
    assert codes == {("recipient", ErrorCode.RECIPIENT_UNKNOWN.value)}
    assert field_codes(lambda: koord.referrals.record_consent(case_id, consent(
        OC.DIBERIKAN, None))) == {("recipient", "required")}


def test_referral_and_escalation_move_the_case_and_feedback_starts_monitoring(
        koord: Session) -> None:
    case_id = assessed(koord)
    rf = koord.referrals
    for recipient in (DINSOS, SATGAS):
        rf.record_consent(case_id, consent(OC.DIBERIKAN, recipient))
    first = rf.refer(case_id, ReferralInput(SATGAS, ReferralKind.PENERUSAN))
    assert koord.cases.get(case_id).status is CaseStatus.DITERUSKAN
    rf.refer(case_id, ReferralInput(DINSOS))
    assert koord.cases.get(case_id).status is CaseStatus.DIRUJUK
    rf.record_feedback(first, ReferralOutcome.DITANGANI, "ditangani Satgas")
    case = koord.cases.get(case_id)
    assert case.status is CaseStatus.PEMANTAUAN
    actions = [e.action for e in koord.ctx.audit.entries(case_code=case.code)
               if e.action != "case.view"]
    assert actions[:3] == ["case.feedback", "case.refer", "case.refer"]


def test_unknown_ids_are_not_found(koord: Session) -> None:
    calls: list[Callable[[], object]] = [
        lambda: koord.referrals.revoke_consent(999),
        lambda: koord.referrals.record_feedback(999, ReferralOutcome.DITANGANI),
        lambda: koord.referrals.confirm_police_report(999)]
    for call in calls:
        with pytest.raises(NotFound):
            call()
