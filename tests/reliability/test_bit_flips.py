"""R6: one flipped bit anywhere in the database or its WAL is found — never silently wrong data.

Copies of a vault caught mid-session (see ``flips.py``) each get one random bit flipped
(seeded): in turn anywhere in ``posko.db``, in the WAL's header or committed frames, and in the
WAL's older frames. Each copy must be refused at
unlock or reported by the full check — or, for a bit in space that holds no data (a stale WAL
frame, a free page, a database page the WAL supersedes), open with exactly the original
content. Damage found at unlock leaves every vault file byte-identical: nothing is repaired,
folded or deleted. The negative control switches off the product's WAL check and shows the
harness catching the silent loss SQLite alone would cause.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from random import Random

import pytest

from app.store import wal_check
from tests.reliability import flips, report, scale
from tests.reliability.flips import Outcome, Region

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

FLIPS = scale.pick(20, 200)
SEED = 20260307


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> flips.Pristine:
    return flips.make_pristine(tmp_path_factory.mktemp("bitflip"))


def _run(pristine: flips.Pristine, folder: Path) -> list[flips.Result]:
    rng = Random(SEED)
    results = []
    for number in range(FLIPS):
        copy = folder / f"salinan-{number:03d}"
        results.append(flips.attempt(pristine, flips.choose(rng, pristine, number), copy))
        shutil.rmtree(copy)
    return results


def _record(results: list[flips.Result]) -> None:
    outcomes = Counter(result.outcome for result in results)
    regions = Counter(result.flip.region for result in results)
    report.record(
        "bit flips, database and WAL (R6)", len(results),
        refused_at_unlock=outcomes[Outcome.OPEN],
        found_beside_unlock=outcomes[Outcome.BESIDE], found_by_verify=outcomes[Outcome.VERIFY],
        verify_data_intact=sum(r.data_intact for r in results if r.outcome is Outcome.VERIFY),
        harmless=outcomes[Outcome.HARMLESS], silent=outcomes[Outcome.SILENT],
        wal_committed=regions[Region.WAL_COMMITTED] + regions[Region.WAL_HEADER],
        wal_stale=regions[Region.WAL_STALE],
        files_kept=sum(result.kept for result in results))


def test_every_flipped_bit_is_found_or_harmless(pristine: flips.Pristine,
                                                tmp_path: Path) -> None:
    results = _run(pristine, tmp_path)
    _record(results)
    silent = [result.flip for result in results if result.outcome is Outcome.SILENT]
    assert silent == [], f"silently wrong data after flips {silent}"
    for result in results:
        if result.outcome is Outcome.OPEN:
            assert result.code in {code.value for code in flips.DETECTED_AT_OPEN}, result
        assert result.kept, f"the damaged files were changed: {result}"
        if result.flip.region in (Region.WAL_HEADER, Region.WAL_COMMITTED):
            assert result.outcome is Outcome.OPEN, result  # acknowledged data at stake
        if result.flip.region is Region.WAL_STALE:
            assert result.outcome is Outcome.HARMLESS, result
    regions = {result.flip.region for result in results}
    assert {Region.DATABASE, Region.WAL_COMMITTED, Region.WAL_STALE} <= regions


def test_negative_control_without_the_wal_check_a_flip_loses_data_silently(
        pristine: flips.Pristine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite alone replays the log up to the flipped frame and opens without a word."""
    monkeypatch.setattr(wal_check, "check", lambda db: None)
    frame = pristine.committed_frames // 2
    flip = flips.Flip("posko.db-wal", flips.WAL_HEADER + frame * flips.FRAME + 2000, 3,
                      Region.WAL_COMMITTED)
    result = flips.attempt(pristine, flip, tmp_path / "tanpa-pemeriksaan")
    assert result.outcome is Outcome.SILENT and not result.data_intact
