"""Start-up: the unlock window shows before what an unlock needs is loaded (issue 7).

``make bench`` times the start-up against a bare PySide6 window; this guards the gain without
timing. A child process (:mod:`tests.ui.startup_child`) starts ``posko`` from cold and lists
the modules loaded when the first window shows: the database, the keys and the session (every
service) load in the DB thread at the first unlock; printing, exports and the workspace later
still. ``app.backup.restore`` does load — ``Vault.state()`` finishes a cut-short restore before
choosing the window — but without its backup reader and SQLCipher.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.services.vault import Vault
from tests import helpers

ROOT = Path(__file__).resolve().parents[2]

#: Not loaded when the unlock window shows (each one cost start-up time before).
HEAVY = (
    "app.services.session", "app.services.keyring", "app.services.credentials",
    "app.audit", "app.store.connection", "app.store.quick_check", "sqlcipher3",
    "app.keys.keyfile", "app.keys.slots", "app.keys.kdf", "cryptography", "argon2",
    "filelock", "msgspec", "app.domain.models", "app.domain.settings",
    "app.backup.files", "app.backup.container",
    "app.domain.labels", "ui.dialogs.new_password", "ui.dialogs.recovery",
    "ui.workspace", "ui.setup.wizard", "ui.demo", "ui.self_test",
    "reportlab", "openpyxl", "pypdf", "PySide6.QtPdf", "PySide6.QtPrintSupport",
)


def _child(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The child in a fresh interpreter, its per-user folders (the log) under ``home``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "XDG_STATE_HOME": str(home / "state"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache")}
    done = subprocess.run([sys.executable, "-m", "tests.ui.startup_child", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def _loaded(stdout: str) -> set[str]:
    line = next(line for line in stdout.splitlines() if line.startswith("LOADED "))
    return set(json.loads(line.removeprefix("LOADED ")))


def test_the_unlock_window_shows_before_what_an_unlock_needs(ready_vault: Vault,
                                                              tmp_path: Path) -> None:
    done = _child("modules", str(ready_vault.paths.root), home=tmp_path)
    assert "sampai jendela buka kunci tampil" in done.stdout
    loaded = _loaded(done.stdout)
    assert "app.services.vault" in loaded and "ui.pages.unlock_page" in loaded
    assert [name for name in HEAVY if name in loaded] == []


def test_a_fresh_folder_still_gets_the_setup_wizard(tmp_path: Path) -> None:
    done = _child("modules", str(tmp_path / "baru"), home=tmp_path)
    assert "sampai jendela penyiapan tampil" in done.stdout
    assert "ui.setup.wizard" in _loaded(done.stdout)


def test_an_unlock_from_cold_loads_what_it_needs_in_the_db_thread(ready_vault: Vault,
                                                                  tmp_path: Path) -> None:
    done = _child("unlock", str(ready_vault.paths.root), helpers.KOORDINATOR,
                  helpers.KOORDINATOR_PASSWORD, home=tmp_path)
    assert "UNLOCKED workspace=True" in done.stdout, done.stdout + done.stderr
    assert done.stderr == ""
