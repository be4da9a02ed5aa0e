"""A verified backup to a folder (as on a USB stick), and checking a backup file again.

``backups.create`` exports with ``sqlcipher_export``, writes the ``.poskobak`` container,
syncs it and verifies it completely; ``app.backup.files.verify`` is what ``posko-admin
verify-backup`` and the restore dialog run. Their database work (export, integrity checks and
content digest of the copy, twice) is also timed on its own, for the plain-SQLite ratio.
"""

from __future__ import annotations

import time
from pathlib import Path

from app.backup import files

from . import replay
from .context import Run
from .timing import Stats, measure
from .vaults import PASSWORD, USER


def _create(ctx: Run, target: Path) -> tuple[Stats, Path]:
    session, _ = ctx.live()
    samples: list[float] = []
    made = target
    for _ in range(ctx.backup_repeats):
        start = time.perf_counter()
        record = session.backups.create(target)
        samples.append((time.perf_counter() - start) * 1000)
        if made != target:
            made.unlink()
        made = target / record.file_name
    return Stats(tuple(samples)), made


def run(ctx: Run) -> None:
    session, _ = ctx.live()
    target = ctx.work.root / "usb"
    target.mkdir(exist_ok=True)
    created, made = _create(ctx, target)
    ctx.add("backup.create", "backup: backups.create (export, write, verify)", created,
            note=f"{made.stat().st_size / 2**20:,.0f} MB file")
    opened = files.open_with_password(made, USER, PASSWORD)  # Argon2id once, not timed
    scratch = ctx.work.root / "verify"
    scratch.mkdir(exist_ok=True)
    ctx.add("backup.verify", "backup: verify a backup file (app/backup)",
            measure(lambda: files.verify(opened, scratch), ctx.backup_repeats, warmup=0))
    opened.close()
    made.unlink()
    db_work = ctx.measure_special(
        "backup.db_work", "backup",
        lambda: replay.backup_and_verify(session.ctx.conn, ctx.work.paths.db, ctx.key_hex),
        ctx.backup_repeats, warmup=0)
    ctx.add("backup.db_work", "  backup database work: export + 2× check + digest", db_work,
            db=db_work)
