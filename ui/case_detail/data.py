"""What the detail page loads for one case, as plain data handed from the DB thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.audit import AuditEntry
from app.domain.models import AttachmentInfo, Case, UserRef
from app.domain.settings import OfficeSettings
from ui.case_detail.texts import NONE_TEXT


@dataclass(frozen=True)
class CaseView:
    """One loaded case with the officer names it mentions and, for a koordinator, its audit."""

    case: Case
    directory: tuple[UserRef, ...]
    attachments: tuple[AttachmentInfo, ...]
    #: ``None`` when the officer may not see the audit history (petugas).
    history: tuple[AuditEntry, ...] | None
    #: The vault's clock at loading time (deadlines and consent expiry are judged against it).
    now: datetime

    def officer_name(self, user_id: int | None) -> str:
        if user_id is None:
            return NONE_TEXT
        return next((u.display_name for u in self.directory if u.id == user_id), f"#{user_id}")

    def officer_names(self) -> dict[int, str]:
        return {u.id: u.display_name for u in self.directory}


def recipient_names(settings: OfficeSettings) -> dict[str, str]:
    """Directory key → recipient name (kept for inactive entries: old referrals name them)."""
    return {r.key: r.name for r in settings.directory}
