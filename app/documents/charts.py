"""Horizontal bar charts for recaps, drawn from rectangles and strings (reportlab.graphics).

Made for black-and-white office printers: solid dark bars, the count printed as text at the
end of each bar, category labels wrapped to the left. Every string uses the embedded Liberation
Sans (the Drawing's initial font too: reportlab charts otherwise fall back to non-embedded
Helvetica). A suppressed count (1 or 2, shown "<3") gets **no bar** — only its "<3" label — so
its size cannot be read off the chart; categories with no case are left out of the chart (the
table beside it lists them with 0) except in time series, where a month without cases is
drawn as 0. A long chart is cut into several drawings, each fitting on a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.documents import fonts
from app.documents.text import NOTHING, printable
from app.domain.statistics import Cell

LABEL_SIZE = 8.5
VALUE_SIZE = 9
LINE = 10.0          # label line height
BAR = 8.5            # bar thickness
PAD = 3.0            # space above and below each row
GAP = 6.0            # between the labels and the axis
VALUE_ROOM = 30.0    # right of the longest bar, for its count
LABEL_SHARE = 0.42   # of the width, for the category labels
MAX_LINES = 3
MAX_HEIGHT = 520.0   # one drawing never outgrows a page: longer charts continue in another
DARK = colors.HexColor("#262626")


@dataclass(frozen=True)
class Bar:
    """One chart row: ``length`` is ``None`` when no bar may be drawn (suppressed cell)."""

    label: str
    shown: str
    length: float | None


def bars(rows: Sequence[tuple[str, Cell]], span: float, zeros: bool = False) -> list[Bar]:
    """The rows worth drawing (count not 0, unless ``zeros``) and their bar lengths, scaled
    to ``span``. The longest bar is the largest *shown* count, so the scale reveals nothing
    hidden; a suppressed cell has no length at all.
    """
    kept = [(label, cell) for label, cell in rows if zeros or cell.count != 0]
    top = max((cell.count for _, cell in kept if cell.count is not None), default=0)
    return [Bar(label, cell.shown,
                None if cell.count is None or top == 0 else span * cell.count / top)
            for label, cell in kept]


def _fit(text: str, width: float) -> str:
    """``text`` cut (with "…") to fit ``width`` — an unbroken string must not run off."""
    if stringWidth(text, fonts.REGULAR, LABEL_SIZE) <= width:
        return text
    while text and stringWidth(text + "…", fonts.REGULAR, LABEL_SIZE) > width:
        text = text[:-1]
    return text + "…"


def label_lines(label: str, width: float) -> list[str]:
    """A category label wrapped to at most three lines of ``width``."""
    clean = " ".join(printable(label).split()) or NOTHING
    lines = [str(line) for line in simpleSplit(clean, fonts.REGULAR, LABEL_SIZE, width)]
    if len(lines) > MAX_LINES:
        lines = [*lines[:MAX_LINES - 1], " ".join(lines[MAX_LINES - 1:])]
    return [_fit(line, width) for line in lines] or [NOTHING]


def chart(rows: Sequence[tuple[str, Cell]], width: float,
          zeros: bool = False) -> list[Drawing]:
    """The chart of one breakdown as drawings of at most :data:`MAX_HEIGHT` each (one bar
    scale for all); none when no category holds a case."""
    fonts.register()
    label_width = width * LABEL_SHARE
    items = bars(rows, width - label_width - GAP - VALUE_ROOM, zeros)
    if all(item.shown == "0" for item in items):
        return []
    wrapped = [label_lines(item.label, label_width) for item in items]
    chunks: list[list[tuple[Bar, list[str]]]] = [[]]
    height = 0.0
    for item, lines in zip(items, wrapped, strict=True):
        row = _height(lines)
        if chunks[-1] and height + row > MAX_HEIGHT:
            chunks.append([])
            height = 0.0
        chunks[-1].append((item, lines))
        height += row
    return [_drawing(chunk, width) for chunk in chunks]


def _height(lines: list[str]) -> float:
    return len(lines) * LINE + 2 * PAD


def _drawing(rows: list[tuple[Bar, list[str]]], width: float) -> Drawing:
    axis = width * LABEL_SHARE + GAP
    total = sum(_height(lines) for _, lines in rows)
    drawing = Drawing(width, total, initialFontName=fonts.REGULAR, initialFontSize=LABEL_SIZE)
    top = total
    for item, lines in rows:
        top -= _height(lines)
        _row(drawing, item, lines, axis, top + _height(lines) / 2)
    drawing.add(Line(axis, 0, axis, total, strokeColor=colors.black, strokeWidth=0.8))
    return drawing


def _row(drawing: Drawing, item: Bar, lines: list[str], axis: float, middle: float) -> None:
    first = middle + (len(lines) - 1) * LINE / 2 - LABEL_SIZE * 0.35
    for index, line in enumerate(lines):
        drawing.add(String(axis - GAP, first - index * LINE, line, fontName=fonts.REGULAR,
                           fontSize=LABEL_SIZE, textAnchor="end", fillColor=colors.black))
    value_at = axis + 3
    if item.length is not None and item.length > 0:
        # Set after construction: the stubs type Rect's **kw wrongly (no Unpack).
        bar = Rect(axis, middle - BAR / 2, item.length, BAR)
        bar.fillColor, bar.strokeColor, bar.strokeWidth = DARK, None, 0
        drawing.add(bar)
        value_at = axis + item.length + 3
    drawing.add(String(value_at, middle - VALUE_SIZE * 0.35, item.shown, fontName=fonts.BOLD,
                       fontSize=VALUE_SIZE, fillColor=colors.black))
