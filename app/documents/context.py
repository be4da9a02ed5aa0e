"""What a renderer needs, gathered by the service layer (renderers never touch the vault)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from app.domain.deadlines import zone
from app.domain.enums import DataItem, PaperSize
from app.domain.models import Case, Referral
from app.domain.settings import OfficeSettings, Recipient


class OfficeFormat:
    """Time zone and paper of every document, both from the office settings."""

    office: OfficeSettings

    @property
    def tz(self) -> timezone:
        return zone(self.office.timezone)

    @property
    def paper(self) -> PaperSize:
        return self.office.paper_size


@dataclass(frozen=True)
class CaseDocument(OfficeFormat):
    """One case as a document sees it."""

    office: OfficeSettings
    case: Case
    officers: Mapping[int, str]  # user id → display name (who received, who wrote a note)
    printed_at: datetime
    printed_by: str
    invariant: bool = False      # byte-identical output (tests only)


@dataclass(frozen=True)
class ReferralDocument(CaseDocument):
    """A referral or escalation of that case, with what its consent allows to print."""

    referral: Referral | None = None
    recipient: Recipient | None = None
    letter_number: str = ""
    allowed: frozenset[DataItem] = frozenset()

    def may_print(self, item: DataItem) -> bool:
        return item in self.allowed
