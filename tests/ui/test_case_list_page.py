"""Daftar Kasus on a real vault: masking and the audited reveal, filters, the debounced search,
sorting, opening cases, and what a petugas may see."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.clock import FakeClock
from app.demo import seed
from app.domain.deadlines import zone
from app.domain.enums import CaseStatus, IndonesianTimeZone, Role, TpksType
from app.domain.models import CaseSummary
from app.services.session import Session
from tests import helpers
from tests.ui.conftest import open_workspace, shell_on_copy, unlock
from ui.context import PageName
from ui.models.case_table import CaseColumn
from ui.models.roles import CASE_ID_ROLE, SORT_ROLE
from ui.pages.case_list import CaseListPage
from ui.shell import Shell
from ui.workers import ImmediateRunner

WIB = zone(IndonesianTimeZone.WIB)


@dataclass(frozen=True)
class Template:
    """A seeded vault folder to copy, with the facts the tests check against."""

    folder: Path
    mine: int       # assigned to the petugas
    other: int      # the koordinator's
    hidden: int     # restricted from the petugas
    drafted: int    # has an unfinished intake form


def _special_cases(session: Session) -> tuple[int, int, int, int]:
    petugas, _ = session.users.add(helpers.PETUGAS, "Petugas Satu", Role.PETUGAS,
                                   password=helpers.PETUGAS_PASSWORD)
    cases = session.cases
    mine = cases.create(helpers.minimal_intake(name="Kartini Rahayu")).id
    cases.assign(mine, petugas.id)
    other = cases.create(helpers.minimal_intake(name="Larasati Pertiwi")).id
    hidden = cases.create(helpers.minimal_intake(name="Melati Kencana")).id
    cases.restrict(hidden, frozenset({petugas.id}))
    session.drafts.save(mine, {"korban.nama": "Kartini Rahayu"})
    return mine, other, hidden, mine


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    folder = tmp_path_factory.mktemp("case-list") / "vault"
    vault = helpers.new_vault(folder)
    clock = vault.clock
    assert isinstance(clock, FakeClock)
    session, _ = helpers.create_vault(vault)
    with session:
        seed(session, clock, count=30)
        mine, other, hidden, drafted = _special_cases(session)
    return Template(folder, mine, other, hidden, drafted)


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path, template: Template) -> Iterator[Shell]:
    """A fresh copy of the seeded vault in a shell running jobs synchronously."""
    window = shell_on_copy(qtbot, template.folder, tmp_path / "vault")
    yield window
    window.close()


def case_list(shell: Shell, username: str = helpers.KOORDINATOR,
              password: str = helpers.KOORDINATOR_PASSWORD) -> CaseListPage:
    unlock(shell, username, password)
    workspace = open_workspace(shell)
    workspace.show_page(PageName.DAFTAR_KASUS)
    page = workspace.page(PageName.DAFTAR_KASUS)
    assert isinstance(page, CaseListPage)
    return page


def session_of(shell: Shell) -> Session:
    """The shell's own open session (ImmediateRunner: same thread), for expected values."""
    runner = shell.runner
    assert isinstance(runner, ImmediateRunner)
    return runner.backend.require()


def shown_ids(page: CaseListPage) -> list[int]:
    proxy = page.proxy
    return [int(proxy.index(row, 0).data(CASE_ID_ROLE)) for row in range(proxy.rowCount())]


def select_case(page: CaseListPage, case_id: int) -> None:
    row = shown_ids(page).index(case_id)
    page.view.selectRow(row)


def test_models_pass_the_model_tester(shell: Shell, qtmodeltester: ModelTester) -> None:
    page = case_list(shell)
    qtmodeltester.check(page.model)  # type: ignore[no-untyped-call]
    qtmodeltester.check(page.proxy)  # type: ignore[no-untyped-call]
    assert page.model.rowCount() == 33
    assert page.count_label.text() == "Menampilkan 33 dari 33 kasus"


def test_names_are_masked_until_revealed_and_the_reveal_is_audited(
        shell: Shell, template: Template) -> None:
    page = case_list(shell)
    cells = [str(page.model.index(row, col).data(role)) for row in range(page.model.rowCount())
             for col in CaseColumn for role in (Qt.ItemDataRole.DisplayRole,
                                                Qt.ItemDataRole.ToolTipRole, SORT_ROLE)]
    assert not any("Kartini" in cell or "Rahayu" in cell for cell in cells)
    select_case(page, template.mine)
    row = page.model.row_of(template.mine)
    assert row is not None
    assert page.model.index(row, CaseColumn.VICTIM).data() == "K*** R***"
    assert page.reveal_action.isEnabled()
    page.reveal_action.trigger()
    assert page.model.index(row, CaseColumn.VICTIM).data() == "Kartini Rahayu"
    assert not page.reveal_action.isEnabled()  # already shown: nothing to reveal again
    code = page.model.summary(row).code
    history = session_of(shell).cases.history(template.mine)
    assert [e.action for e in history].count("case.reveal_name") == 1
    assert {e.case_code for e in history} == {code}


def test_a_revealed_name_is_gone_after_locking(shell: Shell, template: Template,
                                               qtbot: QtBot) -> None:
    page = case_list(shell)
    select_case(page, template.mine)
    page.reveal_action.trigger()
    shell.lock()
    qtbot.waitUntil(lambda: not shiboken6.isValid(page))
    again = case_list(shell)  # unlocking returns to Daftar Kasus with a new model
    row = again.model.row_of(template.mine)
    assert row is not None
    assert again.model.index(row, CaseColumn.VICTIM).data() == "K*** R***"


