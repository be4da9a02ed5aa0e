"""``posko-admin``: the README's promises, driven in-process through ``main()``.

Secrets always travel on standard input; every failure is one Indonesian line on stderr with
the documented exit status (1 error, 2 usage, 3 a failed check) and never a traceback.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli.main import main
from app.keys.kdf import FLOOR
from app.paths import VaultPaths
from app.services.vault import Vault
from tests import helpers

USER, PASSWORD = helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD
NEW_PASSWORD = "gunung merapi berasap tipis"
CODE_LINE = re.compile(r"^KODE PEMULIHAN: (\d{6}(?:-\d{6}){7})$", re.MULTILINE)
TEMP_LINE = re.compile(r"^KATA SANDI SEMENTARA: (\S+)$", re.MULTILINE)
WRONG = "Nama pengguna atau kata sandi salah."


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


class Cli:
    """Runs ``posko-admin`` in-process against one vault folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, *argv: str, stdin: str = "") -> Result:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
        result = Result(code, out.getvalue(), err.getvalue())
        assert "Traceback" not in result.out + result.err
        return result

    def as_user(self, command: list[str], user: str, secret: str, *,
                recovery: bool = False) -> Result:
        flag = "--recovery-code-stdin" if recovery else "--password-stdin"
        return self("--data-dir", str(self.root), *command, "--user", user, flag,
                    stdin=secret + "\n")

    def verify(self, user: str = USER, secret: str = PASSWORD, *, recovery: bool = False,
               seals: tuple[str, ...] = ()) -> Result:
        extra = [arg for seal in seals for arg in ("--seal", seal)]
        return self.as_user(["verify", *extra], user, secret, recovery=recovery)


def _one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def _all_checks_pass(out: str) -> bool:
    marks = [line[:7] for line in out.splitlines() if line.startswith("[")]
    return len(marks) >= 4 and set(marks) == {"[OK   ]"} and \
        "Hasil: SEMUA PEMERIKSAAN LULUS" in out


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("POSKO_KDF_PROFILE", "floor")
    return Cli(tmp_path / "vault")


@pytest.fixture
def recovery(cli: Cli) -> str:
    """``init`` done; returns the printed recovery code."""
    result = cli("init", "--data-dir", str(cli.root), "--user", USER, "--password-stdin",
                 stdin=PASSWORD + "\n")
    assert (result.code, result.err) == (0, "")
    match = CODE_LINE.search(result.out)
    assert match is not None, result.out
    return match.group(1)


def test_init_prints_a_valid_recovery_code_once(cli: Cli, recovery: str) -> None:
    groups = recovery.split("-")
    assert len(groups) == 8 and all(int(g) % 11 == 0 for g in groups)
    assert (cli.root / "posko.db").is_file() and (cli.root / "posko.keys").is_file()
    again = cli("init", "--data-dir", str(cli.root), "--user", USER, "--password-stdin",
                stdin=PASSWORD + "\n")
    assert again.code == 1 and "sudah ada vault" in _one_line(again.err)


def test_seed_demo_then_verify_passes(cli: Cli, recovery: str) -> None:
    seeded = cli.as_user(["seed-demo", "--cases", "40"], USER, PASSWORD)
    assert seeded.code == 0 and "40 kasus contoh" in seeded.out
    result = cli.verify()
    assert result.code == 0 and _all_checks_pass(result.out), result.out
    vault = Vault(VaultPaths(cli.root), kdf_params=FLOOR)
    with vault.unlock(USER, PASSWORD) as session:
        summaries = session.cases.summaries()
        assert len(summaries) == 40
        names = [session.cases.reveal_victim_name(s.id) or "" for s in summaries[:5]]
    assert all(name.endswith("(DEMO)") for name in names)


def test_verify_accepts_the_recovery_code(cli: Cli, recovery: str) -> None:
    result = cli.verify(secret=recovery, recovery=True)
    assert result.code == 0 and _all_checks_pass(result.out)
    spaced = recovery.replace("-", " ")
    assert cli.verify(secret=spaced, recovery=True).code == 0


