"""Placeholder page (replaced when the screen is built)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import UiContext
from ui.pages.base import Page


class HomePage(Page):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.label = QLabel(self.tr("Sedang disiapkan"), self)
        QVBoxLayout(self).addWidget(self.label)
        self.params: dict[str, Any] = {}

    def activate(self, **params: Any) -> None:
        self.params = params

    def location(self) -> dict[str, Any]:
        return dict(self.params)
