"""Translation helpers. The UI is Indonesian-only: Indonesian source strings through ``tr()``.

``QT_TRANSLATE_NOOP`` is redefined with a ``str`` return type (PySide6's stub returns
``object``); pyside6-lupdate finds it by name, so extraction still works when a second
language is ever added.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QLocale


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    del context
    return source


def label_text(value: Enum) -> str:
    """The Indonesian name of a coded value, through Qt's translation hook."""
    # Imported at the first label shown: every coded value's name, which the unlock window
    # has none of (start-up, ``make bench``).
    from app.domain.labels import label

    return QCoreApplication.translate("labels", label(value))


def indonesian() -> QLocale:
    """Formatting locale: always Indonesian, never the PC's own (STYLE.md §7)."""
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
