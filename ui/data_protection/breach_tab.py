"""Placeholder tab (replaced when the screen is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import UiContext


class BreachTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(QLabel(self.tr("Sedang disiapkan"), self))

    def activate(self) -> None:
        """Shown: load fresh data."""
