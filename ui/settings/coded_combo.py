"""A drop-down of coded values that must always have one (no "unknown" entry).

Looks values up by position: PySide6 stores a ``StrEnum`` item's data as a plain ``str``, so
``ui.widgets.choices.EnumCombo`` cannot give the member back for those enums.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtWidgets import QComboBox, QWidget

from ui.i18n import label_text

E = TypeVar("E", bound=Enum)


class CodedCombo(QComboBox, Generic[E]):
    """Indonesian labels for the choices; ``value()`` is always one of them."""

    def __init__(self, values: Iterable[E], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values = list(values)
        for value in self._values:
            self.addItem(label_text(value))

    def value(self) -> E:
        return self._values[max(self.currentIndex(), 0)]

    def set_value(self, value: E) -> None:
        self.setCurrentIndex(self._values.index(value))
