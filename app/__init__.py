"""Posko PPKS core: everything except the windows.

Never imports Qt (tests/core/test_layering.py and import-linter enforce it).
"""

__version__ = "0.1.0"
