"""Hak subjek data on the case detail page: the koordinator's only; the access report opens
for printing, corrected fields show their earlier values, and an erasure on request removes the
case (berita acara, back to Daftar Kasus)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QPushButton

from app.domain.enums import CaseStatus
from app.errors import NotFound
from app.services.session import Session
from tests import helpers, pdf_checks
from tests.ui.conftest import check_model, open_workspace
from tests.ui.printing_support import Previews, loaded
from tests.ui.test_case_detail_support import (
    Dialogs,
    detail_shell,
    new_case,
    officer,
    open_case,
    prepare,
)
from ui.context import PageName
from ui.data_protection.corrections_dialog import CorrectionsDialog
from ui.data_protection.erase_dialog import EraseDialog
from ui.data_protection.models import CorrectionModel
from ui.data_protection.subject_rights import SubjectRightsMenu
from ui.pages.case_detail import CaseDetailPage
from ui.pages.case_list import CaseListPage
from ui.shell import Shell

OLD_CHRONOLOGY = "Korban menerima pesan tidak pantas."


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    yield from detail_shell(qtbot, tmp_path)


class MenuChoice:
    """Chooses a "Hak subjek data" entry by its text and keeps the entries offered."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.text = ""
        self.offered: list[list[str]] = []
        monkeypatch.setattr(SubjectRightsMenu, "choose", staticmethod(self._choose))

    def _choose(self, menu: QMenu, at: QPoint) -> QAction | None:
        del at
        self.offered.append([a.text() for a in menu.actions() if not a.isSeparator()])
        return next(a for a in menu.actions() if a.text() == self.text)

    def pick(self, page: CaseDetailPage, text: str) -> None:
        self.text = text
        assert page.rights_button is not None and page.rights_button.isEnabled()
        page.rights_button.click()


def page_view(page: CaseDetailPage) -> object | None:
    # Read afresh: mypy keeps the earlier `is not None` narrowing on the attribute.
    return page.view


def corrected_case(session: Session) -> int:
    """A received case whose chronology and victim name were corrected afterwards."""
    case_id = new_case(session)
    before = session.cases.get(case_id).intake
    session.cases.update(case_id, dataclasses.replace(
        before, incident=dataclasses.replace(before.incident, chronology="Kronologi baru."),
        victim=dataclasses.replace(before.victim, full_name="Siti Aminah Putri")))
    return case_id


def test_petugas_have_no_subject_rights_entry(shell: Shell) -> None:
    case_id = prepare(shell, new_case)
    prepare(shell, lambda s: s.cases.assign(case_id, officer(s, helpers.PETUGAS)))
    page = open_case(shell, case_id, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)
    assert page.view is not None  # the case itself is open to her
    assert page.rights_button is None
    assert not [b for b in page.findChildren(QPushButton) if "subjek" in b.text()]


def test_the_access_report_opens_for_printing(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_case(shell, prepare(shell, new_case))
    assert page.view is not None
    code = page.view.case.code
    menu = MenuChoice(monkeypatch)
    previews = Previews(monkeypatch)
    menu.pick(page, "Laporan akses data (UU PDP)")
    assert menu.offered[0] == ["Laporan akses data (UU PDP)", "Riwayat koreksi",
                               "Hapus atas permintaan subjek…"]
    preview = previews.last()
    assert preview.windowTitle() == f"Pratinjau — Laporan Akses Data Pribadi — {code}"
    loaded(preview)
    assert preview.rendered is not None and code in pdf_checks.text_of(preview.rendered.pdf)


def test_correction_history_shows_the_earlier_values(
        shell: Shell, monkeypatch: pytest.MonkeyPatch, qtmodeltester: object) -> None:
    page = open_case(shell, prepare(shell, corrected_case))
    shown: list[CorrectionsDialog] = []
    monkeypatch.setattr(CorrectionsDialog, "launch", staticmethod(shown.append))
    MenuChoice(monkeypatch).pick(page, "Riwayat koreksi")
    dialog = shown[0]
    model = dialog.model
    check_model(qtmodeltester, model)
    rows = {str(model.data(model.index(r, CorrectionModel.FIELD))):
            str(model.data(model.index(r, CorrectionModel.OLD))) for r in range(model.rowCount())}
    assert rows == {"Kejadian: Kronologi": OLD_CHRONOLOGY, "Korban: Nama": "S*** A***"}
    assert model.data(model.index(0, CorrectionModel.OFFICER)) == "Koordinator Posko"
    assert not dialog.empty_label.isVisibleTo(dialog)
    dialog.reveal_button.click()
    revealed = [str(model.data(model.index(r, CorrectionModel.OLD)))
                for r in range(model.rowCount())]
    assert "Siti Aminah" in revealed
    assert "Kronologi baru." not in revealed  # the current value is on the case itself


def test_erase_on_request_removes_the_case_and_shows_the_list(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = prepare(shell, lambda s: new_case(s, CaseStatus.DITERIMA))
    page = open_case(shell, case_id)
    assert page.view is not None
    code = page.view.case.code
    dialogs = Dialogs(monkeypatch)

    def answer(dialog: EraseDialog) -> None:
        QTest.keyClicks(dialog.typed.edit, "hapus")
        assert not dialog.save_button.isEnabled()
        dialog.typed.edit.clear()
        QTest.keyClicks(dialog.typed.edit, "HAPUS")
        dialog.save_button.click()  # no reason yet
        assert dialog.field_error("reason") == "Wajib diisi."
        QTest.keyClicks(dialog.reason, "Korban meminta datanya dihapus (surat 5 Mar).")
        dialog.save_button.click()

    dialogs.on(EraseDialog, answer)
    previews = Previews(monkeypatch)
    MenuChoice(monkeypatch).pick(page, "Hapus atas permintaan subjek…")
    workspace = open_workspace(shell)
    assert workspace.current is PageName.DAFTAR_KASUS
    listed = workspace.page(PageName.DAFTAR_KASUS)
    assert isinstance(listed, CaseListPage)
    assert code not in {listed.model.summary(r).code for r in range(listed.model.rowCount())}
    assert page.case_id is None
    assert page_view(page) is None
    preview = previews.last()
    assert preview.windowTitle() == "Pratinjau — Berita Acara Pemusnahan"
    loaded(preview)
    assert preview.rendered is not None and code in pdf_checks.text_of(preview.rendered.pdf)
    with pytest.raises(NotFound):
        prepare(shell, lambda s: s.cases.get(case_id))
    record = prepare(shell, lambda s: s.retention.destroyed())[0]
    assert (record.code, record.reason) == (code, "Korban meminta datanya dihapus (surat 5 Mar).")


def test_cancelling_the_erasure_keeps_the_case(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = prepare(shell, new_case)
    page = open_case(shell, case_id)
    dialogs = Dialogs(monkeypatch)

    def give_up(dialog: EraseDialog) -> None:
        QTest.keyClicks(dialog.reason, "alasan")
        dialog.cancel_button.click()

    dialogs.on(EraseDialog, give_up)
    MenuChoice(monkeypatch).pick(page, "Hapus atas permintaan subjek…")
    assert open_workspace(shell).current is PageName.DETAIL_KASUS
    assert page.view is not None and page.view.case.id == case_id
    assert prepare(shell, lambda s: s.retention.destroyed()) == []
