"""Backups that go wrong (SECURITY.md R4, R5; §2.3): a target that fills up, disappears or lies,
and backup files damaged afterwards.

A failed backup leaves no file that looks good (no ``.poskobak``, no ``.part``), records nothing
in the history, and says which coded error happened. A damaged backup is refused at verify and
at restore, and the vault in place is not touched: the same bytes, no staging folder, no safety
copy. Faults are injected where the OS would raise them (a write, a free-space query, a
file-size limit in a child process, bytes flipped on disk) — never in the database or crypto.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.backup import container, files, restore
from app.clock import FakeClock
from app.errors import AccessDenied, AppError, AuthError, ErrorCode
from app.paths import VaultPaths
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.core import backup_support as support
from tests.core import key_helpers

pytestmark = pytest.mark.reliability
REPO = Path(__file__).resolve().parents[2]
USER, PASSWORD = helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD


def _usb(tmp_path: Path) -> Path:
    target = tmp_path / "usb"
    target.mkdir()
    return target


@dataclass(frozen=True)
class Trace:
    """What a backup attempt may leave: vault-folder names, history, audit rows."""

    vault_files: list[str]
    history: int
    audited: int


def _trace(session: Session) -> Trace:
    conn = session.ctx.conn
    audited = conn.execute("SELECT count(*) FROM audit WHERE action = 'vault.backup'").fetchone()
    return Trace(support.names(session.paths.root), len(session.backups.history()), audited[0])


def _fails(session: Session, target: Path, code: ErrorCode) -> AppError:
    before = _trace(session)
    with pytest.raises(AppError) as info:
        session.backups.create(target)
    assert info.value.code is code
    assert _trace(session) == before  # no copy left beside the vault, nothing recorded
    assert not target.is_dir() or support.names(target) == []
    return info.value


# --- only a verified backup counts ---------------------------------------------------------


def test_a_verified_backup_is_the_last_good_one_and_the_reminder_follows_it(
        session: Session, clock: FakeClock, tmp_path: Path) -> None:
    assert session.backups.last_good() is None and session.backups.reminder_due()
    record = session.backups.create(_usb(tmp_path))
    assert support.names(tmp_path / "usb") == ["posko-2026-03-02-0900.poskobak"]
    assert session.backups.last_good() == record and not session.backups.reminder_due()
    helpers.later(clock, days=7)
    assert not session.backups.reminder_due()  # 7 days is the default: not yet older
    helpers.later(clock, minutes=1)
    assert session.backups.reminder_due()
    session.settings.update(backup_reminder_days=14)
    assert not session.backups.reminder_due()
    assert session.backups.stale() == []
    helpers.later(clock, days=5 * 365)  # past the 5-year retention: may hold destroyed cases
    assert session.backups.stale() == [record]
    second = session.backups.create(tmp_path / "usb")
    assert second.file_name != record.file_name and session.backups.history() == [second, record]


def test_a_petugas_may_not_make_a_backup(session: Session, vault: Vault, tmp_path: Path) -> None:
    key_helpers.add_officer(session)
    session.close()
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as petugas:
        with pytest.raises(AccessDenied):
            petugas.backups.create(_usb(tmp_path))
        denied = petugas.ctx.audit.entries()[0]
    assert (denied.action, denied.detail["action"]) == ("access.denied", "vault.backup")
    assert support.names(tmp_path / "usb") == []


# --- the target ----------------------------------------------------------------------------


def test_a_missing_target_folder_is_refused(koord: Session, tmp_path: Path) -> None:
    _fails(koord, tmp_path / "flashdisk-tidak-ada", ErrorCode.BACKUP_TARGET_MISSING)
    (tmp_path / "berkas").write_bytes(b"")
    _fails(koord, tmp_path / "berkas", ErrorCode.BACKUP_TARGET_MISSING)


def test_too_little_free_space_refuses_to_start(koord: Session, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    usage = namedtuple("usage", "total used free")
    asked: list[str] = []

    def disk_usage(path: object) -> Any:
        asked.append(str(path))
        return usage(64 << 20, (64 << 20) - 4096, 4096)

    monkeypatch.setattr(shutil, "disk_usage", disk_usage)
    target = _usb(tmp_path)
    error = _fails(koord, target, ErrorCode.BACKUP_NO_SPACE)
    needed = error.params["needed_mb"]
    assert asked == [str(target)] and isinstance(needed, int) and needed >= 1


def _failing_write(monkeypatch: pytest.MonkeyPatch, fault: Callable[[Path], None]) -> None:
    """The database member's write: some bytes reach the target, then ``fault`` strikes."""
    real = zipfile.ZipFile.write

    def write(self: zipfile.ZipFile, filename: Any, arcname: Any = None, *args: Any,
              **kwargs: Any) -> None:
        assert self.fp is not None
        self.fp.write(b"\0" * 8192)
        fault(Path(str(self.filename)))
        real(self, filename, arcname, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "write", write)


