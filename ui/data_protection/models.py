"""Table models of the data-protection screens (STYLE.md §2): cases past their retention
period (with tick boxes), earlier destructions, the breach register and corrected fields."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, tzinfo
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from app.domain.models import FieldChange
from app.services.breaches import Breach
from app.services.retention import DestroyedCase, Eligible
from ui.case_detail.texts import day, when
from ui.data_protection.field_labels import field_label, old_value_text
from ui.data_protection.texts import CTX, NONE_TEXT, countdown, tr
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.row_table import ALERT, RowTableModel

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
#: Long texts (a breach description) are cut in the table; the tooltip holds all of it.
SHORT = 80


class DataTableModel(RowTableModel[R]):
    """Headers translated in this package's context; times shown in the office's zone."""

    TR_CONTEXT = CTX

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tz: tzinfo = UTC

    def rows(self) -> list[R]:
        return list(self._rows)


class EligibleModel(DataTableModel[Eligible]):
    """Closed cases past their retention period; the koordinator ticks which to destroy."""

    HEADERS = (QT_TRANSLATE_NOOP(CTX, "Kode kasus"), QT_TRANSLATE_NOOP(CTX, "Ditutup"))
    CODE, CLOSED = range(2)
    #: Emitted whenever a tick changes (the destroy button follows it).
    checked_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._checked: set[int] = set()

    def set_rows(self, rows: Sequence[Eligible]) -> None:
        self._checked &= {row.case_id for row in rows}
        super().set_rows(rows)
        self.checked_changed.emit()

    def display(self, row: Eligible, column: int) -> str:
        return row.code if column == self.CODE else day(row.closed_on)

    def sort_key(self, row: Eligible, column: int) -> str | float:
        if column == self.CLOSED:
            return float(row.closed_on.toordinal())
        return super().sort_key(row, column)

    def row_id(self, row: Eligible) -> int:
        return row.case_id

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.CODE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.CheckStateRole and index.isValid()
                and index.column() == self.CODE and 0 <= index.row() < len(self._rows)):
            ticked = self._rows[index.row()].case_id in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.CheckStateRole or not index.isValid()
                or index.column() != self.CODE or not 0 <= index.row() < len(self._rows)):
            return False
        case_id = self._rows[index.row()].case_id
        if _is_checked(value):
            self._checked.add(case_id)
        else:
            self._checked.discard(case_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True

    def set_all_checked(self, ticked: bool) -> None:
        self._checked = {row.case_id for row in self._rows} if ticked else set()
        if self._rows:
            self.dataChanged.emit(self.index(0, self.CODE),
                                  self.index(len(self._rows) - 1, self.CODE),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def checked(self) -> list[Eligible]:
        """The ticked cases, in the table's order."""
        return [row for row in self._rows if row.case_id in self._checked]


class DestroyedModel(DataTableModel[DestroyedCase]):
    """Earlier destructions: what remains of a case is its code, dates, basis and who."""

    HEADERS = (QT_TRANSLATE_NOOP(CTX, "Kode kasus"), QT_TRANSLATE_NOOP(CTX, "Diterima"),
               QT_TRANSLATE_NOOP(CTX, "Ditutup"), QT_TRANSLATE_NOOP(CTX, "Dimusnahkan"),
               QT_TRANSLATE_NOOP(CTX, "Oleh"), QT_TRANSLATE_NOOP(CTX, "Alasan"))
    CODE, RECEIVED, CLOSED, DESTROYED, BY, REASON = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: Mapping[int, str] = {}

    def display(self, row: DestroyedCase, column: int) -> str:
        values = {self.CODE: row.code, self.RECEIVED: day(row.received_on),
                  self.CLOSED: day(row.closed_on), self.DESTROYED: when(row.destroyed_at, self.tz),
                  self.BY: self.names.get(row.destroyed_by, f"#{row.destroyed_by}"),
                  self.REASON: row.reason}
        return values[column]

    def sort_key(self, row: DestroyedCase, column: int) -> str | float:
        if column == self.DESTROYED:
            return row.destroyed_at.timestamp()
        return super().sort_key(row, column)

    def tooltip(self, row: DestroyedCase, column: int) -> str | None:
        if column == self.REASON:
            return tr("Dasar hukum: %1").replace("%1", row.legal_basis)
        return None


