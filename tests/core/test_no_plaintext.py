"""L1–L3 and S12: no plaintext anywhere on disk or on the console (SECURITY.md §5, §8).

A child process (``leak_workload.py``) runs a full workload on cases full of sentinels with
``TMPDIR`` and ``SQLITE_TMPDIR`` pointing at a fresh folder. At each stage, and after it is
killed, the parent greps every file in the vault and temp folders, plus every file the child
holds open (SQLite unlinks its temp files at once on POSIX), case-insensitively in UTF-8 and
UTF-16 (both byte orders), with the reader of the app-wide leak sweep
(``tests/reliability/sweep.py``). The negative control runs the same spilling sort with
``temp_store = FILE`` and must be caught, which proves the sweep can see a leak.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from app.store.connection import PLAINTEXT_HEADER
from tests import helpers
from tests.core.leak_workload import CASES, NIK_PREFIX, PREFIX, sentinel
from tests.reliability.sweep import found, needles
from tests.reliability.sweep import sweep as sweep_files

pytestmark = pytest.mark.reliability
REPO = Path(__file__).resolve().parents[2]
NEEDLES = needles((PREFIX, NIK_PREFIX, helpers.KOORDINATOR_PASSWORD))
LOG_LINE = re.compile(r"ERROR CORE|WARN CORE|hmac check failed|sqlcipher", re.IGNORECASE)
WATCHDOG_SECONDS = 120


class Child:
    """The workload process, stepped stage by stage over its stdin/stdout."""

    def __init__(self, mode: str, root: Path, temp: Path) -> None:
        env = {**os.environ, "TMPDIR": str(temp), "SQLITE_TMPDIR": str(temp),
               "TEMP": str(temp), "TMP": str(temp)}
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.core.leak_workload", mode,
                                      str(root)], cwd=REPO, env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.lines: list[str] = []
        self._result: tuple[str, str] | None = None
        self._watchdog = threading.Timer(WATCHDOG_SECONDS, self.proc.kill)
        self._watchdog.start()

    def expect(self, line: str) -> None:
        assert self.proc.stdout is not None
        got = self.proc.stdout.readline()
        self.lines.append(got)
        assert got == line + "\n", f"child said {got!r}; stderr: {self.finish()[1][-3000:]}"

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("lanjut\n")
        self.proc.stdin.flush()

    def finish(self) -> tuple[str, str]:
        """Kill (a crash, not a clean exit) and collect the rest of stdout and stderr."""
        if self._result is None:
            self.proc.kill()
            out, err = self.proc.communicate(timeout=60)
            self._watchdog.cancel()
            self._result = "".join(self.lines) + out, err
        return self._result


def _found(data: bytes) -> list[bytes]:
    return found(data, NEEDLES)


def sweep(folders: list[Path], pid: int | None = None) -> tuple[dict[str, list[bytes]],
                                                                  set[str]]:
    """(files with sentinel hits, names of every file read): the app-wide leak sweep's reader."""
    result = sweep_files(folders, pid, NEEDLES)
    return result.hits, result.files


def entropy(data: bytes) -> float:
    counts = Counter(data)
    return -sum(n / len(data) * math.log2(n / len(data)) for n in counts.values())


def test_sweep_needles_match_both_encodings() -> None:
    text = f"nama: {sentinel('Victim', 3).upper()} nik {NIK_PREFIX}00000003"
    assert _found(text.encode("utf-8")) and _found(text.encode("utf-16-le"))
    assert _found(b"ordinary ciphertext \x8f\x01") == []


def test_full_workload_leaves_no_plaintext(tmp_path: Path) -> None:
    root, temp = tmp_path / "work", tmp_path / "tmp"
    root.mkdir()
    temp.mkdir()
    vault_dir = root / "vault"
    child = Child("product", root, temp)
    try:
        for name in ("sorting", "locked", "reopened"):
            child.expect(f"STAGE {name}")
            hits, seen = sweep([root, temp], child.proc.pid)
            assert hits == {}, f"sentinel on disk at stage {name}: {sorted(hits)}"
            assert str(vault_dir / "posko.db") in seen
            child.go()
        child.expect("READY")
        hits, seen = sweep([root, temp], child.proc.pid)
        assert hits == {}, f"sentinel on disk while unlocked: {sorted(hits)}"
        assert str(vault_dir / "posko.db-wal") in seen
    finally:
        out, err = child.finish()
    hits, seen = sweep([root, temp])
    assert hits == {}, f"sentinel on disk after the crash: {sorted(hits)}"
    assert {str(vault_dir / n) for n in ("posko.db", "posko.keys", "posko.db-wal")} <= seen
    # L3: the console holds protocol lines only; no sentinel, no SQLCipher log line.
    assert out.splitlines() == ["STAGE sorting", "STAGE locked", "STAGE reopened", "READY"]
    assert err == ""
    assert not _found((out + err).encode()) and not LOG_LINE.search(out + err)
    _check_ciphertext(vault_dir / "posko.db")
    _check_data_was_written(vault_dir)


def _check_ciphertext(db: Path) -> None:
    """S12: no SQLite header, and the bytes look random."""
    data = db.read_bytes()
    assert len(data) > 256 * 1024
    assert not data.startswith(PLAINTEXT_HEADER)
    assert entropy(data) > 7.9


def _check_data_was_written(vault_dir: Path) -> None:
    """Zero hits mean encrypted, not absent: the crashed vault reopens with every sentinel."""
    vault = helpers.new_vault(vault_dir)
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        assert len(session.cases.summaries()) == CASES + 1
        assert len(session.cases.search(sentinel("AfterNote", 1))) == 1
        assert session.integrity.check().ok


def test_negative_control_the_sweep_sees_a_temp_file_leak(tmp_path: Path) -> None:
    root, temp = tmp_path / "work", tmp_path / "tmp"
    root.mkdir()
    temp.mkdir()
    child = Child("control", root, temp)
    try:
        child.expect("STAGE sorting")
        hits, _ = sweep([root, temp], child.proc.pid)
        child.go()
        child.expect("READY")
    finally:
        _, err = child.finish()
    leaked = [name for name in hits if name.startswith(f"fd:{temp}") and "etilqs" in name]
    assert leaked, f"the control's temp file was not seen; hits: {sorted(hits)}"
    assert str(root / "vault" / "control.db") not in hits  # the database itself is encrypted
    assert LOG_LINE.search(err), "the control's wrong key should have logged to stderr"
