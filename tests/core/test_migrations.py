"""Every earlier schema version opens and migrates (SECURITY.md R11).

The fixture vaults under tests/fixtures/vaults/vN were written at schema version N with a
test-only key; each is copied, unlocked through the normal path (which migrates) and checked.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.errors import ErrorCode, StorageError
from app.keys.kdf import FLOOR
from app.paths import VaultPaths
from app.services.vault import Vault
from app.store import migrations
from app.store.connection import open_database
from tests.fixtures.make_vaults import (
    FIXTURE_DB_KEY,
    FIXTURE_PASSWORD,
    FIXTURE_RECOVERY,
    FIXTURE_TAG,
    FIXTURE_USER,
    ROOT,
)
from tests.helpers import fake_clock

EARLIER = list(range(1, migrations.LATEST + 1))


def test_a_fixture_exists_for_every_version() -> None:
    assert sorted(int(p.name[1:]) for p in ROOT.glob("v*")) == EARLIER


def _copy(version: int, tmp_path: Path) -> Vault:
    target = tmp_path / f"v{version}"
    shutil.copytree(ROOT / f"v{version}", target)
    return Vault(VaultPaths(target), clock=fake_clock(), kdf_params=FLOOR)


def _version_on_disk(path: Path) -> int:
    conn = open_database(path, bytearray(FIXTURE_DB_KEY))
    try:
        return migrations.current_version(conn)
    finally:
        conn.close()


@pytest.mark.parametrize("version", EARLIER)
def test_old_vault_unlocks_and_migrates(version: int, tmp_path: Path) -> None:
    vault = _copy(version, tmp_path)
    assert _version_on_disk(vault.paths.db) == version
    with vault.unlock(FIXTURE_USER, FIXTURE_PASSWORD) as session:
        report = session.integrity.check()
        assert report.ok, report
        steps = [e.detail for e in session.ctx.audit.entries() if e.action == "schema.migrate"]
        assert sorted(d["to"] for d in steps) == list(range(version + 1, migrations.LATEST + 1))
        if version >= 2:
            [summary] = session.cases.summaries()
            case = session.cases.get(summary.id)
            assert case.intake.victim.full_name == f"Korban Lengkap {FIXTURE_TAG}"
            # The search index was built by today's code after the last step.
            assert [s.id for s in session.cases.search(FIXTURE_TAG.lower())] == [summary.id]
        if version >= 3:  # step 8: edits re-index without FTS5 secure-delete
            config = session.ctx.conn.execute(
                "SELECT v FROM case_search_config WHERE k = 'secure-delete'").fetchall()
            assert config == [(0,)]
        if version >= 4:
            [attachment] = session.attachments.for_case(1)
            assert session.attachments.read(attachment.id) == b"hello"
    assert _version_on_disk(vault.paths.db) == migrations.LATEST


@pytest.mark.parametrize("version", EARLIER)
def test_recovery_code_of_old_vault_still_works(version: int, tmp_path: Path) -> None:
    vault = _copy(version, tmp_path)
    with vault.unlock_with_recovery(FIXTURE_RECOVERY, FIXTURE_USER) as session:
        assert session.ctx.via_recovery


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    vault = _copy(1, tmp_path)
    vault.unlock(FIXTURE_USER, FIXTURE_PASSWORD).close()
    conn = open_database(vault.paths.db, bytearray(FIXTURE_DB_KEY))
    try:
        before = conn.execute("SELECT count(*) FROM audit").fetchone()
        assert migrations.migrate(conn) == migrations.LATEST
        assert conn.execute("SELECT count(*) FROM audit").fetchone() == before
    finally:
        conn.close()


def test_vault_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    vault = _copy(migrations.LATEST, tmp_path)
    conn = open_database(vault.paths.db, bytearray(FIXTURE_DB_KEY))
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    with pytest.raises(StorageError) as raised:
        vault.unlock(FIXTURE_USER, FIXTURE_PASSWORD)
    assert raised.value.code is ErrorCode.SCHEMA_TOO_NEW


def test_a_failing_step_leaves_the_previous_version(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Each step is one transaction: a step that fails half-way changes nothing."""
    vault = _copy(1, tmp_path)

    def half_then_fail(conn: object) -> None:
        migrations.STEPS[1](conn)  # creates the case tables …
        raise RuntimeError("power cut")  # … and then the step dies

    monkeypatch.setattr(migrations, "STEPS", (migrations.STEPS[0], half_then_fail,
                                              *migrations.STEPS[2:]))
    conn = open_database(vault.paths.db, bytearray(FIXTURE_DB_KEY))
    try:
        with pytest.raises(RuntimeError):
            migrations.migrate(conn)
        assert migrations.current_version(conn) == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
        assert "cases" not in tables
    finally:
        conn.close()
