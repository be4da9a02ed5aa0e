"""Pemusnahan: cases past the retention period are destroyed only after the typed word, then
they are gone from Daftar Kasus and from search, and the berita acara opens for printing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.domain.enums import CaseStatus
from app.services.session import Session
from tests import helpers, pdf_checks
from tests.ui.conftest import check_model, open_workspace
from tests.ui.printing_support import Previews, loaded
from tests.ui.test_case_detail_support import clock, detail_shell, new_case, prepare
from ui.context import PageName
from ui.data_protection.dialogs import TypedConfirmDialog
from ui.data_protection.models import EligibleModel
from ui.data_protection.retention_tab import RetentionTab
from ui.pages.case_list import CaseListPage
from ui.pages.data import DataPage
from ui.shell import Shell

#: Five years (the default retention) and a little more after the cases were closed.
PAST_RETENTION = timedelta(days=5 * 366 + 2)


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    yield from detail_shell(qtbot, tmp_path)


def closed_cases(session: Session) -> dict[str, int]:
    """Two closed cases (victims "Kirana" and "Larasati") and one still open ("Melati")."""
    found = {}
    for name, status in (("Kirana Wulandari", CaseStatus.DITUTUP),
                         ("Larasati Putri", CaseStatus.DIARSIPKAN),
                         ("Melati Sari", CaseStatus.ASESMEN)):
        found[name.split()[0]] = new_case(session, status, helpers.minimal_intake(name=name))
    return found


def retention_tab(shell: Shell) -> RetentionTab:
    workspace = open_workspace(shell)
    workspace.show_page(PageName.DATA, tab="pemusnahan")
    page = workspace.page(PageName.DATA)
    assert isinstance(page, DataPage)
    return page.retention


def codes(model: EligibleModel) -> list[str]:
    return [row.code for row in model.rows()]


def tick(model: EligibleModel, code: str) -> None:
    row = codes(model).index(code)
    assert model.setData(model.index(row, EligibleModel.CODE), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)


class Confirmer:
    """Answers the typed confirmation by typing ``word`` and pressing Musnahkan."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, word: str) -> None:
        self.word = word
        self.enabled: list[bool] = []
        self.texts: list[str] = []
        monkeypatch.setattr(TypedConfirmDialog, "launch", staticmethod(self._launch))

    def _launch(self, dialog: TypedConfirmDialog) -> bool:
        self.texts.append(dialog.explanation.text())
        QTest.keyClicks(dialog.typed.edit, self.word)
        self.enabled.append(dialog.action_button.isEnabled())
        dialog.action_button.click()
        return dialog.result() == TypedConfirmDialog.DialogCode.Accepted


def search(shell: Shell, text: str) -> int:
    """Rows Daftar Kasus shows for a full-text search."""
    workspace = open_workspace(shell)
    workspace.show_page(PageName.DAFTAR_KASUS)
    page = workspace.page(PageName.DAFTAR_KASUS)
    assert isinstance(page, CaseListPage)
    page.search_box.setText(text)
    page.apply_search()
    return page.proxy.rowCount()


