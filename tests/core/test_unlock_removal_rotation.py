"""Officer removal and database-key rotation (SECURITY.md §2.4 and §3, test S7)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.domain.enums import Role
from app.errors import AccessDenied, AuthError, ErrorCode, StorageError
from app.keys import keyfile
from app.services.session import Session
from app.services.vault import Vault
from app.store.connection import open_database
from tests import helpers
from tests.core import key_helpers

OTHER = "petugas2"
OTHER_PASSWORD = "gunung merapi masih berasap"


def _usernames(path: Path) -> set[str | None]:
    return {slot.username for slot in keyfile.parse(path.read_bytes()).slots}


def _refused(vault: Vault, username: str, password: str) -> None:
    with pytest.raises(AuthError) as info:
        vault.unlock(username, password)
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS


def test_removed_officer_cannot_unlock_even_with_the_old_key_file(
        vault: Vault, session: Session, recovery_code: str) -> None:
    key_helpers.add_officer(session)
    session.close()
    assert key_helpers.can_unlock(vault, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)

    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as koord:
        koord.users.remove(helpers.PETUGAS)
        entry = koord.ctx.audit.entries(limit=1)[0]
        assert (entry.action, entry.object) == ("user.remove", f"user:{helpers.PETUGAS}")
    assert helpers.PETUGAS not in _usernames(vault.paths.keys)
    _refused(vault, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)

    # The officer kept a copy of the old key file (the previous generation is one): putting it
    # back must not help, because the database's slot registry no longer accepts that slot.
    assert helpers.PETUGAS in _usernames(vault.paths.keys_backup)
    shutil.copyfile(vault.paths.keys_backup, vault.paths.keys)
    _refused(vault, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)

    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as koord:
        assert "unregistered_slots_removed" in koord.notes
        assert koord.integrity.check().ok
    assert helpers.PETUGAS not in _usernames(vault.paths.keys)
    with vault.unlock_with_recovery(recovery_code, helpers.KOORDINATOR) as rescued:
        assert rescued.ctx.via_recovery


def test_old_password_cannot_come_back_with_the_old_key_file(
        vault: Vault, session: Session, recovery_code: str) -> None:
    session.users.change_own_password("hujan deras di bulan juni", helpers.KOORDINATOR_PASSWORD)
    session.close()
    shutil.copyfile(vault.paths.keys_backup, vault.paths.keys)  # holds the old password's slot
    _refused(vault, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    # The restored file lacks the new slot, so the way back in is the recovery code.
    with vault.unlock_with_recovery(recovery_code, helpers.KOORDINATOR) as rescued:
        rescued.users.change_own_password("angin laut bertiup kencang", None)
    _refused(vault, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    assert key_helpers.can_unlock(vault, helpers.KOORDINATOR, "angin laut bertiup kencang")


@pytest.fixture
def rotated(vault: Vault, session: Session) -> tuple[Vault, bytearray, int]:
    """Koordinator + two petugas, one removed, one case; then the key is rotated.

    Returns the vault, the old database key and the case id.
    """
    key_helpers.add_officer(session)
    key_helpers.add_officer(session, OTHER, OTHER_PASSWORD)
    case_id = session.cases.create(helpers.minimal_intake()).id
    session.users.remove(OTHER)
    old_key = session.db_key_copy()
    session.rotate_key()
    assert not session.is_open
    return vault, old_key, case_id


def test_after_rotation_the_old_key_opens_nothing(rotated: tuple[Vault, bytearray, int]) -> None:
    vault, old_key, _ = rotated
    with pytest.raises(StorageError) as info:
        open_database(vault.paths.db, old_key)
    assert info.value.code is ErrorCode.NOT_A_VAULT_DB
    leftovers = {path.name for path in vault.paths.root.iterdir()}
    assert not {"posko.db.rotasi", "posko.keys.rotasi", "posko.rotasi"} & leftovers
    for name in leftovers - {"posko.db"}:  # nothing else there is a database under the old key
        path = vault.paths.root / name
        if path.stat().st_size:  # (SQLCipher would take an empty file for a new database)
            with pytest.raises(StorageError):
                open_database(path, old_key)


def test_after_rotation_every_remaining_slot_unlocks(rotated: tuple[Vault, bytearray, int],
                                                     recovery_code: str) -> None:
    vault, old_key, case_id = rotated
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as koord:
        new_key = koord.db_key_copy()
        assert new_key != old_key
        assert koord.integrity.check().ok  # pages, the whole audit chain, key file vs registry
        assert koord.cases.get(case_id).intake == helpers.minimal_intake()
        assert "vault.rotate_key" in [e.action for e in koord.ctx.audit.entries(limit=50)]
    assert key_helpers.can_unlock(vault, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)
    with vault.unlock_with_recovery(recovery_code, helpers.KOORDINATOR) as rescued:
        assert rescued.db_key_copy() == new_key
    _refused(vault, OTHER, OTHER_PASSWORD)
    assert OTHER not in _usernames(vault.paths.keys)


def test_after_rotation_a_damaged_key_file_still_has_a_working_backup(
        rotated: tuple[Vault, bytearray, int]) -> None:
    # The generation before the rotation wraps the old key, which opens nothing any more; the
    # backup must therefore be a generation that wraps the new key.
    vault, _, _ = rotated
    vault.paths.keys.write_bytes(b"{damaged")
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as session:
        assert "restored_from_backup" in session.notes
    _refused(vault, OTHER, OTHER_PASSWORD)


def test_only_a_koordinator_may_rotate(vault: Vault, session: Session) -> None:
    key_helpers.add_officer(session, helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD, Role.PIMPINAN)
    key_helpers.add_officer(session)
    session.close()
    before = key_helpers.snapshot(vault.paths)
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as petugas:
        key = petugas.db_key_copy()
        with pytest.raises(AccessDenied):
            petugas.rotate_key()
    assert key_helpers.snapshot(vault.paths)["posko.keys"] == before["posko.keys"]
    open_database(vault.paths.db, key).close()  # still the same key
