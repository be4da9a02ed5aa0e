"""Statistics count consented cases only and never show a count of 1 or 2 (DOMAIN.md §9)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.clock import FakeClock
from app.domain import statistics
from app.domain.enums import (
    AgeBand,
    CaseStatus,
    Channel,
    ConsentOutcome,
    ConsentPurpose,
    Role,
    Sex,
    TpksType,
)
from app.domain.models import ConsentInput, Victim
from app.domain.statistics import CaseFacts, Cell, suppress
from app.errors import AccessDenied
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers

DAY = date(2026, 3, 2)


def facts(**changes: object) -> CaseFacts:
    base = dict(status=CaseStatus.DITERIMA, received_on=DAY,
                tpks_types=frozenset({TpksType.PELECEHAN_FISIK}), violence=frozenset(),
                sex=Sex.P, age_band=AgeBand.B25_44, kpu_relation=None, kecamatan="Blora",
                channel=Channel.DATANG_LANGSUNG, previously_reported=False, insider=False,
                referred=False, referral_outcome=None, days_to_referral=None)
    return CaseFacts(**{**base, **changes})  # type: ignore[arg-type]


def test_small_counts_are_hidden_and_a_lone_one_gets_a_partner() -> None:
    assert suppress([("a", 0), ("b", 1), ("c", 2), ("d", 5)]) == (
        Cell("a", 0), Cell("b", None), Cell("c", None), Cell("d", 5))
    # One hidden cell would be recomputable from the total: the smallest other one hides too.
    assert suppress([("a", 2), ("b", 4), ("c", 9)]) == (
        Cell("a", None), Cell("b", None, small=False), Cell("c", 9))
    assert [c.shown for c in suppress([("a", 2), ("b", 4), ("c", 9)])] == ["<3", "x", "9"]
    assert [c.shown for c in suppress([("a", 1), ("b", 3)])] == ["<3", "x"]


@pytest.mark.parametrize("cases", range(0, 8))
def test_no_number_below_three_is_ever_shown(cases: int) -> None:
    recap = statistics.build([facts(sex=Sex.L if i % 3 else Sex.P) for i in range(cases)],
                             DAY, DAY, ["Blora"])
    shown = [recap.total.shown] + [c.shown for b in recap.breakdowns for c in b.cells]
    assert not {"1", "2"} & set(shown)
    assert recap.total.shown == ("<3" if cases in (1, 2) else str(cases))


def test_average_days_to_referral_needs_three_referred_cases() -> None:
    few = [facts(referred=True, days_to_referral=1.0), facts(referred=True, days_to_referral=3.0)]
    assert statistics.build(few, DAY, DAY).average_days_to_referral is None
    more = [*few, facts(referred=True, days_to_referral=2.0)]
    assert statistics.build(more, DAY, DAY).average_days_to_referral == 2.0


def _case(session: Session, clock: FakeClock, sex: Sex, consent: ConsentOutcome | None) -> int:
    clock.advance(timedelta(minutes=5))
    intake = helpers.minimal_intake(clock.now())
    intake = type(intake)(**{**intake.__dict__, "victim": Victim(full_name="Nama Statistik",
                                                                   sex=sex, age_years=30)})
    case_id = session.cases.create(intake).id
    session.workflow.transition(case_id, CaseStatus.DITERIMA)
    if consent is not None:
        session.referrals.record_consent(case_id, ConsentInput(ConsentPurpose.STATISTIK,
                                                               consent))
    return case_id


def test_only_consented_cases_count(session: Session, clock: FakeClock) -> None:
    for _ in range(4):
        _case(session, clock, Sex.P, ConsentOutcome.DIBERIKAN)
    for _ in range(3):
        _case(session, clock, Sex.L, ConsentOutcome.DITOLAK)
    _case(session, clock, Sex.L, None)
    revoked = _case(session, clock, Sex.L, ConsentOutcome.DIBERIKAN)
    session.referrals.revoke_consent(session.cases.get(revoked).consents[-1].id, "berubah")
    recap = session.statistics.recap(DAY, DAY)
    assert recap.total == Cell("total", 4)
    assert {c.key: c.count for c in recap.breakdown("sex").cells}["L"] == 0
    assert any(e.action == "stats.view" for e in session.ctx.audit.entries())


def test_pimpinan_sees_statistics_and_petugas_does_not(session: Session, vault: Vault) -> None:
    session.users.add(helpers.PIMPINAN, "Pimpinan", Role.PIMPINAN,
                      password=helpers.PIMPINAN_PASSWORD)
    session.users.add(helpers.PETUGAS, "Petugas", Role.PETUGAS, password=helpers.PETUGAS_PASSWORD)
    session.close()
    with vault.unlock(helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD) as pimpinan:
        assert pimpinan.statistics.recap(DAY, DAY).total == Cell("total", 0)
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as petugas, \
            pytest.raises(AccessDenied):
        petugas.statistics.recap(DAY, DAY)


def test_cases_per_month_cover_every_month_of_the_period() -> None:
    assert statistics.month_keys(date(2025, 11, 15), date(2026, 2, 1)) == [
        "2025-11", "2025-12", "2026-01", "2026-02"]
    assert statistics.month_keys(date(2026, 3, 2), date(2026, 3, 2)) == ["2026-03"]
    cases = [*(facts(received_on=date(2026, 1, 5)) for _ in range(4)),
             facts(received_on=date(2026, 3, 9)), facts(received_on=date(2027, 1, 1))]
    by_month = statistics.build(cases, date(2026, 1, 1), date(2026, 12, 31)).by_month
    assert by_month.name == statistics.MONTH and len(by_month.cells) == 12
    shown = {cell.key: cell.shown for cell in by_month.cells}
    # March's single case is hidden, and so is the smallest other count (February's 0 is
    # not a partner: zeros reveal nothing), here January's 4.
    assert shown["2026-01"] == "x" and shown["2026-03"] == "<3" and shown["2026-02"] == "0"
    assert statistics.build([], date(2026, 3, 1), date(2026, 3, 31)).by_month.cells == (
        Cell("2026-03", 0),)
