"""Posko PPKS desktop app (PySide6). Talks to the core only through ``app.services``."""
