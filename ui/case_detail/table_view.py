"""A sortable, read-only table view over a :class:`RowTableModel` (one row selected at a time)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.row_table import RowTableModel

ROW_HEIGHT = 26
#: Columns fit their contents after each load, up to this width (long notes keep a tooltip).
MAX_COLUMN_WIDTH = 320


class CaseTableView(QTableView):
    """Rows selected whole; fixed row height (never resized per update, STYLE.md §2)."""

    def __init__(self, model: RowTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(RowTableModel.SortRole)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the model's own order
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(150)
        model.modelReset.connect(self._on_model_reset)

    def _on_model_reset(self) -> None:
        """Fit columns once per load (cheap for a case's few rows; never per row update)."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(header.count()):
            if header.sectionSize(column) > MAX_COLUMN_WIDTH:
                header.resizeSection(column, MAX_COLUMN_WIDTH)

    def selected_id(self) -> int | None:
        """The database id of the selected row (through the proxy), if any."""
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(RowTableModel.IdRole)
        return value if isinstance(value, int) else None

    def select_row(self, row: int) -> None:
        """Select a row by its position in the view (keyboard users and tests)."""
        self.selectRow(row)
