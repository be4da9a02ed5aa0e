"""``posko-admin backup``, ``verify-backup`` and ``restore``, driven in-process through ``main()``.

Secrets travel on standard input; every failure is one Indonesian line on stderr — exit 1 for
an error, 3 when ``verify-backup`` finds the file damaged — and never a traceback.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.backup import container
from app.cli.main import main
from app.cli.messages import MESSAGES
from app.errors import ErrorCode
from app.paths import VaultPaths
from tests import helpers
from tests.core import backup_support as support
from tests.core import key_helpers

USER, PASSWORD = helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD
MADE = re.compile(r"^Cadangan dibuat dan diperiksa: (.+\.poskobak)$", re.MULTILINE)


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def line(self) -> str:
        """The one error line (fails if there is not exactly one)."""
        lines = self.err.splitlines()
        assert len(lines) == 1, lines
        return lines[0]


def cli(*argv: str, stdin: str = "") -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    result = Result(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.out + result.err
    return result


def as_user(root: Path, command: list[str], secret: str, *, user: str = USER,
            recovery: bool = False, more: str = "") -> Result:
    flag = "--recovery-code-stdin" if recovery else "--password-stdin"
    return cli("--data-dir", str(root), *command, "--user", user, flag, stdin=f"{secret}\n{more}")


@dataclass(frozen=True)
class Office:
    template: Path  # a closed vault with two cases and a petugas
    code: str
    backup: Path


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Office:
    folder = tmp_path_factory.mktemp("cli")
    session, code = helpers.create_vault(helpers.new_vault(folder / "template"))
    with session:
        key_helpers.add_officer(session)
        for tag in ("Kenanga", "Melati"):
            session.cases.create(helpers.full_intake(tag=tag))
        usb = folder / "usb"
        usb.mkdir()
        record = session.backups.create(usb)
    return Office(folder / "template", code, usb / record.file_name)


@pytest.fixture
def root(office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own copy of the office vault."""
    monkeypatch.setenv("POSKO_KDF_PROFILE", "floor")
    return key_helpers.copy_vault(office.template, tmp_path / "vault").paths.root


def _cases(root: Path, office: Office) -> int:
    with helpers.new_vault(root).unlock_with_recovery(office.code, USER) as session:
        return len(session.cases.summaries())


