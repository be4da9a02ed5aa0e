"""The clipboard is a leak channel (SECURITY.md §5): copy through here, clear what we put there."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

_ours: set[str] = set()


def _digest(text: str) -> str:
    import hashlib  # OpenSSL's hashlib: not before the first window (start-up, ``make bench``)

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    _ours.add(_digest(text))


def clear_if_ours() -> None:
    """On lock and exit: empty the clipboard only if it still holds something we copied."""
    clipboard = QGuiApplication.clipboard()
    if _digest(clipboard.text()) in _ours:
        clipboard.clear()
    _ours.clear()
