"""A short case list for Beranda ("Pekerjaan saya terakhir", "Lanjutkan pengisian").

Code, status and the last change — no victim column at all: Beranda is a glance, and opening
the case is one double-click away.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QObject, Qt

from app.domain.models import CaseSummary
from ui.i18n import QT_TRANSLATE_NOOP, label_text
from ui.models.case_table import STATUS_ORDER
from ui.models.formatting import format_moment
from ui.models.roles import CASE_ID_ROLE, ROOT, SORT_ROLE, Index

_CTX = "CaseBriefModel"


class BriefColumn(IntEnum):
    CODE = 0
    STATUS = 1
    UPDATED = 2


HEADERS: Final[dict[BriefColumn, str]] = {
    BriefColumn.CODE: QT_TRANSLATE_NOOP(_CTX, "Kode kasus"),
    BriefColumn.STATUS: QT_TRANSLATE_NOOP(_CTX, "Status"),
    BriefColumn.UPDATED: QT_TRANSLATE_NOOP(_CTX, "Terakhir diubah"),
}


class CaseBriefModel(QAbstractTableModel):
    """Case summaries as code / status / last change, in the order given."""

    SortRole = SORT_ROLE  #: case id, workflow position or change moment
    CaseIdRole = CASE_ID_ROLE  #: the case to open

    def __init__(self, tz: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._rows: list[CaseSummary] = []

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(BriefColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = BriefColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, column)
        if role == SORT_ROLE:
            return {BriefColumn.CODE: s.id, BriefColumn.STATUS: STATUS_ORDER[s.status],
                    BriefColumn.UPDATED: s.updated_at}[column]
        if role == CASE_ID_ROLE:
            return s.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(BriefColumn)):
            return QCoreApplication.translate(_CTX, HEADERS[BriefColumn(section)])
        return None

    def set_rows(self, rows: Iterable[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    def _display(self, s: CaseSummary, column: BriefColumn) -> str:
        if column is BriefColumn.CODE:
            return s.code
        if column is BriefColumn.STATUS:
            return label_text(s.status)
        return format_moment(s.updated_at, self._tz)
