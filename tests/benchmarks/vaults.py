"""Benchmark vaults: made once per size with ``posko-admin``, cached outside the repository.

``posko-admin init`` calibrates Argon2id as on an office PC (the production parameters, not the
tests' floor), ``posko-admin seed-demo`` fills the vault, and the plain twin is exported from it
with ``sqlcipher_export`` into an unencrypted file (``ATTACH … KEY ''``): same schema, same rows.
Each run works on fresh copies, so a cached vault is never changed and repeated runs compare.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from app.cli.vaults import KDF_PROFILE_ENV
from app.keys import keyfile
from app.paths import VaultPaths
from app.services.session import Session
from app.services.vault import Vault
from app.store import migrations

USER = "bench"
PASSWORD = "bangku panjang di teras kantor"
#: Bump when the seeder or its parameters change: a new folder is seeded, old ones stay.
SEED_VERSION = 1
CACHE_ROOT = Path(os.environ.get("POSKO_BENCH_CACHE",
                                 Path.home() / ".cache" / "posko-bench"))


@dataclass(frozen=True)
class CachedVault:
    """A seeded vault and its plaintext twin, with what making them cost."""

    size: int
    folder: Path
    seed_seconds: float
    kdf: dict[str, int]

    @property
    def vault_dir(self) -> Path:
        return self.folder / "vault"

    @property
    def plain_db(self) -> Path:
        return self.folder / "plain.db"


def cache_folder(size: int) -> Path:
    return CACHE_ROOT / f"{size}-seed{SEED_VERSION}-schema{migrations.LATEST}"


def _admin(data_dir: Path, *args: str) -> None:
    """``posko-admin`` as a user runs it (a child process; the password on standard input)."""
    script = Path(sys.executable).with_name("posko-admin")
    program = [str(script)] if script.exists() else [
        sys.executable, "-c", "from app.cli.main import entry; entry()"]
    command = [*program, "--data-dir", str(data_dir), *args, "--user", USER,
               "--password-stdin"]
    # Production Argon2id parameters: never the tests' floor profile, whatever the shell says.
    env = {k: v for k, v in os.environ.items() if k != KDF_PROFILE_ENV}
    subprocess.run(command, input=PASSWORD + "\n", text=True, check=True, env=env,
                   stdout=subprocess.DEVNULL)


def export_plain_twin(session: Session, target: Path) -> None:
    """The vault's schema and rows as an unencrypted SQLite file (the floor to compare with)."""
    target.unlink(missing_ok=True)
    conn = session.ctx.conn
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    try:
        conn.execute("SELECT sqlcipher_export('plain')").fetchall()
        version = migrations.current_version(conn)
        conn.execute(f"PRAGMA plain.user_version = {int(version)}")
    finally:
        conn.execute("DETACH DATABASE plain")


def _seed(size: int, folder: Path) -> CachedVault:
    shutil.rmtree(folder, ignore_errors=True)
    vault_dir = folder / "vault"
    folder.mkdir(parents=True)
    print(f"[{size:,} kasus] membuat vault (posko-admin init + seed-demo)…", flush=True)
    _admin(vault_dir, "init")
    start = time.perf_counter()
    _admin(vault_dir, "seed-demo", "--cases", str(size))
    seconds = time.perf_counter() - start
    with Vault(VaultPaths(vault_dir)).unlock(USER, PASSWORD) as session:
        export_plain_twin(session, folder / "plain.db")
    document, _ = keyfile.load(VaultPaths(vault_dir).keys, VaultPaths(vault_dir).keys_backup)
    kdf = {"time_cost": document.kdf_target.time_cost,
           "memory_kib": document.kdf_target.memory_kib,
           "parallelism": document.kdf_target.parallelism}
    meta = {"size": size, "seed_seconds": round(seconds, 1), "kdf": kdf}
    (folder / "ready.json").write_text(json.dumps(meta, indent=2))
    print(f"[{size:,} kasus] seed-demo: {seconds:.0f} s", flush=True)
    return CachedVault(size, folder, seconds, kdf)


def cached(size: int) -> CachedVault:
    """The cached vault of ``size`` cases, seeding it first if it is missing or unfinished."""
    folder = cache_folder(size)
    ready = folder / "ready.json"
    if not ready.exists():
        return _seed(size, folder)
    meta = json.loads(ready.read_text())
    return CachedVault(size, folder, float(meta["seed_seconds"]), dict(meta["kdf"]))


@dataclass(frozen=True)
class WorkCopy:
    """Fresh copies of a cached vault and its twin for one run (deleted afterwards)."""

    root: Path

    @property
    def paths(self) -> VaultPaths:
        return VaultPaths(self.root / "vault")

    @property
    def plain_db(self) -> Path:
        return self.root / "plain.db"

    @property
    def replay_db(self) -> Path:
        """A second copy of the encrypted database, for the replay without memory wiping."""
        return self.root / "replay" / "posko.db"

    def remove(self) -> None:
        if not os.environ.get("POSKO_BENCH_KEEP"):  # kept for a look at the replay files
            shutil.rmtree(self.root, ignore_errors=True)


def work_copy(source: CachedVault) -> WorkCopy:
    root = source.folder.parent / f"run-{source.size}-{os.getpid()}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(source.vault_dir, root / "vault")
    shutil.copy2(source.plain_db, root / "plain.db")
    work = WorkCopy(root)
    work.replay_db.parent.mkdir()
    shutil.copy2(source.vault_dir / "posko.db", work.replay_db)
    return work
