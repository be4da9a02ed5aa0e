"""Account rules around keys: the last koordinator stays, and a removed officer stays out."""

from __future__ import annotations

import pytest

from app.domain.enums import Role
from app.errors import AuthError, ErrorCode
from app.services.session import Session
from app.services.vault import Vault
from app.store import user_repo
from tests import helpers
from tests.core import key_helpers

SECOND = "koord2"
SECOND_PASSWORD = "matahari terbit dari timur laut"


def _role(session: Session, username: str) -> Role:
    return user_repo.by_username(session.ctx.conn, username).role


def test_last_koordinator_cannot_be_demoted_or_removed(session: Session) -> None:
    with pytest.raises(AuthError) as info:
        session.users.set_role(helpers.KOORDINATOR, Role.PETUGAS)
    assert info.value.code is ErrorCode.LAST_KOORDINATOR
    with pytest.raises(AuthError) as info:
        session.users.remove(helpers.KOORDINATOR)
    assert info.value.code is ErrorCode.CANNOT_REMOVE_SELF
    assert _role(session, helpers.KOORDINATOR) is Role.KOORDINATOR
    assert session.user.role is Role.KOORDINATOR


def test_a_removed_koordinator_does_not_count(session: Session) -> None:
    key_helpers.add_officer(session, SECOND, SECOND_PASSWORD, Role.KOORDINATOR)
    session.users.remove(SECOND)
    with pytest.raises(AuthError) as info:
        session.users.set_role(helpers.KOORDINATOR, Role.PETUGAS)
    assert info.value.code is ErrorCode.LAST_KOORDINATOR
    # Demoting the removed account changes nothing about who can manage the vault: allowed.
    session.users.set_role(SECOND, Role.PETUGAS)
    assert _role(session, SECOND) is Role.PETUGAS


def test_the_last_active_koordinator_cannot_be_removed_by_another(vault: Vault,
                                                                  session: Session) -> None:
    key_helpers.add_officer(session, SECOND, SECOND_PASSWORD, Role.KOORDINATOR)
    session.users.set_role(SECOND, Role.PETUGAS)  # two koordinators: demoting one is fine
    session.users.set_role(SECOND, Role.KOORDINATOR)
    session.close()
    with vault.unlock(SECOND, SECOND_PASSWORD) as second:
        second.users.remove(helpers.KOORDINATOR)
        with pytest.raises(AuthError) as info:
            second.users.set_role(SECOND, Role.PIMPINAN)
        assert info.value.code is ErrorCode.LAST_KOORDINATOR
        assert _role(second, SECOND) is Role.KOORDINATOR
    assert not key_helpers.can_unlock(vault, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)


def test_disabled_account_cannot_unlock_with_the_recovery_code(vault: Vault, session: Session,
                                                               recovery_code: str) -> None:
    key_helpers.add_officer(session)
    session.users.remove(helpers.PETUGAS)
    session.close()
    with pytest.raises(AuthError) as info:
        vault.unlock_with_recovery(recovery_code, helpers.PETUGAS)
    assert info.value.code is ErrorCode.USER_DISABLED
