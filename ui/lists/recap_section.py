"""One breakdown of a recap: its title, a category/count table and the same numbers as bars."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QWidget

from app.domain.statistics import Breakdown
from ui.lists.bar_chart import BarChart
from ui.lists.card import Card
from ui.lists.table_view import ListTableView
from ui.models.recap import RecapColumn, RecapTableModel, breakdown_title

TABLE_WIDTH = 420


class RecapSection(Card):
    """Table on the left, bar chart on the right; tall enough to need no inner scrolling."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(breakdown_title(name), parent=parent)
        self.model = RecapTableModel(self)
        self.table = ListTableView(self)
        self.table.setModel(self.model)
        self.table.setFixedWidth(TABLE_WIDTH)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RecapColumn.CATEGORY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RecapColumn.COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.chart = BarChart(self)
        self.chart.setAccessibleName(self.title.text())
        row = QHBoxLayout()
        row.addWidget(self.table)
        row.addWidget(self.chart, 1, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)
        self.table.fit_rows(0)

    def set_breakdown(self, breakdown: Breakdown) -> None:
        self.model.set_breakdown(breakdown)
        self.table.fit_rows(self.model.rowCount())
        self.chart.set_bars(self.model.bars())
