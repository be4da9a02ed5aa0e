"""Data & Cadangan (koordinator): backups and restore, retention and destruction, the breach
register, and anonymised exports — the office's duties under UU PDP in one place."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.backup.backup_tab import BackupTab
from ui.context import UiContext
from ui.data_protection.breach_tab import BreachTab
from ui.data_protection.export_tab import ExportTab
from ui.data_protection.retention_tab import RetentionTab
from ui.pages.base import Page

TABS = ("cadangan", "pemusnahan", "insiden", "ekspor")


class DataPage(Page):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        title = QLabel(self.tr("Data & Cadangan"), self)
        title.setProperty("role", "title")
        self.tabs = QTabWidget(self)
        self.backup = BackupTab(ctx, self)
        self.retention = RetentionTab(ctx, self)
        self.breaches = BreachTab(ctx, self)
        self.exports = ExportTab(ctx, self)
        for widget, text in ((self.backup, self.tr("Cadangan")),
                             (self.retention, self.tr("Pemusnahan")),
                             (self.breaches, self.tr("Insiden kebocoran")),
                             (self.exports, self.tr("Ekspor statistik"))):
            self.tabs.addTab(widget, text)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    def activate(self, **params: Any) -> None:
        tab = params.get("tab")
        if isinstance(tab, str) and tab in TABS:
            self.tabs.setCurrentIndex(TABS.index(tab))
        self._on_tab_changed(self.tabs.currentIndex())

    def location(self) -> dict[str, Any]:
        return {"tab": TABS[self.tabs.currentIndex()]}

    def _on_tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        activate = getattr(widget, "activate", None)
        if callable(activate):
            activate()
