"""What the DB-owner thread holds: the vault and, while unlocked, the session.

Every function handed to a :class:`ui.workers.TaskRunner` receives this object *in the DB
thread* — the only thread that ever touches the SQLCipher connection (STYLE.md §3).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from app.errors import AuthError, ErrorCode, StorageError

if TYPE_CHECKING:  # the session module loads every service: not before the unlock window shows
    from app.services.session import Session
    from app.services.vault import Vault

T = TypeVar("T")


class Backend:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.session: Session | None = None

    def require(self) -> Session:
        """The open session, or the same error a locked vault gives.

        Once the whole-file check beside the session has found damage, every job is refused
        (``after_unlock``: no dialog for it, the shell is already leaving for the unlock
        screen, where it offers a restore).
        """
        if self.session is None or not self.session.is_open:
            raise AuthError(ErrorCode.VAULT_MISSING)
        if self.session.damaged:
            raise StorageError(ErrorCode.INTEGRITY_FAILED, after_unlock=True)
        return self.session

    def call(self, job: Callable[[Backend], T]) -> T:
        """``job(self)``; a driver error escaping the services (a damaged page read before the
        check beside the session got there) arrives as its coded error, not as a crash."""
        try:
            return job(self)
        except Exception as error:
            # Imported on failure only: the jobs behind the unlock window (the back-off count)
            # must not load every service before the first unlock.
            from app.services.session import coded

            mapped = coded(error)
            if mapped is error:
                raise
            raise mapped from None

    def lock(self, reason: str) -> None:
        """Close the session (checkpoint, close, wipe the key); a no-op when already locked."""
        if self.session is not None:
            session, self.session = self.session, None
            session.close(reason)
