"""Back-off after failed unlocks (SECURITY.md §3 lockout, test S2), driven by a fake clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.clock import FakeClock
from app.errors import AuthError, ErrorCode
from app.services import lockout
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers

WRONG = "ini jelas bukan kata sandinya"
SECOND = timedelta(seconds=1)
#: Waits after the 5th, 6th, … failure: 30 s doubling, capped at 15 minutes.
SCHEDULE = [timedelta(seconds=s) for s in (30, 60, 120, 240, 480, 900, 900)]


def _fail(vault: Vault, username: str = helpers.KOORDINATOR) -> None:
    with pytest.raises(AuthError) as info:
        vault.unlock(username, WRONG)
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS


def _locked(vault: Vault, password: str = WRONG) -> int:
    """Assert that an attempt is refused without being counted; returns the wait in seconds."""
    failures = lockout.read(vault.paths.lockout).failures
    with pytest.raises(AuthError) as info:
        vault.unlock(helpers.KOORDINATOR, password)
    assert info.value.code is ErrorCode.LOCKED_OUT
    assert lockout.read(vault.paths.lockout).failures == failures
    seconds = info.value.params["seconds"]
    assert isinstance(seconds, int)
    return seconds


def test_backoff_doubles_to_the_cap_survives_restarts_and_is_audited(
        vault: Vault, session: Session, clock: FakeClock) -> None:
    session.close()
    start = clock.now()
    for _ in range(lockout.FREE_ATTEMPTS):
        _fail(vault, "siapapun")
    assert vault.lockout_remaining() == SCHEDULE[0]
    # Even the right password waits: the back-off does not depend on what is typed.
    assert _locked(vault, helpers.KOORDINATOR_PASSWORD) >= 30

    current = vault
    for number, wait in enumerate(SCHEDULE):
        assert current.lockout_remaining() == wait
        clock.advance(wait - SECOND)
        assert 1 <= _locked(current) <= 2
        clock.advance(SECOND)
        assert current.lockout_remaining() == timedelta(0)
        if number % 3 == 1:
            # Restart the app: a new Vault object reads the counter from disk.
            current = helpers.new_vault(vault.paths.root, clock)
            assert current.lockout_remaining() == timedelta(0)
        if number < len(SCHEDULE) - 1:
            _fail(current)
    failures = lockout.FREE_ATTEMPTS + len(SCHEDULE) - 1
    assert lockout.read(vault.paths.lockout).failures == failures
    # S2: 20 wrong attempts take at least 30 minutes; these 11 already do.
    assert clock.now() - start >= timedelta(minutes=30)

    with current.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        entry = again.ctx.audit.entries(limit=1)[0]
    assert entry.action == "session.unlock"
    assert entry.detail["failed_attempts"] == failures
    assert entry.detail["failed_usernames"] == [helpers.KOORDINATOR]
    assert current.lockout_remaining() == timedelta(0)
    assert lockout.read(vault.paths.lockout).failures == 0


def test_counter_survives_a_restart(vault: Vault, session: Session, clock: FakeClock) -> None:
    session.close()
    for _ in range(lockout.FREE_ATTEMPTS):
        _fail(vault)
    restarted = helpers.new_vault(vault.paths.root, clock)
    assert restarted.lockout_remaining() == SCHEDULE[0]
    _locked(restarted, helpers.KOORDINATOR_PASSWORD)


def test_damaged_counter_file_does_not_reset_the_backoff(vault: Vault, session: Session,
                                                         clock: FakeClock) -> None:
    session.close()
    for _ in range(lockout.FREE_ATTEMPTS + 2):
        if vault.lockout_remaining():
            clock.advance(vault.lockout_remaining())
        _fail(vault)
    vault.paths.lockout.write_bytes(b"\x00garbage")
    # Unreadable counts as "at the threshold": the next failure waits longer than 30 s.
    _fail(vault)
    assert vault.lockout_remaining() == SCHEDULE[1]


def test_schedule_constants() -> None:
    state = lockout.LockoutState()
    waits = []
    for _ in range(25):
        state.failures += 1
        waits.append(state.wait())
    assert waits[:4] == [timedelta(0)] * 4
    assert waits[4:11] == SCHEDULE
    assert set(waits[10:]) == {lockout.MAX_WAIT}
    assert timedelta(minutes=15) == lockout.MAX_WAIT
