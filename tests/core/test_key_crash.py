"""kill -9 during key-slot rewrites and key rotation (SECURITY.md test R10 and §2.4).

A child process (``key_crash_child``) changes the koordinator's password, or rotates the
database key, in a loop; the parent kills it with SIGKILL at a random moment: either a random
time after an operation began (mostly inside Argon2id or the export) or right at one of its
file renames/deletes. After every kill, with the seed fixed:

* ``posko.keys`` and ``posko.keys.bak`` parse;
* password change: exactly one of the last acknowledged and the in-flight password opens the
  vault, never neither (and never an older one);
* rotation: the vault opens with the unchanged password under the old or a new key, an
  acknowledged rotation is never undone, and once the key changed the old one opens nothing;
* the full integrity check (pages, audit chain, key file vs registry) is clean.
"""

from __future__ import annotations

import contextlib
import random
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.errors import AuthError, ErrorCode, StorageError
from app.keys import keyfile
from app.services.vault import Vault
from app.store.connection import open_database
from tests import helpers
from tests.core import key_helpers
from tests.core.key_crash_child import ROTATE_PASSWORD, password

pytestmark = [pytest.mark.slow, pytest.mark.reliability]

REPO = Path(__file__).resolve().parents[2]
PASSWD_RUNS = 12
ROTATE_RUNS = 10


@dataclass
class Killed:
    acknowledged: int  # the last "done N" seen (0: none)
    in_flight: bool    # "begin N+1" was seen, so operation N+1 may or may not have landed


def _run_and_kill(rng: random.Random, args: list[str], file_events: int) -> Killed:
    """Start the child, kill it at a random moment, and return what it acknowledged.

    ``file_events`` is about how many renames/deletes one operation makes in the folder.
    """
    child = subprocess.Popen([sys.executable, "-m", "tests.core.key_crash_child", *args],
                             cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    assert child.stdout is not None
    target = rng.randint(1, 2)  # which operation to aim at
    by_time = rng.random() < 0.5
    renames = rng.randint(1, file_events)
    delay = rng.uniform(0.0, 0.4)
    done, begun, seen_io = 0, 0, 0
    try:
        while True:
            line = child.stdout.readline().strip()
            if not line:
                assert child.stderr is not None
                child.wait(timeout=30)
                raise AssertionError(f"child stopped on its own: {child.stderr.read()[-2000:]}")
            word, _, number = line.partition(" ")
            if word == "done":
                done = int(number)
            elif word == "begin":
                begun = int(number)
            if begun < target:
                continue
            if by_time and word == "begin":
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.wait(timeout=delay)  # waiting on the child we are about to kill
                break
            seen_io += word == "io"
            if not by_time and (seen_io >= renames or word == "done"):
                break
    finally:
        child.send_signal(signal.SIGKILL)
        remaining, _ = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, child.returncode
    for line in remaining.splitlines():  # progress printed between our last read and the kill
        word, _, number = line.strip().partition(" ")
        if word == "done":
            done = int(number)
        elif word == "begin":
            begun = int(number)
    return Killed(acknowledged=done, in_flight=begun > done)


def _files_parse(vault: Vault) -> None:
    keyfile.parse(vault.paths.keys.read_bytes())
    keyfile.parse(vault.paths.keys_backup.read_bytes())


def _opens(vault: Vault, secret: str) -> bool:
    try:
        session = vault.unlock(helpers.KOORDINATOR, secret)
    except AuthError as error:
        assert error.code is ErrorCode.WRONG_CREDENTIALS
        return False
    with session:
        assert session.integrity.check().ok
    return True


def test_kill_during_password_changes(tmp_path: Path) -> None:
    rng = random.Random(20260302)
    vault = helpers.new_vault(tmp_path / "vault")
    session, _ = helpers.create_vault(vault)
    session.close()
    current = 0
    for _ in range(PASSWD_RUNS):
        killed = _run_and_kill(rng, ["passwd", str(vault.paths.root), str(current)], 2)
        _files_parse(vault)
        acked = current + killed.acknowledged
        old_works = _opens(vault, password(acked))
        new_works = killed.in_flight and _opens(vault, password(acked + 1))
        assert old_works != new_works, (acked, killed)  # exactly one: never neither, never both
        current = acked + 1 if new_works else acked
        if current > 0:
            assert not _opens(vault, password(current - 1))  # an older password stays dead
    assert current > 0  # changes did land across the runs


def test_kill_during_key_rotation(tmp_path: Path) -> None:
    rng = random.Random(20260303)
    vault = helpers.new_vault(tmp_path / "vault")
    session, code = helpers.create_vault(vault)
    key_helpers.add_officer(session)
    case_id = session.cases.create(helpers.minimal_intake()).id
    key = session.db_key_copy()
    session.close()
    changed = 0
    for _ in range(ROTATE_RUNS):
        killed = _run_and_kill(rng, ["rotate", str(vault.paths.root)], 13)
        _files_parse(vault)
        with vault.unlock(helpers.KOORDINATOR, ROTATE_PASSWORD) as again:
            new_key = again.db_key_copy()
            assert again.integrity.check().ok
            assert again.cases.get(case_id).intake == helpers.minimal_intake()
        leftovers = [path.name for path in vault.paths.root.iterdir() if "rotasi" in path.name]
        assert leftovers == []  # side files (and their journals) rolled back or forward
        if killed.acknowledged:
            assert new_key != key  # an acknowledged rotation is never rolled back
        if new_key != key:
            changed += 1
            with pytest.raises(StorageError) as info:
                open_database(vault.paths.db, key)
            assert info.value.code is ErrorCode.NOT_A_VAULT_DB
        key = new_key
    assert changed > 0
    assert key_helpers.can_unlock(vault, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)
    with vault.unlock_with_recovery(code, helpers.KOORDINATOR) as rescued:
        assert rescued.db_key_copy() == key
