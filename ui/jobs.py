"""Jobs for the DB thread that several screens share (unlock, lock, password change).

Each returns plain data for the GUI thread; none touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.backend import Backend

if TYPE_CHECKING:  # the unlock window imports this module: the session (every service) and the
    # models load in the DB thread at the first unlock, not before the window shows
    from app.backup.files import OpenedBackup
    from app.domain.models import User
    from app.domain.settings import OfficeSettings
    from app.services.session import Session


@dataclass(frozen=True)
class Unlocked:
    """What the GUI learns from a successful unlock."""

    user: User
    settings: OfficeSettings
    via_recovery: bool


def _opened(backend: Backend, session: Session) -> Unlocked:
    backend.lock("relock")
    backend.session = session
    return Unlocked(session.user, session.office(), session.ctx.via_recovery)


def unlock(username: str, password: str) -> Callable[[Backend], Unlocked]:
    def job(backend: Backend) -> Unlocked:
        return _opened(backend, backend.vault.unlock(username, password, check_beside=True))

    return job


def unlock_with_recovery(username: str, code: str) -> Callable[[Backend], Unlocked]:
    def job(backend: Backend) -> Unlocked:
        return _opened(backend, backend.vault.unlock_with_recovery(code, username,
                                                                   check_beside=True))

    return job


def change_password(new: str, old: str | None) -> Callable[[Backend], User]:
    def job(backend: Backend) -> User:
        session = backend.require()
        session.users.change_own_password(new, old)
        return session.user

    return job


def lock(reason: str) -> Callable[[Backend], None]:
    def job(backend: Backend) -> None:
        backend.lock(reason)

    return job


def unlock_check_passed(backend: Backend) -> bool | None:
    """The whole-file check beside the session: ``None`` while it runs, then whether it passed.

    A session that has ended meanwhile answers ``True``: its next unlock checks again.
    """
    session = backend.session
    if session is None or not session.is_open:
        return True
    return session.unlock_check_passed()


def lockout_seconds(backend: Backend) -> int:
    return int(backend.vault.lockout_remaining().total_seconds() + 0.999)


@dataclass(frozen=True)
class Restored:
    """Where the previous vault went (``None`` on a fresh PC)."""

    safety_copy: str | None


def restore_backup(opened: OpenedBackup, restorer: str | None) -> Callable[[Backend], Restored]:
    """Close any session, then put the backup in place of the vault (a safety copy kept)."""

    def job(backend: Backend) -> Restored:
        from app.backup import restore  # the backup reader and SQLCipher: only a restore needs them

        backend.lock("restore")
        try:
            safety = restore.restore(opened, backend.vault.paths, backend.vault.clock, restorer)
        finally:
            opened.close()
        return Restored(None if safety is None else str(safety))

    return job
