"""``cases.summaries(limit=…)``: the case list's first screen is the head of the whole list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.clock import FakeClock
from app.demo_bulk import seed_bulk
from app.domain.enums import CaseStatus, TpksType
from app.services.cases import CaseFilter
from app.services.session import Session
from tests import helpers


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    clock = FakeClock(datetime(2026, 5, 4, 8, 0, tzinfo=UTC))
    vault = helpers.new_vault(Path(tmp_path_factory.mktemp("limit")) / "vault", clock)
    opened, _ = helpers.create_vault(vault)
    seed_bulk(opened, clock, count=60, attachment_every=None)
    yield opened
    opened.close()


@pytest.mark.parametrize("filters", [
    None,
    CaseFilter(statuses=frozenset({CaseStatus.DIRUJUK, CaseStatus.PEMANTAUAN})),
    CaseFilter(tpks_type=TpksType.PELECEHAN_NONFISIK),
    CaseFilter(overdue_only=True),
    CaseFilter(text="DEMO"),
    CaseFilter(year=2025),
])
@pytest.mark.parametrize("limit", [1, 7, 500])
def test_a_limited_list_is_the_head_of_the_full_list(session: Session,
                                                     filters: CaseFilter | None,
                                                     limit: int) -> None:
    everything = session.cases.summaries(filters)
    assert everything, "the filter should match some demo cases"
    assert session.cases.summaries(filters, limit=limit) == everything[:limit]
