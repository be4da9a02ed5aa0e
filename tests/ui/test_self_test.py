"""``posko --self-test`` and ``--startup-probe``: what CI runs on the frozen bundle, from source."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from app import selftest
from app.selftest import Probe, StepFailed
from app.services.vault import Vault
from ui import self_test

ROOT = Path(__file__).resolve().parents[2]
STEP_NAMES = [name for name, _ in (*self_test.STEPS, selftest.CLEANUP)]


def _posko(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The source entry point in a child process, its per-user folders under ``home``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "XDG_STATE_HOME": str(home / "state"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache")}
    return subprocess.run([sys.executable, "-m", "ui.main", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_every_step_passes_and_nothing_is_left_behind(tmp_path: Path) -> None:
    parent, report = tmp_path / "parent", tmp_path / "hasil.txt"
    parent.mkdir()
    done = _posko("--self-test", "--data-dir", str(parent), "--self-test-report", str(report),
                  home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert all(line.startswith("OK    ") for line in lines[1:-1]), done.stdout
    assert [line[6:].rsplit(" (", 1)[0] for line in lines[1:-1]] == STEP_NAMES
    assert lines[-1].startswith("UJI MANDIRI BERHASIL")
    assert report.read_text(encoding="utf-8").splitlines() == lines  # for a windowed .exe
    assert list(parent.iterdir()) == []  # the throw-away vault is gone
    assert list((tmp_path / "state").rglob("posko.log"))  # the log is in the per-user folder


def test_a_folder_that_cannot_be_written_fails_the_vault_step(qapp: QApplication,
                                                              tmp_path: Path) -> None:
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("not a folder")  # the OS refuses a folder inside a file, even to root
    lines: list[str] = []
    code = self_test.run(blocker / "uji", emit=lines.append)
    assert code == 1
    assert lines[1].startswith("OK    berkas sumber daya")
    assert lines[3].startswith("GAGAL buat vault: NotADirectoryError")
    assert all(line.startswith("LEWAT") for line in lines[4:-2])
    assert lines[-2].startswith("OK    hapus vault") and lines[-1].startswith("UJI MANDIRI GAGAL")


def test_bytes_that_are_no_pdf_fail_the_qtpdf_step(qapp: QApplication) -> None:
    with pytest.raises(StepFailed, match="status"):
        self_test.load_pdf(Probe(pdf=b"%PDF-1.4 terpotong"))


def test_the_startup_probe_reports_the_unlock_window(ready_vault: Vault, tmp_path: Path) -> None:
    done = _posko("--startup-probe", "--data-dir", str(ready_vault.paths.root), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ms sejak proses mulai sampai jendela buka kunci tampil" in done.stdout
