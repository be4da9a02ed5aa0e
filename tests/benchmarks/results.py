"""One benchmark figure: its timings, its plain-SQLite floor and the target it is held to."""

from __future__ import annotations

from dataclasses import dataclass

from .timing import Stats

#: Every database figure: encrypted time / plain SQLite time (medians) at most this.
RATIO_LIMIT = 1.5


@dataclass(frozen=True)
class Target:
    """``limit`` applies to the figure's ``statistic``: ``median`` or ``p95``."""

    statistic: str
    limit: float
    text: str


@dataclass
class Figure:
    key: str
    label: str
    stats: Stats
    unit: str = "ms"
    #: The database part of the same calls: encrypted, plain twin, encrypted without wiping.
    db: Stats | None = None
    plain: Stats | None = None
    nowipe: Stats | None = None
    target: Target | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Encrypted / plain database time (medians)."""
        if self.db is None or self.plain is None or self.plain.median <= 0:
            return None
        return self.db.median / self.plain.median

    @property
    def nowipe_ratio(self) -> float | None:
        """Encrypted without SQLCipher's memory wiping / plain (medians)."""
        if self.nowipe is None or self.plain is None or self.plain.median <= 0:
            return None
        return self.nowipe.median / self.plain.median

    def met(self) -> bool | None:
        if self.target is None:
            return None
        value = self.stats.median if self.target.statistic == "median" else self.stats.p95
        return value <= self.target.limit

    def ratio_met(self) -> bool | None:
        ratio = self.ratio
        return None if ratio is None else ratio <= RATIO_LIMIT