def test_users_add_list_reset_role_remove(cli: Cli, recovery: str) -> None:
    added = cli.as_user(["users", "add", "petugas1", "--role", "petugas",
                         "--display-name", "Petugas Satu"], USER, PASSWORD)
    assert added.code == 0
    temporary = TEMP_LINE.search(added.out)
    assert temporary is not None
    listing = cli.as_user(["users", "list"], USER, PASSWORD).out
    assert "petugas1\tpetugas\taktif\tPetugas Satu (harus ganti kata sandi)" in listing
    blocked = cli.verify("petugas1", temporary.group(1))
    assert blocked.code == 1 and "harus diganti" in _one_line(blocked.err)
    changed = cli.as_user(["passwd"], "petugas1", f"{temporary.group(1)}\n{NEW_PASSWORD}")
    assert changed.code == 0
    reset = cli.as_user(["users", "reset", "petugas1"], USER, PASSWORD)
    second = TEMP_LINE.search(reset.out)
    assert reset.code == 0 and second is not None and second.group(1) != temporary.group(1)
    assert cli.verify("petugas1", NEW_PASSWORD).code == 1  # the reset replaced the slot
    assert cli.as_user(["passwd"], "petugas1", f"{second.group(1)}\n{NEW_PASSWORD}").code == 0
    promoted = cli.as_user(["users", "role", "petugas1", "--role", "koordinator"], USER,
                           PASSWORD)
    assert promoted.code == 0 and "sekarang koordinator" in promoted.out
    assert cli.verify("petugas1", NEW_PASSWORD).code == 0  # verify is koordinator-only
    removed = cli.as_user(["users", "remove", "petugas1"], USER, PASSWORD)
    assert removed.code == 0 and "dinonaktifkan" in removed.out
    listing = cli.as_user(["users", "list"], USER, PASSWORD).out
    assert "petugas1\tkoordinator\tnonaktif" in listing
    gone = cli.verify("petugas1", NEW_PASSWORD)
    assert gone.code == 1 and _one_line(gone.err) == WRONG


def test_passwd_replaces_the_own_password(cli: Cli, recovery: str) -> None:
    result = cli.as_user(["passwd"], USER, f"{PASSWORD}\n{NEW_PASSWORD}")
    assert result.code == 0 and result.err == ""
    assert cli.verify(secret=PASSWORD).code == 1
    assert cli.verify(secret=NEW_PASSWORD).code == 0
    weak = cli.as_user(["passwd"], USER, f"{NEW_PASSWORD}\npendek")
    assert weak.code == 1 and _one_line(weak.err).startswith("Kata sandi terlalu lemah")


def test_passwd_with_the_recovery_code(cli: Cli, recovery: str) -> None:
    result = cli.as_user(["passwd"], USER, f"{recovery}\n{NEW_PASSWORD}", recovery=True)
    assert result.code == 0 and result.err == ""
    assert cli.verify(secret=PASSWORD).code == 1
    assert cli.verify(secret=NEW_PASSWORD).code == 0


def test_recovery_code_command_replaces_the_code(cli: Cli, recovery: str) -> None:
    result = cli.as_user(["recovery-code"], USER, PASSWORD)
    match = CODE_LINE.search(result.out)
    assert result.code == 0 and match is not None and match.group(1) != recovery
    old = cli.verify(secret=recovery, recovery=True)
    assert old.code == 1 and "tidak cocok" in _one_line(old.err)
    assert cli.verify(secret=match.group(1), recovery=True).code == 0


def test_rotate_key_then_verify(cli: Cli, recovery: str) -> None:
    sealed = cli.as_user(["seal"], USER, PASSWORD)
    seal = sealed.out.strip().removeprefix("SEGEL AUDIT: ")
    assert sealed.code == 0 and re.fullmatch(r"\d{6}-[0-9A-F]{16}", seal)
    before = (cli.root / "posko.db").read_bytes()
    rotated = cli.as_user(["rotate-key"], USER, PASSWORD)
    assert rotated.code == 0 and "Kunci basis data telah diganti" in rotated.out
    assert (cli.root / "posko.db").read_bytes()[:16] != before[:16]  # a new file, new salt
    result = cli.verify(seals=(seal,))
    assert result.code == 0 and _all_checks_pass(result.out)
    assert cli.verify(secret=recovery, recovery=True).code == 0


