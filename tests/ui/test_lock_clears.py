"""Locking leaves no case data in any widget (SECURITY.md S9, issue 3 "Always true")."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QPlainTextEdit

from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from ui.backend import Backend
from ui.context import PageName
from ui.pages.case_detail import CaseDetailPage
from ui.shell import Shell
from ui.workers import ImmediateRunner

NAME = "Ratna Kusumawardani"
CHRONOLOGY = "Kejadian unik zebra kuning di ruang arsip"


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # list models hide columnCount: they have one column
        return 1


def _model_texts(model: QAbstractItemModel) -> list[str]:
    return [str(model.index(row, column).data())
            for row in range(model.rowCount(QModelIndex())) for column in range(_columns(model))]


def visible_texts() -> str:
    """Every text any live widget of the application holds."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, (QLabel, QLineEdit)):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model())
    return "\n".join(texts)


def _case_on_screen(shell: Shell, vault: Vault) -> None:
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        intake = helpers.minimal_intake(name=NAME)
        intake = type(intake)(**{**intake.__dict__, "incident": type(intake.incident)(
            chronology=CHRONOLOGY, tpks_types=intake.incident.tpks_types)})
        case_id = session.cases.create(intake).id
    unlock(shell)
    open_workspace(shell).open_case(case_id)
    page = open_workspace(shell).page(PageName.DETAIL_KASUS)
    assert isinstance(page, CaseDetailPage)
    page.identity.set_revealed(True)
    assert NAME in visible_texts() and CHRONOLOGY in visible_texts()


def test_idle_auto_lock_clears_every_case_widget(qtbot: QtBot, ready_vault: Vault) -> None:
    window = Shell(ready_vault, ImmediateRunner(Backend(ready_vault)), idle_ms=300)
    qtbot.addWidget(window)
    window.show()
    _case_on_screen(window, ready_vault)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5000)
    texts = visible_texts()
    assert NAME not in texts and CHRONOLOGY not in texts
    assert window.windowTitle() == "Posko PPKS"
    unlock(window, password="bukan kata sandinya ya")
    assert window.workspace is None, "the password is needed again"
    window.close()


def test_quick_hide_clears_at_once(shell: Shell, ready_vault: Vault) -> None:
    _case_on_screen(shell, ready_vault)
    QTest.keyClick(shell, Qt.Key.Key_F12)
    texts = visible_texts()
    assert shell.workspace is None and NAME not in texts and CHRONOLOGY not in texts
