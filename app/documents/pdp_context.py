"""What the UU PDP documents need, gathered by the service layer (renderers never touch the
vault): the berita acara pemusnahan, the subject-access report and the breach notice.

Officers appear by display name only; times are aware datetimes shown in the office's zone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.documents.context import CaseDocument, OfficeFormat
from app.domain.models import AttachmentInfo, FieldChange
from app.domain.settings import OfficeSettings


@dataclass(frozen=True)
class OfficeDocument(OfficeFormat):
    """A document about the office's processing rather than about one case."""

    office: OfficeSettings
    printed_at: datetime
    printed_by: str
    invariant: bool = False      # byte-identical output (tests only)


@dataclass(frozen=True)
class DestroyedEntry:
    """One destroyed case as ``destroyed_cases`` keeps it: a code and dates, no content."""

    code: str
    received_on: date | None
    closed_on: date | None
    destroyed_at: datetime
    destroyed_by: str
    legal_basis: str
    reason: str


@dataclass(frozen=True)
class BackupEntry:
    """A verified backup made before the destruction: it still holds the destroyed cases."""

    file_name: str
    created_at: datetime


@dataclass(frozen=True)
class DestructionDocument(OfficeDocument):
    entries: tuple[DestroyedEntry, ...] = ()
    backups: tuple[BackupEntry, ...] = ()


@dataclass(frozen=True)
class AccessEntry:
    """One audit row of the case: when, who (display name), what (action code, detail)."""

    at: datetime
    officer: str
    action: str
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AccessReportDocument(CaseDocument):
    """Everything held about the victim in one case, with the processing trail."""

    corrections: tuple[FieldChange, ...] = ()
    attachments: tuple[AttachmentInfo, ...] = ()
    trail: tuple[AccessEntry, ...] = ()


@dataclass(frozen=True)
class BreachFacts:
    """The breach register's record, as the notice prints it (UU PDP Pasal 46(2))."""

    id: int
    discovered_at: datetime
    notice_due: datetime           # discovered + 3×24 hours (the service computes it)
    description: str
    data_affected: str | None = None
    how: str | None = None
    subjects_estimate: int | None = None
    handling: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class BreachDocument(OfficeDocument):
    breach: BreachFacts | None = None
