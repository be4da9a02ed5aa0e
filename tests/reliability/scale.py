"""How hard the reliability suite pushes: a short run inside ``make test``, the full one in
``make reliability`` (``POSKO_RELIABILITY=full``).

Full means the issue's figures: 20 kill runs of at least 1,000 acknowledged saves each, 200 bit
flips, a one-hour soak on a 100,000-case vault. ``POSKO_SOAK_SECONDS`` and
``POSKO_SOAK_CASES`` override the soak in either mode. Every random choice is seeded, so a run
repeats exactly.
"""

from __future__ import annotations

import os
from typing import TypeVar

T = TypeVar("T")

FULL = os.environ.get("POSKO_RELIABILITY", "") == "full"
MODE = "full" if FULL else "short"


def pick(short: T, full: T) -> T:
    return full if FULL else short


SOAK_SECONDS = float(os.environ.get("POSKO_SOAK_SECONDS", pick(10, 3600)))
SOAK_CASES = int(os.environ.get("POSKO_SOAK_CASES", pick(200, 100_000)))
