"""The case list: :class:`CaseTableModel` over case summaries and :class:`CaseFilterProxy`.

Shaped like Vorta's ``ArchiveTableModel`` + ``SortProxyModel`` (STYLE.md §2). The model holds
:class:`~app.domain.models.CaseSummary` rows only — never a full record. The victim's name is
masked ("S*** W***"); a name revealed through the audited ``cases.reveal_victim_name`` lives in
this model alone and disappears with it when the app locks (the workspace is destroyed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import tzinfo
from enum import IntEnum
from operator import itemgetter
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain.enums import CaseStatus, TpksType
from app.domain.models import CaseSummary
from ui.i18n import QT_TRANSLATE_NOOP, label_text
from ui.models.formatting import format_moment, format_moment_date
from ui.models.roles import CASE_ID_ROLE, ROOT, SORT_ROLE, Index

NO_VALUE = "—"
OVERDUE_COLOR: Final = QColor("#a11d21")


class CaseColumn(IntEnum):
    CODE = 0
    RECEIVED = 1
    STATUS = 2
    TPKS = 3
    OFFICER = 4
    DEADLINE = 5
    VICTIM = 6
    FORM_DRAFT = 7


_CTX = "CaseTableModel"
HEADERS: Final[dict[CaseColumn, str]] = {
    CaseColumn.CODE: QT_TRANSLATE_NOOP(_CTX, "Kode kasus"),
    CaseColumn.RECEIVED: QT_TRANSLATE_NOOP(_CTX, "Tanggal diterima"),
    CaseColumn.STATUS: QT_TRANSLATE_NOOP(_CTX, "Status"),
    CaseColumn.TPKS: QT_TRANSLATE_NOOP(_CTX, "Jenis TPKS"),
    CaseColumn.OFFICER: QT_TRANSLATE_NOOP(_CTX, "Petugas"),
    CaseColumn.DEADLINE: QT_TRANSLATE_NOOP(_CTX, "Tenggat berikutnya"),
    CaseColumn.VICTIM: QT_TRANSLATE_NOOP(_CTX, "Korban"),
    CaseColumn.FORM_DRAFT: QT_TRANSLATE_NOOP(_CTX, "Isian"),
}
#: Workflow order, so sorting by status follows the case's progress, not the alphabet.
STATUS_ORDER: Final = {status: position for position, status in enumerate(CaseStatus)}
#: Cases still being handled (the "Masih berjalan" filter, Beranda counts).
OPEN_STATUSES: Final = frozenset(CaseStatus) - {CaseStatus.DITUTUP, CaseStatus.DIARSIPKAN}


def _translate(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def tpks_text(types: Iterable[TpksType]) -> str:
    return ", ".join(sorted(label_text(t) for t in types)) or NO_VALUE


def _casefolded(text: str | None) -> str | None:
    return None if text is None else text.casefold()


#: SortRole values per column (the victim column depends on reveals: see the model).
_SORT_KEYS: Final[dict[CaseColumn, Callable[[CaseSummary], object]]] = {
    CaseColumn.CODE: lambda s: s.id,  # codes are numbered in creation order
    CaseColumn.RECEIVED: lambda s: s.received_at,
    CaseColumn.STATUS: lambda s: STATUS_ORDER[s.status],
    CaseColumn.TPKS: lambda s: tpks_text(s.tpks_types).casefold(),
    CaseColumn.OFFICER: lambda s: _casefolded(s.assigned_name),
    CaseColumn.DEADLINE: lambda s: s.next_deadline,
    CaseColumn.FORM_DRAFT: lambda s: s.has_form_draft,
}


class CaseTableModel(QAbstractTableModel):
    """Case summaries as table rows; the victim column is masked unless revealed (audited)."""

    SortRole = SORT_ROLE  #: native comparable value: datetime, int, str or None
    CaseIdRole = CASE_ID_ROLE  #: the case id, for opening the case from any view or proxy

    def __init__(self, tz: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._rows: list[CaseSummary] = []
        self._revealed: dict[int, str] = {}
        self._sort_column: CaseColumn | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._roles: dict[int, Callable[[CaseSummary, CaseColumn], Any]] = {
            int(Qt.ItemDataRole.DisplayRole): self._display,
            SORT_ROLE: self._sort_key,
            CASE_ID_ROLE: self._case_id,
            int(Qt.ItemDataRole.ToolTipRole): self._tooltip,
            int(Qt.ItemDataRole.ForegroundRole): self._foreground,
        }

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(CaseColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        handler = self._roles.get(int(role))
        if handler is None or not index.isValid():
            return None
        return handler(self._rows[index.row()], CaseColumn(index.column()))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(CaseColumn)):
            return _translate(HEADERS[CaseColumn(section)])
        return None

    # --- rows ------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by their SortRole values; empty values (no deadline, no officer)
        always come last. Column -1 keeps the core's order (newest first).

        Python's own sort on precomputed keys: at 10,000 cases a proxy calling a Python
        ``lessThan`` or ``data()`` per comparison takes about a second per click.
        """
        self._sort_column = CaseColumn(column) if 0 <= column < len(CaseColumn) else None
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._rows = self._sorted(self._rows)
        position = {s.id: row for row, s in enumerate(self._rows)}
        after = [self.index(position[case_id], index.column())
                 for case_id, index in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def set_rows(self, rows: Iterable[CaseSummary]) -> None:
        """Replace every row (a reload), in the current sort order; revealed names stay until
        the app locks."""
        self.beginResetModel()
        self._rows = self._sorted(list(rows))
        self.endResetModel()

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, case_id: int) -> int | None:
        return next((n for n, s in enumerate(self._rows) if s.id == case_id), None)

    def years(self) -> list[int]:
        """Office-local years of reception present in the rows, newest first."""
        return sorted({self.local_year(s) for s in self._rows}, reverse=True)

    def local_year(self, summary: CaseSummary) -> int:
        return summary.received_at.astimezone(self._tz).year

    def reveal(self, case_id: int, name: str | None) -> None:
        """Show the unmasked name of one case (after the audited service call)."""
        self._revealed[case_id] = name or NO_VALUE
        row = self.row_of(case_id)
        if row is not None:
            cell = self.index(row, CaseColumn.VICTIM)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole, SORT_ROLE])

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        column = -1 if self._sort_column is None else int(self._sort_column)
        return column, self._sort_order

    def is_revealed(self, case_id: int) -> bool:
        return case_id in self._revealed

    def sort_key(self, row: int, column: int) -> object:
        """The SortRole value without a trip through QVariant (the proxy's fast path)."""
        return self._sort_key(self._rows[row], CaseColumn(column))

    def _sorted(self, rows: list[CaseSummary]) -> list[CaseSummary]:
        column = self._sort_column
        if column is None:
            return rows
        keyed = [(self._sort_key(s, column), s) for s in rows]
        present = [pair for pair in keyed if pair[0] is not None]
        descending = self._sort_order is Qt.SortOrder.DescendingOrder
        try:
            present.sort(key=itemgetter(0), reverse=descending)
        except TypeError:  # mixed kinds of value: compare as text
            present.sort(key=lambda pair: str(pair[0]), reverse=descending)
        return [s for _, s in present] + [s for key, s in keyed if key is None]

    # --- roles -----------------------------------------------------------------------------

    def _display(self, s: CaseSummary, column: CaseColumn) -> str:
        if column is CaseColumn.CODE:
            return s.code
        if column is CaseColumn.RECEIVED:
            return format_moment_date(s.received_at, self._tz)
        if column is CaseColumn.STATUS:
            return label_text(s.status)
        if column is CaseColumn.TPKS:
            return tpks_text(s.tpks_types)
        if column is CaseColumn.OFFICER:
            return s.assigned_name or NO_VALUE
        if column is CaseColumn.DEADLINE:
            return self._deadline_text(s)
        if column is CaseColumn.VICTIM:
            return self._victim_text(s)
        return _translate("Belum selesai") if s.has_form_draft else ""

    def _deadline_text(self, s: CaseSummary) -> str:
        if s.next_deadline is None:
            return NO_VALUE
        moment = format_moment(s.next_deadline, self._tz)
        return _translate("Terlambat: %1").replace("%1", moment) if s.overdue else moment

    def _victim_text(self, s: CaseSummary) -> str:
        return self._revealed.get(s.id, s.victim_name_masked)

    def _sort_key(self, s: CaseSummary, column: CaseColumn) -> object:
        if column is CaseColumn.VICTIM:
            return self._victim_text(s).casefold()
        return _SORT_KEYS[column](s)

    @staticmethod
    def _case_id(s: CaseSummary, column: CaseColumn) -> int:
        del column
        return s.id

    def _tooltip(self, s: CaseSummary, column: CaseColumn) -> str | None:
        if column is CaseColumn.VICTIM and not self.is_revealed(s.id):
            return _translate("Nama disamarkan. Klik kanan → Tampilkan nama korban "
                              "(tercatat di log audit).")
        if column is CaseColumn.FORM_DRAFT and s.has_form_draft:
            return _translate("Ada isian formulir yang belum selesai: pilih "
                              "«Lanjutkan pengisian».")
        if column is CaseColumn.TPKS:
            return tpks_text(s.tpks_types)
        return None

    @staticmethod
    def _foreground(s: CaseSummary, column: CaseColumn) -> QColor | None:
        return OVERDUE_COLOR if column is CaseColumn.DEADLINE and s.overdue else None


