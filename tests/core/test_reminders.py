"""Beranda's data-protection reminders: backup age, breach deadlines, old backups and cases
past their retention period — read from a real vault."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from app.clock import FakeClock
from app.domain.enums import ClosureReason, RightStatus, Role
from app.domain.workflow import STARRED_RIGHTS
from app.errors import AccessDenied
from app.services.breaches import BreachInput
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers


def _close_one(session: Session) -> None:
    ref = session.cases.create(helpers.minimal_intake())
    for right in STARRED_RIGHTS:
        session.workflow.set_right(ref.id, right, RightStatus.DIBERIKAN)
    session.workflow.close(ref.id, ClosureReason.KEBUTUHAN_TERPENUHI)


def test_a_new_vault_asks_for_its_first_backup(session: Session) -> None:
    reminders = session.reminders()
    assert reminders.backup_due and reminders.last_backup is None and reminders.any
    assert (reminders.stale_backups, reminders.breach_deadlines,
            reminders.destroyable_cases) == (0, (), 0)


def test_the_backup_reminder_follows_the_office_period(session: Session, clock: FakeClock,
                                                       tmp_path: Path) -> None:
    record = session.backups.create(tmp_path)
    reminders = session.reminders()
    assert not reminders.backup_due and not reminders.any
    assert reminders.last_backup == record.created_at
    helpers.later(clock, days=7)
    assert not session.reminders().backup_due
    helpers.later(clock, hours=1)
    assert session.reminders().backup_due


def test_open_breaches_show_their_deadline_until_notified(session: Session,
                                                          clock: FakeClock) -> None:
    discovered = clock.now() - timedelta(hours=5)
    first = session.breaches.record(BreachInput(discovered, "Laptop petugas hilang"))
    session.breaches.record(BreachInput(clock.now(), "Flashdisk cadangan tertinggal"))
    deadlines = session.reminders().breach_deadlines
    assert deadlines == (discovered + timedelta(hours=72), clock.now() + timedelta(hours=72))
    session.breaches.mark_notified(first)
    assert session.reminders().breach_deadlines == (clock.now() + timedelta(hours=72),)


def test_retention_flags_old_backups_and_destroyable_cases(session: Session, clock: FakeClock,
                                                           tmp_path: Path) -> None:
    _close_one(session)
    session.backups.create(tmp_path)
    assert session.reminders().destroyable_cases == 0
    helpers.later(clock, days=366 * 5 + 2)
    reminders = session.reminders()
    assert (reminders.stale_backups, reminders.destroyable_cases) == (1, 1)
    session.retention.destroy_expired([e.case_id for e in session.retention.eligible()])
    assert session.reminders().destroyable_cases == 0


def test_only_a_koordinator_gets_the_reminders(vault: Vault, session: Session) -> None:
    session.users.add(helpers.PETUGAS, "Petugas Satu", Role.PETUGAS,
                      password=helpers.PETUGAS_PASSWORD)
    session.close()
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as petugas, \
            pytest.raises(AccessDenied):
        petugas.reminders()
