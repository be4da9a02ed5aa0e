"""A titled white panel (QSS ``role=card``) that groups one list or one set of numbers."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class Card(QFrame):
    """Title, optional hint, then whatever the caller adds."""

    def __init__(self, title: str, hint: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.title = QLabel(title, self)
        self.title.setProperty("role", "subtitle")
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.title)
        if hint:
            note = QLabel(hint, self)
            note.setProperty("role", "hint")
            note.setWordWrap(True)
            self.body.addWidget(note)

    def add(self, widget: QWidget, stretch: int = 0) -> None:
        self.body.addWidget(widget, stretch)
