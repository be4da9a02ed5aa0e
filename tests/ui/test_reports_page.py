"""Laporan: the recap of a month or a year, per breakdown as table and bars; small counts
hidden; nothing that names a case, for koordinator and pimpinan alike."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from app.clock import FakeClock
from app.demo import seed
from app.domain.enums import Role
from app.domain.statistics import NO_FEEDBACK, NOT_REFERRED, UNKNOWN, Breakdown, Cell, Recap
from app.services.session import Session
from tests import helpers
from tests.ui.conftest import open_workspace, shell_on_copy, unlock
from ui.context import PageName
from ui.lists.bar_chart import BAR_COLOR, MARGIN, ROW, BarChart
from ui.models.recap import Bar, RecapTableModel
from ui.pages.reports import ReportsPage
from ui.shell import Shell
from ui.workers import ImmediateRunner


@dataclass(frozen=True)
class Template:
    folder: Path
    codes: frozenset[str]
    names: frozenset[str]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    folder = tmp_path_factory.mktemp("reports") / "vault"
    vault = helpers.new_vault(folder)
    clock = vault.clock
    assert isinstance(clock, FakeClock)
    session, _ = helpers.create_vault(vault)
    with session:
        seed(session, clock, count=40)
        session.users.add(helpers.PIMPINAN, "Ibu Pimpinan", Role.PIMPINAN,
                          password=helpers.PIMPINAN_PASSWORD)
        summaries = session.cases.summaries()
        names = {session.cases.get(s.id).intake.victim.full_name or "" for s in summaries}
    return Template(folder, frozenset(s.code for s in summaries), frozenset(names - {""}))


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path, template: Template) -> Iterator[Shell]:
    window = shell_on_copy(qtbot, template.folder, tmp_path / "vault")
    yield window
    window.close()


def reports(shell: Shell, username: str = helpers.KOORDINATOR,
            password: str = helpers.KOORDINATOR_PASSWORD) -> ReportsPage:
    unlock(shell, username, password)
    open_workspace(shell).show_page(PageName.LAPORAN)
    page = open_workspace(shell).page(PageName.LAPORAN)
    assert isinstance(page, ReportsPage)
    return page


def session_of(shell: Shell) -> Session:
    runner = shell.runner
    assert isinstance(runner, ImmediateRunner)
    return runner.backend.require()


def column(model: QAbstractItemModel, col: int) -> list[str]:
    return [str(model.index(row, col).data()) for row in range(model.rowCount())]


def all_texts(page: QWidget) -> list[str]:
    texts = [label.text() for label in page.findChildren(QLabel)]
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        texts += [str(model.index(r, c).data(role)) for r in range(model.rowCount())
                  for c in range(model.columnCount())
                  for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)]
    for chart in page.findChildren(BarChart):
        texts += [bar.label for bar in chart.bars()] + [bar.shown for bar in chart.bars()]
    return texts


def assert_matches(page: ReportsPage, recap: Recap) -> None:
    assert list(page.sections) == [b.name for b in recap.breakdowns]
    for breakdown in recap.breakdowns:
        section = page.sections[breakdown.name]
        assert column(section.model, 1) == [cell.shown for cell in breakdown.cells]
        assert [bar.shown for bar in section.chart.bars()] == column(section.model, 1)
    assert page.total_label.text() == f"Jumlah kasus: {recap.total.shown}"
    days = recap.average_days_to_referral
    shown = "—" if days is None else f"{days:.1f} hari".replace(".", ",")
    assert page.average_label.text() == f"Rata-rata waktu sampai dirujuk: {shown}"


# --- model and chart on their own ------------------------------------------------------------

def test_category_labels_and_hidden_counts(qtmodeltester: ModelTester) -> None:
    model = RecapTableModel()
    model.set_breakdown(Breakdown("referral_outcome", (
        Cell(NOT_REFERRED, 5), Cell(NO_FEEDBACK, None), Cell("ditangani", None),
        Cell("ditolak", 0))))
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert column(model, 0) == ["Tidak dirujuk", "Belum ada umpan balik",
                                "Diterima dan ditangani", "Ditolak"]
    assert column(model, 1) == ["5", "<3", "<3", "0"]
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert [bar.count for bar in model.bars()] == [5, None, None, 0]
    model.set_breakdown(Breakdown("kecamatan", (Cell("Cepu", 3), Cell(UNKNOWN, 4))))
    assert column(model, 0) == ["Cepu", "Tidak diketahui"]
    model.set_breakdown(Breakdown("insider", (Cell("ya", 3), Cell("tidak", 7))))
    assert column(model, 0) == ["Ya", "Tidak"]
    model.set_breakdown(Breakdown("sex", (Cell("L", 3), Cell("P", 7), Cell(UNKNOWN, 0))))
    assert column(model, 0) == ["Laki-laki", "Perempuan", "Tidak diketahui"]


def bar_pixels(chart: BarChart, row: int) -> int:
    image = chart.grab().toImage()
    y = MARGIN + row * ROW + ROW // 2
    return sum(image.pixelColor(x, y) == BAR_COLOR for x in range(image.width()))


def test_suppressed_and_zero_cells_draw_no_bar(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(500, 100)
    chart.set_bars([Bar("Hidden", None, "<3"), Bar("Zero", 0, "0"), Bar("Five", 5, "5"),
                    Bar("Ten", 10, "10")])
    assert [bar.label for bar in chart.drawn_bars()] == ["Five", "Ten"]
    assert bar_pixels(chart, 0) == 0 and bar_pixels(chart, 1) == 0
    assert 0 < bar_pixels(chart, 2) < bar_pixels(chart, 3)
    assert chart.height() == 4 * ROW + 2 * MARGIN


# --- the page --------------------------------------------------------------------------------

def test_laporan_opens_on_this_year_with_every_breakdown(shell: Shell,
                                                         qtmodeltester: ModelTester) -> None:
    page = reports(shell)
    assert page.month_combo.currentText() == "Setahun penuh"
    assert page.year_combo.currentText() == "2026"
    assert page.period_label.text() == "Periode: 01 Jan 2026 – 31 Des 2026"
    recap = session_of(shell).statistics.recap(date(2026, 1, 1), date(2026, 12, 31))
    assert_matches(page, recap)
    assert page.sections["tpks_type"].title.text() == "Jenis kekerasan seksual (UU TPKS)"
    for section in page.sections.values():
        qtmodeltester.check(section.model)  # type: ignore[no-untyped-call]


def test_choosing_a_month_or_another_year(shell: Shell) -> None:
    page = reports(shell)
    page.year_combo.setCurrentIndex(page.year_combo.findText("2025"))
    page.month_combo.setCurrentIndex(page.month_combo.findText("Mei"))
    page.show_button.click()
    assert page.period_label.text() == "Periode: 01 Mei 2025 – 31 Mei 2025"
    assert_matches(page, session_of(shell).statistics.recap(date(2025, 5, 1),
                                                            date(2025, 5, 31)))
    assert page.location() == {"month": 5, "year": 2025}
    page.month_combo.setCurrentIndex(0)
    page.show_button.click()
    whole = session_of(shell).statistics.recap(date(2025, 1, 1), date(2025, 12, 31))
    assert_matches(page, whole)
    assert whole.average_days_to_referral is not None
    assert page.average_label.text().endswith(" hari")


def test_the_period_survives_a_lock(shell: Shell) -> None:
    page = reports(shell)
    page.month_combo.setCurrentIndex(page.month_combo.findText("Februari"))
    page.show_button.click()
    shell.lock()
    again = reports(shell)
    assert again is not page
    assert again.month_combo.currentText() == "Februari"
    assert again.period_label.text() == "Periode: 01 Feb 2026 – 28 Feb 2026"
    february = session_of(shell).statistics.recap(date(2026, 2, 1), date(2026, 2, 28))
    assert february.average_days_to_referral is None  # fewer than 3 referred: hidden
    assert_matches(again, february)
    assert again.average_label.text() == "Rata-rata waktu sampai dirujuk: —"


def test_print_is_offered_with_the_period_note(shell: Shell) -> None:
    page = reports(shell)  # printing itself: tests/ui/test_printing_reports.py
    assert page.print_button.text() == "Cetak rekap"
    assert page.print_button.isEnabled()
    notes = [label.text() for label in page.findChildren(QLabel)]
    assert any(note.startswith("Hanya kasus dengan persetujuan pelaporan statistik; angka di "
                               "bawah 3 ditampilkan sebagai <3") and "x menandai" in note
               for note in notes)


@pytest.mark.parametrize("user", [(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD),
                                  (helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD)])
def test_no_case_codes_or_names_and_never_one_or_two(shell: Shell, template: Template,
                                                     user: tuple[str, str]) -> None:
    page = reports(shell, *user)
    for year in ("2026", "2025", "2024"):
        page.year_combo.setCurrentIndex(page.year_combo.findText(year))
        page.show_button.click()
        texts = all_texts(page)
        assert not any(code in text for code in template.codes for text in texts)
        assert not any(name in text for name in template.names for text in texts)
        counts = [value for section in page.sections.values()
                  for value in column(section.model, 1)]
        assert "<3" in counts and not {"1", "2"} & set(counts)
        assert page.total_label.text() not in ("Jumlah kasus: 1", "Jumlah kasus: 2")
