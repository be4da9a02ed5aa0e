"""An unexpected error: a calm Indonesian dialog and a log line, neither holding case data."""

from __future__ import annotations

import logging
import sys

import pytest

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ui import crash

SECRET = "Siti Aminah 3316015705900001"


def _raise_with_case_data() -> None:
    raise KeyError(SECRET)


def test_details_and_log_hold_no_message_text(qapp: QApplication,
                                              monkeypatch: pytest.MonkeyPatch,
                                              caplog: pytest.LogCaptureFixture) -> None:
    shown: list[str] = []
    monkeypatch.setattr(crash.ErrorDialog, "launch", classmethod(
        lambda cls, details: shown.append(details)))
    try:
        _raise_with_case_data()
    except KeyError:
        kind, error, tb = sys.exc_info()
        assert kind is not None and error is not None
        with caplog.at_level(logging.ERROR):
            crash.handle_exception(kind, error, tb)
    [details] = shown
    assert "builtins.KeyError" in details and "_raise_with_case_data" in details
    assert SECRET not in details and SECRET not in caplog.text
    assert "Siti" not in caplog.text


def test_the_dialog_is_indonesian_and_copies_its_details(qapp: QApplication) -> None:
    dialog = crash.ErrorDialog("builtins.KeyError\n  x.py:1 in f")
    assert dialog.text().startswith("Terjadi kesalahan tak terduga.")
    labels = [button.text() for button in dialog.buttons()]
    assert "Salin detail" in labels and "Tutup" in labels
    copy = next(b for b in dialog.buttons() if b.text() == "Salin detail")
    copy.click()
    assert QGuiApplication.clipboard().text() == "builtins.KeyError\n  x.py:1 in f"
    dialog.deleteLater()
