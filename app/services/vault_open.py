"""Creating and unlocking a vault (SECURITY.md §3, unlock flow) — the work behind
:class:`app.services.vault.Vault`, which imports this module at the first create or unlock.

Kept apart because it loads SQLCipher, the key machinery, the audit log and every service:
the desktop app shows its unlock window first and pays for those only when the officer
unlocks (start-up, ``make bench``; ``tests/ui/test_startup.py``).

Unlock: check the back-off → read the key file (falling back to the previous generation) →
Argon2id + unseal the officer's slot → open SQLCipher with the raw key (all safety checks) →
migrate → the database must accept the slot (registry) and the officer must be active →
reconcile key file and registry → audit the unlock with the failures since the last one.
A wrong password leaves the database and key file byte-identical and prints nothing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import filelock

from app import __version__
from app.audit import AuditLog, derive_audit_key
from app.clock import utc_iso
from app.domain import validation
from app.domain.enums import Role
from app.domain.models import User
from app.domain.settings import OfficeSettings
from app.errors import AuthError, ErrorCode, NotFound, StorageError
from app.keys import kdf, keyfile, recovery, slots
from app.keys.keyfile import KeyFile, Source
from app.keys.slots import Slot, SlotKind, wipe
from app.paths import VaultPaths
from app.services import lockout, rotation
from app.services.credentials import check_password, clean_username
from app.services.keyring import Keyring, accepted, register, registry
from app.services.session import Session
from app.services.settings import validate as validate_settings
from app.services.settings import write as write_settings
from app.services.vault import Vault, VaultState
from app.store import migrations, search_index, user_repo
from app.store.connection import Connection, DatabaseError, open_database, read_failure
from app.store.quick_check import BackgroundCheck, CheckState
from app.store.tx import write_transaction


def _owner_only(paths: VaultPaths) -> None:
    """Folder 0700 and database 0600 on POSIX; on Windows the per-user AppData ACL applies."""
    if os.name == "posix":
        os.chmod(paths.root, 0o700)
        os.chmod(paths.db, 0o600)


FIRST_USER_ID = 1


def _write_founding_rows(conn: Connection, audit: AuditLog, audit_key: bytes, vault_id: str,
                         office: OfficeSettings, first_slots: tuple[Slot, Slot],
                         koordinator: tuple[str, str], now: datetime) -> None:
    """Vault identity, settings, the first koordinator and both slots, in one transaction."""
    username, display = koordinator
    for key, value in (("vault_id", vault_id), ("audit_key", audit_key.hex()),
                       ("created_at", utc_iso(now)), ("created_by_app", __version__)):
        conn.execute("INSERT INTO vault_meta(key, value) VALUES (?, ?)", (key, value))
    write_settings(conn, office, list(office.__dataclass_fields__))
    if user_repo.insert(conn, username, display, Role.KOORDINATOR, now, False) != FIRST_USER_ID:
        raise StorageError(ErrorCode.STORAGE_FAILED)
    for slot in first_slots:
        register(conn, slot, now)
    audit.append("vault.create", actor=FIRST_USER_ID,
                 detail={"schema": migrations.LATEST, "app": __version__})
    audit.append("user.add", actor=FIRST_USER_ID, obj=f"user:{username}",
                 detail={"role": Role.KOORDINATOR.value})


class Opening:
    """One create or unlock of ``vault``."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.paths: VaultPaths = vault.paths
        self.clock = vault.clock

    @contextlib.contextmanager
    def _claim(self) -> Iterator[filelock.BaseFileLock]:
        """Hold the vault for this process; released again unless a session takes it over."""
        try:
            self.paths.root.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise StorageError(ErrorCode.READ_ONLY) from None
        lock = filelock.FileLock(str(self.paths.lock_file), timeout=0)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise StorageError(ErrorCode.VAULT_BUSY) from None
        except OSError:
            raise StorageError(ErrorCode.READ_ONLY) from None
        try:
            yield lock
        except BaseException:
            lock.release()
            raise

    # --- creation ------------------------------------------------------------------------

    def create(self, *, username: str, display_name: str, password: str,
               settings: OfficeSettings | None = None,
               recovery_code: str | None = None) -> tuple[Session, str]:
        """See :meth:`Vault.create`."""
        if recovery_code is not None:
            recovery.decode(recovery_code)  # a malformed code is refused before anything
        username = clean_username(username)
        office = validate_settings(settings or OfficeSettings())
        check_password(password, username, office.institution)
        display = validation.clean_single(display_name, "display_name")
        if self.vault.state() is VaultState.READY:
            raise StorageError(ErrorCode.VAULT_EXISTS)
        with self._claim() as lock:
            marker = self.paths.setup_marker
            self._wipe_partial()
            marker.write_bytes(b"setup\n")
            code = recovery_code or recovery.generate()
            session = self._build(username, display or username, password, code, office, lock)
            marker.unlink()
            return session, code

    def _wipe_partial(self) -> None:
        """Remove what an interrupted setup left behind (never called on a READY vault)."""
        for path in (self.paths.db, self.paths.keys, self.paths.keys_backup,
                     self.paths.root / "posko.db-wal", self.paths.root / "posko.db-shm"):
            path.unlink(missing_ok=True)

    def _build(self, username: str, display: str, password: str, code: str,
               office: OfficeSettings, lock: filelock.BaseFileLock) -> Session:
        params = self.vault.kdf_params or kdf.calibrate()
        db_key = bytearray(secrets.token_bytes(32))
        vault_id = uuid.uuid4().hex
        first = (
            slots.create(db_key, kdf.password_bytes(password), vault_id=vault_id,
                         kind=SlotKind.PASSWORD, user_id=FIRST_USER_ID, username=username,
                         params=params),
            slots.create(db_key, recovery.decode(code), vault_id=vault_id,
                         kind=SlotKind.RECOVERY, user_id=None, username=None, params=params),
        )
        conn = open_database(self.paths.db, db_key, create=True)
        try:
            _owner_only(self.paths)
            migrations.migrate(conn)
            audit_key = derive_audit_key(db_key)
            audit = AuditLog(conn, audit_key, self.clock)
            with write_transaction(conn):
                _write_founding_rows(conn, audit, audit_key, vault_id, office, first,
                                     (username, display), self.clock.now())
            document = keyfile.sign(KeyFile(vault_id, 1, params, first), db_key)
            keyfile.save(document, self.paths.keys, self.paths.keys_backup)
            user = user_repo.by_id(conn, FIRST_USER_ID)
        except BaseException:
            conn.close()
            wipe(db_key)
            raise
        return Session(paths=self.paths, conn=conn, db_key=db_key, user=user, audit=audit,
                       clock=self.clock, lock=lock, via_recovery=False)

    # --- unlock --------------------------------------------------------------------------

    def unlock(self, username: str, password: str, *, check_beside: bool = False) -> Session:
        """See :meth:`Vault.unlock`."""
        if not isinstance(password, str) or not isinstance(username, str):
            raise AuthError(ErrorCode.WRONG_CREDENTIALS)
        name = username.strip().lower()
        secret = kdf.password_bytes(password)
        with self._claim() as lock:
            document, source = self._prepare()
            slot = document.password_slot(name)
            if slot is None:
                # Same Argon2id cost as a real slot: timing does not reveal who has an account.
                # (A doctored target outside the limits must not turn this into a crash.)
                target = document.kdf_target
                wipe(kdf.derive(secret, bytes(kdf.SALT_LEN),
                                target if kdf.within_limits(target) else kdf.FLOOR))
                raise self._failed(None)
            try:
                db_key = slots.open_slot(slot, secret, vault_id=document.vault_id)
            except AuthError:
                raise self._failed(name) from None
            return self._open(db_key, (document, source, slot), secret, name, lock,
                              check_beside)

    def unlock_with_recovery(self, code: str, username: str, *,
                             check_beside: bool = False) -> Session:
        """See :meth:`Vault.unlock_with_recovery`."""
        secret = recovery.decode(code)
        name = username.strip().lower() if isinstance(username, str) else ""
        with self._claim() as lock:
            document, source = self._prepare()
            slot = document.recovery_slot()
            if slot is None:
                raise self._failed(None, ErrorCode.RECOVERY_CODE_WRONG)
            try:
                db_key = slots.open_slot(slot, secret, vault_id=document.vault_id)
            except AuthError:
                raise self._failed(None, ErrorCode.RECOVERY_CODE_WRONG) from None
            return self._open(db_key, (document, source, slot), secret, name, lock,
                              check_beside)

    def _prepare(self) -> tuple[KeyFile, Source]:
        if self.vault.state() is not VaultState.READY:
            raise StorageError(ErrorCode.VAULT_MISSING)
        rotation.finish_interrupted(self.paths)
        remaining = self.vault.lockout_remaining()
        if remaining > timedelta(0):
            raise AuthError(ErrorCode.LOCKED_OUT, seconds=int(remaining.total_seconds()) + 1)
        return keyfile.load(self.paths.keys, self.paths.keys_backup)

    def _failed(self, known_username: str | None,
                code: ErrorCode = ErrorCode.WRONG_CREDENTIALS) -> AuthError:
        lockout.record_failure(self.paths.lockout, self.clock.now(), known_username)
        return AuthError(code)

    def _open(self, db_key: bytearray, opened: tuple[KeyFile, Source, Slot], secret: bytes,
              username: str, lock: filelock.BaseFileLock, check_beside: bool) -> Session:
        beside = check_beside and not (self.vault.last_check is not None
                                       and self.vault.last_check.state() is CheckState.DAMAGED)
        try:
            conn = open_database(self.paths.db, db_key, defer_quick_check=beside)
        except BaseException:
            wipe(db_key)
            raise
        check = BackgroundCheck(self.paths.db, db_key) if beside else None
        self.vault.last_check = check
        try:
            return self._start_session(conn, db_key, *opened, secret, username, lock, check)
        except BaseException as exc:
            if check is not None:
                check.stop()
            conn.close()
            if check is not None:
                check.release()
            wipe(db_key)
            if isinstance(exc, DatabaseError):  # unchecked pages are read here now
                raise read_failure(exc) from None
            raise

    def _start_session(self, conn: Connection, db_key: bytearray, document: KeyFile,
                       source: Source, slot: Slot, secret: bytes, username: str,
                       lock: filelock.BaseFileLock,
                       check: BackgroundCheck | None) -> Session:
        meta = dict(conn.execute("SELECT key, value FROM vault_meta").fetchall())
        if meta.get("vault_id") != document.vault_id:
            raise StorageError(ErrorCode.VAULT_ID_MISMATCH)
        audit = AuditLog(conn, bytes.fromhex(meta["audit_key"]), self.clock)
        def audit_step(old: int, new: int) -> None:
            audit.append("schema.migrate", actor=None, detail={"from": old, "to": new})

        migrations.migrate(conn, on_step=audit_step)
        # Registry and account first: a refused slot must not cause any further write.
        user = self._session_user(conn, slot, username)
        if search_index.needs_rebuild(conn):
            with write_transaction(conn):
                search_index.rebuild(conn)
        keyring = Keyring(self.paths, conn, db_key, audit, self.clock)
        mac_ok = keyfile.mac_valid(document, db_key)
        notes = keyring.reconcile(source, mac_ok)
        if not slot.kdf.at_least(document.kdf_target) and kdf.within_limits(document.kdf_target):
            self._strengthen(keyring, document, slot, secret, db_key)
        self._audit_unlock(conn, audit, user.id, slot, mac_ok, notes)
        return Session(paths=self.paths, conn=conn, db_key=db_key, user=user, audit=audit,
                       clock=self.clock, lock=lock, via_recovery=slot.kind is SlotKind.RECOVERY,
                       notes=tuple(notes) + (() if mac_ok else ("slots_mac_mismatch",)),
                       quick_check=check)

    def _session_user(self, conn: Connection, slot: Slot, username: str) -> User:
        if not accepted(slot, registry(conn)):
            raise self._failed(None if slot.kind is SlotKind.RECOVERY else username,
                               ErrorCode.WRONG_CREDENTIALS if slot.kind is SlotKind.PASSWORD
                               else ErrorCode.RECOVERY_CODE_WRONG)
        try:
            if slot.kind is SlotKind.PASSWORD and slot.user_id is not None:
                user = user_repo.by_id(conn, slot.user_id)
                if user.username != username:
                    raise self._failed(None)
            else:
                user = user_repo.by_username(conn, username)
        except NotFound:
            raise AuthError(ErrorCode.USER_NOT_FOUND) from None
        if not user.active:
            raise AuthError(ErrorCode.USER_DISABLED)
        return user

    def _strengthen(self, keyring: Keyring, document: KeyFile, slot: Slot, secret: bytes,
                    db_key: bytearray) -> None:
        """Re-wrap a slot made with weaker Argon2id parameters than the vault now requires."""
        stronger = slots.create(db_key, secret, vault_id=document.vault_id, kind=slot.kind,
                                user_id=slot.user_id, username=slot.username,
                                params=document.kdf_target)
        keyring.put_slot(stronger, replacing=(slot.slot_id,), action="keys.kdf_upgrade",
                         actor=slot.user_id)

    def _audit_unlock(self, conn: Connection, audit: AuditLog, user_id: int, slot: Slot,
                      mac_ok: bool, notes: list[str]) -> None:
        state = lockout.read(self.paths.lockout)
        detail: dict[str, int | bool | str | list[str] | None] = {
            "via": slot.kind.value, "failed_attempts": state.failures,
            "failed_usernames": sorted({u for _, u in state.attempts if u}),
            "keys_mac_ok": mac_ok, "notes": notes,
        }
        if state.attempts:
            detail["first_failure"] = state.attempts[0][0]
            detail["last_failure"] = state.attempts[-1][0]
        with write_transaction(conn):
            audit.append("session.unlock", actor=user_id, detail=detail)
        lockout.clear(self.paths.lockout)