def test_backup_then_verify_it_with_the_password_and_the_recovery_code(
        office: Office, root: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    made = as_user(root, ["backup", "--to", str(usb)], PASSWORD)
    match = MADE.search(made.out)
    assert (made.code, made.err) == (0, "") and match is not None
    assert "Isi: 2 kasus." in made.out
    backup = Path(match.group(1))
    assert support.names(usb) == [backup.name]
    for secret, recovery in ((PASSWORD, False), (office.code, True)):
        checked = as_user(root, ["verify-backup", str(backup)], secret, recovery=recovery)
        assert (checked.code, checked.err) == (0, "")
        assert "Isi: 2 kasus, 0 lampiran" in checked.out
        assert checked.out.rstrip().endswith(
            "Hasil: CADANGAN UTUH (enkripsi, keutuhan, dan sidik isi cocok).")
    assert support.names(usb) == [backup.name]  # the scratch copy is gone


def test_backup_errors_are_one_indonesian_line(root: Path, tmp_path: Path) -> None:
    missing = as_user(root, ["backup", "--to", str(tmp_path / "tidak-ada")], PASSWORD)
    assert (missing.code, missing.line) == (1, MESSAGES[ErrorCode.BACKUP_TARGET_MISSING])
    usb = tmp_path / "usb"
    usb.mkdir()
    refused = as_user(root, ["backup", "--to", str(usb)], helpers.PETUGAS_PASSWORD,
                      user=helpers.PETUGAS)
    assert (refused.code, refused.line) == (1, MESSAGES[ErrorCode.ACCESS_DENIED])
    wrong = as_user(root, ["backup", "--to", str(usb)], "bukan kata sandinya")
    assert (wrong.code, wrong.line) == (1, MESSAGES[ErrorCode.WRONG_CREDENTIALS])
    assert support.names(usb) == []


@pytest.mark.parametrize(("damage", "code"), [
    ("raw", ErrorCode.BACKUP_CORRUPT), ("database", ErrorCode.BACKUP_VERIFY_FAILED),
    ("not a backup", ErrorCode.BACKUP_CORRUPT)])
def test_verify_backup_of_a_damaged_file_exits_3(office: Office, root: Path, tmp_path: Path,
                                                 damage: str, code: ErrorCode) -> None:
    path = _damaged(office, tmp_path, damage)
    result = as_user(root, ["verify-backup", str(path)], PASSWORD)
    assert (result.code, result.line) == (3, MESSAGES[code])
    assert support.names(tmp_path) == sorted(["vault", path.name])


def test_verify_backup_other_failures_exit_1(office: Office, root: Path, tmp_path: Path) -> None:
    wrong = as_user(root, ["verify-backup", str(office.backup)], "bukan kata sandinya")
    assert (wrong.code, wrong.line, wrong.out) == (1, MESSAGES[ErrorCode.WRONG_CREDENTIALS], "")
    gone = as_user(root, ["verify-backup", str(tmp_path / "tidak-ada.poskobak")], PASSWORD)
    assert (gone.code, gone.line) == (1, "Berkas cadangan tidak ditemukan.")
    code = as_user(root, ["verify-backup", str(office.backup)], "-".join(["000000"] * 8),
                   recovery=True)
    assert (code.code, code.line) == (1, MESSAGES[ErrorCode.RECOVERY_CODE_WRONG])


def _damaged(office: Office, folder: Path, damage: str) -> Path:
    path = folder / office.backup.name
    if damage == "raw":
        path.write_bytes(office.backup.read_bytes())
        support.flip_on_disk(path, support.member_offset(path, container.DATABASE) + 5000)
    elif damage == "database":
        support.rewrite_member(office.backup, path, container.DATABASE, support.flip(9000))
    else:
        path.write_bytes(b"PK\x03\x04 bukan cadangan")
    return path


def _add_case(root: Path) -> None:
    with helpers.new_vault(root).unlock(USER, PASSWORD) as session:
        session.cases.create(helpers.minimal_intake(name="Korban Teratai"))


def test_restore_asks_first_and_tidak_changes_nothing(office: Office, root: Path) -> None:
    before = support.digests(root)
    result = as_user(root, ["restore", str(office.backup)], PASSWORD, more="tidak\n")
    assert (result.code, result.err) == (0, "")
    assert "Ketik YA untuk mengganti data posko" in result.out
    assert result.out.rstrip().endswith("Dibatalkan; tidak ada yang diubah.")
    assert support.digests(root) == before
    assert support.names(root.parent) == ["vault"]


def test_restore_with_ya_keeps_a_safety_copy(office: Office, root: Path) -> None:
    _add_case(root)
    assert _cases(root, office) == 3
    result = as_user(root, ["restore", str(office.backup)], PASSWORD, more="ya\n")
    assert (result.code, result.err) == (0, ""), result.err
    assert "Isi: 2 kasus, 0 lampiran" in result.out  # shown before anything changed
    assert f"Data dipulihkan ke: {root}" in result.out
    safety = [name for name in support.names(root.parent) if name != "vault"]
    assert len(safety) == 1 and safety[0].startswith("vault.sebelum-pemulihan-")
    assert f"salinan pengaman: {root.parent / safety[0]}" in result.out
    assert _cases(root, office) == 2
    assert _cases(root.parent / safety[0], office) == 3
    checked = as_user(root, ["verify"], PASSWORD)
    assert checked.code == 0 and "SEMUA PEMERIKSAAN LULUS" in checked.out


def test_restore_on_a_new_pc_with_the_recovery_code(office: Office, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSKO_KDF_PROFILE", "floor")
    new_pc = tmp_path / "pc-baru" / "PoskoPPKS"
    result = as_user(new_pc, ["restore", str(office.backup), "--yes"], office.code,
                     recovery=True)
    assert (result.code, result.err) == (0, "")
    assert "Ketik YA" not in result.out and "salinan pengaman" not in result.out
    assert support.names(new_pc.parent) == ["PoskoPPKS"]
    for user, secret in ((USER, PASSWORD), (helpers.PETUGAS, helpers.PETUGAS_PASSWORD)):
        assert key_helpers.can_unlock(helpers.new_vault(new_pc), user, secret)
    checked = as_user(new_pc, ["verify"], office.code, recovery=True)
    assert checked.code == 0 and "SEMUA PEMERIKSAAN LULUS" in checked.out


def test_restore_refuses_while_the_vault_is_open(office: Office, root: Path) -> None:
    with helpers.new_vault(root).unlock(USER, PASSWORD):
        before = support.digests(root)
        result = as_user(root, ["restore", str(office.backup), "--yes"], PASSWORD)
        assert (result.code, result.line) == (1, MESSAGES[ErrorCode.VAULT_BUSY])
        assert support.digests(root) == before
    assert support.names(root.parent) == ["vault"]


@pytest.mark.parametrize(("damage", "code"), [("raw", ErrorCode.BACKUP_CORRUPT),
                                              ("database", ErrorCode.BACKUP_VERIFY_FAILED)])
def test_restore_of_a_damaged_backup_changes_nothing(office: Office, root: Path, damage: str,
                                                     code: ErrorCode) -> None:
    path = _damaged(office, root.parent, damage)
    before = support.digests(root)
    result = as_user(root, ["restore", str(path), "--yes"], PASSWORD)
    assert (result.code, result.line) == (1, MESSAGES[code])
    assert support.digests(root) == before
    assert support.names(root.parent) == sorted(["vault", path.name])  # no staging, no copy
    assert VaultPaths(root).exists()
