"""The unlock's quick_check beside the session (``Vault.unlock(check_beside=True)``).

Damage in a page the unlock never reads is found by the check a moment after the unlock; the
session then refuses work, leaves the damaged database file byte-identical, and the next unlock
checks first again. Damage the unlock itself reads is refused at unlock, as before.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from app.errors import ErrorCode, StorageError
from app.services import session as session_module
from app.services.session import Session
from app.services.vault import Vault
from app.store.connection import DatabaseError
from tests import cold_pages, helpers

PAGE = cold_pages.PAGE


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cold_pages.make_vault(tmp_path_factory.mktemp("beside") / "vault")


def _copy(pristine: Path, target: Path) -> Vault:
    shutil.copytree(pristine, target)
    return helpers.new_vault(target)


def _unlock(vault: Vault) -> Session:
    return vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD, check_beside=True)


def test_a_sound_vault_passes_beside_the_session_and_the_pass_is_audited(
        pristine: Path, tmp_path: Path) -> None:
    vault = _copy(pristine, tmp_path / "v")
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD,
                      check_beside=True) as session:
        assert session.unlock_check_passed(timeout=60) is True
        assert session.unlock_check_passed() is True  # audited once, not per question
        rows = session.ctx.conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'integrity.quick_check'").fetchone()
        assert rows[0] == 1
        assert not session.damaged


def test_damage_in_an_unread_page_is_found_beside_the_session_and_left_untouched(
        pristine: Path, tmp_path: Path) -> None:
    vault = _copy(pristine, tmp_path / "v")
    db = vault.paths.db
    cold_pages.flip_middle_page(db)
    damaged = _sha(db)
    with pytest.raises(StorageError) as refused:  # the old way: refused before opening
        helpers.new_vault(vault.paths.root).unlock(helpers.KOORDINATOR,
                                                   helpers.KOORDINATOR_PASSWORD)
    assert refused.value.code is ErrorCode.INTEGRITY_FAILED

    session = vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD,
                           check_beside=True)  # the unlock reads no damaged page
    assert session.unlock_check_passed(timeout=60) is False
    assert session.damaged
    session.close("manual")
    assert _sha(db) == damaged  # the WAL was not folded into the damaged file

    with pytest.raises(StorageError) as again:  # this Vault knows: it checks first now
        _unlock(vault)
    assert again.value.code is ErrorCode.INTEGRITY_FAILED
    assert _sha(db) == damaged


def test_the_check_before_opening_still_runs_without_check_beside(
        pristine: Path, tmp_path: Path) -> None:
    vault = _copy(pristine, tmp_path / "v")
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        assert session.unlock_check_passed() is True  # ran before opening: nothing to wait for
        rows = session.ctx.conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'integrity.quick_check'").fetchone()
        assert rows[0] == 0


def test_damage_the_unlock_reads_is_refused_at_unlock_as_damage(
        pristine: Path, tmp_path: Path) -> None:
    vault = _copy(pristine, tmp_path / "v")
    data = bytearray(vault.paths.db.read_bytes())
    data[PAGE + 300] ^= 0x08  # page 2: the schema's tables, read by every unlock
    vault.paths.db.write_bytes(bytes(data))
    with pytest.raises(StorageError) as refused:
        _unlock(vault)
    assert refused.value.code in {ErrorCode.INTEGRITY_FAILED, ErrorCode.NOT_A_VAULT_DB}


def test_a_damaged_page_read_before_the_check_answers_is_coded_as_damage(
        pristine: Path, tmp_path: Path) -> None:
    vault = _copy(pristine, tmp_path / "v")
    cold_pages.flip_middle_page(vault.paths.db)
    with _unlock(vault) as session:
        with pytest.raises(DatabaseError) as raw:
            for summary in session.cases.summaries():
                session.cases.get(summary.id)
        coded = session_module.coded(raw.value)
        assert isinstance(coded, StorageError) and coded.code is ErrorCode.INTEGRITY_FAILED
        other = ValueError("bukan galat basis data")
        assert session_module.coded(other) is other