@pytest.mark.parametrize(("error_no", "code"), [
    (errno.ENOSPC, ErrorCode.DISK_FULL), (errno.EDQUOT, ErrorCode.DISK_FULL),
    (errno.ENODEV, ErrorCode.BACKUP_TARGET_MISSING), (errno.EIO, ErrorCode.BACKUP_TARGET_MISSING),
    (errno.EROFS, ErrorCode.READ_ONLY)])
def test_a_write_failing_midway_leaves_no_file(koord: Session, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch, error_no: int,
                                               code: ErrorCode) -> None:
    def fault(part: Path) -> None:
        assert part.name.endswith(".poskobak.part") and part.stat().st_size > 8192
        raise OSError(error_no, os.strerror(error_no))

    _failing_write(monkeypatch, fault)
    _fails(koord, _usb(tmp_path), code)


def test_a_stick_pulled_out_midway_leaves_no_file(koord: Session, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = _usb(tmp_path)
    _failing_write(monkeypatch, lambda part: shutil.rmtree(part.parent))
    _fails(koord, target, ErrorCode.BACKUP_TARGET_MISSING)
    assert not target.exists()


def test_a_stick_that_reads_back_other_bytes_fails_the_check(
        koord: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fsync
    damaged: list[str] = []

    def fsync(fd: int) -> None:
        name = os.readlink(f"/proc/self/fd/{fd}")
        if name.endswith(".poskobak.part"):  # the stick "syncs" and silently keeps other bytes
            support.flip_on_disk(Path(name), os.path.getsize(name) // 2)
            damaged.append(name)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    _fails(koord, _usb(tmp_path), ErrorCode.BACKUP_VERIFY_FAILED)
    assert len(damaged) == 1


@pytest.mark.parametrize(("where", "code"), [("target", ErrorCode.DISK_FULL),
                                             ("vault", ErrorCode.STORAGE_FAILED)])
def test_a_file_size_limit_stops_the_backup_cleanly(session: Session, vault: Vault,
                                                    tmp_path: Path, where: str,
                                                    code: ErrorCode) -> None:
    """A real short write (EFBIG) in a child process: on the stick, or beside the vault."""
    session.cases.create(helpers.full_intake())
    session.close()
    target = _usb(tmp_path)
    before = support.names(vault.paths.root)
    child = subprocess.run([sys.executable, "-m", "tests.core.backup_child", "full",
                            str(vault.paths.root), str(target), where, "16384"],
                           cwd=REPO, capture_output=True, text=True, timeout=60, check=False)
    assert (child.returncode, child.stdout, child.stderr) == (0, f"error {code.value}\n", "")
    assert support.names(target) == [] and support.names(vault.paths.root) == before
    with vault.unlock(USER, PASSWORD) as again:
        assert again.backups.history() == []
        assert again.integrity.check().ok


# --- damaged backup files -------------------------------------------------------------------


@dataclass(frozen=True)
class Made:
    paths: VaultPaths  # the vault in place (closed)
    code: str
    good: Path
    later: Path        # a second backup, made after one more case


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    folder = tmp_path_factory.mktemp("rusak")
    clock = helpers.fake_clock()
    session, code = helpers.create_vault(helpers.new_vault(folder / "kantor" / "vault", clock))
    usb = _usb(folder)
    with session:
        session.cases.create(helpers.full_intake(tag="Kenanga"))
        good = session.backups.create(usb)
        helpers.later(clock, hours=1)
        session.cases.create(helpers.full_intake(tag="Melati"))
        later = session.backups.create(usb)
    return Made(session.paths, code, usb / good.file_name, usb / later.file_name)


def _on_disk(member: str, offset: int) -> Callable[[Path, Made], object]:
    return lambda path, _: support.flip_on_disk(
        path, support.member_offset(path, member) + offset)


def _rewritten(member: str, change: Callable[[bytes], bytes]) -> Callable[[Path, Made], object]:
    def damage(path: Path, _: Made) -> None:
        intact = path.with_name("utuh")
        path.rename(intact)
        support.rewrite_member(intact, path, member, change)
        intact.unlink()

    return damage


def _header(**changes: object) -> Callable[[bytes], bytes]:
    return lambda data: json.dumps({**json.loads(data), **changes}).encode()


def _other_database(path: Path, made: Made) -> None:
    with zipfile.ZipFile(made.later) as archive:
        other = archive.read(container.DATABASE)
    _rewritten(container.DATABASE, lambda _: other)(path, made)


def _extra_member(path: Path, _: Made) -> None:
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("catatan.txt", b"tambahan")


#: Damage that opening the file already catches (the ZIP's CRCs, the sealed manifest, the
#: header bound to it, the key file's shape).
AT_OPEN: dict[str, Callable[[Path, Made], object]] = {
    "database byte": _on_disk(container.DATABASE, 70_000),
    "manifest byte": _on_disk(container.MANIFEST, 40),
    "key file byte": _on_disk(container.KEYS, 300),
    "header byte": _on_disk(container.HEADER, 12),
    "truncated": lambda p, _: p.write_bytes(p.read_bytes()[:p.stat().st_size // 2]),
    "last byte cut": lambda p, _: p.write_bytes(p.read_bytes()[:-1]),
    "not a zip": lambda p, _: p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 64),
    "empty": lambda p, _: p.write_bytes(b""),
    "manifest, CRC fixed": _rewritten(container.MANIFEST, support.flip(40)),
    "header date, CRC fixed": _rewritten(container.HEADER, _header(created_at="2020-01-01")),
    "header version": _rewritten(container.HEADER, _header(version=2)),
    "key file not JSON, CRC fixed": _rewritten(container.KEYS, support.flip(0)),
    "extra member": _extra_member,
}
#: Damage inside the encrypted database, with every CRC right: found by the full check.
IN_DATABASE: dict[str, Callable[[Path, Made], object]] = {
    "interior page": _rewritten(container.DATABASE, support.flip(9000)),
    "first page": _rewritten(container.DATABASE, support.flip(100)),
    "last page": _rewritten(container.DATABASE, support.flip(-200)),
    "database of a later backup": _other_database,
}


def _slot_flipped(field: str, bit: int) -> Callable[[bytes], bytes]:
    """A key file with one bit of ``field`` of the officer's slot flipped (base64 kept valid)."""
    def damage(data: bytes) -> bytes:
        document = json.loads(data)
        slot = key_helpers.slot_of(document, username=USER)
        slot[field] = key_helpers.flip_b64(slot[field], bit)
        return json.dumps(document).encode("ascii")

    return damage


def _damaged(made: Made, tmp_path: Path, damage: Callable[[Path, Made], object]) -> Path:
    path = tmp_path / "posko-2026-03-02-0900.poskobak"
    shutil.copyfile(made.good, path)
    damage(path, made)
    return path


def _untouched(made: Made, before: dict[str, str]) -> None:
    assert support.digests(made.paths.root) == before
    assert support.names(made.paths.root.parent) == ["vault"]  # no staging, no safety copy


@pytest.mark.parametrize("name", sorted(AT_OPEN))
def test_a_damaged_backup_does_not_open(made: Made, tmp_path: Path, name: str) -> None:
    path = _damaged(made, tmp_path, AT_OPEN[name])
    openings: list[Callable[[], object]] = [
        lambda: files.open_with_password(path, USER, PASSWORD),
        lambda: files.open_with_recovery(path, made.code)]
    for opening in openings:
        with pytest.raises(AppError) as info:
            opening()
        assert info.value.code is ErrorCode.BACKUP_CORRUPT, name


@pytest.mark.parametrize("name", sorted(IN_DATABASE))
def test_a_damaged_database_is_refused_at_verify_and_at_restore(made: Made, tmp_path: Path,
                                                                name: str) -> None:
    path = _damaged(made, tmp_path, IN_DATABASE[name])
    before = support.digests(made.paths.root)
    opened = files.open_with_password(path, USER, PASSWORD)  # header, manifest and slots fine
    attempts: list[Callable[[], object]] = [
        lambda: files.verify(opened, tmp_path),
        lambda: restore.restore(opened, made.paths, helpers.fake_clock(), USER)]
    for attempt in attempts:
        with pytest.raises(AppError) as info:
            attempt()
        assert info.value.code is ErrorCode.BACKUP_VERIFY_FAILED, name
    opened.close()
    assert support.names(tmp_path) == [path.name]  # the scratch copy is gone too
    _untouched(made, before)


def test_a_damaged_key_slot_refuses_that_password_only(made: Made, tmp_path: Path) -> None:
    path = _damaged(made, tmp_path, _rewritten(container.KEYS,
                                               _slot_flipped("wrapped_db_key", 40)))
    with pytest.raises(AuthError) as info:
        files.open_with_password(path, USER, PASSWORD)
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS
    opened = files.open_with_recovery(path, made.code)  # the other slot still opens it …
    with pytest.raises(AppError) as failed:
        files.verify(opened, tmp_path)  # … and the check says the key file is not sound
    opened.close()
    assert failed.value.code is ErrorCode.BACKUP_VERIFY_FAILED


def test_a_changed_key_file_fails_the_check(made: Made, tmp_path: Path) -> None:
    """A public key changed in the backup's key file (CRC fixed): the MAC gives it away."""
    # One bit of the key itself, re-encoded: a raw byte flip in the JSON sometimes made it
    # unreadable base64 (refused at open already, the case above), so it was flaky.
    path = _damaged(made, tmp_path, _rewritten(container.KEYS, _slot_flipped("public_key", 10)))
    opened = files.open_with_password(path, USER, PASSWORD)
    with pytest.raises(AppError) as info:
        files.verify(opened, tmp_path)
    opened.close()
    assert info.value.code is ErrorCode.BACKUP_VERIFY_FAILED
    assert support.names(tmp_path) == [path.name]


def test_a_wrong_secret_does_not_open_a_sound_backup(made: Made) -> None:
    with pytest.raises(AuthError) as info:
        files.open_with_password(made.good, USER, "kata sandi yang salah sekali")
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS
    with pytest.raises(AuthError) as info:
        files.open_with_password(made.good, "tidak-ada", PASSWORD)
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS
    other = "-".join(["000000"] * 8)
    with pytest.raises(AuthError) as info:
        files.open_with_recovery(made.good, other)
    assert info.value.code is ErrorCode.RECOVERY_CODE_WRONG


def test_the_sound_backup_verifies(made: Made, tmp_path: Path) -> None:
    """The control for the cases above: the same file, undamaged, passes every check."""
    for opened in (files.open_with_password(made.good, USER, PASSWORD),
                   files.open_with_recovery(made.good, made.code)):
        files.verify(opened, tmp_path)
        assert opened.manifest.cases == 1
        opened.close()
    assert support.names(tmp_path) == []


def test_a_backup_cannot_be_rebuilt_into_a_later_state(made: Made, tmp_path: Path) -> None:
    """The later manifest with the earlier database (or the reverse) does not pass."""
    with zipfile.ZipFile(made.later) as archive:
        manifest = archive.read(container.MANIFEST)
        header = archive.read(container.HEADER)
    path = _damaged(made, tmp_path, _rewritten(container.MANIFEST, lambda _: manifest))
    with pytest.raises(AppError) as info:
        files.open_with_password(path, USER, PASSWORD)  # bound to the other header
    assert info.value.code is ErrorCode.BACKUP_CORRUPT
    _rewritten(container.HEADER, lambda _: header)(path, made)
    opened = files.open_with_password(path, USER, PASSWORD)
    with pytest.raises(AppError) as info:
        files.verify(opened, tmp_path)
    opened.close()
    assert info.value.code is ErrorCode.BACKUP_VERIFY_FAILED

