"""An unlocked vault: one connection, one officer, the services they may use.

A session owns the SQLCipher connection (which belongs to the thread that opened it), the
database key (a bytearray, wiped on close) and the vault's process lock. Closing it is locking:
the audit gets a ``session.lock`` row, the WAL is checkpointed, the connection closed and the key
wiped.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

import filelock

from app.audit import AuditLog
from app.clock import Clock
from app.domain.models import User
from app.domain.settings import OfficeSettings
from app.errors import AuthError, ErrorCode, StorageError
from app.keys.slots import wipe
from app.paths import VaultPaths
from app.services import rotation
from app.services.access import Action, require
from app.services.attachments import AttachmentService
from app.services.backup import BackupService
from app.services.breaches import BreachService
from app.services.cases import CaseService
from app.services.context import Context
from app.services.drafts import DraftService
from app.services.integrity import IntegrityService
from app.services.keyring import Keyring, registry
from app.services.referrals import ReferralService
from app.services.reminders import OfficeReminders, collect
from app.services.retention import RetentionService
from app.services.settings import SettingsService
from app.services.settings import load as load_settings
from app.services.statistics import StatisticsService
from app.services.users import UserService
from app.services.workflow import WorkflowService
from app.store.connection import Connection, DatabaseError, as_storage_error, checkpoint
from app.store.quick_check import BackgroundCheck, CheckState
from app.store.tx import write_transaction

if TYPE_CHECKING:  # imported on first use: reportlab and openpyxl take ~0.5 s to load, and
    # the unlock window needs neither (start-up, ``make bench``)
    from app.services.documents import DocumentService
    from app.services.exports import ExportService


def coded(error: Exception) -> Exception:
    """A driver error that escaped a service — a damaged page read, a full disk — as its coded
    :class:`StorageError` (``INTEGRITY_FAILED`` for damage); any other error as it is."""
    return as_storage_error(error) if isinstance(error, DatabaseError) else error


class Session:
    def __init__(self, *, paths: VaultPaths, conn: Connection, db_key: bytearray, user: User,
                 audit: AuditLog, clock: Clock, lock: filelock.BaseFileLock,
                 via_recovery: bool, notes: tuple[str, ...] = (),
                 quick_check: BackgroundCheck | None = None) -> None:
        self.paths = paths
        self._conn = conn
        self._db_key = db_key
        self._lock = lock
        self.notes = notes
        self._quick_check = quick_check
        self._check_recorded = False
        self.ctx = Context(conn=conn, user=user, audit=audit, clock=clock,
                           via_recovery=via_recovery)
        self.keyring = Keyring(paths, conn, db_key, audit, clock)
        self._open = True

    @property
    def user(self) -> User:
        return self.ctx.user

    @property
    def is_open(self) -> bool:
        return self._open

    def unlock_check_passed(self, timeout: float = 0.0) -> bool | None:
        """The unlock's ``quick_check``: ``None`` while it runs beside the session (after
        waiting up to ``timeout`` seconds), then whether it passed (``True`` at once when it ran
        before opening).

        A pass is audited once. Damage is not written into the damaged vault: it is logged,
        and closing the session then leaves the database file as it was found.
        """
        check = self._quick_check
        state = CheckState.PASSED if check is None else check.wait(timeout)
        if state is CheckState.RUNNING:
            return None
        if check is not None and state is CheckState.PASSED and self._open \
                and not self._check_recorded:
            self._check_recorded = True
            with write_transaction(self._conn):
                self.ctx.audit.append("integrity.quick_check", actor=self.ctx.user.id,
                                      detail={"ok": True, "after_unlock": True})
        return state is not CheckState.DAMAGED

    @property
    def damaged(self) -> bool:
        """The check beside this session found damage: no more work may be done in it."""
        check = self._quick_check
        return check is not None and check.state() is CheckState.DAMAGED

    def _ready(self) -> Context:
        if not self._open:
            raise AuthError(ErrorCode.VAULT_MISSING)
        if self.ctx.user.must_change_password:
            raise AuthError(ErrorCode.PASSWORD_CHANGE_REQUIRED)
        return self.ctx

    @cached_property
    def cases(self) -> CaseService:
        return CaseService(self._ready())

    @cached_property
    def breaches(self) -> BreachService:
        return BreachService(self._ready())

    @cached_property
    def backups(self) -> BackupService:
        return BackupService(self._ready(), self.paths, self._db_key)

    @cached_property
    def documents(self) -> DocumentService:
        from app.services.documents import DocumentService

        return DocumentService(self._ready())

    @cached_property
    def exports(self) -> ExportService:
        from app.services.exports import ExportService

        return ExportService(self._ready())

    @cached_property
    def drafts(self) -> DraftService:
        return DraftService(self._ready())

    @cached_property
    def statistics(self) -> StatisticsService:
        return StatisticsService(self._ready())

    @cached_property
    def workflow(self) -> WorkflowService:
        return WorkflowService(self._ready())

    @cached_property
    def referrals(self) -> ReferralService:
        return ReferralService(self._ready())

    @cached_property
    def attachments(self) -> AttachmentService:
        return AttachmentService(self._ready())

    @cached_property
    def retention(self) -> RetentionService:
        return RetentionService(self._ready())

    def reminders(self) -> OfficeReminders:
        """Beranda's backup, breach and retention reminders (koordinator only)."""
        return collect(self.backups, self.breaches, self.retention)

    @cached_property
    def settings(self) -> SettingsService:
        return SettingsService(self._ready())

    @cached_property
    def integrity(self) -> IntegrityService:
        return IntegrityService(self._ready(), self.keyring, self._db_key)

    @property
    def users(self) -> UserService:
        """Always reachable: changing a temporary password is the way out of that state."""
        if not self._open:
            raise AuthError(ErrorCode.VAULT_MISSING)
        return UserService(self.ctx, self.keyring, self._db_key, self._on_user_changed)

    def _on_user_changed(self, user: User) -> None:
        self.ctx.user = user

    def office(self) -> OfficeSettings:
        """Office settings, readable even before a temporary password is changed (the UI needs
        the auto-lock time and the password rules' office words at that point)."""
        if not self._open:
            raise AuthError(ErrorCode.VAULT_MISSING)
        return load_settings(self._conn)

    def now(self) -> datetime:
        """The vault's clock (a fixed clock in tests and the demo), for the UI's "today"."""
        return self.ctx.clock.now()

    def db_key_copy(self) -> bytearray:
        """For key rotation and backups only; the caller wipes it."""
        return bytearray(self._db_key)

    def close(self, reason: str = "manual") -> None:
        """Lock: audit, checkpoint, close, wipe, release the vault. Safe to call twice."""
        if not self._open:
            return
        try:
            self._shutdown(reason)
        finally:
            self._lock.release()

    def _shutdown(self, reason: str | None) -> None:
        """Everything ``close`` does except releasing the process lock."""
        self._open = False
        check = self._quick_check
        if check is not None:
            check.stop()
        damaged = self.damaged
        try:
            if reason is not None and not damaged:
                with contextlib.suppress(Exception), write_transaction(self._conn):
                    self.ctx.audit.append("session.lock", actor=self.ctx.user.id,
                                          detail={"reason": reason})
            if not damaged:
                with contextlib.suppress(Exception):
                    checkpoint(self._conn)
            self._conn.close()
        finally:
            wipe(self._db_key)
            if check is not None:
                check.release()  # after the session's connection: see app.store.quick_check

    def rotate_key(self) -> None:
        """Re-encrypt the vault under a new database key; the session ends (unlock again).

        Raises:
            StorageError: ``INTEGRITY_FAILED`` when the vault or its copy fails a check
                (nothing changes), or a disk error while writing the copy.
        """
        ctx = self._ready()
        require(ctx, Action.ROTATE_KEY)
        if not self.integrity.check().ok:
            raise StorageError(ErrorCode.INTEGRITY_FAILED)
        document, _ = self.keyring.load()
        registered = {sid: entry.public_key for sid, entry in registry(self._conn).items()}
        with write_transaction(self._conn):
            ctx.audit.append("vault.rotate_key", actor=ctx.user.id,
                             detail={"slots": len(registered)})
        key = rotation.new_key()
        try:
            rotation.prepare(self._conn, self.paths, document, registered, key)
        except BaseException:
            rotation.finish_interrupted(self.paths)
            raise
        finally:
            wipe(key)
        self._shutdown(None)
        try:
            rotation.commit(self.paths)
        finally:
            self._lock.release()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