@pytest.mark.parametrize("user", [USER, "tidakada"])
def test_wrong_password_is_one_indonesian_line(cli: Cli, recovery: str, user: str) -> None:
    result = cli.verify(user, "bukan kata sandi yang benar")
    assert result.code == 1
    assert result.out == ""
    assert _one_line(result.err) == WRONG


def test_a_check_failure_exits_3(cli: Cli, recovery: str) -> None:
    assert cli.verify(seals=("000001-0000000000000000",)).code == 3
    vault = Vault(VaultPaths(cli.root), kdf_params=FLOOR)
    with vault.unlock(USER, PASSWORD) as session:
        session.ctx.conn.execute("DROP TRIGGER audit_no_update")
        session.ctx.conn.execute("UPDATE audit SET action = 'case.view' WHERE seq = 2")
    result = cli.verify()
    assert result.code == 3
    assert "[GAGAL] Rantai log audit" in result.out and "nomor 2" in result.out
    assert "Hasil: ADA PEMERIKSAAN GAGAL" in result.out


@pytest.mark.parametrize("argv", [
    ["verify", "--password-stdin"],
    ["hapus-semua", "--user", USER],
    ["seed-demo", "--cases", "0", "--user", USER],
    ["seed-demo", "--cases", "-5", "--user", USER],
    ["seed-demo", "--cases", "banyak", "--user", USER],
    ["seed-demo", "--cases", "100001", "--user", USER],
    ["users", "add", "petugas2", "--user", USER],
    ["verify", "--user", USER, "--password-stdin", "--recovery-code-stdin"],
    [],
], ids=["no-user", "unknown-command", "cases-0", "cases-negative", "cases-text",
        "cases-too-many", "no-role", "two-secrets", "nothing"])
def test_usage_errors_exit_2_in_indonesian(cli: Cli, argv: list[str]) -> None:
    result = cli("--data-dir", str(cli.root), *argv)
    assert result.code == 2
    assert result.out == ""
    line = _one_line(result.err)
    assert line.startswith("Kesalahan perintah")
    for english in ("argument ", "invalid", "required", "choose from", "usage"):
        assert english not in line
    assert not cli.root.exists()  # nothing was created by a refused command


def test_data_dir_before_or_after_the_command(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "lain"
    made = cli("init", "--user", USER, "--password-stdin", "--data-dir", str(other),
               stdin=PASSWORD + "\n")
    assert made.code == 0 and (other / "posko.db").is_file()
    before = cli("--data-dir", str(other), "verify", "--user", USER, "--password-stdin",
                 stdin=PASSWORD + "\n")
    after = cli("users", "list", "--user", USER, "--password-stdin", "--data-dir", str(other),
                stdin=PASSWORD + "\n")
    assert before.code == 0 and after.code == 0 and f"{USER}\tkoordinator" in after.out
    assert not cli.root.exists()


@pytest.mark.parametrize("argv", [["--help"], ["verify", "--help"], ["users", "add", "-h"]])
def test_help_is_indonesian(cli: Cli, argv: list[str]) -> None:
    result = cli(*argv)
    assert result.code == 0 and result.err == ""
    assert result.out.startswith("Penggunaan: posko-admin")
    assert "Penggunaan: posko-admin Penggunaan" not in result.out
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in result.out


def test_installed_console_script_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("posko-admin")
    assert script.is_file()
    env = {**os.environ, "POSKO_KDF_PROFILE": "floor"}
    root = str(tmp_path / "vault")
    made = subprocess.run([str(script), "--data-dir", root, "init", "--user", USER,
                           "--password-stdin"], input=PASSWORD + "\n", capture_output=True,
                          text=True, env=env, timeout=120, check=False)
    assert made.returncode == 0, made.stderr
    assert CODE_LINE.search(made.stdout)
    checked = subprocess.run([str(script), "--data-dir", root, "verify", "--user", USER,
                              "--password-stdin"], input=PASSWORD + "\n", capture_output=True,
                             text=True, env=env, timeout=120, check=False)
    assert checked.returncode == 0 and checked.stderr == ""
    assert _all_checks_pass(checked.stdout)
