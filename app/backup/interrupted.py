"""Finishing a restore that a crash cut short — the light half of :mod:`app.backup.restore`.

:meth:`app.services.vault.Vault.state` runs :func:`finish_interrupted` at every start, before
the desktop app's first window; it needs none of what staging and checking a backup needs
(SQLCipher, the backup reader, the audit log), so those stay in :mod:`app.backup.restore`
(start-up, ``make bench``). The marker, the staging folder and the two-phase swap are
described there.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import VaultPaths
from app.store.atomic import fsync_directory, write_atomic

if TYPE_CHECKING:
    import filelock

#: Marker states: the current vault's files go aside; then the staged files come in.
ASIDE, BRING_IN = "commit", "staged"


def staging_path(paths: VaultPaths) -> Path:
    return paths.root.with_name(paths.root.name + ".pemulihan")


def marker_path(paths: VaultPaths) -> Path:
    return paths.root.with_name(paths.root.name + ".pemulihan.json")


def guard(paths: VaultPaths) -> filelock.BaseFileLock:
    """Held by the program restoring, for as long as its staging folder exists."""
    import filelock  # only when a staging folder exists: a restore, or one cut short

    return filelock.FileLock(str(staging_path(paths) / paths.lock_file.name), timeout=0)


def finish_interrupted(paths: VaultPaths) -> None:
    """Complete a committed swap, or drop an abandoned staging folder — unless another program
    is restoring right now."""
    marker, staging = marker_path(paths), staging_path(paths)
    with contextlib.suppress(FileNotFoundError):  # a marker write cut short
        os.unlink(marker.with_name(marker.name + ".tmp"))
    if not staging.exists():
        if marker.exists():  # both phases done; only the marker was left
            clean_up(paths)
        return
    import filelock  # as in guard()

    held = guard(paths)
    try:
        held.acquire()
    except filelock.Timeout:
        return  # a restore is running in another program: it finishes its own swap
    try:
        complete(paths)
    finally:
        held.release()
    clean_up(paths)


def complete(paths: VaultPaths) -> None:
    """The committed phases still to do (none without a marker)."""
    marker, staging = marker_path(paths), staging_path(paths)
    if not marker.exists():
        return
    record = json.loads(marker.read_text("ascii"))
    if record["state"] == ASIDE and VaultPaths(staging).db.exists():
        _move_files(paths.root, paths.root.with_name(record["safety"]), paths)
        write_atomic(marker, marker_bytes(BRING_IN, record["safety"]))
        record["state"] = BRING_IN
    if record["state"] == BRING_IN:
        _move_files(staging, paths.root, paths)


def clean_up(paths: VaultPaths) -> None:
    shutil.rmtree(staging_path(paths), ignore_errors=True)
    marker_path(paths).unlink(missing_ok=True)
    fsync_directory(paths.root.parent)


def movable(folder: Path, paths: VaultPaths) -> list[Path]:
    """The vault's own files in ``folder``; its lock and anything else stay where they are."""
    if not folder.is_dir():
        return []
    return sorted(item for item in folder.iterdir() if paths.is_vault_file(item.name))


def _move_files(source: Path, target: Path, paths: VaultPaths) -> None:
    items = movable(source, paths)
    if not items:
        return
    target.mkdir(mode=0o700, exist_ok=True)
    for item in items:
        os.replace(item, target / item.name)
    fsync_directory(target)
    fsync_directory(source)


def marker_bytes(state: str, safety: str) -> bytes:
    return json.dumps({"state": state, "safety": safety}).encode("ascii")
