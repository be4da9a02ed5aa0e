"""L1–L3 for the whole desktop app: after a working day full of sentinels and a SIGKILL, no
file the app could have touched holds one — in UTF-8, UTF-16-LE or UTF-16-BE.

The day runs in a child pytest (``leak_app_flow.py``, real widgets through pytest-qt) whose
HOME, XDG data/config/cache/state/runtime folders and temp folders (``TMPDIR``, ``TEMP``,
``TMP``, ``SQLITE_TMPDIR``) are private folders of this test, so the vault (in its default
place), the log, settings, caches and temp files all land inside what is swept. The sweep
runs while the app is still up — reading every regular file it holds open, deleted ones too —
and again after the kill. The printed PDF and the backup go to a folder outside the sweep;
the backup file itself must not show a sentinel either, and the printed PDF must be gone.
The negative controls plant sentinels where the sweep looks and prove it finds them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.paths import APP_NAME
from tests import helpers
from tests.reliability import report, scale
from tests.reliability.sweep import PREFIX, found, nik, sentinel, sweep

pytestmark = [pytest.mark.reliability, pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/<pid>/fd")]

REPO = Path(__file__).resolve().parents[2]
CASES = scale.pick(300, 2000)
WATCHDOG_SECONDS = scale.pick(300, 900)


@dataclass(frozen=True)
class Places:
    home: Path
    temp: Path
    runtime: Path
    out: Path  # the printer's output and the backup stick: outside the sweep

    @classmethod
    def make(cls, root: Path) -> Places:
        places = cls(root / "home", root / "tmp", root / "run", root / "out")
        for folder in (places.home, places.temp, places.runtime, places.out):
            folder.mkdir(mode=0o700)
        return places

    def env(self) -> dict[str, str]:
        home = str(self.home)
        xdg = {"XDG_DATA_HOME": f"{home}/.local/share", "XDG_CONFIG_HOME": f"{home}/.config",
               "XDG_CACHE_HOME": f"{home}/.cache", "XDG_STATE_HOME": f"{home}/.local/state",
               "XDG_RUNTIME_DIR": str(self.runtime)}
        temp = {name: str(self.temp) for name in ("TMPDIR", "TEMP", "TMP", "SQLITE_TMPDIR")}
        return {**os.environ, **xdg, **temp, "HOME": home, "QT_QPA_PLATFORM": "offscreen",
                "PYTHONDONTWRITEBYTECODE": "1", "POSKO_LEAK_CASES": str(CASES),
                "POSKO_LEAK_OUT": str(self.out)}

    def swept(self) -> list[Path]:
        return [self.home, self.temp, self.runtime]

    def vault(self) -> Path:
        return self.home / ".local" / "share" / APP_NAME


class Day:
    """The child pytest running the working day; killed (SIGKILL), never ended cleanly."""

    def __init__(self, places: Places) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
             "-p", "no:randomly", "-o", "faulthandler_timeout=0",
             "tests/reliability/leak_app_flow.py"],
            cwd=REPO, env=places.env(), text=True, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: list[str] = []
        self._watchdog = threading.Timer(WATCHDOG_SECONDS, self.proc.kill)
        self._watchdog.start()

    def wait_ready(self) -> bool:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            if line == "READY\n":
                return True
        return False

    def kill(self) -> tuple[str, str]:
        self.proc.kill()
        out, err = self.proc.communicate(timeout=60)
        self._watchdog.cancel()
        return "".join(self.lines) + out, err


def test_a_working_day_leaves_no_sentinel_anywhere(tmp_path: Path) -> None:
    places = Places.make(tmp_path)
    day = Day(places)
    try:
        ready = day.wait_ready()
        live = sweep(places.swept(), day.proc.pid) if ready else None
    finally:
        out, err = day.kill()
    assert ready and live is not None, f"the working day failed:\n{out[-4000:]}\n{err[-2000:]}"
    after = sweep(places.swept())
    [backup] = (places.out / "usb").glob("*.poskobak")
    report.record("leak sweep of the whole app (L1-L3)", 1, cases=CASES + 2,
                  files_on_disk=len(after.files),
                  open_files_read=sum(name.startswith("fd:") for name in live.files),
                  mb_read=round((after.size + live.size) / 2**20, 1),
                  hits=len(live.hits) + len(after.hits))
    assert live.hits == {}, f"sentinel on disk while the app ran: {sorted(live.hits)}"
    assert after.hits == {}, f"sentinel on disk after the kill: {sorted(after.hits)}"
    assert found(backup.read_bytes()) == []
    assert found((out + err).encode()) == []  # L3: nothing on the console either
    assert sorted(p.name for p in places.out.iterdir()) == ["usb"]  # the printout is gone
    _the_sweep_saw_everything(places, after.files | live.files)
    _the_data_is_there(places)


def _the_sweep_saw_everything(places: Places, files: set[str]) -> None:
    """The app wrote where we looked: the vault, its WAL after the kill, and the log."""
    vault = places.vault()
    for name in ("posko.db", "posko.db-wal", "posko.keys"):
        assert str(vault / name) in files, name
    logs = [name.removeprefix("fd:") for name in files if name.endswith("posko.log")]
    assert logs and all(name.startswith(str(places.home)) for name in logs)


def _the_data_is_there(places: Places) -> None:
    """Zero hits mean encrypted, not absent: the killed vault opens with every sentinel."""
    with helpers.new_vault(places.vault()).unlock(helpers.KOORDINATOR,
                                                  helpers.KOORDINATOR_PASSWORD) as session:
        assert len(session.cases.summaries()) == CASES + 2  # the typed one and the draft
        assert len(session.cases.search(sentinel("Ketik", 9999))) == 1
        assert len(session.drafts.pending()) == 1
        assert session.integrity.check().ok


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be"])
def test_negative_control_a_planted_sentinel_is_found(tmp_path: Path, codec: str) -> None:
    places = Places.make(tmp_path)
    planted = places.home / ".config" / APP_NAME / "tertanam.ini"
    planted.parent.mkdir(parents=True)
    planted.write_bytes(f"[recent]\nnama={sentinel('Nama', 3).upper()}\n".encode(codec))
    (places.temp / "nik.txt").write_bytes(f"NIK {nik(3)}".encode(codec))
    result = sweep(places.swept())
    assert sorted(result.hits) == sorted([str(planted), str(places.temp / "nik.txt")])


def test_negative_control_a_deleted_file_held_open_is_found(tmp_path: Path) -> None:
    """Temp files deleted but still open (SQLite's way) are read through /proc/<pid>/fd."""
    script = ("import os, sys, tempfile\n"
              "f = tempfile.TemporaryFile()\n"  # unlinked at once on POSIX
              f"f.write({PREFIX!r}.encode('utf-16-le')); f.flush()\n"
              "print('ok', flush=True); sys.stdin.readline()\n")
    places = Places.make(tmp_path)
    child = subprocess.Popen([sys.executable, "-c", script], env=places.env(), text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline() == "ok\n"
        result = sweep(places.swept(), child.pid)
    finally:
        child.kill()
        child.communicate(timeout=30)
    assert list(places.temp.iterdir()) == []
    assert [name for name in result.hits if name.startswith(f"fd:{places.temp}")]
