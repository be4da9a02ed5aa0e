"""Jobs for the DB thread used by the data-protection screens and the subject-rights menu.

Each factory returns ``job(backend)``; it runs in the DB-owner thread, returns plain data and
never touches a widget (STYLE.md §3). The core audits every one of these actions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from app.domain.models import FieldChange
from app.services.backup import BackupRecord
from app.services.breaches import Breach, BreachInput
from app.services.documents import Rendered
from app.services.retention import DestroyedCase, Eligible
from ui.backend import Backend


@dataclass(frozen=True)
class RetentionOverview:
    """Everything the Pemusnahan tab shows, read in one go."""

    years: int
    legal_basis: str
    eligible: tuple[Eligible, ...]
    destroyed: tuple[DestroyedCase, ...]
    stale_backups: tuple[BackupRecord, ...]
    #: Officer id → display name (who destroyed what).
    names: dict[int, str]


@dataclass(frozen=True)
class Corrections:
    """A case's corrected fields with the names of the officers who corrected them."""

    code: str
    changes: tuple[FieldChange, ...]
    names: dict[int, str]


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


def _names(backend: Backend) -> dict[int, str]:
    return {u.id: u.display_name for u in backend.require().users.directory()}


# --- retention -------------------------------------------------------------------------------

def retention_overview(backend: Backend) -> RetentionOverview:
    session = backend.require()
    office = session.office()
    return RetentionOverview(office.retention_years, office.retention_legal_basis,
                             tuple(session.retention.eligible()),
                             tuple(session.retention.destroyed()),
                             tuple(session.backups.stale()), _names(backend))


def destroy(case_ids: list[int]) -> Callable[[Backend], list[DestroyedCase]]:
    def job(backend: Backend) -> list[DestroyedCase]:
        return backend.require().retention.destroy_expired(case_ids)
    return job


def destruction_record(codes: list[str]) -> Callable[[Backend], Rendered]:
    """The berita acara pemusnahan for these (already destroyed) case codes."""
    def job(backend: Backend) -> Rendered:
        return backend.require().documents.destruction_record(codes)
    return job


# --- breaches --------------------------------------------------------------------------------

def breaches(backend: Backend) -> list[Breach]:
    return backend.require().breaches.all()


def record_breach(breach: BreachInput) -> Callable[[Backend], int]:
    def job(backend: Backend) -> int:
        return backend.require().breaches.record(breach)
    return job


def mark_notified(breach_id: int) -> Callable[[Backend], None]:
    def job(backend: Backend) -> None:
        backend.require().breaches.mark_notified(breach_id)
    return job


def breach_notice(breach_id: int) -> Callable[[Backend], Rendered]:
    def job(backend: Backend) -> Rendered:
        return backend.require().documents.breach_notice(breach_id)
    return job


# --- exports ---------------------------------------------------------------------------------

def export_statistics(kind: ExportFormat, start: date, end: date,
                      path: str) -> Callable[[Backend], str]:
    """Build the anonymised recap file (audited by the core), then write it to ``path`` —
    the only file written. It is not encrypted: it holds categories and counts only."""
    def job(backend: Backend) -> str:
        exports = backend.require().exports
        make = exports.statistics_xlsx if kind is ExportFormat.XLSX else exports.statistics_csv
        Path(path).write_bytes(make(start, end).data)
        return path
    return job


# --- data-subject rights ---------------------------------------------------------------------

def subject_access_report(case_id: int) -> Callable[[Backend], Rendered]:
    def job(backend: Backend) -> Rendered:
        return backend.require().documents.subject_access_report(case_id)
    return job


def corrections(case_id: int, code: str) -> Callable[[Backend], Corrections]:
    def job(backend: Backend) -> Corrections:
        changes = tuple(backend.require().cases.corrections(case_id))
        return Corrections(code, changes, _names(backend))
    return job


def erase(case_id: int, reason: str) -> Callable[[Backend], DestroyedCase]:
    def job(backend: Backend) -> DestroyedCase:
        return backend.require().retention.erase_on_request(case_id, reason)
    return job
