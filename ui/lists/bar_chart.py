"""A horizontal bar chart painted with QPainter (QtCharts is not part of PySide6-Essentials).

Each row: category label, bar, shown value. A suppressed cell ("<3") draws no bar, so its
size cannot be read off the picture either.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.models.recap import Bar

ROW = 22
MARGIN = 6
GAP = 8
BAR_COLOR = QColor("#3d6a99")


class BarChart(QWidget):
    """Bars for one breakdown; the height follows the number of rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._height())

    def set_bars(self, bars: Iterable[Bar]) -> None:
        self._bars = list(bars)
        self.setFixedHeight(self._height())
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def drawn_bars(self) -> list[Bar]:
        """Bars that get a rectangle: counted (not suppressed) and above zero."""
        return [bar for bar in self._bars if bar.count]

    def sizeHint(self) -> QSize:
        return QSize(420, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self._height())

    def _height(self) -> int:
        return max(len(self._bars), 1) * ROW + 2 * MARGIN

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        try:
            metrics = self.fontMetrics()
            label_width = self._label_width(metrics)
            value_width = metrics.horizontalAdvance("00000")
            bar_space = max(0, self.width() - label_width - value_width - 2 * MARGIN - 2 * GAP)
            peak = max((bar.count or 0 for bar in self._bars), default=0)
            for row, bar in enumerate(self._bars):
                top = MARGIN + row * ROW
                self._paint_row(painter, metrics, bar, top, label_width, bar_space, peak)
        finally:
            painter.end()

    def _label_width(self, metrics: QFontMetrics) -> int:
        widest = max((metrics.horizontalAdvance(bar.label) for bar in self._bars), default=0)
        return min(widest, int(self.width() * 0.45))

    def _paint_row(self, painter: QPainter, metrics: QFontMetrics, bar: Bar, top: int,
                   label_width: int, bar_space: int, peak: int) -> None:
        align = Qt.AlignmentFlag.AlignVCenter
        label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRect(MARGIN, top, label_width, ROW),
                         align | Qt.AlignmentFlag.AlignLeft, label)
        left = MARGIN + label_width + GAP
        length = round(bar_space * bar.count / peak) if bar.count and peak else 0
        if length:
            painter.fillRect(QRect(left, top + 4, length, ROW - 8), BAR_COLOR)
        painter.drawText(QRect(left + length + GAP // 2, top, self.width() - left, ROW),
                         align | Qt.AlignmentFlag.AlignLeft, bar.shown)
