"""A read-only table of dataclass rows: the shape every case-detail table shares (STYLE.md §2).

Subclasses list their column headers (``QT_TRANSLATE_NOOP`` strings) and say what one row
shows in one column; sorting uses :attr:`SortRole` through a :class:`QSortFilterProxyModel`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.case_detail.texts import tr

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
#: The invisible root: a table has no children under any row.
ROOT = QModelIndex()

#: Overdue or no longer valid entries are drawn in the style sheet's error red.
ALERT = QColor("#a11d21")
MUTED = QColor("#6b7785")


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of one dataclass type; columns described by the subclass."""

    #: A native, comparable value per cell for sorting.
    SortRole = Qt.ItemDataRole.UserRole
    #: The row's database id (survives ``mapToSource``).
    IdRole = Qt.ItemDataRole.UserRole + 1

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == self.SortRole:
            return self.sort_key(row, column)
        if role == self.IdRole:
            return self.row_id(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.color(row, column)
            return None if color is None else QBrush(color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        return None

    # --- what subclasses describe --------------------------------------------------------

    def display(self, row: R, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: R, column: int) -> str | float:
        return self.display(row, column).casefold()

    def row_id(self, row: R) -> int:
        return self._rows.index(row)

    def color(self, row: R, column: int) -> QColor | None:
        del row, column
        return None

    def tooltip(self, row: R, column: int) -> str | None:
        del row, column
        return None
