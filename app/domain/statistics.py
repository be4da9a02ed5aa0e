"""Anonymised aggregate counts for recaps and the Laporan screen (DOMAIN.md §9).

Only cases whose victim consented to statistics are counted. Posko volumes are tiny, so one
case can identify a person: every count of 1 or 2 is suppressed and shown as "<3", and when a
breakdown would have exactly one suppressed cell, the next smallest cell is suppressed too, so
the hidden one cannot be recomputed from the total.

Besides the category breakdowns, a recap carries the cases per calendar month of its period
(``Recap.by_month``, for yearly recaps), under the same suppression rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from app.domain.enums import (
    AgeBand,
    CaseStatus,
    Channel,
    ReferralOutcome,
    Sex,
    SimfoniPlace,
    SimfoniRelation,
    SimfoniService,
    SimfoniViolence,
    TpksType,
    VictimKpuRelation,
)
from app.domain.taxonomy import MAPPING_VERSION

SMALL = 3
COMPLEMENT = "x"
UNKNOWN = "tidak_diketahui"
NO_FEEDBACK = "belum_ada_umpan_balik"
NOT_REFERRED = "tidak_dirujuk"
MONTH = "month"


@dataclass(frozen=True)
class CaseFacts:
    """What statistics may know about one consented case: categories only, no identity."""

    status: CaseStatus
    received_on: date
    tpks_types: frozenset[TpksType]
    violence: frozenset[SimfoniViolence]
    sex: Sex | None
    age_band: AgeBand | None
    kpu_relation: VictimKpuRelation | None
    kecamatan: str | None
    channel: Channel
    previously_reported: bool
    insider: bool
    referred: bool
    referral_outcome: ReferralOutcome | None
    days_to_referral: float | None
    place: SimfoniPlace | None = None
    relations: frozenset[SimfoniRelation] = frozenset()
    services: frozenset[SimfoniService] = frozenset()


@dataclass(frozen=True)
class Cell:
    key: str
    count: int | None  # None: hidden
    #: Why a hidden cell is hidden: its own count is 1 or 2 (shown "<3"), or it hides the
    #: only small cell from being recomputed from the total (shown "x", never "<3": it is
    #: not small).
    small: bool = True

    @property
    def shown(self) -> str:
        if self.count is not None:
            return str(self.count)
        return "<3" if self.small else COMPLEMENT


@dataclass(frozen=True)
class Breakdown:
    name: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Recap:
    start: date
    end: date
    total: Cell
    breakdowns: tuple[Breakdown, ...]
    average_days_to_referral: float | None
    mapping_version: str = MAPPING_VERSION
    #: Cases per calendar month of the period, keys ``2026-03`` (every month, zeros too).
    by_month: Breakdown = Breakdown(MONTH, ())

    def breakdown(self, name: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.name == name)


def suppress(counts: Sequence[tuple[str, int]]) -> tuple[Cell, ...]:
    """Cells with small counts hidden, plus one complementary cell when needed."""
    small = {key for key, count in counts if 0 < count < SMALL}
    partner: set[str] = set()
    if len(small) == 1:
        others = sorted((count, key) for key, count in counts if count >= SMALL)
        partner = {others[0][1]} if others else set()
    return tuple(Cell(key, count, True) if key not in small | partner
                 else Cell(key, None, key in small) for key, count in counts)


def _value(member: Enum | None) -> str:
    return UNKNOWN if member is None else str(member.value)


def _single(facts: Sequence[CaseFacts], keys: Iterable[str],
            pick: Callable[[CaseFacts], str]) -> tuple[Cell, ...]:
    counter = Counter(pick(fact) for fact in facts)
    ordered = list(dict.fromkeys([*keys, *sorted(counter)]))
    return suppress([(key, counter.get(key, 0)) for key in ordered])


def _multi(facts: Sequence[CaseFacts], members: Iterable[Enum],
           pick: Callable[[CaseFacts], frozenset[Enum]]) -> tuple[Cell, ...]:
    counter: Counter[str] = Counter()
    for fact in facts:
        counter.update(str(m.value) for m in pick(fact))
    return suppress([(str(m.value), counter.get(str(m.value), 0)) for m in members])


def _values(kind: type[Enum]) -> list[str]:
    return [str(member.value) for member in kind]


def _outcome(fact: CaseFacts) -> str:
    if not fact.referred:
        return NOT_REFERRED
    return NO_FEEDBACK if fact.referral_outcome is None else fact.referral_outcome.value


def build(facts: Iterable[CaseFacts], start: date, end: date,
          kecamatan: Sequence[str] = ()) -> Recap:
    """The recap of the consented cases received from ``start`` to ``end`` (inclusive)."""
    chosen = [f for f in facts if start <= f.received_on <= end]
    values = _values
    breakdowns = (
        Breakdown("tpks_type", _multi(chosen, TpksType, lambda f: f.tpks_types)),
        Breakdown("simfoni_violence", _multi(chosen, SimfoniViolence, lambda f: f.violence)),
        Breakdown("sex", _single(chosen, [*values(Sex), UNKNOWN], lambda f: _value(f.sex))),
        Breakdown("age_band", _single(chosen, [*values(AgeBand), UNKNOWN],
                                      lambda f: _value(f.age_band))),
        Breakdown("kpu_relation", _single(chosen, [*values(VictimKpuRelation), UNKNOWN],
                                          lambda f: _value(f.kpu_relation))),
        Breakdown("simfoni_place", _single(chosen, [*values(SimfoniPlace), UNKNOWN],
                                           lambda f: _value(f.place))),
        Breakdown("simfoni_relation", _multi(chosen, SimfoniRelation, lambda f: f.relations)),
        Breakdown("simfoni_service", _multi(chosen, SimfoniService, lambda f: f.services)),
        Breakdown("status", _single(chosen, values(CaseStatus), lambda f: f.status.value)),
        Breakdown("referral_outcome", _single(
            chosen, [NOT_REFERRED, NO_FEEDBACK, *values(ReferralOutcome)], _outcome)),
        Breakdown("kecamatan", _single(chosen, [*kecamatan, UNKNOWN],
                                       lambda f: f.kecamatan or UNKNOWN)),
        Breakdown("channel", _single(chosen, values(Channel), lambda f: f.channel.value)),
        Breakdown("insider", _single(chosen, ["ya", "tidak"],
                                     lambda f: "ya" if f.insider else "tidak")),
        Breakdown("previously_reported", _single(
            chosen, ["ya", "tidak"], lambda f: "ya" if f.previously_reported else "tidak")),
    )
    total = suppress([("total", len(chosen))])[0]
    by_month = Breakdown(MONTH, _single(chosen, month_keys(start, end), _month))
    return Recap(start, end, total, breakdowns, _average_days(chosen), by_month=by_month)


def _month(fact: CaseFacts) -> str:
    return f"{fact.received_on.year:04d}-{fact.received_on.month:02d}"


def month_keys(start: date, end: date) -> list[str]:
    """``["2026-01", …, "2026-12"]``: every calendar month the period touches."""
    keys: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def _average_days(facts: Sequence[CaseFacts]) -> float | None:
    """Mean days from reception to first referral; hidden below 3 referred cases."""
    days = [f.days_to_referral for f in facts if f.days_to_referral is not None]
    return round(sum(days) / len(days), 1) if len(days) >= SMALL else None
