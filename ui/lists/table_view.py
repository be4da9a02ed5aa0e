"""The read-only table used by every list: whole rows, fixed row height, Enter opens a row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.roles import CASE_ID_ROLE

ROW_HEIGHT = 26


class ListTableView(QTableView):
    """Emits ``case_activated(case id)`` on double-click or Enter on a row with a case.

    Row heights are fixed once (never ``resizeRowsToContents`` per update, STYLE.md §2), so
    ten thousand rows scroll without measuring text.
    """

    case_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, sortable: bool = False) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab moves on to the next control, not the next cell
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        self.horizontalHeader().setHighlightSections(False)
        self.setSortingEnabled(sortable)
        self.activated.connect(self._on_activated)

    def selected_case_id(self) -> int | None:
        """The case of the selected row, if any."""
        selection = self.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        value = rows[0].data(CASE_ID_ROLE) if rows else None
        return value if isinstance(value, int) else None

    def fit_rows(self, rows: int) -> None:
        """Make the table exactly tall enough for ``rows`` rows (short lists need no scroll)."""
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header + max(rows, 1) * ROW_HEIGHT + 2 * self.frameWidth())

    def _on_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(CASE_ID_ROLE)
        if isinstance(value, int):
            self.case_activated.emit(value)
