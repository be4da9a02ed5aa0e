"""Paragraph styles for every document: Liberation Sans 12 pt like an office letter."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from app.documents import fonts

# Paragraph styles resolve their font family when a paragraph is made: register first.
fonts.register()

BODY_SIZE = 12
LEADING = 15


def _style(name: str, **changes: object) -> ParagraphStyle:
    base = {"fontName": fonts.REGULAR, "fontSize": BODY_SIZE, "leading": LEADING,
            "alignment": TA_LEFT, "bulletFontName": fonts.REGULAR, "spaceAfter": 0}
    return ParagraphStyle(name, **{**base, **changes})  # type: ignore[arg-type]


BODY = _style("body", alignment=TA_JUSTIFY, spaceAfter=6)
PLAIN = _style("plain")
PLAIN_BOLD = _style("plain_bold", fontName=fonts.BOLD)
SMALL = _style("small", fontSize=9, leading=11)
CELL = _style("cell", fontSize=10, leading=12)
CELL_BOLD = _style("cell_bold", fontName=fonts.BOLD, fontSize=10, leading=12)
TITLE = _style("title", fontName=fonts.BOLD, fontSize=13, leading=17, alignment=TA_CENTER,
               spaceAfter=4)
SUBTITLE = _style("subtitle", alignment=TA_CENTER, spaceAfter=10)
HEADING = _style("heading", fontName=fonts.BOLD, spaceBefore=8, spaceAfter=4)
RIGHT = _style("right", alignment=TA_RIGHT)
CENTER = _style("center", alignment=TA_CENTER)
INDENTED = _style("indented", alignment=TA_JUSTIFY, firstLineIndent=36, spaceAfter=6)
