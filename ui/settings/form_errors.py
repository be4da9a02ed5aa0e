"""Inline error labels addressed by the core's field paths (``institution.email``,
``kecamatan[3]``), shared by the settings page and the setup wizard.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

_LAST_STEP = re.compile(r"(\.[^.\[\]]+|\[(\d+)\])$")


class ErrorLabel(QLabel):
    """A red line under a field; takes no space while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def with_error(field: QWidget, error: QLabel, parent: QWidget) -> QWidget:
    """The field with its error (or hint) line right below it (one form row)."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(error)
    return box


def row_prefix(row: int) -> str:
    return QCoreApplication.translate("FormErrors", "Baris %1: ").replace("%1", str(row + 1))


class FormErrors:
    """Field path → error label. A path without a label of its own goes to the nearest
    registered parent (``kecamatan[3]`` → ``kecamatan``, shown as "Baris 4: …").
    """

    def __init__(self) -> None:
        self._labels: dict[str, ErrorLabel] = {}

    def add(self, path: str, label: ErrorLabel) -> ErrorLabel:
        self._labels[path] = label
        return label

    def clear(self) -> None:
        for label in self._labels.values():
            label.show_text("")

    def show(self, errors: Mapping[str, str]) -> dict[str, str]:
        """Show each message at its field; returns the messages no field here claims."""
        unclaimed: dict[str, str] = {}
        for path, text in errors.items():
            found = self._label_for(path)
            if found is None:
                unclaimed[path] = text
                continue
            label, row = found
            message = text if row is None else row_prefix(row) + text
            label.show_text(f"{label.text()}\n{message}" if label.text() else message)
        return unclaimed

    def _label_for(self, path: str) -> tuple[ErrorLabel, int | None] | None:
        row: int | None = None
        while path:
            if path in self._labels:
                return self._labels[path], row
            match = _LAST_STEP.search(path)
            if match is None:
                return None
            if match.group(2) is not None:
                row = int(match.group(2))
            path = path[: match.start()]
        return None

    def text(self, path: str) -> str:
        """What the label registered for ``path`` says now."""
        return self._labels[path].text()

    def has_errors(self) -> bool:
        return any(label.text() for label in self._labels.values())
