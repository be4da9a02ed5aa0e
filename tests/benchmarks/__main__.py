"""``make bench``: every speed and memory figure of the issue, against plain SQLite, per size.

For each size a cached vault (``posko-admin init`` with calibrated, production Argon2id, then
``posko-admin seed-demo``) is copied, unlocked and measured: unlock, the case list, search,
saving, documents, backup and verify, start-up and memory. Every database call is recorded and
replayed right after on the plain twin in a child process; the table shows encrypted / plain.
Results are printed and written to ``bench/results/<date>-<size>.json``.

Usage: ``python -m tests.benchmarks [--sizes 1000 10000 100000] [--repeats 20]``. A script,
not a test: targets are reported, never asserted (STYLE.md §9).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from functools import partial

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.services.vault import Vault

from . import (
    bench_backup,
    bench_case_list,
    bench_documents,
    bench_memory,
    bench_save,
    bench_search,
    bench_startup,
    bench_unlock,
    report,
    vaults,
)
from .capture import Recorder
from .context import Run
from .results import Figure

SIZES = (1_000, 10_000, 100_000)
SESSION_AREAS = (bench_case_list, bench_search, bench_save, bench_documents, bench_backup)


def _step(size: int, name: str, action: Callable[[], None]) -> None:
    start = time.perf_counter()
    action()
    print(f"[{size:,} kasus] {name}: {time.perf_counter() - start:.0f} s", flush=True)


def run_size(size: int, args: argparse.Namespace) -> tuple[list[Figure], dict[str, object]]:
    cached = vaults.cached(size)
    work = vaults.work_copy(cached)
    ctx = Run(size, work, args.repeats, args.slow_repeats, args.backup_repeats)
    try:
        _step(size, "unlock", lambda: bench_unlock.run(ctx))
        with Vault(work.paths).unlock(vaults.USER, vaults.PASSWORD) as session:
            ctx.session, ctx.recorder = session, Recorder(session, ctx.replay)
            for area in SESSION_AREAS:
                _step(size, area.__name__.split("_", 1)[-1], partial(area.run, ctx))
        ctx.attach_replays()
        _step(size, "start-up", lambda: bench_startup.run(ctx))
        _step(size, "memory", lambda: bench_memory.run(ctx))
    finally:
        ctx.close_twins()
        work.remove()
    extra: dict[str, object] = {"seed_demo_seconds": round(cached.seed_seconds, 1),
                                "kdf": cached.kdf, "repeats": args.repeats,
                                "slow_repeats": args.slow_repeats,
                                "backup_repeats": args.backup_repeats}
    return ctx.figures, extra


def main() -> None:
    parser = argparse.ArgumentParser(description="Posko PPKS benchmarks (make bench)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES),
                        help="vault sizes in cases (default: 1000 10000 100000)")
    parser.add_argument("--repeats", type=int, default=20, help="runs of quick calls")
    parser.add_argument("--slow-repeats", type=int, default=5,
                        help="runs of unlock and the yearly recap")
    parser.add_argument("--backup-repeats", type=int, default=3,
                        help="runs of backup and verify")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    print(f"machine: {json.dumps(report.machine())}")
    for size in args.sizes:
        start = time.perf_counter()
        figures, extra = run_size(size, args)
        print(report.table(size, figures))
        path = report.write_json(size, figures, extra)
        print(f"{path.relative_to(bench_startup.ROOT)} ({time.perf_counter() - start:.0f} s)\n")
    del app


if __name__ == "__main__":
    main()
