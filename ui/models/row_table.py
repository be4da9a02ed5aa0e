"""A read-only table of dataclass rows: the shape every small table shares (STYLE.md §2).

Case detail, Data & Cadangan, Pelindungan Data and Pengguna list rows of one dataclass each.
Subclasses list their column headers (``QT_TRANSLATE_NOOP`` strings in :attr:`TR_CONTEXT`) and
say what one row shows in one column; sorting uses :attr:`SortRole` through a
:class:`QSortFilterProxyModel` (:func:`sorting_proxy`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

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
    #: The first role number a subclass may give a meaning of its own (:meth:`custom`).
    FirstCustomRole = Qt.ItemDataRole.UserRole + 2

    HEADERS: tuple[str, ...] = ()
    TR_CONTEXT = "CaseDetail"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return QCoreApplication.translate(self.TR_CONTEXT, self.HEADERS[section])
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
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        return self.custom(row, role)

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

    def alignment(self, column: int) -> int | None:
        del column
        return None

    def custom(self, row: R, role: int) -> Any:
        """A subclass's own roles (from :attr:`FirstCustomRole`)."""
        del row, role
        return None


#: Numbers and sizes line up on the right.
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def sorting_proxy(model: RowTableModel[Any], parent: QObject | None = None
                  ) -> QSortFilterProxyModel:
    """Sorting on the model's native keys."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(RowTableModel.SortRole)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
