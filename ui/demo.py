"""``posko --demo``: a throw-away vault with fake cases, so a newcomer can look around.

The vault lives in a fresh temporary folder (its data is fictional) and is deleted at exit.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import filelock

from app.clock import FakeClock, SystemClock
from app.demo import seed
from app.keys.kdf import FLOOR
from app.paths import VaultPaths
from app.services.vault import Vault

DEMO_USER = "demo"
DEMO_PASSWORD = "coba aplikasi posko fiktif"
DEMO_CASES = 80


@dataclass
class DemoVault:
    vault: Vault
    folder: Path

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


PREFIX = "posko-demo-"


def remove_stale() -> None:
    """Delete demo folders left by a demo that was killed; skip one that is still open."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        lock = filelock.FileLock(str(folder / "vault" / "posko.lock"), timeout=0)
        try:
            with lock:
                pass
        except (filelock.Timeout, OSError):
            continue
        shutil.rmtree(folder, ignore_errors=True)


def create(cases: int = DEMO_CASES) -> DemoVault:
    remove_stale()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    clock = FakeClock(SystemClock().now())
    # The floor Argon2id setting: this vault holds fiction and must open fast.
    vault = Vault(VaultPaths(folder / "vault"), clock=clock, kdf_params=FLOOR)
    session, _ = vault.create(username=DEMO_USER, display_name="Koordinator Demo",
                              password=DEMO_PASSWORD)
    with session:
        seed(session, clock, count=cases)
    return DemoVault(Vault(VaultPaths(folder / "vault"), kdf_params=FLOOR), folder)
