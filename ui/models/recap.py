"""One breakdown of a statistics recap as a table: category and count (DOMAIN.md §9).

The core already suppressed small cells: a count of 1 or 2 arrives as ``None`` and is shown as
"<3". Nothing here can recover it, and nothing here names a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QObject, Qt

from app.domain import statistics_labels as words
from app.domain.statistics import Breakdown, Cell
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.roles import ROOT, SORT_ROLE, Index

_CTX = "RecapTableModel"

def _translate(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def breakdown_title(name: str) -> str:
    return _translate(words.title(name))


def category_label(breakdown: str, key: str) -> str:
    """The Indonesian name of one category; kecamatan names are shown as written."""
    return _translate(words.category(breakdown, key))


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: ``count`` is ``None`` when suppressed (no bar is drawn)."""

    label: str
    count: int | None
    shown: str


class RecapColumn(IntEnum):
    CATEGORY = 0
    COUNT = 1


HEADERS: Final[dict[RecapColumn, str]] = {
    RecapColumn.CATEGORY: QT_TRANSLATE_NOOP(_CTX, "Kategori"),
    RecapColumn.COUNT: QT_TRANSLATE_NOOP(_CTX, "Jumlah"),
}


class RecapTableModel(QAbstractTableModel):
    """Category / count rows of one breakdown, in the core's order."""

    SortRole = SORT_ROLE  #: category label, or the count (None when suppressed)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = ""
        self._rows: list[tuple[str, Cell]] = []

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(RecapColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label, cell = self._rows[index.row()]
        category = index.column() == RecapColumn.CATEGORY
        if role == Qt.ItemDataRole.DisplayRole:
            return label if category else cell.shown
        if role == SORT_ROLE:
            return label if category else cell.count
        if role == Qt.ItemDataRole.TextAlignmentRole and not category:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and not category and cell.count is None:
            return _translate("Angka 1 atau 2 disembunyikan demi kerahasiaan korban.")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(RecapColumn)):
            return _translate(HEADERS[RecapColumn(section)])
        return None

    def set_breakdown(self, breakdown: Breakdown) -> None:
        self.beginResetModel()
        self._name = breakdown.name
        self._rows = [(category_label(breakdown.name, cell.key), cell)
                      for cell in breakdown.cells]
        self.endResetModel()

    @property
    def name(self) -> str:
        return self._name

    def bars(self) -> list[Bar]:
        return [Bar(label, cell.count, cell.shown) for label, cell in self._rows]
