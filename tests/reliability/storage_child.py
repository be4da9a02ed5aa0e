"""Child process for ``test_storage_faults``: real full and read-only file systems.

Usage (inside a private mount namespace, e.g. ``unshare --user --map-root-user --mount``)::

    python -m tests.reliability.storage_child FOLDER

Mounts small tmpfs file systems under ``FOLDER`` — nothing outside this process's namespace
sees them, and they vanish with it — and runs three scenarios on the real services, printing
one JSON line each: ``save`` (the vault's disk fills up during saves), ``backup`` (the vault's
disk is full during a backup; the stick is too small; the stick is read-only) and ``readonly``
(the vault's folder is on a read-only file system at unlock). A failure the parent did not
expect shows as a missing line or a traceback on stderr.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from app.errors import AppError
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers

MB = 1024 * 1024
PRIOR = 5  # cases saved (and acknowledged) before the disk fills


def _mount(folder: Path, size: int) -> Path:
    folder.mkdir(parents=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                    str(folder)], check=True)
    return folder


def _remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True)


def _say(scenario: str, **facts: object) -> None:
    print(json.dumps({"scenario": scenario, **facts}), flush=True)


def _fill(folder: Path) -> Path:
    """A file that takes every free byte (tmpfs allocates whole pages)."""
    filler = folder / "pengisi"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for chunk in (64 * 1024, 4096, 512, 1):
            try:
                while os.write(fd, b"\0" * chunk):
                    pass
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
    finally:
        os.close(fd)
    return filler


def _vault_with_cases(root: Path) -> Vault:
    vault = helpers.new_vault(root)
    session, _ = helpers.create_vault(vault)
    with session:
        for number in range(PRIOR):
            session.cases.create(helpers.full_intake(tag=f"Sebelum{number}"))
    return vault


def _unlock(vault: Vault) -> Session:
    return vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)


def _failing_save(session: Session) -> tuple[str, int]:
    """Save until the disk refuses; (the error code, saves acknowledged before it)."""
    for number in range(10_000):
        try:
            session.cases.create(helpers.full_intake(tag=f"Penuh{number}"))
        except AppError as error:
            return error.code.value, number
    raise AssertionError("the disk never filled up")


def _health(vault: Vault) -> tuple[int, bool]:
    with _unlock(vault) as session:
        return len(session.cases.summaries()), session.integrity.check().ok


def save(base: Path) -> None:
    disk = _mount(base / "disk-simpan", 2 * MB)
    vault = _vault_with_cases(disk / "vault")
    session = _unlock(vault)
    filler = _fill(disk)
    code, acknowledged = _failing_save(session)
    found_while_full = len(session.cases.summaries())
    try:
        session.drafts.save(session.cases.summaries()[0].id, {"korban.nama": "Korban Penuh"})
        draft = "saved"
    except AppError as error:
        draft = error.code.value
    filler.unlink()  # the officer frees space; the session goes on
    session.cases.create(helpers.full_intake(tag="SesudahLega"))
    session.close()
    cases, clean = _health(vault)
    _say("save", code=code, draft=draft, acknowledged=PRIOR + acknowledged,
         found_while_full=found_while_full, cases_after=cases, clean=clean)


def backup(base: Path) -> None:
    disk = _mount(base / "disk-cadangan", 3 * MB)
    small = _mount(base / "usb-kecil", 64 * 1024)
    readonly = _mount(base / "usb-baca", MB)
    _remount(readonly, "ro")
    vault = _vault_with_cases(disk / "vault")
    codes = {}
    with _unlock(vault) as session:
        for name, target in (("stick_too_small", small), ("stick_read_only", readonly)):
            codes[name] = _backup_code(session, target)
        filler = _fill(disk)
        codes["vault_disk_full"] = _backup_code(session, base / "usb-baca")
        filler.unlink()
        left = sorted(p.name for p in (disk / "vault").iterdir())
        history = len(session.backups.history())
    cases, clean = _health(vault)
    _say("backup", codes=codes, left_beside_vault=left, history=history,
         files_on_sticks=sorted(p.name for p in (*small.iterdir(), *readonly.iterdir())),
         cases_after=cases, clean=clean)


def _backup_code(session: Session, target: Path) -> str:
    try:
        session.backups.create(target)
    except AppError as error:
        return error.code.value
    return "created"


def _digests(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.iterdir())
            if p.is_file()}


def readonly(base: Path) -> None:
    disk = _mount(base / "disk-baca", 2 * MB)
    vault = _vault_with_cases(disk / "vault")
    before = _digests(vault.paths.root)
    _remount(disk, "ro")
    try:
        _unlock(vault).close()
        code = "unlocked"
    except AppError as error:
        code = error.code.value
    unchanged = _digests(vault.paths.root) == before
    _remount(disk, "rw")
    cases, clean = _health(vault)
    _say("readonly", code=code, unchanged=unchanged, cases_after=cases, clean=clean)


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    for scenario in (save, backup, readonly):
        scenario(folder)
