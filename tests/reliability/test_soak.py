"""R12 soak: mixed office work on a large vault for a long while — no errors, the WAL bounded,
memory stable.

The vault is seeded with ``posko-admin seed-demo`` (short: 200 cases, about 10 s of work;
full: 100,000 cases for an hour, ``POSKO_SOAK_CASES`` / ``POSKO_SOAK_SECONDS`` override).
The work runs in a child process (``soak_child.py``) so its resident memory is its own. The
bounds come from the run, not from the clock:

* WAL: SQLite's auto-checkpoint restarts the log once it holds ``wal_autocheckpoint`` pages,
  so the file never needs more than that plus the largest single operation's frames (the
  child counts each operation's frames in the ``-shm`` index; a frame is a 24-byte header
  plus a page, the log header 32 bytes). If checkpoints stopped working, the log would grow
  by every operation and pass that bound.
* Memory: the highest resident size in the second half stays within 10% of the size at the
  half-way mark (SECURITY.md R12: "RSS stable ±10%") — a leak grows without end, a warm
  cache does not.
"""

from __future__ import annotations

import io
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main as admin
from tests import helpers
from tests.reliability import report, scale

pytestmark = [pytest.mark.reliability, pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/statm")]

REPO = Path(__file__).resolve().parents[2]
SEED = 20260308
#: Every 10 minutes, or four times in a shorter soak.
BACKUP_EVERY = min(600.0, scale.SOAK_SECONDS / 4)
RSS_GROWTH = 0.10


def _seed(root: Path) -> float:
    """Seconds ``posko-admin seed-demo`` took (reported, never asserted)."""
    started = time.perf_counter()
    status = admin(["--data-dir", str(root), "seed-demo", "--cases", str(scale.SOAK_CASES),
                    "--user", helpers.KOORDINATOR, "--password-stdin"],
                   stdin=io.StringIO(helpers.KOORDINATOR_PASSWORD + "\n"), stdout=io.StringIO(),
                   stderr=io.StringIO())
    assert status == 0
    return time.perf_counter() - started


def _soak(root: Path, backups: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    child = subprocess.run(
        [sys.executable, "-m", "tests.reliability.soak_child", str(root), str(backups),
         str(scale.SOAK_SECONDS), str(BACKUP_EVERY), str(SEED)],
        cwd=REPO, capture_output=True, text=True, timeout=scale.SOAK_SECONDS + 900, check=False)
    assert (child.returncode, child.stderr) == (0, ""), child.stderr[-3000:]
    lines = [json.loads(line) for line in child.stdout.splitlines()]
    return lines[:-1], lines[-1]


def wal_bound(totals: dict[str, Any]) -> int:
    frames = int(totals["autocheckpoint"]) + int(totals["largest_op"])
    return 32 + frames * (24 + int(totals["page_size"]))


def rss_growth(samples: list[dict[str, Any]]) -> float:
    """Highest resident size of the second half relative to the size at the half-way mark."""
    half = len(samples) // 2
    highest = max(int(sample["rss"]) for sample in samples[half:])
    return highest / int(samples[half]["rss"]) - 1


@pytest.mark.timeout(scale.SOAK_SECONDS + 3600)
def test_mixed_work_for_a_long_while(tmp_path: Path) -> None:
    root, backups = tmp_path / "vault", tmp_path / "usb"
    backups.mkdir()
    helpers.create_vault(helpers.new_vault(root))[0].close()
    seeding = _seed(root)
    samples, totals = _soak(root, backups)
    growth, bound = rss_growth(samples), wal_bound(totals)
    done = totals["done"]
    rss_mb = statistics.median(sample["rss"] for sample in samples) / 2**20
    report.record(
        "soak: mixed work, WAL and memory (R12)", sum(done.values()),
        cases=totals["cases"], seconds=scale.SOAK_SECONDS, seeding_s=round(seeding, 1),
        backups=done.get("backup", 0), errors=0,
        wal_max_kb=max(sample["wal"] for sample in samples) // 1024,
        wal_bound_kb=bound // 1024, largest_op_frames=totals["largest_op"],
        rss_mb=round(rss_mb, 1), rss_growth_2nd_half=f"{growth:+.1%}")
    assert len(samples) >= 8 and done.get("backup", 0) >= 1
    assert {"create", "update", "search", "view", "render", "draft"} <= set(done)
    assert max(sample["wal"] for sample in samples) <= bound
    assert growth <= RSS_GROWTH, f"resident memory grew {growth:.1%} in the second half"
    assert len(list(backups.glob("*.poskobak"))) == 1
    with helpers.new_vault(root).unlock(helpers.KOORDINATOR,
                                        helpers.KOORDINATOR_PASSWORD) as session:
        assert session.integrity.check().ok


def test_the_bounds_catch_a_leak_and_a_runaway_log() -> None:
    """Negative control: the same checks on made-up samples of a leaking, ever-growing run."""
    leaking = [{"rss": 100_000_000 + 2_000_000 * n, "wal": 4096 * 1200 * n} for n in range(20)]
    assert rss_growth(leaking) > RSS_GROWTH
    totals = {"autocheckpoint": 1000, "page_size": 4096, "largest_op": 60}
    assert max(sample["wal"] for sample in leaking) > wal_bound(totals)
