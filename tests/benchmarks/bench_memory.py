"""Peak memory of a process with the vault open on the whole case list (a child process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .bench_startup import ROOT
from .context import Run
from .timing import Stats


def run(ctx: Run) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "tests.benchmarks.memory_probe",
                           str(ctx.work.paths.root)], check=True, env=env, cwd=ROOT,
                          capture_output=True, text=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    ctx.add("memory.case_list", f"memory: peak RSS, vault open on {found['rows']:,} cases",
            Stats((found["case_list_peak_mb"],)), unit="MB",
            note="from just after unlock to the list shown (VmHWM)")
    ctx.add("memory.unlock", "memory: peak RSS while unlocking",
            Stats((found["unlock_peak_mb"],)), unit="MB",
            note="the Argon2id memory cost of the key slot, freed after unlocking")
