"""Beranda: what needs doing, open cases, recent work and drafts for staff; numbers only for
pimpinan."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from app.clock import FakeClock
from app.demo import seed
from app.domain.deadlines import zone
from app.domain.enums import CaseStatus, DeadlineKind, IndonesianTimeZone, Priority, Role
from app.domain.labels import label
from app.domain.models import CaseSummary, Deadline
from app.services.breaches import BreachInput
from app.services.session import Session
from tests import helpers
from tests.ui.conftest import open_workspace, shell_on_copy, unlock
from ui.context import PageName
from ui.lists.reminder_card import ReminderCard
from ui.lists.staff_panel import StaffPanel
from ui.models.deadlines import DeadlineColumn, DeadlineTableModel
from ui.models.recap import RecapTableModel
from ui.models.roles import CASE_ID_ROLE
from ui.models.status_counts import StatusCountModel
from ui.pages.home import HomePage
from ui.shell import Shell
from ui.workers import ImmediateRunner

WIB = zone(IndonesianTimeZone.WIB)


@dataclass(frozen=True)
class Template:
    folder: Path
    drafted: int
    codes: frozenset[str]
    names: frozenset[str]


def _people(session: Session, summaries: list[CaseSummary]) -> set[str]:
    names: set[str] = set()
    for s in summaries:
        intake = session.cases.get(s.id).intake
        people = [intake.victim.full_name, intake.reporter.full_name,
                  *(p.full_name for p in intake.perpetrators)]
        names.update(name for name in people if name)
    return names


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    folder = tmp_path_factory.mktemp("home") / "vault"
    vault = helpers.new_vault(folder)
    clock = vault.clock
    assert isinstance(clock, FakeClock)
    session, _ = helpers.create_vault(vault)
    with session:
        seed(session, clock, count=40)
        session.users.add(helpers.PIMPINAN, "Ibu Pimpinan", Role.PIMPINAN,
                          password=helpers.PIMPINAN_PASSWORD)
        session.users.add(helpers.PETUGAS, "Petugas Satu", Role.PETUGAS,
                          password=helpers.PETUGAS_PASSWORD)
        drafted = session.cases.create(helpers.minimal_intake(name="Ratna Draf")).id
        session.drafts.save(drafted, {"korban.nama": "Ratna Draf"})
        summaries = session.cases.summaries()
        names = _people(session, summaries)
    return Template(folder, drafted, frozenset(s.code for s in summaries), frozenset(names))


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path, template: Template) -> Iterator[Shell]:
    window = shell_on_copy(qtbot, template.folder, tmp_path / "vault")
    yield window
    window.close()


def home(shell: Shell, username: str = helpers.KOORDINATOR,
         password: str = helpers.KOORDINATOR_PASSWORD) -> HomePage:
    unlock(shell, username, password)
    page = open_workspace(shell).page(PageName.BERANDA)
    assert isinstance(page, HomePage)
    assert open_workspace(shell).current is PageName.BERANDA
    return page


def staff_panel(page: HomePage) -> StaffPanel:
    assert page.staff is not None and page.aggregate is None
    return page.staff


def session_of(shell: Shell) -> Session:
    runner = shell.runner
    assert isinstance(runner, ImmediateRunner)
    return runner.backend.require()


def column(model: QAbstractItemModel, col: int, role: int = Qt.ItemDataRole.DisplayRole
           ) -> list[object]:
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


def all_texts(page: QWidget) -> list[str]:
    """Every label and every cell a view on the page shows, in any text role."""
    texts = [label.text() for label in page.findChildren(QLabel)]
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        texts += [str(model.index(r, c).data(role)) for r in range(model.rowCount())
                  for c in range(model.columnCount()) for role in roles]
    return texts


# --- models on their own ---------------------------------------------------------------------

def test_deadline_urgency_and_order(qtmodeltester: ModelTester) -> None:
    now = helpers.START  # 09.00 WIB
    due = [now - timedelta(hours=2), now + timedelta(hours=3), now + timedelta(hours=20),
           now - timedelta(days=3)]
    kinds = [DeadlineKind.UMPAN_BALIK_RUJUKAN, DeadlineKind.PASAL_41_LAPORAN_POLISI,
             DeadlineKind.JENDELA_MEDIS_72_JAM, DeadlineKind.UMPAN_BALIK_RUJUKAN]
    model = DeadlineTableModel(WIB)
    model.set_rows([Deadline(n, f"00{n}/PPKS/3316/2026", kind, at, met=False)
                    for n, (kind, at) in enumerate(zip(kinds, due, strict=True))], now)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert column(model, DeadlineColumn.STATE) == ["Terlambat", "Terlambat", "Hari ini",
                                                   "Segera"]
    assert column(model, DeadlineColumn.CODE)[0] == "003/PPKS/3316/2026"  # oldest overdue
    assert column(model, DeadlineColumn.DUE)[2] == "02 Mar 2026 12.00"
    assert column(model, DeadlineColumn.KIND)[2] == "Laporan ke polisi 3×24 jam (Pasal 41)"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(3, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_status_counts_cover_open_statuses_only(qtmodeltester: ModelTester) -> None:
    def case(n: int, status: CaseStatus) -> CaseSummary:
        return CaseSummary(n, f"{n}", status, helpers.START, frozenset(), None, None, "—",
                           Priority.BIASA, None, False, False, helpers.START)

    model = StatusCountModel()
    model.set_summaries([case(1, CaseStatus.DIRUJUK), case(2, CaseStatus.DIRUJUK),
                         case(3, CaseStatus.DITUTUP), case(4, CaseStatus.DRAF)])
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    counts = dict(zip(column(model, 0), column(model, 1), strict=True))
    assert counts["Dirujuk"] == "2" and counts["Draf"] == "1" and counts["Diterima"] == "0"
    assert "Ditutup" not in counts and "Diarsipkan" not in counts
    assert model.total() == 3


# --- koordinator and petugas -----------------------------------------------------------------

def test_staff_models_pass_the_model_tester(shell: Shell, qtmodeltester: ModelTester) -> None:
    panel = staff_panel(home(shell))
    for model in (panel.deadlines, panel.status_counts, panel.recent, panel.drafts):
        assert model.rowCount() > 0
        qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def test_perlu_tindakan_shows_the_core_deadlines(shell: Shell) -> None:
    panel = staff_panel(home(shell))
    expected = session_of(shell).cases.deadlines()
    shown = list(zip(column(panel.deadlines, DeadlineColumn.CODE),
                     column(panel.deadlines, DeadlineColumn.KIND), strict=True))
    assert sorted(shown) == sorted((d.case_code, label(d.kind)) for d in expected)
    overdue = sum(d.overdue(helpers.START) for d in expected)
    assert column(panel.deadlines, DeadlineColumn.STATE).count("Terlambat") == overdue > 0


def test_open_cases_by_status_and_my_recent_work(shell: Shell) -> None:
    panel = staff_panel(home(shell))
    summaries = session_of(shell).cases.summaries()
    open_counts = Counter(s.status for s in summaries
                          if s.status not in (CaseStatus.DITUTUP, CaseStatus.DIARSIPKAN))
    assert sum(int(str(n)) for n in column(panel.status_counts, 1)) == sum(open_counts.values())
    assert panel.open_total.text() == f"Jumlah kasus terbuka: {sum(open_counts.values())}"
    mine = sorted((s for s in summaries if s.assigned_to == shell_user_id(shell)),
                  key=lambda s: s.updated_at, reverse=True)
    assert column(panel.recent, 0) == [s.code for s in mine[:10]]


def shell_user_id(shell: Shell) -> int:
    return open_workspace(shell).ctx.user.id


def test_double_click_on_a_deadline_opens_the_case(shell: Shell) -> None:
    panel = staff_panel(home(shell))
    view = panel.deadline_view
    center = view.visualRect(panel.deadlines.index(0, DeadlineColumn.CODE)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert open_workspace(shell).current is PageName.DETAIL_KASUS


def test_an_unfinished_form_can_be_resumed(shell: Shell, template: Template,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    panel = staff_panel(home(shell))
    resumed: list[int] = []  # the intake page is tested on its own
    monkeypatch.setattr(open_workspace(shell), "resume_intake", resumed.append)
    assert column(panel.drafts, 0, CASE_ID_ROLE) == [template.drafted]
    panel.draft_view.selectRow(0)
    QTest.keyClick(panel.draft_view, Qt.Key.Key_Return)
    assert panel.resume_button.isEnabled()
    panel.resume_button.click()
    assert resumed == [template.drafted, template.drafted]


def test_beranda_shows_no_victim_names_to_staff(shell: Shell, template: Template) -> None:
    texts = all_texts(home(shell))
    assert not any(name in text for name in template.names for text in texts)


# --- data-protection reminders (koordinator) -------------------------------------------------

def reminder_card(page: HomePage) -> ReminderCard:
    assert page.reminders is not None
    return page.reminders


def banner_texts(card: ReminderCard) -> list[str]:
    return [label.text() for label in card.findChildren(QLabel)
            if label.property("role") == "banner" and not label.isHidden()]


def test_koordinator_is_reminded_of_a_missing_backup(shell: Shell) -> None:
    card = reminder_card(home(shell))
    assert not card.isHidden()
    assert banner_texts(card) == [
        "Belum ada cadangan yang terverifikasi. Buat cadangan sekarang."]
    card.open_button.click()
    assert open_workspace(shell).current is PageName.DATA


def test_a_breach_deadline_shows_until_a_backup_and_notice_clear_it(shell: Shell,
                                                                     tmp_path: Path) -> None:
    page = home(shell)
    session = session_of(shell)
    breach = session.breaches.record(BreachInput(helpers.START - timedelta(hours=80),
                                                 "Laptop petugas hilang"))
    session.backups.create(tmp_path)
    page.reload_button.click()
    assert banner_texts(reminder_card(page)) == [
        "Batas pemberitahuan insiden kebocoran data (3×24 jam) sudah lewat sejak "
        "02 Mar 2026 01.00. Segera beri tahu subjek data dan lembaga pengawas."]
    session.breaches.mark_notified(breach)
    page.reload_button.click()
    assert banner_texts(reminder_card(page)) == [] and reminder_card(page).isHidden()


def test_petugas_and_pimpinan_get_no_reminders(shell: Shell) -> None:
    assert home(shell, helpers.PETUGAS, helpers.PETUGAS_PASSWORD).reminders is None
    shell.lock()
    assert home(shell, helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD).reminders is None


# --- pimpinan --------------------------------------------------------------------------------

def test_pimpinan_sees_aggregate_numbers_only(shell: Shell, template: Template) -> None:
    page = home(shell, helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD)
    assert page.staff is None and page.aggregate is not None
    texts = all_texts(page)
    assert not any(code in text for code in template.codes for text in texts)
    assert not any(name in text for name in template.names for text in texts)
    assert not any("PPKS/" in text or "DEMO" in text for text in texts)
    recap = session_of(shell).statistics.recap(date(2026, 1, 1), date(2026, 3, 2))
    assert page.aggregate.total_label.text() == f"Jumlah kasus: {recap.total.shown}"
    assert page.aggregate.period_label.text() == "Periode: 01 Jan 2026 – 02 Mar 2026"
    models = [view.model() for view in page.findChildren(QAbstractItemView)]
    assert models and all(isinstance(model, RecapTableModel) for model in models)
    counts = [str(value) for model in models for value in column(model, 1)]
    assert "<3" in counts and not {"1", "2"} & set(counts)


def test_pimpinan_recap_models_pass_the_model_tester(shell: Shell,
                                                     qtmodeltester: ModelTester) -> None:
    page = home(shell, helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD)
    assert page.aggregate is not None
    for section in page.aggregate.sections.values():
        qtmodeltester.check(section.model)  # type: ignore[no-untyped-call]
