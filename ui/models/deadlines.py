"""Beranda "Perlu tindakan": open clocks that are overdue or due soon, soonest first."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from app.domain.models import Deadline
from ui.i18n import QT_TRANSLATE_NOOP, label_text
from ui.models.formatting import format_moment, local_date
from ui.models.roles import CASE_ID_ROLE, ROOT, SORT_ROLE, Index

_CTX = "DeadlineTableModel"
OVERDUE_COLOR: Final = QColor("#a11d21")


class DeadlineColumn(IntEnum):
    STATE = 0
    DUE = 1
    KIND = 2
    CODE = 3


HEADERS: Final[dict[DeadlineColumn, str]] = {
    DeadlineColumn.STATE: QT_TRANSLATE_NOOP(_CTX, "Keadaan"),
    DeadlineColumn.DUE: QT_TRANSLATE_NOOP(_CTX, "Tenggat"),
    DeadlineColumn.KIND: QT_TRANSLATE_NOOP(_CTX, "Jenis tenggat"),
    DeadlineColumn.CODE: QT_TRANSLATE_NOOP(_CTX, "Kode kasus"),
}


class Urgency(IntEnum):
    """How pressing a clock is, most pressing first (also its sort value)."""

    OVERDUE = 0
    TODAY = 1
    SOON = 2


URGENCY_TEXT: Final[dict[Urgency, str]] = {
    Urgency.OVERDUE: QT_TRANSLATE_NOOP(_CTX, "Terlambat"),
    Urgency.TODAY: QT_TRANSLATE_NOOP(_CTX, "Hari ini"),
    Urgency.SOON: QT_TRANSLATE_NOOP(_CTX, "Segera"),
}


def _translate(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class DeadlineTableModel(QAbstractTableModel):
    """Deadlines with their urgency against "now" (given by the page, office time zone)."""

    SortRole = SORT_ROLE  #: urgency, due moment, kind label or case code
    CaseIdRole = CASE_ID_ROLE  #: the case the clock runs on

    def __init__(self, tz: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._rows: list[tuple[Deadline, Urgency]] = []
        self._roles: dict[int, Callable[[Deadline, Urgency, DeadlineColumn], Any]] = {
            int(Qt.ItemDataRole.DisplayRole): self._display,
            SORT_ROLE: self._sort_key,
            CASE_ID_ROLE: lambda d, u, c: d.case_id,
            int(Qt.ItemDataRole.ForegroundRole): lambda d, u, c:
            OVERDUE_COLOR if u is Urgency.OVERDUE else None,
        }

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(DeadlineColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        handler = self._roles.get(int(role))
        if handler is None or not index.isValid():
            return None
        deadline, urgency = self._rows[index.row()]
        return handler(deadline, urgency, DeadlineColumn(index.column()))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(DeadlineColumn)):
            return _translate(HEADERS[DeadlineColumn(section)])
        return None

    def set_rows(self, deadlines: Iterable[Deadline], now: datetime) -> None:
        """Replace the rows: most pressing first, then by due moment."""
        today = local_date(now, self._tz)
        rows = [(d, self._urgency(d, now, today)) for d in deadlines]
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda pair: (pair[1], pair[0].due_at))
        self.endResetModel()

    def deadline(self, row: int) -> Deadline:
        return self._rows[row][0]

    def _urgency(self, deadline: Deadline, now: datetime, today: object) -> Urgency:
        if deadline.overdue(now):
            return Urgency.OVERDUE
        if local_date(deadline.due_at, self._tz) == today:
            return Urgency.TODAY
        return Urgency.SOON

    def _display(self, d: Deadline, urgency: Urgency, column: DeadlineColumn) -> str:
        if column is DeadlineColumn.STATE:
            return _translate(URGENCY_TEXT[urgency])
        if column is DeadlineColumn.DUE:
            return format_moment(d.due_at, self._tz)
        if column is DeadlineColumn.KIND:
            return label_text(d.kind)
        return d.case_code

    @staticmethod
    def _sort_key(d: Deadline, urgency: Urgency, column: DeadlineColumn) -> object:
        keys: dict[DeadlineColumn, object] = {
            DeadlineColumn.STATE: int(urgency), DeadlineColumn.DUE: d.due_at,
            DeadlineColumn.KIND: d.kind.value, DeadlineColumn.CODE: d.case_code}
        return keys[column]
