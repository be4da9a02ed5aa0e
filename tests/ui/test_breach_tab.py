"""Insiden kebocoran data: a breach recorded through the dialog is listed with its 3×24-hour
deadline counting down, can be marked notified, and its notice letter opens for printing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate, QTime
from PySide6.QtTest import QTest

from app.services.breaches import Breach, BreachInput
from tests import pdf_checks
from tests.ui.conftest import check_model, open_workspace
from tests.ui.printing_support import Previews, loaded
from tests.ui.test_case_detail_support import (
    Confirmations,
    Dialogs,
    clock,
    detail_shell,
    prepare,
)
from ui.context import PageName
from ui.data_protection.breach_dialog import BreachDialog
from ui.data_protection.breach_tab import BreachTab
from ui.data_protection.models import BreachModel
from ui.data_protection.texts import countdown
from ui.pages.data import DataPage
from ui.shell import Shell

#: The test clock starts at 09:00 WIB on Monday 2 March 2026.
DESCRIPTION = "Laptop posko hilang dari ruang sekretariat."


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    yield from detail_shell(qtbot, tmp_path)


def breach_tab(shell: Shell) -> BreachTab:
    prepare(shell, lambda s: s)  # unlock as the koordinator
    workspace = open_workspace(shell)
    workspace.show_page(PageName.DATA, tab="insiden")
    page = workspace.page(PageName.DATA)
    assert isinstance(page, DataPage)
    return page.breaches


def fill(dialog: BreachDialog, day: QDate, description: str) -> None:
    """Discovered at 20:00 on ``day``; every other answer filled."""
    dialog.discovered_date.setDate(day)
    dialog.discovered_time.setTime(QTime(20, 0))
    dialog.description.clear()
    QTest.keyClicks(dialog.description, description)
    QTest.keyClicks(dialog.data_affected, "Nama dan nomor telepon korban")
    QTest.keyClicks(dialog.how, "Tas berisi laptop tertinggal di angkutan umum")
    dialog.subjects.setValue(12)
    QTest.keyClicks(dialog.handling, "Kata sandi diganti; kunci data dirotasi")


def shown(model: BreachModel, column: int, row: int = 0) -> str:
    return str(model.data(model.index(row, column)))


def test_a_recorded_breach_is_listed_with_its_deadline_counting_down(
        shell: Shell, monkeypatch: pytest.MonkeyPatch, qtmodeltester: object) -> None:
    tab = breach_tab(shell)
    assert tab.model.rowCount() == 0 and tab.empty_label.isVisibleTo(tab)
    dialogs = Dialogs(monkeypatch)

    def record(dialog: BreachDialog) -> None:
        fill(dialog, QDate(2026, 3, 1), DESCRIPTION)
        dialog.save_button.click()

    dialogs.on(BreachDialog, record)
    tab.record_button.click()
    dialog = dialogs.last(BreachDialog)
    assert dialog.changed and dialog.breach_id is not None
    check_model(qtmodeltester, tab.model)
    assert tab.model.rowCount() == 1 and not tab.empty_label.isVisibleTo(tab)
    assert shown(tab.model, BreachModel.FOUND) == "1 Mar 2026 20.00 WIB"
    assert shown(tab.model, BreachModel.DUE) == "4 Mar 2026 20.00 WIB"
    assert shown(tab.model, BreachModel.REMAINING) == "sisa 59 jam"
    assert shown(tab.model, BreachModel.NOTIFIED) == "Belum"
    assert shown(tab.model, BreachModel.DESCRIPTION) == DESCRIPTION
    stored = prepare(shell, lambda s: s.breaches.get(dialog.breach_id or 0)).breach
    assert stored.subjects_estimate == 12 and stored.contact is None
    assert stored.discovered_at == datetime(2026, 3, 1, 13, 0, tzinfo=UTC)
    clock(shell).advance(timedelta(hours=64))
    tab.model.set_now(clock(shell).now())  # what the minute timer does
    assert shown(tab.model, BreachModel.REMAINING) == "terlambat 5 jam"


def test_the_dialog_keeps_what_was_typed_and_shows_why_it_cannot_save(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = breach_tab(shell)
    dialogs = Dialogs(monkeypatch)

    def answer(dialog: BreachDialog) -> None:
        dialog.save_button.click()  # nothing described yet
        assert dialog.field_error("description") == "Wajib diisi."
        fill(dialog, QDate(2026, 3, 3), DESCRIPTION)  # tomorrow: not discovered yet
        dialog.save_button.click()
        assert dialog.field_error("discovered_at") == "Tanggal di luar rentang yang masuk akal."
        assert dialog.description.toPlainText() == DESCRIPTION
        dialog.subjects.setValue(dialog.subjects.minimum())
        assert dialog.subjects.text() == "Belum diketahui"
        assert dialog.breach().subjects_estimate is None

    dialogs.on(BreachDialog, answer)
    tab.record_button.click()
    assert not dialogs.last(BreachDialog).changed
    assert tab.model.rowCount() == 0
    assert prepare(shell, lambda s: s.breaches.all()) == []


def test_mark_notified_and_print_the_notice(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    breach_id = prepare(shell, lambda s: s.breaches.record(BreachInput(
        discovered_at=datetime(2026, 3, 2, 0, 0, tzinfo=UTC), description=DESCRIPTION)))
    tab = breach_tab(shell)
    assert not tab.notice_button.isEnabled() and not tab.notified_button.isEnabled()
    tab.view.select_row(0)
    assert tab.notice_button.isEnabled() and tab.notified_button.isEnabled()
    previews = Previews(monkeypatch)
    tab.notice_button.click()
    preview = previews.last()
    assert preview.windowTitle() == ("Pratinjau — Surat Pemberitahuan Kegagalan Pelindungan "
                                     "Data Pribadi")
    loaded(preview)
    assert preview.rendered is not None
    assert "Laptop posko hilang" in pdf_checks.text_of(preview.rendered.pdf)
    questions = Confirmations(monkeypatch)
    tab.notified_button.click()
    assert len(questions.texts) == 1
    notified = prepare(shell, lambda s: s.breaches.get(breach_id)).notified_at
    assert notified == clock(shell).now()
    assert shown(tab.model, BreachModel.NOTIFIED) == "2 Mar 2026 09.00 WIB"
    assert shown(tab.model, BreachModel.REMAINING) == "—"
    tab.view.select_row(0)
    assert not tab.notified_button.isEnabled() and tab.notice_button.isEnabled()


def test_countdown_words() -> None:
    due = datetime(2026, 3, 4, 13, 0, tzinfo=UTC)
    for hours, text in ((31.5, "sisa 31 jam"), (0.5, "sisa kurang dari 1 jam"),
                        (0, "sisa kurang dari 1 jam"), (-0.2, "terlambat kurang dari 1 jam"),
                        (-5.9, "terlambat 5 jam")):
        assert countdown(due, due - timedelta(hours=hours)) == text


def test_breach_model_marks_only_overdue_unnotified_rows(qtmodeltester: object) -> None:
    now = datetime(2026, 3, 10, tzinfo=UTC)
    late = Breach(1, BreachInput(now - timedelta(days=4), "a\nb"), now, 1, None)
    done = Breach(2, BreachInput(now - timedelta(days=4), "x" * 90), now, 1, now)
    model = BreachModel()
    model.now = now
    model.set_rows([late, done])
    check_model(qtmodeltester, model)
    assert model.color(late, BreachModel.REMAINING) is not None
    assert model.color(done, BreachModel.REMAINING) is None
    assert shown(model, BreachModel.DESCRIPTION) == "a…"
    assert shown(model, BreachModel.DESCRIPTION, 1) == "x" * 80 + "…"
