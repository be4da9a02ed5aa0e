"""Laporan → "Cetak rekap" previews the recap of the chosen period; the recovery-code sheet
is previewed and printed the same way, without "Simpan PDF"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.enums import PaperSize
from app.domain.settings import Institution
from app.services.documents import DocumentKind
from tests import pdf_checks
from tests.ui.conftest import open_workspace
from tests.ui.printing_support import PaperAnswers, Previews, Printers, loaded
from tests.ui.test_case_detail_support import detail_shell, prepare
from ui.context import PageName
from ui.pages.reports import ReportsPage
from ui.printing.preview_dialog import PreviewDialog
from ui.shell import Shell
from ui.users.recovery_code_dialog import NewRecoveryCodeDialog

CODE = "000011-000022-000033-000044-000055-000066-000077-000088"


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    yield from detail_shell(qtbot, tmp_path)


def test_cetak_rekap_previews_the_chosen_period(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    session = prepare(shell, lambda s: s)
    workspace = open_workspace(shell)
    workspace.show_page(PageName.LAPORAN)
    page = workspace.page(PageName.LAPORAN)
    assert isinstance(page, ReportsPage)
    page.month_combo.setCurrentIndex(page.month_combo.findData(2))
    year = int(page.year_combo.currentData())
    previews = Previews(monkeypatch)
    page.print_button.click()
    dialog = previews.last()
    rendered = dialog.rendered
    assert rendered is not None and rendered.kind is DocumentKind.REKAP_STATISTIK
    assert rendered.file_stem == f"rekap-{year}-02-01-{year}-02-28"
    assert loaded(dialog).pageCount() == pdf_checks.page_count(rendered.pdf)
    assert dialog.windowTitle() == "Pratinjau — Rekap Statistik"
    assert not dialog.save_button.isHidden()
    newest = session.ctx.audit.entries(limit=1)[0]
    assert (newest.action, newest.detail["start"]) == ("stats.print", f"{year}-02-01")


def test_the_recovery_sheet_is_previewed_and_printed_but_never_saved(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = NewRecoveryCodeDialog(CODE, Institution(name="KPU Kabupaten Blora"), PaperSize.A4)
    qtbot.addWidget(dialog)
    printers = Printers(monkeypatch, tmp_path / "kertas.pdf")
    questions = PaperAnswers(monkeypatch)
    previews: list[PreviewDialog] = []

    def print_it(preview: PreviewDialog) -> None:  # the officer presses "Cetak…"
        previews.append(preview)
        preview.print_button.click()

    monkeypatch.setattr(PreviewDialog, "launch", staticmethod(print_it))
    dialog.view.print_button.click()
    preview = previews[0]
    assert preview.windowTitle() == "Pratinjau — Lembar Kode Pemulihan"
    assert preview.save_button.isHidden() and preview.rendered is None
    assert loaded(preview).pageCount() == 1
    assert printers.asked == [1] and questions.asked == []  # A4 sheet, A4 printer
    assert pdf_checks.page_count((tmp_path / "kertas.pdf").read_bytes()) == 1
    assert "dikirim ke printer" in dialog.view.print_status.text()
