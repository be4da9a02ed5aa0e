"""Where a vault lives: one folder holding ``posko.db`` and ``posko.keys``.

The default is the per-user app-data folder (platformdirs); ``--data-dir`` overrides it in the
CLI and the desktop app. Never place a vault on a USB stick, network share or cloud-synced folder
(SECURITY.md §2.3): SQLite's locking and durability guarantees do not hold there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "PoskoPPKS"
APP_AUTHOR = "PoskoPPKS"


def default_data_dir() -> Path:
    """The per-user application data folder (e.g. ``%LOCALAPPDATA%\\PoskoPPKS\\PoskoPPKS``)."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


@dataclass(frozen=True)
class VaultPaths:
    """Every file of one vault. Only this module knows the names."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / "posko.db"

    @property
    def keys(self) -> Path:
        return self.root / "posko.keys"

    @property
    def keys_backup(self) -> Path:
        """The previous generation of the key-slot file (LUKS lesson: never keep just one)."""
        return self.root / "posko.keys.bak"

    @property
    def lockout(self) -> Path:
        """Failed-unlock counter; outside the DB because it must be written without the key."""
        return self.root / "posko.lockout"

    @property
    def rotation_db(self) -> Path:
        return self.root / "posko.db.rotasi"

    @property
    def rotation_keys(self) -> Path:
        return self.root / "posko.keys.rotasi"

    @property
    def rotation_marker(self) -> Path:
        """Commit record of a key rotation; its presence decides roll-forward vs roll-back."""
        return self.root / "posko.rotasi"

    @property
    def setup_marker(self) -> Path:
        """Present only while a new vault is being made; an interrupted setup may start over."""
        return self.root / "posko.setup"

    @property
    def lock_file(self) -> Path:
        return self.root / "posko.lock"

    def is_vault_file(self, name: str) -> bool:
        """A file of the vault itself, which a restore moves: every one is named ``posko.*``.

        The lock stays with its folder, and whatever else shares the folder stays put — on
        Windows the log folder (``Logs``, held open by the running app) lives here."""
        return name.startswith("posko.") and name != self.lock_file.name

    def exists(self) -> bool:
        return self.db.exists() or self.keys.exists() or self.keys_backup.exists()


def resolve(data_dir: str | Path | None) -> VaultPaths:
    return VaultPaths(Path(data_dir) if data_dir else default_data_dir())
