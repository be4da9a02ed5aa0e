"""The breach register (UU PDP Pasal 46; SECURITY.md C4): a suspected breach with its discovery
time, the 3×24-hour notice deadline, open until the notices went out; koordinator only."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from app.clock import FakeClock
from app.domain.enums import Role
from app.errors import AccessDenied, AppError, ValidationError
from app.services.breaches import BreachInput
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.core import key_helpers

FULL = BreachInput(discovered_at=helpers.START - timedelta(hours=5),
                   description="Laptop posko hilang dari ruang sekretariat",
                   data_affected="Salinan formulir pengaduan (dicetak)",
                   how="Ruangan tidak terkunci saat istirahat siang",
                   subjects_estimate=12, handling="Kunci kata sandi diganti; lapor polisi",
                   contact="Koordinator posko, 0296-531234")


def _errors(call: object) -> list[tuple[str, str]]:
    assert callable(call)
    with pytest.raises(ValidationError) as info:
        call()
    return [(e.field, e.code) for e in info.value.errors]


def test_a_breach_has_its_72_hour_deadline_from_discovery(koord: Session,
                                                          kclock: FakeClock) -> None:
    breach_id = koord.breaches.record(FULL)
    found = koord.breaches.get(breach_id)
    assert found.breach == FULL
    assert (found.recorded_at, found.recorded_by, found.notified_at) == (
        kclock.now(), koord.user.id, None)
    assert found.notice_due == FULL.discovered_at + timedelta(hours=72)
    assert found.notice_due == datetime.fromisoformat("2026-03-04T21:00:00+00:00")
    assert breach_id in [b.id for b in koord.breaches.open_notices()]


def test_open_until_notified(koord: Session, kclock: FakeClock) -> None:
    breach_id = koord.breaches.record(replace(FULL, discovered_at=kclock.now()))
    helpers.later(kclock, hours=73)  # overdue: still open, and visibly late
    late = next(b for b in koord.breaches.open_notices() if b.id == breach_id)
    assert late.notice_due < kclock.now()
    koord.breaches.mark_notified(breach_id)
    assert koord.breaches.get(breach_id).notified_at == kclock.now()
    assert breach_id not in [b.id for b in koord.breaches.open_notices()]
    assert breach_id in [b.id for b in koord.breaches.all()]


def test_the_notice_time_can_be_given_but_not_before_discovery_or_later_than_now(
        koord: Session, kclock: FakeClock) -> None:
    breach_id = koord.breaches.record(replace(FULL, discovered_at=kclock.now()))
    helpers.later(kclock, hours=10)
    for at in (kclock.now() - timedelta(hours=11), kclock.now() + timedelta(hours=1)):
        assert _errors(lambda at=at: koord.breaches.mark_notified(breach_id, at)) == [
            ("notified_at", "date_range")]
    naive = datetime(2026, 3, 2, 8, 0)
    assert _errors(lambda: koord.breaches.mark_notified(breach_id, naive)) == [
        ("notified_at", "type")]
    assert koord.breaches.get(breach_id).notified_at is None
    told = kclock.now() - timedelta(hours=2)
    koord.breaches.mark_notified(breach_id, told)
    assert koord.breaches.get(breach_id).notified_at == told


@pytest.mark.parametrize("description", ["", "   \n", None])
def test_a_description_is_required(koord: Session, description: str | None) -> None:
    before = len(koord.breaches.all())
    breach = replace(FULL, description=description)  # type: ignore[arg-type]
    assert _errors(lambda: koord.breaches.record(breach)) == [("description", "required")]
    assert len(koord.breaches.all()) == before


def test_a_discovery_in_the_future_is_refused(koord: Session, kclock: FakeClock) -> None:
    ahead = replace(FULL, discovered_at=kclock.now() + timedelta(hours=1))
    assert _errors(lambda: koord.breaches.record(ahead)) == [("discovered_at", "date_range")]
    naive = replace(FULL, discovered_at=datetime(2026, 3, 1, 9, 0))
    assert _errors(lambda: koord.breaches.record(naive)) == [("discovered_at", "type")]
    skewed = replace(FULL, discovered_at=kclock.now() + timedelta(minutes=4))
    assert koord.breaches.get(koord.breaches.record(skewed)).breach == skewed  # a clock a bit off


def test_other_fields_are_checked(koord: Session) -> None:
    negative = replace(FULL, subjects_estimate=-1)
    assert _errors(lambda: koord.breaches.record(negative)) == [
        ("subjects_estimate", "out_of_range")]
    trimmed = koord.breaches.get(koord.breaches.record(
        replace(FULL, description="  Surel terkirim ke alamat salah  ", how="   ")))
    assert (trimmed.breach.description, trimmed.breach.how) == (
        "Surel terkirim ke alamat salah", None)


def test_the_audit_holds_no_breach_text(koord: Session) -> None:
    breach_id = koord.breaches.record(FULL)
    koord.breaches.mark_notified(breach_id)
    rows = [e for e in koord.ctx.audit.entries() if e.object == f"breach:{breach_id}"]
    assert [e.action for e in rows] == ["breach.notified", "breach.record"]
    text = repr(rows)
    assert "Laptop" not in text and "0296" not in text


def test_an_unknown_breach_is_not_found(koord: Session) -> None:
    with pytest.raises(AppError):
        koord.breaches.get(987_654)
    with pytest.raises(AppError):
        koord.breaches.mark_notified(987_654)
    assert 987_654 not in [b.id for b in koord.breaches.all()]


def test_newest_discovery_first(koord: Session, kclock: FakeClock) -> None:
    older = koord.breaches.record(replace(FULL, discovered_at=kclock.now() - timedelta(days=3)))
    newer = koord.breaches.record(replace(FULL, discovered_at=kclock.now() - timedelta(days=1)))
    ids = [b.id for b in koord.breaches.all()]
    assert ids.index(newer) < ids.index(older)


@pytest.mark.parametrize("role", [Role.PETUGAS, Role.PIMPINAN])
def test_only_a_koordinator_manages_breaches(session: Session, vault: Vault,
                                             role: Role) -> None:
    key_helpers.add_officer(session, "lain1", helpers.PETUGAS_PASSWORD, role)
    breach_id = session.breaches.record(FULL)
    session.close()
    with vault.unlock("lain1", helpers.PETUGAS_PASSWORD) as other:
        b = other.breaches
        for call in (lambda: b.record(FULL), lambda: b.mark_notified(breach_id),
                     lambda: b.get(breach_id), b.all, b.open_notices):
            with pytest.raises(AccessDenied):
                call()
        denied = [e for e in other.ctx.audit.entries() if e.action == "access.denied"]
    assert [e.detail["action"] for e in denied] == ["breach.manage"] * 5
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as koord:
        assert koord.breaches.get(breach_id).notified_at is None
        assert len(koord.breaches.all()) == 1
