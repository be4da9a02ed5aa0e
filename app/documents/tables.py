"""Tables that never leak Helvetica: reportlab's table style defaults to it for every cell.

Always build tables through :func:`table`; it sets the embedded family first, left-aligns the
table (reportlab centres by default) and wraps plain strings in paragraphs so values wrap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.documents import fonts, styles
from app.documents.text import markup

Cell = str | Flowable | None
GRID = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
HEADER = [("BACKGROUND", (0, 0), (-1, 0), "#E8ECF1")]
PLAIN_CELLS = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]


def cell(value: Cell, bold: bool = False) -> Flowable | str:
    """User text as a wrapping paragraph (escaped, unprintables replaced).

    ``None`` is an unknown value and prints "—"; ``""`` is a deliberately empty cell.
    """
    if value == "":
        return Spacer(0, 0)
    if value is None or isinstance(value, str):
        return Paragraph(markup(value), styles.CELL_BOLD if bold else styles.CELL)
    return value


def table(rows: Sequence[Sequence[Cell]], widths: Sequence[float],
          commands: Sequence[tuple[Any, ...]] = (), header: bool = False,
          repeat_header: bool = False) -> Table:
    """A left-aligned table in the embedded font; strings become paragraphs."""
    data = [[cell(value, bold=header and index == 0) for value in row]
            for index, row in enumerate(rows)]
    built = Table(data, colWidths=list(widths), hAlign="LEFT",
                  repeatRows=1 if repeat_header else 0)
    built.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                               *(HEADER if header else []), *commands]))
    return built
