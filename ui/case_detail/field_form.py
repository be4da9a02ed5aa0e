"""A titled, read-only form of label → value rows (the detail tabs are made of these)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

#: One row: a stable key (for tests and updates), the Indonesian label, the shown value.
Row = tuple[str, str, str]


class FieldForm(QGroupBox):
    """Values are selectable text, wrapped, so long answers are never clipped."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._layout = QFormLayout(self)
        self._layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._values: dict[str, QLabel] = {}

    def set_rows(self, rows: Sequence[Row]) -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._values = {}
        for key, label, value in rows:
            field = QLabel(value, self)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setTextFormat(Qt.TextFormat.PlainText)
            self._layout.addRow(label, field)
            self._values[key] = field

    def value(self, key: str) -> str:
        return self._values[key].text()
