"""The issue's targets, to be met at 100,000 cases on the benchmark machine."""

from __future__ import annotations

from .results import Target

TARGET_SIZE = 100_000

TARGETS: dict[str, Target] = {
    "unlock": Target("median", 1000, "≤ 1 s"),
    "case_list.first_screen": Target("median", 300, "≤ 300 ms"),
    "search.name": Target("p95", 20, "p95 ≤ 20 ms"),
    "search.code": Target("p95", 20, "p95 ≤ 20 ms"),
    "search.chronology": Target("p95", 20, "p95 ≤ 20 ms"),
    "search_ids.name": Target("p95", 20, "p95 ≤ 20 ms"),
    "search_ids.code": Target("p95", 20, "p95 ≤ 20 ms"),
    "search_ids.chronology": Target("p95", 20, "p95 ≤ 20 ms"),
    "save.create": Target("p95", 15, "p95 ≤ 15 ms"),
    "save.update_field": Target("p95", 15, "p95 ≤ 15 ms"),
    "save.update_chronology": Target("p95", 15, "p95 ≤ 15 ms"),
    "documents.referral_letter": Target("median", 150, "≤ 150 ms"),
    "memory.case_list": Target("median", 250, "≤ 250 MB"),
    "startup.ratio": Target("median", 1.5, "≤ 1.5× bare"),
}


def target_for(key: str) -> Target | None:
    return TARGETS.get(key)
