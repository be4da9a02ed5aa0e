"""Files shipped with the app (fonts, images) — from the source tree or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A path under ``resources/``; inside a frozen app the bundle root is ``sys._MEIPASS``."""
    root = Path(getattr(sys, "_MEIPASS", _SOURCE_ROOT))
    return root.joinpath("resources", *parts)
