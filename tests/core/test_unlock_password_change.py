"""Password changes (SECURITY.md §3 lifecycle, test S6) and temporary passwords.

About "DB file hash unchanged" (S6): the literal byte-for-byte criterion cannot hold in this
design and should not. The change is audited in the database (§4: the audit row is written with
the change it records), and the database's slot registry must learn the new slot and forget the
old one, or an old ``posko.keys.bak`` copied back would revive the old password (S7). What the
criterion is after is that a password change *re-wraps one key slot and never re-encrypts or
rewrites the data*. So the test proves, on the files at rest:

* the database key did not change: the key taken before the change still opens ``posko.db``,
  and the new password's slot unwraps exactly that key;
* every table except ``audit`` (appended to) and ``key_slots`` (one row swapped) has the same
  content, and the old audit rows are untouched;
* in ``posko.keys`` only the officer's own slot changed; the old password fails, the new works.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.enums import Role
from app.errors import AuthError, ErrorCode
from app.keys import kdf, keyfile, slots
from app.paths import VaultPaths
from app.services.session import Session
from app.services.vault import Vault
from app.store.connection import open_database
from tests import helpers
from tests.core import key_helpers

NEW_PASSWORD = "hujan deras di bulan juni"
CHANGING = {"audit", "key_slots"}


def _tables(paths: VaultPaths, key: bytearray) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, read with a raw key (the vault must be closed)."""
    conn = open_database(paths.db, key)
    try:
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {name: sorted((tuple(row) for row in conn.execute(f'SELECT * FROM "{name}"')),
                             key=_order) for name in names}
    finally:
        conn.close()


def _order(row: tuple[Any, ...]) -> list[tuple[str, Any]]:
    """A sort key for rows of mixed column types (NULL sorts apart from numbers and text)."""
    return [(type(value).__name__, 0 if value is None else value) for value in row]


def test_password_change_rewraps_only_the_officers_slot(vault: Vault, session: Session) -> None:
    session.cases.create(helpers.minimal_intake())
    key = session.db_key_copy()
    session.close()
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD):
        pass  # first unlock does one-off housekeeping (search index); start from a settled vault
    before = _tables(vault.paths, key)
    file_before = keyfile.parse(vault.paths.keys.read_bytes())

    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        again.users.change_own_password(NEW_PASSWORD, helpers.KOORDINATOR_PASSWORD)
        assert again.db_key_copy() == key
    after = _tables(vault.paths, key)  # the old key still opens the database: not re-keyed

    assert {name for name in before if before[name] != after[name]} == CHANGING
    assert after["audit"][: len(before["audit"])] == before["audit"]
    new_actions = [row[3] for row in after["audit"][len(before["audit"]):]]
    assert new_actions == ["session.unlock", "user.change_password", "session.lock"]
    assert len(after["key_slots"]) == len(before["key_slots"])

    file_after = keyfile.parse(vault.paths.keys.read_bytes())
    assert file_after.generation == file_before.generation + 1
    assert file_after.vault_id == file_before.vault_id
    assert file_after.recovery_slot() == file_before.recovery_slot()
    old_slot = file_before.password_slot(helpers.KOORDINATOR)
    new_slot = file_after.password_slot(helpers.KOORDINATOR)
    assert old_slot is not None and new_slot is not None
    assert new_slot.slot_id != old_slot.slot_id and new_slot.salt != old_slot.salt
    assert keyfile.mac_valid(file_after, key)
    opened = slots.open_slot(new_slot, kdf.password_bytes(NEW_PASSWORD),
                             vault_id=file_after.vault_id)
    assert opened == key

    assert not key_helpers.can_unlock(vault, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    with vault.unlock(helpers.KOORDINATOR, NEW_PASSWORD) as last:
        assert last.integrity.check().ok


def test_password_change_audits_and_needs_the_old_password(session: Session) -> None:
    with pytest.raises(AuthError) as info:
        session.users.change_own_password(NEW_PASSWORD, "ini jelas bukan kata sandinya")
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS
    with pytest.raises(AuthError) as info:
        session.users.change_own_password("pendek", helpers.KOORDINATOR_PASSWORD)
    assert info.value.code is ErrorCode.WEAK_PASSWORD
    session.users.change_own_password(NEW_PASSWORD, helpers.KOORDINATOR_PASSWORD)
    entry = session.ctx.audit.entries(limit=1)[0]
    assert entry.action == "user.change_password"
    assert entry.detail["via"] == "password" and entry.actor_user_id == session.user.id
    assert NEW_PASSWORD not in repr(entry)


def test_temporary_password_must_be_changed_before_any_case_work(vault: Vault,
                                                                 session: Session) -> None:
    user, temporary = session.users.add(helpers.PETUGAS, "Petugas Satu", Role.PETUGAS)
    assert temporary is not None and user.must_change_password
    session.close()

    with vault.unlock(helpers.PETUGAS, temporary) as first:
        for service in ("cases", "workflow", "referrals", "attachments", "settings"):
            with pytest.raises(AuthError) as info:
                getattr(first, service)
            assert info.value.code is ErrorCode.PASSWORD_CHANGE_REQUIRED
        first.users.change_own_password(NEW_PASSWORD, temporary)
        assert not first.user.must_change_password
        assert first.cases.summaries() == []  # allowed now, in the same session

    assert not key_helpers.can_unlock(vault, helpers.PETUGAS, temporary)
    with vault.unlock(helpers.PETUGAS, NEW_PASSWORD) as later:
        assert not later.user.must_change_password
        later.cases.create(helpers.minimal_intake())


def test_reset_password_forces_a_change_again(vault: Vault, session: Session) -> None:
    key_helpers.add_officer(session)
    temporary = session.users.reset_password(helpers.PETUGAS)
    assert temporary is not None
    session.close()
    assert not key_helpers.can_unlock(vault, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)
    with vault.unlock(helpers.PETUGAS, temporary) as reset:
        with pytest.raises(AuthError) as info:
            reset.cases.summaries()
        assert info.value.code is ErrorCode.PASSWORD_CHANGE_REQUIRED
