"""Start-up of the desktop app to its unlock window, next to a bare PySide6 window.

Each is a fresh process (offscreen), timed from spawn to exit. When ``ui/main.py`` offers
``--startup-probe`` (leave once the unlock window shows) that is what runs; until then the
probe script builds the same window (:mod:`tests.benchmarks.startup_probe`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from .context import Run
from .timing import Stats
from .vaults import CACHE_ROOT

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "ui" / "main.py"


def app_command(data_dir: Path) -> list[str]:
    if "--startup-probe" in MAIN.read_text(encoding="utf-8"):
        return [sys.executable, "-m", "ui.main", "--data-dir", str(data_dir),
                "--startup-probe"]
    return [sys.executable, "-m", "tests.benchmarks.startup_probe", "app", str(data_dir)]


def _env() -> dict[str, str]:
    """Offscreen, with compiled bytecode as an installed app or the bundle has it: the warm-up
    run compiles into the bench cache (never into the repository), later runs read it —
    even where ``PYTHONDONTWRITEBYTECODE`` is set for development."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPYCACHEPREFIX": str(CACHE_ROOT / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed(command: list[str], repeats: int) -> Stats:
    env = _env()
    samples = []
    for index in range(repeats + 1):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        if index:  # the first run warms the disk cache
            samples.append((time.perf_counter() - start) * 1000)
    return Stats(tuple(samples))


def run(ctx: Run) -> None:
    command = app_command(ctx.work.paths.root)
    app = _timed(command, ctx.repeats)
    bare = _timed([sys.executable, "-m", "tests.benchmarks.startup_probe", "bare"],
                  ctx.repeats)
    how = "ui.main --startup-probe" if "ui.main" in command else "startup_probe.py app"
    ctx.add("startup.app", f"start-up: app to unlock window ({how})", app)
    ctx.add("startup.bare", "start-up: bare PySide6 window", bare)
    ctx.add("startup.ratio", "start-up: app / bare (medians)",
            Stats((app.median / bare.median,)), unit="×")
