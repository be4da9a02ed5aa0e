"""Making verified backups and reminding about them (koordinator).

The copy is ``sqlcipher_export`` — never the live file — taken as one consistent snapshot
even while another connection writes. It is written to the target as ``<name>.part``, synced,
renamed, then opened again and checked completely; only then is it recorded as a good backup.
A stick pulled out, a full disk or a read-only target leaves no file that claims to be good.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app import __version__
from app.audit import seal_code
from app.backup import container, files
from app.backup.digest import ContentDigest, content_digest
from app.clock import utc_iso
from app.domain import deadlines as clocks
from app.errors import AppError, ErrorCode, StorageError
from app.keys import keyfile
from app.paths import VaultPaths
from app.services import rotation
from app.services import settings as settings_store
from app.services.access import Action, require
from app.services.context import Context
from app.store.atomic import fsync_directory, os_error
from app.store.codec import parse_ts, ts
from app.store.connection import DatabaseError, as_storage_error, open_database
from app.store.migrations import current_version
from app.store.tx import write_transaction

Progress = Callable[[int], None]


@dataclass(frozen=True)
class BackupRecord:
    file_name: str
    created_at: datetime
    size: int
    cases: int


class BackupService:
    def __init__(self, ctx: Context, paths: VaultPaths, db_key: bytearray) -> None:
        self._ctx = ctx
        self._paths = paths
        self._db_key = db_key

    def create(self, target_dir: Path, progress: Progress | None = None) -> BackupRecord:
        """Write a verified backup into ``target_dir`` (e.g. a USB stick).

        Raises:
            AppError: ``BACKUP_TARGET_MISSING``, ``BACKUP_NO_SPACE`` (with ``needed_mb``),
                ``BACKUP_VERIFY_FAILED``; StorageError ``DISK_FULL`` / ``READ_ONLY``.
        """
        require(self._ctx, Action.BACKUP)
        report = progress or (lambda _: None)
        self._check_target(target_dir)
        copy = self._paths.root / "posko.db.cadangan"
        try:
            manifest, header = self._export(copy)
            report(40)
            final = self._write(target_dir, header, manifest, copy)
            report(70)
            self._verify(final)
        finally:
            files.remove_database_files(copy)
        report(100)
        return self._record(final, manifest)

    def _check_target(self, target: Path) -> None:
        if not target.is_dir():
            raise AppError(ErrorCode.BACKUP_TARGET_MISSING)
        needed = 2 * sum(p.stat().st_size for p in (self._paths.db, self._paths.keys)
                         if p.exists())
        if shutil.disk_usage(target).free < needed:
            raise AppError(ErrorCode.BACKUP_NO_SPACE, needed_mb=needed // (1024 * 1024) + 1)

    def _export(self, copy: Path) -> tuple[container.Manifest, container.Header]:
        ctx = self._ctx
        files.remove_database_files(copy)
        version = current_version(ctx.conn)
        try:
            rotation.export_copy(ctx.conn, copy, self._db_key)
            digest, seal = _stamped_digest(copy, self._db_key, version)
        except DatabaseError as exc:  # the vault's own disk is full or failing
            raise as_storage_error(exc) from None
        now = utc_iso(ctx.clock.now())
        meta = dict(ctx.conn.execute("SELECT key, value FROM vault_meta").fetchall())
        header = container.Header(__version__, version, meta["vault_id"], now)
        manifest = container.Manifest(now, __version__, version, digest.counts, digest.sha256,
                                      seal, digest.counts.get("cases", 0),
                                      digest.counts.get("attachments", 0))
        return manifest, header

    def _write(self, target: Path, header: container.Header, manifest: container.Manifest,
               copy: Path) -> Path:
        final = _free_name(target, self._ctx.clock.now().astimezone(
            clocks.zone(settings_store.load(self._ctx.conn).timezone)))
        part = final.with_name(final.name + ".part")
        keys = keyfile.serialize(keyfile.load(self._paths.keys, self._paths.keys_backup)[0])
        try:
            container.write(part, header, container.seal(manifest, header, self._db_key), keys,
                            copy)
            with part.open("rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(part, final)
            fsync_directory(target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                part.unlink()
            raise _target_error(exc) from None
        return final

    def _verify(self, final: Path) -> None:
        try:
            header = container.read_header(final)
            manifest = container.unseal(container.read_member(final, container.MANIFEST),
                                        header, self._db_key)
            opened = files.OpenedBackup(final, header, manifest,
                                        keyfile.parse(container.read_member(final,
                                                                            container.KEYS)),
                                        bytearray(self._db_key))
            files.verify(opened, self._paths.root)
        except (AppError, OSError):
            with contextlib.suppress(OSError):
                final.unlink()
            raise AppError(ErrorCode.BACKUP_VERIFY_FAILED) from None

    def _record(self, final: Path, manifest: container.Manifest) -> BackupRecord:
        ctx = self._ctx
        now = ctx.clock.now()
        size = final.stat().st_size
        with write_transaction(ctx.conn):
            ctx.conn.execute("INSERT INTO backups(file_name, created_at, size, digest, cases,"
                             " created_by) VALUES (?, ?, ?, ?, ?, ?)",
                             (final.name, ts(now), size, manifest.digest, manifest.cases,
                              ctx.user.id))
            ctx.audit.append("vault.backup", actor=ctx.user.id,
                             detail={"file": final.name, "cases": manifest.cases,
                                     "seal": manifest.audit_seal})
        return BackupRecord(final.name, now, size, manifest.cases)

    # --- reading -------------------------------------------------------------------------

    def history(self) -> list[BackupRecord]:
        require(self._ctx, Action.BACKUP)
        rows = self._ctx.conn.execute("SELECT file_name, created_at, size, cases FROM backups"
                                      " ORDER BY created_at DESC, id DESC")
        return [BackupRecord(name, parse_ts(at), size, cases) for name, at, size, cases in rows]

    def last_good(self) -> BackupRecord | None:
        found = self.history()
        return found[0] if found else None

    def stale(self) -> list[BackupRecord]:
        """Backups older than the retention period: they may still hold destroyed cases, so
        the office should destroy them too (a destruction is complete only then)."""
        years = settings_store.load(self._ctx.conn).retention_years
        cutoff = self._ctx.clock.now() - timedelta(days=365 * years)
        return [record for record in self.history() if record.created_at < cutoff]

    def reminder_due(self) -> bool:
        """True when the last verified backup is older than the office's reminder period."""
        last = self.last_good()
        days = settings_store.load(self._ctx.conn).backup_reminder_days
        return last is None or self._ctx.clock.now() - last.created_at > timedelta(days=days)


