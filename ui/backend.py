"""What the DB-owner thread holds: the vault and, while unlocked, the session.

Every function handed to a :class:`ui.workers.TaskRunner` receives this object *in the DB
thread* — the only thread that ever touches the SQLCipher connection (STYLE.md §3).
"""

from __future__ import annotations

from app.errors import AuthError, ErrorCode
from app.services.session import Session
from app.services.vault import Vault


class Backend:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.session: Session | None = None

    def require(self) -> Session:
        """The open session, or the same error a locked vault gives."""
        if self.session is None or not self.session.is_open:
            raise AuthError(ErrorCode.VAULT_MISSING)
        return self.session

    def lock(self, reason: str) -> None:
        """Close the session (checkpoint, close, wipe the key); a no-op when already locked."""
        if self.session is not None:
            session, self.session = self.session, None
            session.close(reason)
