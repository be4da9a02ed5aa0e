"""pytest-qt setup: offscreen by default (``--onscreen`` to watch), and a thread-leak guard."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest

from PySide6.QtCore import QThreadPool


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show widgets on a real screen")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = ""


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """A test that leaves pool work running fails here, by name, not in the next test."""
    yield
    assert QThreadPool.globalInstance().waitForDone(2000), "a QRunnable is still running"
