"""Unlocking (SECURITY.md §3 unlock flow; tests S1 wrong password and S5 recovery code)."""

from __future__ import annotations

import pytest

from app.errors import AuthError, ErrorCode, StorageError
from app.keys import recovery
from app.services import lockout
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.core import key_helpers

WRONG = "ini jelas bukan kata sandinya"


def test_right_password_unlocks_and_audits(vault: Vault, session: Session) -> None:
    session.close()
    with vault.unlock("  KOORD ", helpers.KOORDINATOR_PASSWORD) as again:
        assert again.user.username == helpers.KOORDINATOR
        assert again.ctx.via_recovery is False
        assert again.notes == ()
        entry = again.ctx.audit.entries(limit=1)[0]
    assert entry.action == "session.unlock"
    assert entry.detail["via"] == "password" and entry.detail["keys_mac_ok"] is True


@pytest.mark.parametrize(("username", "password"), [
    (helpers.KOORDINATOR, WRONG),
    (helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD + " "),
    ("bukanpetugas", helpers.KOORDINATOR_PASSWORD),
    ("", ""),
], ids=["wrong-password", "trailing-space", "unknown-user", "empty"])
def test_wrong_credentials_change_nothing_and_print_nothing(
        vault: Vault, session: Session, capfd: pytest.CaptureFixture[str], username: str,
        password: str) -> None:
    """S1: one coded error, the same for an unknown user; DB, WAL and key file untouched."""
    session.close()
    before = key_helpers.snapshot(vault.paths)
    assert before["posko.db"] is not None and before["posko.keys"] is not None
    capfd.readouterr()
    with pytest.raises(AuthError) as info:
        vault.unlock(username, password)
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")  # no SQLCipher "hmac check failed" lines, no traceback text
    error = info.value
    assert error.code is ErrorCode.WRONG_CREDENTIALS
    assert error.params == {} and str(error) == "wrong_credentials"
    # No chained crypto or driver exception that a crash handler could print.
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    assert key_helpers.snapshot(vault.paths) == before
    state = lockout.read(vault.paths.lockout)
    assert state.failures == 1
    # The counter keeps an officer's name, never what a stranger typed.
    known = helpers.KOORDINATOR if username == helpers.KOORDINATOR else None
    assert state.attempts[0][1] == known
    if username and known is None:
        assert username not in vault.paths.lockout.read_text("ascii")


def test_failed_attempts_are_audited_at_the_next_good_unlock(vault: Vault,
                                                             session: Session) -> None:
    session.close()
    for name in (helpers.KOORDINATOR, "orangluar", helpers.KOORDINATOR):
        with pytest.raises(AuthError):
            vault.unlock(name, WRONG)
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        entry = again.ctx.audit.entries(limit=1)[0]
    assert entry.action == "session.unlock"
    assert entry.detail["failed_attempts"] == 3
    assert entry.detail["failed_usernames"] == [helpers.KOORDINATOR]
    assert lockout.read(vault.paths.lockout).failures == 0


def test_recovery_code_unlocks(vault: Vault, session: Session, recovery_code: str) -> None:
    """S5: the printed code opens the vault, flagged as a recovery session and audited."""
    session.close()
    typed = recovery_code.replace("-", " ")
    with vault.unlock_with_recovery(typed, helpers.KOORDINATOR) as rescued:
        assert rescued.ctx.via_recovery is True
        assert rescued.user.username == helpers.KOORDINATOR
        entry = rescued.ctx.audit.entries(limit=1)[0]
        assert (entry.action, entry.detail["via"]) == ("session.unlock", "recovery")
        # A recovery session may set a new password without the old one.
        rescued.users.change_own_password("padi menguning di ujung desa", None)
    assert key_helpers.can_unlock(vault, helpers.KOORDINATOR, "padi menguning di ujung desa")
    assert not key_helpers.can_unlock(vault, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)


def test_password_session_cannot_change_password_without_the_old_one(session: Session) -> None:
    with pytest.raises(AuthError) as info:
        session.users.change_own_password("padi menguning di ujung desa", None)
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS
    with pytest.raises(AuthError) as info:
        session.users.change_own_password("padi menguning di ujung desa", WRONG)
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS


def test_wrong_but_well_formed_recovery_code_fails(vault: Vault, session: Session,
                                                   recovery_code: str,
                                                   capfd: pytest.CaptureFixture[str]) -> None:
    session.close()
    other = recovery.generate()
    assert other != recovery_code
    before = key_helpers.snapshot(vault.paths)
    capfd.readouterr()
    with pytest.raises(AuthError) as info:
        vault.unlock_with_recovery(other, helpers.KOORDINATOR)
    assert info.value.code is ErrorCode.RECOVERY_CODE_WRONG
    assert capfd.readouterr() == ("", "")
    assert key_helpers.snapshot(vault.paths) == before
    assert lockout.read(vault.paths.lockout).failures == 1


def test_mistyped_recovery_code_names_the_group_and_is_not_counted(
        vault: Vault, session: Session, recovery_code: str) -> None:
    session.close()
    digits = list(recovery_code)
    index = 3 * 7 + 2  # third digit of the fourth group (7 characters per group with the dash)
    digits[index] = "1" if digits[index] != "1" else "2"
    with pytest.raises(AuthError) as info:
        vault.unlock_with_recovery("".join(digits), helpers.KOORDINATOR)
    assert info.value.code is ErrorCode.RECOVERY_CODE_GROUP
    assert info.value.params == {"group": 4}
    assert lockout.read(vault.paths.lockout).failures == 0


def test_recovery_code_for_an_unknown_officer_fails(vault: Vault, session: Session,
                                                    recovery_code: str) -> None:
    session.close()
    with pytest.raises(AuthError) as info:
        vault.unlock_with_recovery(recovery_code, "tidakada")
    assert info.value.code is ErrorCode.USER_NOT_FOUND
    # The vault is released again: the koordinator can still open it.
    assert key_helpers.can_unlock(vault, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)


def test_only_one_session_at_a_time(vault: Vault, session: Session) -> None:
    with pytest.raises(StorageError) as info:
        vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    assert info.value.code is ErrorCode.VAULT_BUSY
    session.close()
    assert key_helpers.can_unlock(vault, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)


@pytest.mark.parametrize("size", [0, 100])
def test_truncated_database_is_a_coded_error_and_is_not_written(vault: Vault, session: Session,
                                                                size: int) -> None:
    session.close()
    vault.paths.db.write_bytes(vault.paths.db.read_bytes()[:size])
    before = key_helpers.snapshot(vault.paths)
    with pytest.raises(StorageError) as info:
        vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    assert info.value.code in {ErrorCode.NOT_A_VAULT_DB, ErrorCode.INTEGRITY_FAILED}
    assert key_helpers.snapshot(vault.paths) == before