def _stamped_digest(copy: Path, db_key: bytearray,
                    version: int) -> tuple[ContentDigest, str | None]:
    """Stamp the exported copy's schema version (``sqlcipher_export`` drops it); return its
    digest and audit seal — the copy's own, since another connection may write on meanwhile."""
    conn = open_database(copy, db_key)
    try:
        conn.execute(f"PRAGMA user_version = {int(version)}")
        digest = content_digest(conn)
        head = conn.execute("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    return digest, None if head is None else seal_code(int(head[0]), bytes(head[1]))


def _free_name(target: Path, local: datetime) -> Path:
    base = f"posko-{local:%Y-%m-%d-%H%M}"
    candidate, number = target / f"{base}{container.SUFFIX}", 2
    while candidate.exists() or candidate.with_name(candidate.name + ".part").exists():
        candidate = target / f"{base}-{number}{container.SUFFIX}"
        number += 1
    return candidate


def _target_error(exc: OSError) -> AppError:
    """A stick pulled out mid-write reads as a missing target, not a generic failure; a file
    larger than the target allows (FAT32 sticks stop at 4 GB) is a full target."""
    if exc.errno in (errno.ENOENT, errno.ENODEV, errno.EIO, errno.ENXIO):
        return AppError(ErrorCode.BACKUP_TARGET_MISSING)
    if exc.errno == errno.EFBIG:
        return StorageError(ErrorCode.DISK_FULL)
    return os_error(exc)
