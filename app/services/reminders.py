"""What Beranda reminds the koordinator of: backups, breach deadlines and retention.

One read over the backup history, the breach register and the closed cases past their retention
period. Nothing here writes or audits: it is the same information the Data & Cadangan page shows,
in counts and dates only (no case codes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.services.backup import BackupService
from app.services.breaches import BreachService
from app.services.retention import RetentionService


@dataclass(frozen=True)
class OfficeReminders:
    """``backup_due`` when there is no verified backup newer than the reminder period."""

    last_backup: datetime | None
    backup_due: bool
    stale_backups: int
    breach_deadlines: tuple[datetime, ...]
    destroyable_cases: int

    @property
    def any(self) -> bool:
        return (self.backup_due or self.stale_backups > 0 or bool(self.breach_deadlines)
                or self.destroyable_cases > 0)


def collect(backups: BackupService, breaches: BreachService,
            retention: RetentionService) -> OfficeReminders:
    """The reminders for a koordinator (the services check the role)."""
    last = backups.last_good()
    deadlines = sorted(breach.notice_due for breach in breaches.open_notices())
    return OfficeReminders(
        last_backup=None if last is None else last.created_at,
        backup_due=backups.reminder_due(),
        stale_backups=len(backups.stale()),
        breach_deadlines=tuple(deadlines),
        destroyable_cases=len(retention.eligible()))
