"""R1: kill -9 during saves loses no acknowledged record (SECURITY.md §2.3, §8).

A child process (``crash_writer.py``) saves cases and notes in a loop and prints each one only
after the service call returned. The parent kills it (SIGKILL; TerminateProcess on Windows)
after a random number of acknowledgements plus a random few milliseconds, so the kill lands
anywhere in a transaction, then reopens the vault the normal way and checks that every
acknowledged record is there and every health check is clean. Deterministic seed.

Short by default (8 runs of 60–320 saves); ``POSKO_RELIABILITY=full`` (``make reliability``)
runs the catalogue's 20 runs of at least 1,000 acknowledged saves each.
"""

from __future__ import annotations

import contextlib
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.services.vault import Vault, VaultState
from tests import helpers
from tests.reliability import report, scale

REPO = Path(__file__).resolve().parents[2]
RUNS = scale.pick(8, 20)
#: Acknowledged saves before the kill, per run (each save: a case, every third also a note).
ACKS = scale.pick((60, 320), (1000, 1300))
SEED = 20260302


@dataclass(frozen=True)
class Ack:
    kind: str  # "C" a case (ident = case id), "N" a follow-up note (ident = case id)
    ident: int
    tag: str


def _parse(lines: list[str]) -> list[Ack]:
    acks = []
    for line in lines:
        kind, ident, tag = line.split()
        acks.append(Ack(kind, int(ident), tag))
    return acks


def _run_and_kill(root: Path, run: int, target: int, pause: float) -> list[Ack]:
    """Start a writer, let it acknowledge ``target`` saves, wait ``pause`` s, kill it."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.core.crash_writer", str(root),
                             str(run)], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        while len(lines) < target:
            line = proc.stdout.readline()
            if not line.endswith("\n"):
                break  # the child died on its own: reported below
            lines.append(line)
        # Waiting on the child itself lands the kill at a random point of a transaction.
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=pause)
        proc.kill()
    finally:
        if proc.poll() is None:
            proc.kill()
        rest, err = proc.communicate(timeout=60)
    assert len(lines) == target, f"writer stopped early: {err[-2000:]}"
    assert proc.returncode != 0
    tail = rest.split("\n")[:-1]  # a last line without its newline was never acknowledged
    return _parse(lines + [line + "\n" for line in tail])


def _check(vault: Vault, acked: list[Ack]) -> None:
    """Unlock as an officer would after the crash; everything acknowledged must be there."""
    assert vault.state() is VaultState.READY
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        conn = session.ctx.conn
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        incidents = dict(conn.execute("SELECT id, incident FROM cases").fetchall())
        notes = {row[0] for row in conn.execute("SELECT note FROM follow_ups")}
        lost = [a for a in acked if (a.kind == "C" and a.tag not in incidents.get(a.ident, ""))
                or (a.kind == "N" and f"Catatan {a.tag}" not in notes)]
        assert lost == [], f"{len(lost)} acknowledged saves lost, first: {lost[:3]}"
        report = session.integrity.check()
        assert report.ok, report


@pytest.mark.slow
@pytest.mark.reliability
@pytest.mark.timeout(scale.pick(300, 3600))
def test_kill_during_saves_loses_nothing_acknowledged(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    vault = helpers.new_vault(root)
    helpers.create_vault(vault)[0].close()
    rng = random.Random(SEED)
    acked: list[Ack] = []
    per_run: list[int] = []
    for run in range(RUNS):
        got = _run_and_kill(root, run, target=rng.randint(*ACKS), pause=rng.uniform(0.0, 0.004))
        per_run.append(len(got))
        acked += got
        report.record("kill -9 during saves (R1)", run + 1, acknowledged=len(acked),
                      fewest_per_run=min(per_run), lost=None, checks_clean=run)
        _check(vault, acked)  # every crash recovered by a normal unlock, nothing lost
    report.record("kill -9 during saves (R1)", RUNS, acknowledged=len(acked),
                  fewest_per_run=min(per_run), lost=0, checks_clean=RUNS)
    assert len({a.tag for a in acked}) == len(acked)
    assert min(per_run) >= ACKS[0]
