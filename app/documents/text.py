"""Turning any text a user can type into safe paragraph markup.

Names with diacritics render with the embedded font; characters it has no glyph for (emoji
pasted from WhatsApp, rare scripts) are replaced visibly with "□" instead of crashing or
silently vanishing. Markup characters are escaped, so a name like "<b>" prints as typed.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from app.documents.fonts import has_glyph

MISSING = "□"
NOTHING = "—"
_INVISIBLE = frozenset({"Cf", "Cc", "Cs", "Co", "Cn"})  # joiners, selectors, controls


def printable(text: str | None) -> str:
    """The text with every character the font cannot draw replaced by ``□``."""
    if not text:
        return ""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char == "\n":
            out.append(char)
        elif unicodedata.category(char) in _INVISIBLE:
            continue
        elif char.isspace():
            out.append(" ")
        else:
            out.append(char if has_glyph(char) else MISSING)
    return "".join(out)


def markup(text: str | None, empty: str = NOTHING) -> str:
    """Paragraph markup for user text: escaped, unprintables replaced, line breaks kept."""
    clean = printable(text).strip()
    if not clean:
        return escape(empty)
    return escape(clean).replace("\n", "<br/>")
