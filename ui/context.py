"""What every screen gets: the task runner, the signed-in officer, settings and navigation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from enum import StrEnum
from typing import Protocol

from app.backup.files import OpenedBackup
from app.clock import Clock, SystemClock
from app.domain.deadlines import zone
from app.domain.enums import Role
from app.domain.models import User
from app.domain.settings import OfficeSettings
from ui.workers import TaskRunner


class PageName(StrEnum):
    BERANDA = "beranda"
    DAFTAR_KASUS = "daftar_kasus"
    PENGADUAN_BARU = "pengaduan_baru"
    DETAIL_KASUS = "detail_kasus"
    LAPORAN = "laporan"
    PENGGUNA = "pengguna"
    PENGATURAN = "pengaturan"
    DATA = "data"


class Navigator(Protocol):
    """How a page asks for another page; implemented by the workspace."""

    def show_page(self, name: PageName) -> None: ...

    def open_case(self, case_id: int) -> None: ...

    def new_intake(self) -> None: ...

    def resume_intake(self, case_id: int) -> None: ...

    def set_case_title(self, code: str | None) -> None:
        """Window title shows the app name and at most a case code — never a name."""
        ...

    def settings_changed(self, settings: OfficeSettings) -> None:
        """Saved settings take effect at once (auto-lock time included)."""
        ...

    def lock(self) -> None:
        """Lock the app now (e.g. after giving up one's own koordinator role)."""
        ...

    def restore_backup(self, opened: OpenedBackup, restorer: str | None) -> None:
        """Lock, replace the vault with an opened backup, and show the unlock screen."""
        ...


@dataclass
class UiContext:
    runner: TaskRunner
    user: User
    settings: OfficeSettings
    navigator: Navigator
    demo: bool = False
    #: The vault's clock (a FakeClock in tests and the demo): "today" for lists and filters.
    clock: Clock = field(default_factory=SystemClock)

    def office_tz(self) -> timezone:
        return zone(self.settings.timezone)

    def office_now(self) -> datetime:
        return self.clock.now().astimezone(self.office_tz())

    def office_today(self) -> date:
        return self.office_now().date()

    @property
    def is_koordinator(self) -> bool:
        return self.user.role is Role.KOORDINATOR

    @property
    def is_pimpinan(self) -> bool:
        return self.user.role is Role.PIMPINAN
