"""Small input widgets used across forms: enum pickers and yes/no/unknown answers.

Every question may be left as "Tidak diketahui / tidak ingin menjawab" (DOMAIN.md §5), so
each picker starts on that choice and returns ``None`` for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QWidget

from ui.i18n import label_text

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


def unknown_text() -> str:
    return QCoreApplication.translate("choices", "Tidak diketahui / tidak ingin menjawab")


class ChoiceCombo(QComboBox, Generic[T]):
    """A drop-down of any Python values (recipients, officer ids, coded values).

    The values live in a Python list by position, so they come back exactly as given: Qt's item
    data would turn a ``StrEnum`` member into a plain ``str`` and a dataclass into an opaque
    wrapper. :meth:`values` lists what is offered (dialogs offer only legal choices).
    """

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
        """Select ``value``; enums by identity, since equal-valued members of different
        lists (``lainnya``) compare equal."""
        for index, candidate in enumerate(self._values):
            if candidate is value or (not isinstance(value, Enum) and candidate == value):
                self.setCurrentIndex(index)
                return
        self.setCurrentIndex(0)


class EnumCombo(ChoiceCombo[E | None]):
    """Coded values with their Indonesian names, after an "unknown" entry (``None``)."""

    def __init__(self, values: Iterable[E], parent: QWidget | None = None,
                 allow_unknown: bool = True) -> None:
        first: list[tuple[str, E | None]] = [(unknown_text(), None)] if allow_unknown else []
        super().__init__([*first, *((label_text(v), v) for v in values)], parent)


class CodedCombo(ChoiceCombo[E]):
    """Coded values that must always have one (no "unknown" entry)."""

    def __init__(self, values: Iterable[E], parent: QWidget | None = None) -> None:
        super().__init__([(label_text(v), v) for v in values], parent)

    def value(self) -> E:
        return self._values[max(self.currentIndex(), 0)]


class YesNoCombo(QComboBox):
    """Ya / Tidak / Tidak diketahui → True / False / None."""

    _ANSWERS: tuple[bool | None, ...] = (None, True, False)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(unknown_text())
        self.addItem(self.tr("Ya"))
        self.addItem(self.tr("Tidak"))

    def value(self) -> bool | None:
        return self._ANSWERS[max(0, self.currentIndex())]

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])


class EnumChecklist(QWidget, Generic[E]):
    """Tick boxes for a multi-select set of coded values, in a grid."""

    changed = Signal()

    def __init__(self, values: Iterable[E], columns: int = 2,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self._boxes: list[tuple[E, QCheckBox]] = []
        for index, value in enumerate(values):
            box = QCheckBox(label_text(value), self)
            box.toggled.connect(self.changed)
            grid.addWidget(box, index // columns, index % columns)
            self._boxes.append((value, box))

    def values(self) -> frozenset[E]:
        return frozenset(value for value, box in self._boxes if box.isChecked())

    def set_values(self, values: Iterable[E]) -> None:
        chosen = set(values)
        for value, box in self._boxes:
            box.setChecked(any(value is v for v in chosen))

    def box_for(self, value: E) -> QCheckBox:
        return next(box for v, box in self._boxes if v is value)