class CaseFilterProxy(QSortFilterProxyModel):
    """Filters by status, UU TPKS type, year, "terlambat" and full-text search hits.

    The SortRole is set for anything that asks, but rows arrive already sorted by the model.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self._statuses: frozenset[CaseStatus] = frozenset()
        self._tpks_type: TpksType | None = None
        self._year: int | None = None
        self._overdue_only = False
        self._case_ids: frozenset[int] | None = None

    def cases(self) -> CaseTableModel:
        model = self.sourceModel()
        assert isinstance(model, CaseTableModel)
        return model

    # --- filter state (empty / None: no filter) --------------------------------------------

    def set_statuses(self, statuses: Iterable[CaseStatus]) -> None:
        self.beginFilterChange()
        self._statuses = frozenset(statuses)
        self._end_filter_change()

    def set_tpks_type(self, tpks_type: TpksType | None) -> None:
        self.beginFilterChange()
        self._tpks_type = tpks_type
        self._end_filter_change()

    def set_year(self, year: int | None) -> None:
        self.beginFilterChange()
        self._year = year
        self._end_filter_change()

    def set_overdue_only(self, overdue_only: bool) -> None:
        self.beginFilterChange()
        self._overdue_only = overdue_only
        self._end_filter_change()

    def set_filters(self, statuses: Iterable[CaseStatus], tpks_type: TpksType | None,
                    year: int | None, overdue_only: bool) -> None:
        """Every filter but the search at once (one pass over the rows)."""
        self.beginFilterChange()
        self._statuses = frozenset(statuses)
        self._tpks_type = tpks_type
        self._year = year
        self._overdue_only = overdue_only
        self._end_filter_change()

    def set_case_ids(self, case_ids: Iterable[int] | None) -> None:
        """Only these cases (full-text search hits); ``None`` shows every case again."""
        self.beginFilterChange()
        self._case_ids = None if case_ids is None else frozenset(case_ids)
        self._end_filter_change()

    def _end_filter_change(self) -> None:
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def searching(self) -> bool:
        return self._case_ids is not None

    # --- Qt overrides ----------------------------------------------------------------------

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        del source_parent
        model = self.cases()
        s = model.summary(source_row)
        return ((not self._statuses or s.status in self._statuses)
                and (self._tpks_type is None or self._tpks_type in s.tpks_types)
                and (self._year is None or model.local_year(s) == self._year)
                and (not self._overdue_only or s.overdue)
                and (self._case_ids is None or s.id in self._case_ids))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the source model (fast at 10,000 rows, see
        :meth:`CaseTableModel.sort`); the proxy keeps the model's order and only filters."""
        self.cases().sort(column, order)

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self.cases().sort_state()


__all__ = ["OPEN_STATUSES", "CaseColumn", "CaseFilterProxy", "CaseTableModel"]
