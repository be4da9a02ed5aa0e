"""Backup → restore (SECURITY.md R8, R9): the same content comes back, on a new PC or over the
vault in place, and no crash in between leaves anything but one complete vault.

The source vault holds one of everything (officers of every role, a corrected case with a
referral letter, an attachment, a form draft, a closed case, a breach). Its rows are taken at
the moment of the backup; the restore adds exactly one row (``vault.restore`` in the audit log),
so the restored vault is compared table by table with the source plus that row.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.audit import AuditLog, seal_code
from app.backup import container, files, restore
from app.backup.digest import ContentDigest, content_digest
from app.errors import AppError, ErrorCode, StorageError
from app.paths import VaultPaths
from app.services.session import Session
from app.services.vault import VaultState
from app.store.connection import integrity_report
from app.store.migrations import LATEST
from tests import helpers
from tests.core import backup_support as support
from tests.core import key_helpers
from tests.core.backup_support import Filled, Rows

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Source:
    root: Path      # the closed source vault
    code: str       # its recovery code
    key: bytes      # its database key
    file: Path      # the backup
    digest: ContentDigest  # the source's canonical digest at the moment of the backup
    rows: Rows      # and every row
    seal: str | None
    filled: Filled


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    folder = tmp_path_factory.mktemp("sumber")
    clock = helpers.fake_clock()
    session, code = helpers.create_vault(helpers.new_vault(folder / "vault", clock))
    with session:
        filled = support.fill(session)
        helpers.later(clock, hours=1)
        conn = session.ctx.conn
        digest, rows, seal = content_digest(conn), support.tables(conn), \
            session.ctx.audit.head_seal()
        usb = folder / "usb"
        usb.mkdir()
        record = session.backups.create(usb)
        key = bytes(session.db_key_copy())
    return Source(folder / "vault", code, key, usb / record.file_name, digest, rows, seal,
                  filled)


def _office_copy(source: Source, folder: Path) -> VaultPaths:
    """The source vault as an office PC still has it (a copy, so each test has its own)."""
    return key_helpers.copy_vault(source.root, folder / "vault").paths


def _assert_restored(rows: Rows, source: Source, actor: int | None) -> None:
    """Every table equal to the source at backup time, plus the restore's own audit row."""
    assert {n: r for n, r in rows.items() if n != "audit"} == \
        {n: r for n, r in source.rows.items() if n != "audit"}
    assert rows["audit"][:-1] == source.rows["audit"]
    last = rows["audit"][-1]
    assert (last[2], last[3]) == (actor, "vault.restore")
    expected = support.counts(source.rows)
    expected["audit"] += 1
    assert support.counts(rows) == expected


def test_the_backup_holds_the_source_as_it_was(source: Source, tmp_path: Path) -> None:
    opened = files.open_with_recovery(source.file, source.code)
    manifest = opened.manifest
    assert (manifest.digest, manifest.counts) == (source.digest.sha256, source.digest.counts)
    assert (manifest.cases, manifest.attachments, manifest.schema) == (3, 1, LATEST)
    assert manifest.audit_seal == source.seal
    container.extract_database(source.file, tmp_path / "posko.db")
    with support.raw(tmp_path / "posko.db", opened.db_key) as conn:
        assert content_digest(conn) == source.digest
        assert support.tables(conn) == source.rows
        assert integrity_report(conn) == (True, True)
    opened.close()
    # The file is the encrypted export and the key slots: no case text in the clear.
    data = source.file.read_bytes()
    assert not [word for word in (b"Kenanga", b"Flamboyan", b"3316015705900001", b"Laptop")
                if word in data]


def test_restore_on_a_new_pc_with_only_the_file_and_the_recovery_code(
        source: Source, tmp_path: Path) -> None:
    new_pc = VaultPaths(tmp_path / "pc-baru" / "PoskoPPKS")
    opened = files.open_with_recovery(source.file, source.code)
    assert restore.restore(opened, new_pc, helpers.fake_clock()) is None  # nothing to keep
    opened.close()
    assert support.names(new_pc.root.parent) == ["PoskoPPKS"]
    with support.raw(new_pc.db, source.key) as conn:
        rows = support.tables(conn)
        assert integrity_report(conn) == (True, True)
        meta = dict(conn.execute("SELECT key, value FROM vault_meta").fetchall())
        assert AuditLog(conn, bytes.fromhex(meta["audit_key"]), helpers.fake_clock()).verify().ok
    _assert_restored(rows, source, actor=None)
    vault = helpers.new_vault(new_pc.root)
    assert vault.state() is VaultState.READY
    with vault.unlock_with_recovery(source.code, helpers.KOORDINATOR) as session:
        assert session.integrity.check().ok
        for attachment_id, content in source.filled.attachments.items():
            assert session.attachments.read(attachment_id) == content
        for word, case_id in source.filled.words.items():
            assert [s.id for s in session.cases.search(word)] == [case_id]
        assert session.cases.search("Kamboja") == []
        assert session.drafts.load(source.filled.draft) is not None
    for user, password in ((helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD),
                           (helpers.PETUGAS, helpers.PETUGAS_PASSWORD),
                           (helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD)):
        assert key_helpers.can_unlock(vault, user, password), user


