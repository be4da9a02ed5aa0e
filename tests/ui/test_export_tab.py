"""Ekspor statistik: exactly the chosen file is written (nothing in temp, home or the vault
folder), it opens as a real XLSX/CSV, holds counts only — no name, NIK, phone or chronology —
and every export is audited. The tab says plainly that these files are not encrypted."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from app.domain.enums import ConsentOutcome, ConsentPurpose
from app.domain.models import ConsentInput
from app.services.session import Session
from tests import helpers
from tests.ui.conftest import open_workspace
from tests.ui.printing_support import empty_temp_and_home, listing
from tests.ui.test_case_detail_support import detail_shell, new_case, prepare, vault_of
from ui.context import PageName
from ui.data_protection.dialogs import ExportPath
from ui.data_protection.export_tab import ExportTab
from ui.pages.data import DataPage
from ui.shell import Shell

#: What must never reach an export file.
SENTINELS = ("Kirana", "Wulandari", "3316015705900001", "0812-3456-7890", "Kronologi")


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    yield from detail_shell(qtbot, tmp_path)


def counted_cases(session: Session) -> None:
    """Three March 2026 cases counted in statistics, full of identifying details."""
    for number in range(3):
        intake = helpers.full_intake(tag=f"Kirana Wulandari {number}")
        case_id = new_case(session, intake=intake)
        session.referrals.record_consent(
            case_id, ConsentInput(ConsentPurpose.STATISTIK, ConsentOutcome.DIBERIKAN))


def export_tab(shell: Shell) -> ExportTab:
    prepare(shell, counted_cases)
    workspace = open_workspace(shell)
    workspace.show_page(PageName.DATA, tab="ekspor")
    page = workspace.page(PageName.DATA)
    assert isinstance(page, DataPage)
    tab = page.exports
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2026))
    tab.month_combo.setCurrentIndex(tab.month_combo.findData(3))
    return tab


class SaveAnswer:
    """The save dialog answers ``path`` (``None``: Batal) and keeps what it proposed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
        self.path = path
        self.proposed: list[str] = []
        monkeypatch.setattr(ExportPath, "ask", staticmethod(self._ask))

    def _ask(self, parent: object, proposed: str, file_filter: str) -> str | None:
        del parent, file_filter
        self.proposed.append(proposed)
        return None if self.path is None else str(self.path)


def exports(shell: Shell) -> list[str]:
    entries = prepare(shell, lambda s: s.ctx.audit.entries())
    return [e.action for e in entries if e.action == "stats.export"]


def no_sentinel(text: str) -> None:
    for sentinel in SENTINELS:
        assert sentinel.casefold() not in text.casefold(), sentinel


def watched_save(shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 name: str, csv_file: bool) -> tuple[ExportTab, Path, SaveAnswer]:
    """Save through the tab into an empty folder; only that file may appear anywhere."""
    tab = export_tab(shell)
    temp, home = empty_temp_and_home(tmp_path, monkeypatch)
    chosen = tmp_path / "keluar"
    chosen.mkdir()
    watched = (temp, home, vault_of(shell).paths.root, chosen)
    before = [listing(folder) for folder in watched]
    answer = SaveAnswer(monkeypatch, chosen / name)
    (tab.csv_button if csv_file else tab.xlsx_button).click()
    after = [listing(folder) for folder in watched]
    assert after[:3] == before[:3]
    assert len(after[3]) == 1
    return tab, chosen / sorted(after[3])[0], answer


def test_xlsx_is_written_only_where_chosen_and_holds_counts_only(
        shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tab, written, answer = watched_save(shell, tmp_path, monkeypatch, "rekap", False)
    assert written.name == "rekap.xlsx"  # the suffix is added
    assert Path(answer.proposed[0]).name == "rekap-statistik-2026-03-01-2026-03-31.xlsx"
    sheet = load_workbook(io.BytesIO(written.read_bytes())).active
    assert sheet is not None
    rows = [tuple(cell for cell in row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ("Bagian", "Kategori", "Jumlah")
    assert ("Jumlah kasus", "Semua kasus", 3) in rows
    no_sentinel(" ".join(str(cell) for row in rows for cell in row if cell is not None))
    with zipfile.ZipFile(written) as book:  # every part, properties included
        no_sentinel(" ".join(book.read(part).decode("utf-8") for part in book.namelist()))
    assert str(written) in tab.status_label.text()
    assert "tidak terenkripsi" in tab.status_label.text()
    assert exports(shell) == ["stats.export"]


def test_csv_is_written_only_where_chosen_and_holds_counts_only(
        shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tab, written, _ = watched_save(shell, tmp_path, monkeypatch, "rekap.CSV", True)
    assert written.name == "rekap.CSV"
    text = written.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Bagian", "Kategori", "Jumlah"]
    assert ["Jumlah kasus", "Semua kasus", "3"] in rows
    no_sentinel(text)
    assert exports(shell) == ["stats.export"]
    assert "Rekap statistik disimpan" in tab.status_label.text()


def test_cancel_writes_and_records_nothing_and_a_failed_write_is_told(
        shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = export_tab(shell)
    answer = SaveAnswer(monkeypatch, None)
    tab.xlsx_button.click()
    assert answer.proposed and exports(shell) == []
    answer.path = tmp_path / "tidak-ada" / "rekap.csv"  # a folder that is gone
    tab.csv_button.click()
    assert tab.status_label.text().startswith("Berkas tidak dapat disimpan di tempat itu.")
    assert not answer.path.parent.exists()


def test_the_tab_says_the_files_are_not_encrypted(shell: Shell) -> None:
    tab = export_tab(shell)
    texts = " ".join(label.text() for label in tab.findChildren(type(tab.status_label)))
    assert "TIDAK terenkripsi" in texts and "tanpa nama" in texts
    tab.month_combo.setCurrentIndex(tab.month_combo.findData(0))
    assert tab.period() == (date(2026, 1, 1), date(2026, 12, 31))
