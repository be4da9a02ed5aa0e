"""DB-thread jobs of the Pengguna page. Each does one change and returns the fresh list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.domain.enums import Role
from app.domain.models import User
from app.services.session import Session
from ui.backend import Backend

Job = Callable[[Backend], "UsersChanged"]


@dataclass(frozen=True)
class NewUser:
    """What the koordinator typed into "Tambah pengguna"."""

    username: str
    display_name: str
    role: Role


@dataclass(frozen=True)
class UsersChanged:
    users: tuple[User, ...]
    #: The account acted on, to keep it selected.
    username: str | None = None
    #: Shown once to the koordinator, then dropped; never stored.
    temporary_password: str | None = field(default=None, repr=False)
    #: The koordinator gave their own account another role: no more user management.
    lost_access: bool = False


@dataclass(frozen=True)
class NewRecoveryCode:
    code: str = field(repr=False)
    institution_name: str


def _changed(session: Session, username: str | None = None,
             temporary: str | None = None) -> UsersChanged:
    if session.user.role is not Role.KOORDINATOR:
        return UsersChanged((), username, lost_access=True)
    return UsersChanged(tuple(session.users.all_users()), username, temporary)


def load(backend: Backend) -> UsersChanged:
    return _changed(backend.require())


def add(new: NewUser) -> Job:
    def job(backend: Backend) -> UsersChanged:
        session = backend.require()
        user, temporary = session.users.add(new.username, new.display_name, new.role)
        return _changed(session, user.username, temporary)

    return job


def remove(username: str) -> Job:
    def job(backend: Backend) -> UsersChanged:
        session = backend.require()
        session.users.remove(username)
        return _changed(session, username)

    return job


def reset_password(username: str) -> Job:
    def job(backend: Backend) -> UsersChanged:
        session = backend.require()
        temporary = session.users.reset_password(username)
        return _changed(session, username, temporary)

    return job


def set_role(username: str, role: Role) -> Job:
    def job(backend: Backend) -> UsersChanged:
        session = backend.require()
        session.users.set_role(username, role)
        return _changed(session, username)

    return job


def new_recovery_code(backend: Backend) -> NewRecoveryCode:
    session = backend.require()
    code = session.users.new_recovery_code()
    return NewRecoveryCode(code, session.office().institution.name)


def rotate_key(backend: Backend) -> None:
    """New database key for the whole vault; the session ends either way it finishes."""
    session = backend.require()
    try:
        session.rotate_key()
    finally:
        if not session.is_open:
            backend.session = None


def session_open(backend: Backend) -> bool:
    """After a failed rotation: is the session still usable (it failed before the swap)?"""
    return backend.session is not None and backend.session.is_open
