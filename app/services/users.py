"""Officer accounts: add, reset password, change role, remove; change one's own password.

Roles live in the encrypted database, never in the key file, so access to the files cannot
promote anyone. Removing an officer deletes their key slot and disables the account (the row
stays, because the audit log refers to it); bringing them back is a password reset.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain import validation
from app.domain.enums import Role
from app.domain.models import User, UserRef
from app.domain.passwords import temporary_password
from app.errors import AuthError, ErrorCode, ValidationError
from app.keys import kdf, recovery, slots
from app.keys.slots import SlotKind
from app.services import settings as settings_store
from app.services.access import Action, require
from app.services.context import Context
from app.services.credentials import check_password, clean_username
from app.services.keyring import Keyring, registry
from app.store import user_repo
from app.store.tx import write_transaction


class UserService:
    def __init__(self, ctx: Context, keyring: Keyring, db_key: bytearray,
                 on_self_changed: Callable[[User], None]) -> None:
        self._ctx = ctx
        self._keyring = keyring
        self._db_key = db_key
        self._on_self_changed = on_self_changed

    def all_users(self) -> list[User]:
        require(self._ctx, Action.USERS_VIEW)
        return user_repo.all_users(self._ctx.conn)

    def directory(self) -> list[UserRef]:
        """Colleagues' display names and roles, for any signed-in officer (who wrote a note,
        who a case is assigned to). Officer names are not case data."""
        return [UserRef(u.id, u.username, u.display_name, u.role, u.active)
                for u in user_repo.all_users(self._ctx.conn)]

    def add(self, username: str, display_name: str, role: Role,
            password: str | None = None) -> tuple[User, str | None]:
        """Create an account. Without ``password`` a temporary one is generated and returned;
        the officer must change it at first login.
        """
        ctx = self._ctx
        require(ctx, Action.USERS_MANAGE)
        name = clean_username(username)
        display = validation.clean_single(display_name, "display_name") or name
        if not isinstance(role, Role):
            raise ValidationError.single("role", "required")
        temporary = password is None
        secret = temporary_password() if password is None else password
        check_password(secret, name, settings_store.load(ctx.conn).institution)
        if any(u.username == name for u in user_repo.all_users(ctx.conn)):
            raise AuthError(ErrorCode.USER_EXISTS)
        with write_transaction(ctx.conn):
            user_id = user_repo.insert(ctx.conn, name, display, role, ctx.clock.now(), temporary)
        self._put_password(user_id, name, secret, action="user.add",
                           detail={"role": role.value, "temporary": temporary})
        return user_repo.by_id(ctx.conn, user_id), secret if temporary else None

    def reset_password(self, username: str, password: str | None = None) -> str | None:
        """Give an officer a new password (koordinator), re-enabling a removed account.

        Returns the temporary password when none was given.
        """
        ctx = self._ctx
        if not (ctx.via_recovery and username == ctx.user.username):
            require(ctx, Action.USERS_MANAGE)
        user = self._user(username)
        temporary = password is None
        secret = temporary_password() if password is None else password
        check_password(secret, user.username, settings_store.load(ctx.conn).institution)
        with write_transaction(ctx.conn):
            user_repo.update(ctx.conn, user.id, ctx.clock.now(), active=1,
                             must_change_password=int(temporary))
        self._put_password(user.id, user.username, secret, action="user.reset_password",
                           detail={"temporary": temporary})
        self._refresh_self(user.id)
        return secret if temporary else None

    def change_own_password(self, new_password: str, old_password: str | None) -> None:
        """Re-wrap one's own slot; the database file is not touched.

        ``old_password`` may be ``None`` only in a session opened with the recovery code.
        """
        ctx = self._ctx
        me = ctx.user
        if old_password is None and not ctx.via_recovery:
            raise AuthError(ErrorCode.WRONG_CREDENTIALS)
        if old_password is not None:
            self._verify_own_password(old_password)
        check_password(new_password, me.username, settings_store.load(ctx.conn).institution)
        self._put_password(me.id, me.username, new_password, action="user.change_password",
                           detail={"via": "recovery" if old_password is None else "password"})
        if me.must_change_password:
            with write_transaction(ctx.conn):
                user_repo.update(ctx.conn, me.id, ctx.clock.now(), must_change_password=0)
        self._refresh_self(me.id)

    def set_role(self, username: str, role: Role) -> None:
        ctx = self._ctx
        require(ctx, Action.USERS_MANAGE)
        user = self._user(username)
        if not isinstance(role, Role):
            raise ValidationError.single("role", "required")
        if user.role is Role.KOORDINATOR and role is not Role.KOORDINATOR and user.active:
            self._keep_a_koordinator(user)
        with write_transaction(ctx.conn):
            user_repo.update(ctx.conn, user.id, ctx.clock.now(), role=role.value)
            ctx.audit.append("user.role", actor=ctx.user.id, obj=f"user:{user.username}",
                             detail={"from": user.role.value, "to": role.value})
        self._refresh_self(user.id)

    def remove(self, username: str) -> None:
        """Disable the account and delete its key slot: that password opens nothing any more."""
        ctx = self._ctx
        require(ctx, Action.USERS_MANAGE)
        user = self._user(username)
        if user.id == ctx.user.id:
            raise AuthError(ErrorCode.CANNOT_REMOVE_SELF)
        if user.role is Role.KOORDINATOR and user.active:
            self._keep_a_koordinator(user)
        gone = tuple(sid for sid, entry in registry(ctx.conn).items() if entry.user_id == user.id)
        with write_transaction(ctx.conn):
            user_repo.update(ctx.conn, user.id, ctx.clock.now(), active=0)
            ctx.conn.executemany("DELETE FROM key_slots WHERE slot_id = ?",
                                 [(sid,) for sid in gone])
            ctx.audit.append("user.remove", actor=ctx.user.id, obj=f"user:{user.username}")
        self._keyring.drop_slots(gone)

    def new_recovery_code(self) -> str:
        """Replace the recovery slot (the old printed code stops working); returns the new code."""
        ctx = self._ctx
        require(ctx, Action.USERS_MANAGE)
        document, _ = self._keyring.load()
        old = tuple(sid for sid, entry in registry(ctx.conn).items()
                    if entry.kind is SlotKind.RECOVERY)
        code = recovery.generate()
        slot = slots.create(self._db_key, recovery.decode(code), vault_id=document.vault_id,
                            kind=SlotKind.RECOVERY, user_id=None, username=None,
                            params=document.kdf_target)
        self._keyring.put_slot(slot, replacing=old, action="keys.recovery_replaced",
                               actor=ctx.user.id)
        return code

    # --- helpers -------------------------------------------------------------------------

    def _user(self, username: str) -> User:
        if not isinstance(username, str):
            raise ValidationError.single("username", "type")
        return user_repo.by_username(self._ctx.conn, username.strip().lower())

    def _keep_a_koordinator(self, leaving: User) -> None:
        if user_repo.active_koordinators(self._ctx.conn) <= 1:
            raise AuthError(ErrorCode.LAST_KOORDINATOR)

    def _put_password(self, user_id: int, username: str, password: str, *, action: str,
                      detail: dict[str, object]) -> None:
        document, _ = self._keyring.load()
        old = tuple(sid for sid, entry in registry(self._ctx.conn).items()
                    if entry.user_id == user_id and entry.kind is SlotKind.PASSWORD)
        slot = slots.create(self._db_key, kdf.password_bytes(password),
                            vault_id=document.vault_id, kind=SlotKind.PASSWORD, user_id=user_id,
                            username=username, params=document.kdf_target)
        self._keyring.put_slot(slot, replacing=old, action=action, actor=self._ctx.user.id,
                               case_detail={**detail, "user": username})  # type: ignore[dict-item]

    def _verify_own_password(self, password: str) -> None:
        document, _ = self._keyring.load()
        slot = document.password_slot(self._ctx.user.username)
        if slot is None or not isinstance(password, str):
            raise AuthError(ErrorCode.WRONG_CREDENTIALS)
        slots.wipe(slots.open_slot(slot, kdf.password_bytes(password),
                                   vault_id=document.vault_id))

    def _refresh_self(self, user_id: int) -> None:
        if user_id == self._ctx.user.id:
            self._on_self_changed(user_repo.by_id(self._ctx.conn, user_id))
