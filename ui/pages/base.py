"""The contract between the workspace and its pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.context import UiContext


class Page(QWidget):
    """A main-window page. Holds case data only while shown; the workspace destroys every page
    when the app locks, so nothing lingers in widgets.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def activate(self, **params: Any) -> None:
        """The page is about to be shown (with navigation parameters): load fresh data."""

    def location(self) -> dict[str, Any]:
        """Where the officer is on this page, to return there after unlocking."""
        return {}

    def flush(self) -> None:
        """Save unsaved input now (the app is about to lock or close)."""
