"""Beranda "Kasus terbuka per status": how many visible open cases are at each step."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QObject, Qt

from app.domain.enums import CaseStatus
from app.domain.models import CaseSummary
from ui.i18n import QT_TRANSLATE_NOOP, label_text
from ui.models.case_table import OPEN_STATUSES, STATUS_ORDER
from ui.models.roles import ROOT, SORT_ROLE, Index

_CTX = "StatusCountModel"


class CountColumn(IntEnum):
    STATUS = 0
    COUNT = 1


HEADERS: Final[dict[CountColumn, str]] = {
    CountColumn.STATUS: QT_TRANSLATE_NOOP(_CTX, "Status"),
    CountColumn.COUNT: QT_TRANSLATE_NOOP(_CTX, "Jumlah"),
}


class StatusCountModel(QAbstractTableModel):
    """One row per open status (in workflow order), with its count — zero rows included."""

    SortRole = SORT_ROLE  #: workflow position or count

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[CaseStatus, int]] = []

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(CountColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        status, count = self._rows[index.row()]
        column = CountColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return label_text(status) if column is CountColumn.STATUS else str(count)
        if role == SORT_ROLE:
            return STATUS_ORDER[status] if column is CountColumn.STATUS else count
        if role == Qt.ItemDataRole.TextAlignmentRole and column is CountColumn.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(CountColumn)):
            return QCoreApplication.translate(_CTX, HEADERS[CountColumn(section)])
        return None

    def set_summaries(self, summaries: Iterable[CaseSummary]) -> None:
        counts = Counter(s.status for s in summaries if s.status in OPEN_STATUSES)
        self.beginResetModel()
        self._rows = [(status, counts[status]) for status in CaseStatus
                      if status in OPEN_STATUSES]
        self.endResetModel()

    def total(self) -> int:
        return sum(count for _, count in self._rows)
