"""Vault jobs of the list pages (run in the DB thread; each returns plain data, no widgets)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.domain.models import CaseSummary, Deadline
from app.domain.statistics import Recap
from app.services.reminders import OfficeReminders
from ui.backend import Backend

RECENT_COUNT = 10
#: The newest cases the case list shows at once, before every case has loaded (a screenful
#: and a few scrolls; the whole list of a 100,000-case vault takes seconds).
FIRST_PAGE = 200


@dataclass(frozen=True)
class SearchHits:
    """Ids of the visible cases matching ``text`` (the text, to drop answers to old queries)."""

    text: str
    case_ids: frozenset[int]


@dataclass(frozen=True)
class RevealedName:
    case_id: int
    name: str | None


@dataclass(frozen=True)
class HomeData:
    """What Beranda shows a koordinator or petugas; the summaries are theirs to see."""

    deadlines: tuple[Deadline, ...]
    summaries: tuple[CaseSummary, ...]
    recent: tuple[CaseSummary, ...]
    drafts: tuple[CaseSummary, ...]


def load_summaries(backend: Backend) -> list[CaseSummary]:
    return backend.require().cases.summaries()


def load_first_page(backend: Backend) -> list[CaseSummary]:
    return backend.require().cases.summaries(limit=FIRST_PAGE)


def search_cases(text: str) -> Callable[[Backend], SearchHits]:
    def job(backend: Backend) -> SearchHits:
        return SearchHits(text, frozenset(backend.require().cases.search_ids(text)))

    return job


def reveal_victim_name(case_id: int) -> Callable[[Backend], RevealedName]:
    """The audited reveal of one victim name (``case.reveal_name`` in the audit log)."""

    def job(backend: Backend) -> RevealedName:
        return RevealedName(case_id, backend.require().cases.reveal_victim_name(case_id))

    return job


def home_data(user_id: int) -> Callable[[Backend], HomeData]:
    def job(backend: Backend) -> HomeData:
        session = backend.require()
        summaries = session.cases.summaries()
        mine = sorted((s for s in summaries if s.assigned_to == user_id),
                      key=lambda s: s.updated_at, reverse=True)
        by_id = {s.id: s for s in summaries}
        drafts = tuple(by_id[ref.id] for ref in session.drafts.pending() if ref.id in by_id)
        return HomeData(tuple(session.cases.deadlines()), tuple(summaries),
                        tuple(mine[:RECENT_COUNT]), drafts)

    return job


def recap(start: date, end: date) -> Callable[[Backend], Recap]:
    def job(backend: Backend) -> Recap:
        return backend.require().statistics.recap(start, end)

    return job


def office_reminders(backend: Backend) -> OfficeReminders:
    return backend.require().reminders()
