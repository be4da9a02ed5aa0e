"""The core never imports Qt or the UI (STYLE.md §1); import-linter checks the same in lint.

This AST walk is the zero-dependency backstop: it also covers tests/core, which must run
without a QApplication.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"PySide6", "shiboken6", "ui"}


def _python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_the_walk_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import Qt\n", encoding="utf-8")
    assert _imported_roots(sample) == {"os", "PySide6"}


@pytest.mark.parametrize("path", _python_files("app", "tests/core"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_core_file_is_qt_free(path: Path) -> None:
    assert not (_imported_roots(path) & FORBIDDEN)