def test_destroying_waits_for_the_typed_word_then_the_case_is_gone(
        shell: Shell, monkeypatch: pytest.MonkeyPatch, qtmodeltester: object) -> None:
    cases = prepare(shell, closed_cases)
    clock(shell).advance(PAST_RETENTION)
    tab = retention_tab(shell)
    check_model(qtmodeltester, tab.cases)
    kirana = prepare(shell, lambda s: s.cases.get(cases["Kirana"]).code)
    assert len(tab.cases.rows()) == 2 and kirana in codes(tab.cases)  # not the open case
    assert not tab.destroy_button.isEnabled()
    tick(tab.cases, kirana)
    assert tab.destroy_button.isEnabled()
    wrong = Confirmer(monkeypatch, "musnahkan")
    tab.destroy_button.click()
    assert wrong.enabled == [False] and kirana in wrong.texts[0]
    assert "TIDAK DAPAT" in wrong.texts[0] and "Cadangan" in wrong.texts[0]
    assert kirana in codes(tab.cases) and search(shell, "Kirana") == 1
    tab = retention_tab(shell)
    tick(tab.cases, kirana)
    previews = Previews(monkeypatch)
    right = Confirmer(monkeypatch, "MUSNAHKAN")
    tab.destroy_button.click()
    assert right.enabled == [True]
    preview = previews.last()
    assert preview.windowTitle() == "Pratinjau — Berita Acara Pemusnahan"
    loaded(preview)
    assert preview.rendered is not None and kirana in pdf_checks.text_of(preview.rendered.pdf)
    assert len(codes(tab.cases)) == 1 and kirana not in codes(tab.cases)
    assert [row.code for row in tab.history.rows()] == [kirana]
    assert "1 kasus sudah dimusnahkan" in tab.status_label.text()
    assert search(shell, "Kirana") == 0 and search(shell, "Larasati") == 1
    listed = open_workspace(shell).page(PageName.DAFTAR_KASUS)
    assert isinstance(listed, CaseListPage)
    listed.search_box.clear()
    assert kirana not in {listed.model.summary(r).code for r in range(listed.model.rowCount())}


def test_before_the_period_ends_nothing_is_offered(shell: Shell) -> None:
    prepare(shell, closed_cases)
    clock(shell).advance(timedelta(days=365))
    tab = retention_tab(shell)
    assert tab.cases.rowCount() == 0
    assert tab.empty_label.isVisibleTo(tab)
    assert tab.empty_label.text() == "Belum ada kasus yang melewati masa retensi."
    tab.select_all_button.click()
    assert not tab.destroy_button.isEnabled()
    assert "5 tahun setelah ditutup" in tab.period_label.text()
    assert "Pasal 43 dan 44" in tab.period_label.text()  # the legal basis from Pengaturan
    tab.settings_button.click()
    assert open_workspace(shell).current is PageName.PENGATURAN


def test_the_berita_acara_can_be_printed_again_for_the_whole_destruction(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    prepare(shell, closed_cases)
    clock(shell).advance(PAST_RETENTION)
    tab = retention_tab(shell)
    expected = set(codes(tab.cases))
    tab.select_all_button.click()
    previews = Previews(monkeypatch)
    Confirmer(monkeypatch, " MUSNAHKAN ")  # spaces around the word are forgiven
    tab.destroy_button.click()
    assert len(previews.dialogs) == 1 and tab.cases.rowCount() == 0
    assert {row.code for row in tab.history.rows()} == expected
    assert not tab.reprint_button.isEnabled()
    tab.history_view.select_row(1)
    assert tab.reprint_button.isEnabled()
    tab.reprint_button.click()
    assert len(previews.dialogs) == 2
    reprint = previews.last()
    loaded(reprint)
    assert reprint.rendered is not None
    text = pdf_checks.text_of(reprint.rendered.pdf)
    assert all(code in text for code in expected)


def test_old_backups_are_named_as_still_holding_destroyed_data(
        shell: Shell, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    record = prepare(shell, lambda s: s.backups.create(usb))
    tab = retention_tab(shell)
    assert not tab.backups_label.isVisibleTo(tab)
    clock(shell).advance(PAST_RETENTION)
    tab.activate()
    assert tab.backups_label.isVisibleTo(tab)
    assert record.file_name in tab.backups_label.text()
    assert "Pemusnahan baru tuntas" in tab.backups_label.text()


def test_the_typed_confirmation_never_goes_ahead_on_enter_or_a_wrong_word(qtbot: QtBot) -> None:
    dialog = TypedConfirmDialog("Musnahkan", "Penjelasan", "MUSNAHKAN", "Musnahkan")
    qtbot.addWidget(dialog)
    dialog.show()
    for typed, enabled in (("MUSNAH", False), ("MUSNAHKAN!", False), ("Musnahkan", False),
                           ("MUSNAHKAN", True)):
        dialog.typed.edit.setText(typed)
        assert dialog.action_button.isEnabled() is enabled, typed
    QTest.keyClick(dialog.typed.edit, Qt.Key.Key_Return)
    assert dialog.result() == TypedConfirmDialog.DialogCode.Rejected  # Enter is Batal