def expected_ids(summaries: list[CaseSummary], status: CaseStatus | None = None,
                 tpks: TpksType | None = None, year: int | None = None,
                 overdue: bool = False) -> set[int]:
    return {s.id for s in summaries
            if (status is None or s.status is status) and (tpks is None or tpks in s.tpks_types)
            and (year is None or s.received_at.astimezone(WIB).year == year)
            and (not overdue or s.overdue)}


def test_filters_by_status_type_year_and_overdue(shell: Shell) -> None:
    page = case_list(shell)
    summaries = session_of(shell).cases.summaries()
    bar = page.filters
    bar.status_combo.setCurrentIndex(bar.status_combo.findText("Dirujuk"))
    assert set(shown_ids(page)) == expected_ids(summaries, CaseStatus.DIRUJUK)
    bar.status_combo.setCurrentIndex(0)
    bar.type_combo.setCurrentIndex(bar.type_combo.findData(TpksType.PELECEHAN_NONFISIK.value))
    assert set(shown_ids(page)) == expected_ids(summaries, tpks=TpksType.PELECEHAN_NONFISIK)
    bar.type_combo.setCurrentIndex(0)
    assert [bar.year_combo.itemText(i) for i in range(bar.year_combo.count())] == [
        "Semua tahun", "2026", "2025", "2024"]
    bar.year_combo.setCurrentIndex(bar.year_combo.findData(2025))
    assert set(shown_ids(page)) == expected_ids(summaries, year=2025)
    bar.overdue_box.click()
    assert set(shown_ids(page)) == expected_ids(summaries, year=2025, overdue=True)
    assert all(str(page.proxy.index(r, CaseColumn.DEADLINE).data()).startswith("Terlambat")
               for r in range(page.proxy.rowCount()))
    bar.year_combo.setCurrentIndex(0)
    bar.overdue_box.click()
    assert len(shown_ids(page)) == len(summaries)


def test_search_waits_for_typing_to_pause_then_shows_only_matches(
        shell: Shell, template: Template, qtbot: QtBot) -> None:
    page = case_list(shell)
    QTest.keyClicks(page.search_box, "kartini")
    assert page.search_timer.isActive()
    assert page.proxy.rowCount() == 33  # debounced: nothing filtered while typing
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    assert shown_ids(page) == [template.mine]
    page.search_box.clear()
    assert page.proxy.rowCount() == 33  # clearing shows everything at once
    QTest.keyClicks(page.search_box, "tidakadasiapapun")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    assert page.count_label.text() == "Menampilkan 0 dari 33 kasus"


def test_header_clicks_sort_by_date_and_by_deadline_with_empty_ones_last(shell: Shell) -> None:
    page = case_list(shell)
    proxy, header = page.proxy, page.view.horizontalHeader()
    received = [proxy.index(r, CaseColumn.RECEIVED).data(SORT_ROLE)
                for r in range(proxy.rowCount())]
    assert received == sorted(received, reverse=True)  # newest first when the page opens
    x = header.sectionViewportPosition(CaseColumn.DEADLINE) + 5
    for _ in range(2):  # once each way
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        keys = [proxy.index(r, CaseColumn.DEADLINE).data(SORT_ROLE)
                for r in range(proxy.rowCount())]
        dated = [k for k in keys if k is not None]
        assert keys[:len(dated)] == dated and None in keys
        order = header.sortIndicatorOrder()
        assert dated == sorted(dated, reverse=order is Qt.SortOrder.DescendingOrder)


def test_double_click_and_enter_open_the_case(shell: Shell, template: Template) -> None:
    page = case_list(shell)
    row = shown_ids(page).index(template.other)
    page.view.scrollTo(page.proxy.index(row, 0))
    center = page.view.visualRect(page.proxy.index(row, CaseColumn.STATUS)).center()
    # A real double-click is press, release, double-click: the view needs the first press.
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert open_workspace(shell).current is PageName.DETAIL_KASUS
    open_workspace(shell).show_page(PageName.DAFTAR_KASUS)
    select_case(page, template.mine)
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    assert open_workspace(shell).current is PageName.DETAIL_KASUS


def test_new_intake_and_resuming_a_draft(shell: Shell, template: Template,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    page = case_list(shell)
    asked: list[tuple[str, int | None]] = []  # the intake page is tested on its own
    workspace = open_workspace(shell)
    monkeypatch.setattr(workspace, "new_intake", lambda: asked.append(("new", None)))
    monkeypatch.setattr(workspace, "resume_intake",
                        lambda case_id: asked.append(("resume", case_id)))
    page.new_button.click()
    select_case(page, template.other)
    assert not page.resume_button.isEnabled()
    select_case(page, template.drafted)
    row = page.model.row_of(template.drafted)
    assert page.model.index(row or 0, CaseColumn.FORM_DRAFT).data() == "Belum selesai"
    assert page.resume_button.isEnabled()
    page.resume_button.click()
    assert asked == [("new", None), ("resume", template.drafted)]


def test_reload_shows_a_case_added_meanwhile(shell: Shell) -> None:
    page = case_list(shell)
    session_of(shell).cases.create(helpers.minimal_intake(name="Dewi Baru"))
    assert page.model.rowCount() == 33
    page.reload_button.click()
    assert page.model.rowCount() == 34


def test_petugas_sees_only_their_unrestricted_cases(shell: Shell, template: Template,
                                                    qtbot: QtBot) -> None:
    page = case_list(shell, helpers.PETUGAS, helpers.PETUGAS_PASSWORD)
    assert shown_ids(page) == [template.mine]
    page.search_timer.setInterval(1)  # the debounce has its own test; here only the results
    for name in ("Larasati", "Melati"):
        page.search_box.setText(name)
        qtbot.waitUntil(lambda: not page.search_timer.isActive())
        assert shown_ids(page) == []
    assert template.hidden not in shown_ids(page) and template.other not in shown_ids(page)
