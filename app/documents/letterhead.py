"""The kop surat: logo, institution names in capitals, address and contacts, a double rule.

Drawn on the first page only (tata naskah dinas). All of it comes from the office settings;
the logo is the office's own artwork, stored in the vault.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.documents import fonts
from app.documents.text import printable
from app.domain.settings import Institution

HEIGHT = 40 * mm
LOGO = 24 * mm


def _contact_line(institution: Institution) -> str:
    parts = [f"Telp. {institution.phone}" if institution.phone else "",
             f"Surel {institution.email}" if institution.email else ""]
    return " · ".join(part for part in parts if part)


MAX_LINES = 2


def _fitted(text: str, font: str, size: float, width: float) -> list[str]:
    """At most two lines that fit the width; an overlong rest ends in "…"."""
    if not text:
        return []
    lines: list[str] = simpleSplit(text, font, size, width)
    if len(lines) > MAX_LINES:
        last = lines[MAX_LINES - 1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines = [*lines[:MAX_LINES - 1], last + "…"]
    return lines


def draw(canvas: Canvas, institution: Institution, logo: bytes | None, left: float,
         top: float, width: float) -> float:
    """Draw the kop with its top at ``top``; returns the height it takes."""
    text_left, text_width = left, width
    if logo:
        image = ImageReader(io.BytesIO(logo))
        canvas.drawImage(image, left, top - LOGO, LOGO, LOGO, preserveAspectRatio=True,
                         mask="auto")
        text_left, text_width = left + LOGO + 4 * mm, width - LOGO - 4 * mm
    centre = text_left + text_width / 2
    lines = [(fonts.BOLD, 13, printable(institution.parent_name).upper()),
             (fonts.BOLD, 14, printable(institution.name).upper()),
             (fonts.REGULAR, 10, printable(institution.address or "")),
             (fonts.REGULAR, 10, printable(_contact_line(institution)))]
    y = top - 5 * mm
    for font, size, text in lines:
        for part in _fitted(text, font, size, text_width):
            canvas.setFont(font, size)
            canvas.drawCentredString(centre, y, part)
            y -= size + 3
    rule = top - HEIGHT + 4 * mm
    canvas.setLineWidth(2)
    canvas.line(left, rule, left + width, rule)
    canvas.setLineWidth(0.6)
    canvas.line(left, rule - 2.2, left + width, rule - 2.2)
    return HEIGHT
