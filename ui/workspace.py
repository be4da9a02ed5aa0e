"""The unlocked main window body: navigation on the left, one page at a time on the right.

Created after every unlock and destroyed at every lock, so no widget outlives the session.
Pages are built on first use; each navigation entry appears only for roles allowed to use it.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.backup.files import OpenedBackup
from app.domain.enums import Role
from app.domain.settings import OfficeSettings
from ui.account_box import AccountBox
from ui.context import PageName, UiContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.base import Page

#: Page name → (module, class). Modules are imported on first use.
PAGES: dict[PageName, tuple[str, str]] = {
    PageName.BERANDA: ("ui.pages.home", "HomePage"),
    PageName.DAFTAR_KASUS: ("ui.pages.case_list", "CaseListPage"),
    PageName.PENGADUAN_BARU: ("ui.pages.intake", "IntakePage"),
    PageName.DETAIL_KASUS: ("ui.pages.case_detail", "CaseDetailPage"),
    PageName.LAPORAN: ("ui.pages.reports", "ReportsPage"),
    PageName.PENGGUNA: ("ui.pages.users", "UsersPage"),
    PageName.PENGATURAN: ("ui.pages.settings", "SettingsPage"),
    PageName.DATA: ("ui.pages.data", "DataPage"),
}

K, P, L = Role.KOORDINATOR, Role.PETUGAS, Role.PIMPINAN
#: Navigation entries in order, with who sees them (detail pages are reached from lists).
NAVIGATION: tuple[tuple[PageName, str, frozenset[Role]], ...] = (
    (PageName.BERANDA, QT_TRANSLATE_NOOP("Workspace", "Beranda"), frozenset({K, P, L})),
    (PageName.DAFTAR_KASUS, QT_TRANSLATE_NOOP("Workspace", "Daftar Kasus"), frozenset({K, P})),
    (PageName.PENGADUAN_BARU, QT_TRANSLATE_NOOP("Workspace", "Pengaduan Baru"),
     frozenset({K, P})),
    (PageName.LAPORAN, QT_TRANSLATE_NOOP("Workspace", "Laporan"), frozenset({K, L})),
    (PageName.PENGGUNA, QT_TRANSLATE_NOOP("Workspace", "Pengguna"), frozenset({K})),
    (PageName.PENGATURAN, QT_TRANSLATE_NOOP("Workspace", "Pengaturan"), frozenset({K})),
    (PageName.DATA, QT_TRANSLATE_NOOP("Workspace", "Data & Cadangan"), frozenset({K})),
)


class Workspace(QWidget):
    """Navigation + pages for one unlocked session; implements :class:`ui.context.Navigator`."""

    lock_requested = Signal()
    title_changed = Signal(str)
    #: New auto-lock minutes after the settings were saved.
    auto_lock_changed = Signal(int)
    #: An opened backup and the username that opened it (``None``: the recovery code).
    restore_requested = Signal(object, object)

    def __init__(self, ctx_args: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = UiContext(navigator=self, **ctx_args)
        self._pages: dict[PageName, Page] = {}
        self._current: PageName | None = None
        self._stack = QStackedWidget(self)
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        for name, text, roles in NAVIGATION:
            if self.ctx.user.role in roles:
                item = QListWidgetItem(self.tr(text))
                item.setData(Qt.ItemDataRole.UserRole, name.value)
                self.navigation.addItem(item)
        self.navigation.currentItemChanged.connect(self._on_navigation_changed)
        self._build_layout()

    def _build_layout(self) -> None:
        lock = QPushButton(self.tr("Kunci (Ctrl+L)"), self)
        lock.setToolTip(self.tr("Kunci sekarang. F12: sembunyikan cepat saat ada yang datang."))
        lock.clicked.connect(self.lock_requested)
        self.lock_button = lock
        self.account = AccountBox(self.ctx, self)
        side = QVBoxLayout()
        if self.ctx.demo:
            banner = QLabel(self.tr("DEMO — data fiktif"), self)
            banner.setProperty("role", "demo")
            side.addWidget(banner)
        side.addWidget(self.navigation, 1)
        side.addWidget(self.account)
        side.addWidget(lock)
        side.addWidget(QLabel(self.tr("F12: sembunyikan cepat"), self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(side)
        layout.addWidget(self._stack, 1)

    # --- Navigator -----------------------------------------------------------------------

    def show_page(self, name: PageName, **params: Any) -> None:
        page = self._page(name)
        self._current = name
        self._select_navigation(name)
        self._stack.setCurrentWidget(page)
        if name is not PageName.DETAIL_KASUS:
            self.set_case_title(None)
        page.activate(**params)

    def open_case(self, case_id: int) -> None:
        self.show_page(PageName.DETAIL_KASUS, case_id=case_id)

    def new_intake(self) -> None:
        self.show_page(PageName.PENGADUAN_BARU, case_id=None)

    def resume_intake(self, case_id: int) -> None:
        self.show_page(PageName.PENGADUAN_BARU, case_id=case_id)

    def set_case_title(self, code: str | None) -> None:
        self.title_changed.emit(code or "")

    def settings_changed(self, settings: OfficeSettings) -> None:
        self.ctx.settings = settings
        self.auto_lock_changed.emit(settings.auto_lock_minutes)

    def lock(self) -> None:
        self.lock_requested.emit()

    def restore_backup(self, opened: OpenedBackup, restorer: str | None) -> None:
        self.restore_requested.emit(opened, restorer)

    # --- lock support --------------------------------------------------------------------

    def location(self) -> dict[str, Any]:
        if self._current is None:
            return {}
        return {"page": self._current, **self._pages[self._current].location()}

    def restore(self, location: dict[str, Any]) -> None:
        name = location.get("page")
        if isinstance(name, PageName) and self._allowed(name):
            params = {k: v for k, v in location.items() if k != "page"}
            self.show_page(name, **params)
        else:
            self.show_page(PageName.BERANDA)

    def flush(self) -> None:
        for page in self._pages.values():
            page.flush()

    def page(self, name: PageName) -> Page:
        """The page object (built if needed) — for the shell and tests."""
        return self._page(name)

    @property
    def current(self) -> PageName | None:
        return self._current

    # --- helpers -------------------------------------------------------------------------

    def _allowed(self, name: PageName) -> bool:
        if name is PageName.DETAIL_KASUS:
            return self.ctx.user.role is not Role.PIMPINAN
        return any(n is name and self.ctx.user.role in roles for n, _, roles in NAVIGATION)

    def _page(self, name: PageName) -> Page:
        if name not in self._pages:
            module, cls = PAGES[name]
            page = getattr(importlib.import_module(module), cls)(self.ctx, self._stack)
            self._stack.addWidget(page)
            self._pages[name] = page
        return self._pages[name]

    def _select_navigation(self, name: PageName) -> None:
        target = PageName.DAFTAR_KASUS if name is PageName.DETAIL_KASUS else name
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == target.value:
                self.navigation.blockSignals(True)
                self.navigation.setCurrentItem(item)
                self.navigation.blockSignals(False)

    def _on_navigation_changed(self, item: QListWidgetItem | None,
                               previous: QListWidgetItem | None) -> None:
        del previous
        if item is not None:
            self.show_page(PageName(item.data(Qt.ItemDataRole.UserRole)))
