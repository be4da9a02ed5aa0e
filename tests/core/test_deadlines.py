"""Clocks on a case (DOMAIN.md §7), driven with the fake clock: feedback, 72-hour medical
window, UU TPKS Pasal 41; what the deadline list and the case list show.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from app.clock import FakeClock
from app.domain.deadlines import zone
from app.domain.enums import (
    CaseStatus,
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    DeadlineKind,
    IndonesianTimeZone,
    Need,
    Priority,
    ReferralOutcome,
    RightStatus,
    Role,
    SimfoniService,
)
from app.domain.models import (
    CaseSummary,
    ConsentInput,
    Deadline,
    Intake,
    Needs,
    ReferralInput,
)
from app.domain.workflow import STARRED_RIGHTS
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers

DINSOS, RSUD, UPTD = "dinsos_p3a_blora", "rsud_blora", "uptd_ppa_blora"
WIB = zone(IndonesianTimeZone.WIB)
K = DeadlineKind


def open_case(session: Session, intake: Intake | None = None) -> int:
    case_id = session.cases.create(intake or helpers.minimal_intake()).id
    session.workflow.transition(case_id, CaseStatus.DITERIMA)
    session.workflow.transition(case_id, CaseStatus.ASESMEN)
    return case_id


def refer(session: Session, case_id: int, recipient: str = RSUD,
          priority: Priority = Priority.BIASA,
          services: frozenset[SimfoniService] = frozenset()) -> int:
    session.referrals.record_consent(case_id, ConsentInput(
        ConsentPurpose.RUJUKAN, ConsentOutcome.DIBERIKAN, recipient=recipient))
    return session.referrals.refer(case_id, ReferralInput(recipient, priority=priority,
                                                          services=services))


def due(session: Session, case_id: int, within: timedelta = timedelta(hours=48)
        ) -> list[tuple[DeadlineKind, datetime]]:
    return [(d.kind, d.due_at) for d in session.cases.deadlines(within) if d.case_id == case_id]


def summary(session: Session, case_id: int) -> CaseSummary:
    return next(s for s in session.cases.summaries() if s.id == case_id)


@pytest.mark.parametrize(("priority", "delta"), [
    (Priority.DARURAT, timedelta(hours=24)), (Priority.SEGERA, timedelta(hours=72)),
    (Priority.BIASA, timedelta(days=14)),
])
def test_feedback_is_due_by_priority(koord: Session, kclock: FakeClock, priority: Priority,
                                     delta: timedelta) -> None:
    case_id = open_case(koord)
    referral_id = refer(koord, case_id, priority=priority)
    due_at = helpers.START + delta
    assert koord.cases.get(case_id).referrals[0].due_at == due_at
    assert summary(koord, case_id).next_deadline == due_at
    kclock.set(due_at)
    assert not summary(koord, case_id).overdue
    assert due(koord, case_id) == [(K.UMPAN_BALIK_RUJUKAN, due_at)]
    kclock.advance(timedelta(seconds=1))
    assert summary(koord, case_id).overdue
    koord.referrals.record_feedback(referral_id, ReferralOutcome.DITANGANI)
    assert due(koord, case_id) == []
    assert summary(koord, case_id).next_deadline is None and not summary(koord, case_id).overdue


def test_deadline_list_shows_only_overdue_and_due_soon(koord: Session, kclock: FakeClock) -> None:
    case_id = open_case(koord)
    refer(koord, case_id, priority=Priority.BIASA)
    feedback = (K.UMPAN_BALIK_RUJUKAN, helpers.START + timedelta(days=14))
    assert due(koord, case_id) == []
    assert due(koord, case_id, within=timedelta(days=14)) == [feedback]
    kclock.advance(timedelta(days=12, hours=1))
    assert due(koord, case_id) == [feedback]
    kclock.advance(timedelta(days=30))
    assert due(koord, case_id) == [feedback]


def test_deadline_list_is_sorted_by_due_time(koord: Session) -> None:
    late, early = open_case(koord), open_case(koord)
    refer(koord, late, priority=Priority.SEGERA)
    refer(koord, early, priority=Priority.DARURAT)
    items = [d for d in koord.cases.deadlines(timedelta(days=5)) if d.case_id in (late, early)]
    assert [d.case_id for d in items] == [early, late]
    assert items == sorted(items, key=lambda d: d.due_at)


# --- the 72-hour medical window --------------------------------------------------------------

def incident_intake(on: date | None, at: time | None = None, approximate: bool = False,
                    needs: frozenset[Need] = frozenset({Need.KESEHATAN_VISUM})) -> Intake:
    base = helpers.minimal_intake()
    incident = replace(base.incident, occurred_on=on, occurred_time=at,
                       date_is_approximate=approximate)
    return replace(base, incident=incident, needs=Needs(items=needs))


def wib(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=WIB)


@pytest.mark.parametrize(("on", "at", "window_end"), [
    (date(2026, 3, 1), time(10, 0), wib(4, 10)),
    (date(2026, 2, 27), None, wib(2, 23, 59, 59)),        # no time: the end of that day
    (date(2026, 2, 27), time(9, 0), wib(2, 9)),           # received exactly at its end
])
def test_medical_window_runs_72_hours_from_the_incident(koord: Session, on: date,
                                                        at: time | None,
                                                        window_end: datetime) -> None:
    case_id = open_case(koord, incident_intake(on, at))
    assert summary(koord, case_id).next_deadline == window_end
    assert due(koord, case_id, timedelta(days=3)) == [(K.JENDELA_MEDIS_72_JAM, window_end)]


@pytest.mark.parametrize("intake", [
    incident_intake(date(2026, 2, 27), time(8, 59)),            # closed before reception
    incident_intake(date(2026, 3, 1), time(10, 0), approximate=True),
    incident_intake(None),
    incident_intake(date(2026, 3, 1), time(10, 0), needs=frozenset({Need.RUMAH_AMAN})),
])
def test_no_open_medical_window(koord: Session, intake: Intake) -> None:
    case_id = open_case(koord, intake)
    assert summary(koord, case_id).next_deadline is None
    assert due(koord, case_id, timedelta(days=30)) == []


def test_a_health_referral_in_time_meets_the_window(koord: Session, kclock: FakeClock) -> None:
    in_time = open_case(koord, incident_intake(date(2026, 3, 1), time(10, 0)))
    too_late = open_case(koord, incident_intake(date(2026, 3, 1), time(10, 0)))
    other_service = open_case(koord, incident_intake(date(2026, 3, 1), time(10, 0)))
    refer(koord, in_time, services=frozenset({SimfoniService.KESEHATAN}))
    refer(koord, other_service, services=frozenset({SimfoniService.BANTUAN_HUKUM}))
    kclock.set(wib(4, 10, 0, 1))
    refer(koord, too_late, services=frozenset({SimfoniService.KESEHATAN}))
    window = (K.JENDELA_MEDIS_72_JAM, wib(4, 10))
    assert window not in due(koord, in_time)
    assert window in due(koord, too_late) and window in due(koord, other_service)
    assert summary(koord, too_late).overdue and not summary(koord, in_time).overdue


def test_the_window_counts_from_receipt_of_a_draft(koord: Session, kclock: FakeClock) -> None:
    """A draft is an open case: its medical window is listed, as it is in the case list."""
    case_id = koord.cases.create(incident_intake(date(2026, 3, 1), time(10, 0))).id
    kclock.set(wib(4, 11))
    assert summary(koord, case_id).overdue
    assert due(koord, case_id) == [(K.JENDELA_MEDIS_72_JAM, wib(4, 10))]


def test_morning_incident_in_a_wit_office(session: Session, clock: FakeClock) -> None:
    """08:30 WIT on 2 March is 1 March in UTC: an incident 'today' is not in the future."""
    session.settings.update(timezone=IndonesianTimeZone.WIT)
    clock.set(datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    wit = zone(IndonesianTimeZone.WIT)
    intake = incident_intake(date(2026, 3, 2), time(6, 0))
    case_id = open_case(session, replace(intake, reception=replace(
        intake.reception, received_at=clock.now())))
    end = datetime(2026, 3, 5, 6, 0, tzinfo=wit)
    assert due(session, case_id, timedelta(days=4)) == [(K.JENDELA_MEDIS_72_JAM, end)]


# --- UU TPKS Pasal 41 ------------------------------------------------------------------------

def _pasal41(session: Session, case_id: int) -> list[Deadline]:
    return [d for d in session.cases.deadlines(timedelta(days=30))
            if d.case_id == case_id and d.kind is K.PASAL_41_LAPORAN_POLISI]


@pytest.mark.parametrize(("recipient", "clock_runs"), [
    (DINSOS, True), (UPTD, True), (RSUD, False), ("polres_blora_ppa", False),
])
def test_pasal_41_runs_for_dinsos_and_uptd(session: Session, recipient: str,
                                           clock_runs: bool) -> None:
    directory = tuple(replace(r, active=True) for r in session.settings.get().directory)
    session.settings.update(directory=directory)
    case_id = open_case(session)
    referral_id = refer(session, case_id, recipient)
    expected = [helpers.START + timedelta(hours=72)] if clock_runs else []
    assert [d.due_at for d in _pasal41(session, case_id)] == expected
    assert all(d.referral_id == referral_id for d in _pasal41(session, case_id))


def test_police_confirmation_meets_pasal_41(koord: Session, kclock: FakeClock) -> None:
    case_id = open_case(koord)
    referral_id = refer(koord, case_id, DINSOS, Priority.BIASA)
    kclock.advance(timedelta(hours=73))
    assert summary(koord, case_id).overdue
    assert summary(koord, case_id).next_deadline == helpers.START + timedelta(hours=72)
    koord.referrals.confirm_police_report(referral_id)
    assert _pasal41(koord, case_id) == []
    assert not summary(koord, case_id).overdue
    assert summary(koord, case_id).next_deadline == helpers.START + timedelta(days=14)
    assert koord.cases.get(case_id).referrals[0].police_report_confirmed_at == kclock.now()


# --- visibility ------------------------------------------------------------------------------

def test_closed_and_invisible_cases_have_no_deadlines(vault: Vault, session: Session,
                                                      clock: FakeClock) -> None:
    petugas, _ = session.users.add(helpers.PETUGAS, "Petugas", Role.PETUGAS,
                                   password=helpers.PETUGAS_PASSWORD)
    mine, closed, hidden = open_case(session), open_case(session), open_case(session)
    for case_id in (mine, closed, hidden):
        refer(session, case_id, priority=Priority.DARURAT)
    for right in STARRED_RIGHTS:
        session.workflow.set_right(closed, right, RightStatus.DIBERIKAN)
    session.workflow.close(closed, ClosureReason.KEBUTUHAN_TERPENUHI)
    session.cases.assign(mine, petugas.id)
    clock.advance(timedelta(days=2))
    assert {d.case_id for d in session.cases.deadlines()} == {mine, hidden}
    assert not next(s for s in session.cases.summaries() if s.id == closed).overdue
    session.close()
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as officer:
        assert {d.case_id for d in officer.cases.deadlines()} == {mine}
        assert [s.id for s in officer.cases.summaries()] == [mine]