def test_restore_over_the_vault_keeps_it_as_a_safety_copy(source: Source,
                                                         tmp_path: Path) -> None:
    paths = _office_copy(source, tmp_path)
    with helpers.new_vault(paths.root).unlock(helpers.KOORDINATOR,
                                              helpers.KOORDINATOR_PASSWORD) as session:
        session.cases.create(helpers.minimal_intake(name="Korban Melati"))
    before = support.digests(paths.root)
    opened = files.open_with_password(source.file, helpers.KOORDINATOR,
                                      helpers.KOORDINATOR_PASSWORD)
    safety = restore.restore(opened, paths, helpers.fake_clock(), helpers.KOORDINATOR)
    assert safety is not None and safety.name == "vault.sebelum-pemulihan-20260302-020000"
    assert support.digests(safety) == {n: d for n, d in before.items() if n != "posko.lock"}
    with support.raw(paths.db, source.key) as conn:
        _assert_restored(support.tables(conn), source, actor=1)
    # The same second again (a fixed clock): a second safety copy, the first one kept.
    again = restore.restore(opened, paths, helpers.fake_clock(), helpers.KOORDINATOR)
    opened.close()
    assert again is not None and again.name == safety.name + "-2"
    assert support.digests(safety) == {n: d for n, d in before.items() if n != "posko.lock"}
    assert support.names(tmp_path) == ["vault", safety.name, again.name]


def test_restore_leaves_what_is_not_the_vault_in_its_folder(source: Source,
                                                           tmp_path: Path) -> None:
    """On Windows the app's log folder lives inside the data folder and is held open while
    the app runs: a restore (also on a new PC, from the wizard) must not try to move it."""
    paths = _office_copy(source, tmp_path)
    helpers.new_vault(paths.root)
    logs = paths.root / "Logs"
    logs.mkdir()
    (logs / "posko.log").write_text("restore started\n", encoding="utf-8")
    opened = files.open_with_recovery(source.file, source.code)
    safety = restore.restore(opened, paths, helpers.fake_clock())
    opened.close()
    assert safety is not None and not (safety / "Logs").exists()
    assert (logs / "posko.log").read_text(encoding="utf-8") == "restore started\n"
    assert (paths.root / "posko.db").exists() and (safety / "posko.db").exists()


def test_restore_refuses_a_vault_in_use(source: Source, tmp_path: Path) -> None:
    paths = _office_copy(source, tmp_path)
    with helpers.new_vault(paths.root).unlock(helpers.KOORDINATOR,
                                              helpers.KOORDINATOR_PASSWORD):
        before = support.digests(paths.root)
        opened = files.open_with_recovery(source.file, source.code)
        with pytest.raises(StorageError) as info:
            restore.restore(opened, paths, helpers.fake_clock())
        opened.close()
        assert info.value.code is ErrorCode.VAULT_BUSY
        assert support.digests(paths.root) == before
        assert support.names(tmp_path) == ["vault"]


def _child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.core.backup_child", *args], cwd=REPO,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _cases(paths: VaultPaths, key: bytes) -> int:
    with support.raw(paths.db, key) as conn:
        return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])


#: Where the restoring program dies, and whether the new content is then in place.
STEPS = {"stage": False, "marker": False, "aside": True, "bring": True, "cleanup": True}


@pytest.mark.parametrize(("step", "opener"), [
    *((step, "state") for step in STEPS), ("aside", "unlock"), ("bring", "unlock")])
