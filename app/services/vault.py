"""A vault folder: its state, the lock-out back-off, and the way in (create, unlock).

This module is light on purpose: the desktop app needs it before its first window (which one
depends on :meth:`Vault.state`), while creating and unlocking — SQLCipher, keys, audit, every
service — live in :mod:`app.services.vault_open`, loaded at the first create or unlock
(start-up, ``make bench``; ``tests/ui/test_startup.py`` keeps it so).
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from app.backup import interrupted
from app.clock import Clock, SystemClock
from app.paths import VaultPaths
from app.services import lockout

if TYPE_CHECKING:
    from app.domain.settings import OfficeSettings
    from app.keys.kdf import KdfParams
    from app.services.session import Session
    from app.store.quick_check import BackgroundCheck

class VaultState(StrEnum):
    EMPTY = "empty"                 # nothing here: offer the setup wizard (or a restore)
    INCOMPLETE_SETUP = "incomplete"  # setup was interrupted: safe to start it again
    READY = "ready"


class Vault:
    """One vault folder. ``kdf_params`` overrides calibration (tests use the RFC 9106 floor)."""

    def __init__(self, paths: VaultPaths, clock: Clock | None = None,
                 kdf_params: KdfParams | None = None) -> None:
        self.paths = paths
        self.clock: Clock = clock or SystemClock()
        self.kdf_params = kdf_params
        #: The whole-file check beside the last session opened (after damage, check first).
        self.last_check: BackgroundCheck | None = None

    def state(self) -> VaultState:
        interrupted.finish_interrupted(self.paths)
        marker = self.paths.setup_marker
        if marker.exists():
            return VaultState.INCOMPLETE_SETUP
        if self.paths.exists() or self.paths.rotation_marker.exists():
            return VaultState.READY
        return VaultState.EMPTY

    def lockout_remaining(self) -> timedelta:
        return lockout.read(self.paths.lockout).remaining(self.clock.now())

    def create(self, *, username: str, display_name: str, password: str,
               settings: OfficeSettings | None = None,
               recovery_code: str | None = None) -> tuple[Session, str]:
        """Make a new vault with its first koordinator; returns the session and recovery code.

        The recovery code is returned once and stored nowhere in plaintext. The setup wizard
        passes one it generated (:func:`app.keys.recovery.generate`) and had confirmed, so
        nothing is written before the officer has copied it down.
        """
        from app.services.vault_open import Opening

        return Opening(self).create(username=username, display_name=display_name,
                                    password=password, settings=settings,
                                    recovery_code=recovery_code)

    def unlock(self, username: str, password: str, *, check_beside: bool = False) -> Session:
        """Open the vault as an officer.

        ``check_beside`` (the desktop app) runs the whole-file ``quick_check`` beside the new
        session instead of before it (:mod:`app.store.quick_check`; see
        ``Session.unlock_check_passed``); after a check that found damage, the next unlock checks
        first again.

        Raises:
            AuthError: ``WRONG_CREDENTIALS`` (username or password; deliberately not which),
                ``LOCKED_OUT`` with ``seconds``, ``USER_DISABLED``.
            KeyFileError, StorageError: damaged or missing files, unsafe SQLCipher build.
        """
        from app.services.vault_open import Opening

        return Opening(self).unlock(username, password, check_beside=check_beside)

    def unlock_with_recovery(self, code: str, username: str, *,
                             check_beside: bool = False) -> Session:
        """Open the vault with the printed recovery code, acting as ``username``.

        Raises:
            AuthError: ``RECOVERY_CODE_FORMAT`` / ``RECOVERY_CODE_GROUP`` (with ``group``) for a
                mistyped code (no failure is counted), ``RECOVERY_CODE_WRONG`` otherwise.
        """
        from app.services.vault_open import Opening

        return Opening(self).unlock_with_recovery(code, username, check_beside=check_beside)
