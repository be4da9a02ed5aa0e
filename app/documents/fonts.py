"""Liberation Sans (metric-compatible with Arial, SIL OFL) registered and embedded.

Offices write letters in Arial 12, which cannot be shipped; Liberation Sans has the same
metrics, so lines break where they would in Arial. The four faces are registered as one family
so ``<b>`` and ``<i>`` work inside paragraphs, and every document uses them only: no
non-embedded Helvetica may leak into a PDF.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import resource_path

FAMILY = "LiberationSans"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic",
                                      f"{FAMILY}-BoldItalic")
_FILES = {REGULAR: "LiberationSans-Regular.ttf", BOLD: "LiberationSans-Bold.ttf",
          ITALIC: "LiberationSans-Italic.ttf", BOLD_ITALIC: "LiberationSans-BoldItalic.ttf"}
_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the family once per process (safe from any thread)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                      boldItalic=BOLD_ITALIC)
        _registered = True


def has_glyph(char: str, font: str = REGULAR) -> bool:
    """Whether the font can draw ``char`` (emoji and rare scripts usually cannot)."""
    register()
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]  # TTFont's face
    return ord(char) in face.charToGlyph
