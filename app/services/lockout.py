"""Growing back-off after failed unlocks, persisted so a restart does not reset it.

After 5 failures the next attempt waits 30 s, then 60 s, 120 s … up to 15 minutes
(SECURITY.md §3). The counter lives in ``posko.lockout`` next to the vault because it must be
written without the key; it holds counts and times only (the username is kept only when it
belongs to an officer, never what was typed otherwise). The failures are written to the audit
log at the next good unlock, then the file is cleared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from app.clock import parse_utc_iso, utc_iso
from app.store.atomic import write_atomic

FREE_ATTEMPTS = 5
FIRST_WAIT = timedelta(seconds=30)
MAX_WAIT = timedelta(minutes=15)
MAX_KEPT = 200


@dataclass
class LockoutState:
    failures: int = 0
    last_failure: datetime | None = None
    attempts: list[tuple[str, str | None]] = field(default_factory=list)  # (utc time, username)

    def wait(self) -> timedelta:
        """How long after the last failure the next attempt must wait."""
        if self.failures < FREE_ATTEMPTS:
            return timedelta(0)
        doublings = min(self.failures - FREE_ATTEMPTS, 10)
        return min(FIRST_WAIT * (1 << doublings), MAX_WAIT)

    def remaining(self, now: datetime) -> timedelta:
        if self.last_failure is None:
            return timedelta(0)
        return max(timedelta(0), self.last_failure + self.wait() - now)


def read(path: Path) -> LockoutState:
    """The saved state; a missing or unreadable file counts as the strictest plausible state."""
    try:
        raw = json.loads(path.read_text("ascii"))
        last = raw.get("last_failure")
        return LockoutState(
            failures=int(raw["failures"]),
            last_failure=None if last is None else parse_utc_iso(last),
            attempts=[(str(a[0]), None if a[1] is None else str(a[1]))
                      for a in raw.get("attempts", [])],
        )
    except FileNotFoundError:
        return LockoutState()
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        # Someone damaged the file to reset the counter: do not reward that.
        return LockoutState(failures=FREE_ATTEMPTS, last_failure=None)


def record_failure(path: Path, now: datetime, known_username: str | None) -> LockoutState:
    state = read(path)
    state.failures += 1
    state.last_failure = now
    state.attempts = [*state.attempts, (utc_iso(now), known_username)][-MAX_KEPT:]
    _write(path, state)
    return state


def clear(path: Path) -> None:
    if path.exists():
        _write(path, LockoutState())


def _write(path: Path, state: LockoutState) -> None:
    document = {
        "failures": state.failures,
        "last_failure": None if state.last_failure is None else utc_iso(state.last_failure),
        "attempts": [list(a) for a in state.attempts],
    }
    write_atomic(path, json.dumps(document).encode("ascii"))
