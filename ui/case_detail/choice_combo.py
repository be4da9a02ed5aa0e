"""A drop-down of any Python values (recipients, officer ids, a subset of coded values).

The values stay in a Python list indexed like the items, so they come back exactly as given:
Qt's item data would turn a ``StrEnum`` member into a plain ``str`` and a dataclass into an
opaque wrapper. :meth:`ChoiceCombo.values` lists what is offered (dialogs show only legal
choices, and tests check exactly that).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtWidgets import QComboBox, QWidget

from ui.i18n import label_text

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


class ChoiceCombo(QComboBox, Generic[T]):
    def __init__(self, choices: Iterable[tuple[str, T]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[T] = []
        for text, value in choices:
            self.addItem(text)
            self._values.append(value)

    @classmethod
    def of_enum(cls, values: Iterable[E], parent: QWidget | None = None) -> ChoiceCombo[E]:
        """Coded values under their Indonesian names."""
        return ChoiceCombo([(label_text(v), v) for v in values], parent)

    def value(self) -> T | None:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def values(self) -> list[T]:
        return list(self._values)

    def set_value(self, value: T | None) -> None:
        """Select ``value`` (compared by identity first, so equal-valued enums stay apart)."""
        for index, candidate in enumerate(self._values):
            if candidate is value or (not isinstance(value, Enum) and candidate == value):
                self.setCurrentIndex(index)
                return