class BreachModel(DataTableModel[Breach]):
    """The breach register with the 3×24-hour notice deadline counting down."""

    HEADERS = (QT_TRANSLATE_NOOP(CTX, "Diketahui"), QT_TRANSLATE_NOOP(CTX, "Uraian"),
               QT_TRANSLATE_NOOP(CTX, "Batas pemberitahuan"),
               QT_TRANSLATE_NOOP(CTX, "Sisa waktu"), QT_TRANSLATE_NOOP(CTX, "Diberitahukan"))
    FOUND, DESCRIPTION, DUE, REMAINING, NOTIFIED = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.now = datetime.now(UTC)

    def set_now(self, now: datetime) -> None:
        """Move the countdown on (the tab calls this every minute)."""
        self.now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, self.REMAINING),
                                  self.index(len(self._rows) - 1, self.REMAINING))

    def display(self, row: Breach, column: int) -> str:
        if column == self.FOUND:
            return when(row.breach.discovered_at, self.tz)
        if column == self.DESCRIPTION:
            return _short(row.breach.description)
        if column == self.DUE:
            return when(row.notice_due, self.tz)
        if column == self.REMAINING:
            return NONE_TEXT if row.notified_at else countdown(row.notice_due, self.now)
        return when(row.notified_at, self.tz) if row.notified_at else tr("Belum")

    def sort_key(self, row: Breach, column: int) -> str | float:
        moments = {self.FOUND: row.breach.discovered_at, self.DUE: row.notice_due,
                   self.REMAINING: row.notice_due, self.NOTIFIED: row.notified_at}
        if column in moments:
            moment = moments[column]
            return 0.0 if moment is None else moment.timestamp()
        return super().sort_key(row, column)

    def row_id(self, row: Breach) -> int:
        return row.id

    def color(self, row: Breach, column: int) -> QColor | None:
        late = row.notified_at is None and row.notice_due <= self.now
        return ALERT if late and column in (self.DUE, self.REMAINING) else None

    def tooltip(self, row: Breach, column: int) -> str | None:
        return row.breach.description if column == self.DESCRIPTION else None


class CorrectionModel(DataTableModel[FieldChange]):
    """Corrected fields of one case: when, who, which field, the value before."""

    HEADERS = (QT_TRANSLATE_NOOP(CTX, "Waktu"), QT_TRANSLATE_NOOP(CTX, "Petugas"),
               QT_TRANSLATE_NOOP(CTX, "Isian"), QT_TRANSLATE_NOOP(CTX, "Nilai sebelumnya"))
    TIME, OFFICER, FIELD, OLD = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: Mapping[int, str] = {}
        self.revealed = False

    def set_revealed(self, revealed: bool) -> None:
        self.revealed = revealed
        if self._rows:
            self.dataChanged.emit(self.index(0, self.OLD),
                                  self.index(len(self._rows) - 1, self.OLD))

    def display(self, row: FieldChange, column: int) -> str:
        if column == self.TIME:
            return when(row.changed_at, self.tz)
        if column == self.OFFICER:
            return self.names.get(row.changed_by, f"#{row.changed_by}")
        if column == self.FIELD:
            return field_label(row.field)
        return old_value_text(row.field, row.old_value, self.revealed, self.tz)

    def sort_key(self, row: FieldChange, column: int) -> str | float:
        if column == self.TIME:
            return row.changed_at.timestamp()
        return super().sort_key(row, column)

    def tooltip(self, row: FieldChange, column: int) -> str | None:
        return self.display(row, column) if column == self.OLD else None


def _is_checked(value: object) -> bool:
    """Views pass a ``Qt.CheckState`` or its number, depending on the binding's path."""
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value == Qt.CheckState.Checked.value


def _short(text: str) -> str:
    """The first line, cut at :data:`SHORT` characters ("…" when anything is left out)."""
    lines = text.strip().splitlines()
    first = lines[0] if lines else ""
    if len(first) > SHORT:
        return first[:SHORT] + "…"
    return first + ("…" if len(lines) > 1 else "")
