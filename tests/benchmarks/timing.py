"""Repeated wall-clock measurements (``time.perf_counter``) summarised as median and p95.

Benchmarks only: speed is measured here and compared with targets in the report, never asserted
in tests (STYLE.md §9).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Stats:
    """Samples in milliseconds."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        """95th percentile, interpolated between samples (the maximum of fewer than 20)."""
        if len(self.samples) < 2:
            return self.samples[0]
        return statistics.quantiles(self.samples, n=20, method="inclusive")[-1]

    def as_json(self) -> dict[str, object]:
        return {"median_ms": round(self.median, 2), "p95_ms": round(self.p95, 2),
                "runs": len(self.samples), "samples_ms": [round(s, 2) for s in self.samples]}


def elapsed_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def measure(action: Callable[[], object], repeats: int, warmup: int = 1) -> Stats:
    """Run ``action`` ``warmup`` times untimed (caches, first-use imports), then time it."""
    for _ in range(warmup):
        action()
    return Stats(tuple(elapsed_ms(action) for _ in range(repeats)))