def test_a_restore_killed_at_any_step_leaves_one_complete_vault(
        source: Source, tmp_path: Path, step: str, opener: str) -> None:
    paths = _office_copy(source, tmp_path)
    with helpers.new_vault(paths.root).unlock(helpers.KOORDINATOR,
                                              helpers.KOORDINATOR_PASSWORD) as session:
        session.cases.create(helpers.minimal_intake(name="Korban Melati"))  # old: 4 cases
    old = support.digests(paths.root)
    child = _child("restore", str(source.file), str(paths.root), step)
    out, err = child.communicate(timeout=60)
    assert child.returncode == -9, (out, err)  # it died exactly there
    vault = helpers.new_vault(paths.root)
    if opener == "state":
        assert vault.state() is VaultState.READY
    else:  # as the CLI does: straight to unlock (which takes the lock first)
        assert key_helpers.can_unlock(vault, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    safety = "vault.sebelum-pemulihan-20260302-020000"
    assert support.names(tmp_path) == (["vault", safety] if STEPS[step] else ["vault"])
    assert _cases(paths, source.key) == (3 if STEPS[step] else 4)
    if STEPS[step]:
        moved = support.digests(tmp_path / safety)
        assert moved == {n: d for n, d in old.items() if n != "posko.lock"}
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        assert session.integrity.check().ok


def test_a_restore_in_progress_is_left_alone_by_another_program(source: Source,
                                                               tmp_path: Path) -> None:
    paths = _office_copy(source, tmp_path)
    child = _child("restore", str(source.file), str(paths.root), "pause")
    assert child.stdin is not None and child.stdout is not None
    assert child.stdout.readline().strip() == "paused"  # half staged, holding the vault
    vault = helpers.new_vault(paths.root)
    assert vault.state() is VaultState.READY  # the app starting meanwhile
    assert support.names(tmp_path) == ["vault", "vault.pemulihan"]  # staging not dropped
    opened = files.open_with_recovery(source.file, source.code)
    with pytest.raises(StorageError) as info:
        restore.restore(opened, paths, helpers.fake_clock())
    opened.close()
    assert info.value.code is ErrorCode.VAULT_BUSY
    child.stdin.write("\n")
    out, err = child.communicate(timeout=60)
    assert (child.returncode, out.strip(), err) == (0, "restored", "")
    assert support.names(tmp_path) == ["vault", "vault.sebelum-pemulihan-20260302-020000"]
    with support.raw(paths.db, source.key) as conn:
        assert conn.execute("SELECT action FROM audit ORDER BY seq DESC").fetchone() == (
            "vault.restore",)


def test_backup_while_another_connection_keeps_writing(tmp_path: Path) -> None:
    vault = helpers.new_vault(tmp_path / "vault")
    session, _ = helpers.create_vault(vault)
    paths, usb, stop = session.paths, tmp_path / "usb", tmp_path / "berhenti"
    usb.mkdir()
    key = bytes(session.db_key_copy())
    writer = _child("write", str(paths.root), str(stop))
    assert writer.stdin is not None and writer.stdout is not None
    writer.stdin.write(key.hex() + "\n")
    writer.stdin.flush()
    for _ in range(3):  # it is writing before the first backup starts
        assert writer.stdout.readline().strip().isdigit()
    made: list[tuple[str, int, int]] = []
    try:
        while len(made) < 8 and not any(low < high for _, low, high in made):
            low = _live_cases(session)
            record = session.backups.create(usb)
            made.append((record.file_name, low, _live_cases(session)))
    finally:
        stop.touch()
    rest, err = writer.communicate(timeout=60)
    assert (writer.returncode, err) == (0, "")
    assert any(low < high for _, low, high in made)  # a backup ran while rows were landing
    acknowledged = [int(line) for line in rest.split() if line.isdigit()]
    with session:
        found = {int(r[0]) for r in session.ctx.conn.execute("SELECT id FROM cases")}
    assert set(acknowledged) <= found  # the writer lost nothing
    # Checked through a new connection: one that saw another connection write to the search
    # index reports an FTS5 checksum mismatch until its next query of the index.
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        assert again.integrity.check().ok
    for name, low, high in made:
        _assert_consistent(usb / name, low, high, tmp_path / f"{name}.db")


def _live_cases(session: Session) -> int:
    return int(session.ctx.conn.execute("SELECT count(*) FROM cases").fetchone()[0])


def _assert_consistent(backup: Path, low: int, high: int, scratch: Path) -> None:
    """One snapshot: checks clean, the digest and seal of what is inside, every case with its
    persons and its audit row (and no row of a case that is not there)."""
    opened = files.open_with_password(backup, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    files.verify(opened, scratch.parent)
    container.extract_database(backup, scratch)
    with support.raw(scratch, opened.db_key) as conn:
        assert content_digest(conn).sha256 == opened.manifest.digest
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        codes = {r[0] for r in conn.execute("SELECT code FROM cases")}
        audited = {r[0] for r in conn.execute(
            "SELECT case_code FROM audit WHERE action = 'case.create'")}
        head = conn.execute("SELECT seq, mac FROM audit ORDER BY seq DESC").fetchone()
        victims = conn.execute("SELECT count(*) FROM persons WHERE role = 'korban'").fetchone()
    assert codes == audited and victims[0] == len(codes)
    assert low <= opened.manifest.cases == len(codes) <= high
    assert opened.manifest.audit_seal == seal_code(head[0], bytes(head[1]))
    opened.close()


def test_a_fresh_pc_restore_leaves_nothing_when_the_backup_is_refused(
        source: Source, tmp_path: Path) -> None:
    damaged = tmp_path / "rusak.poskobak"
    support.rewrite_member(source.file, damaged, container.DATABASE, support.flip(9000))
    opened = files.open_with_recovery(damaged, source.code)
    with pytest.raises(AppError) as info:
        restore.restore(opened, VaultPaths(tmp_path / "pc-baru" / "vault"), helpers.fake_clock())
    opened.close()
    assert info.value.code is ErrorCode.BACKUP_VERIFY_FAILED
    assert support.names(tmp_path / "pc-baru") == []  # no vault, no staging, no marker
