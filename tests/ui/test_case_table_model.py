"""CaseTableModel and CaseFilterProxy without a window: data, masking, filters and sorting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.modeltest import ModelTester

from PySide6.QtCore import QPersistentModelIndex, Qt

from app.clock import FakeClock
from app.demo import seed
from app.domain.deadlines import zone
from app.domain.enums import CaseStatus, IndonesianTimeZone, Priority, TpksType
from app.domain.models import CaseSummary
from tests import helpers
from ui.models.case_table import CaseColumn, CaseFilterProxy, CaseTableModel
from ui.models.roles import CASE_ID_ROLE, SORT_ROLE

WIB = zone(IndonesianTimeZone.WIB)
#: Every role a view or an accessibility tool could ask for.
ALL_ROLES = (*range(0, 14), SORT_ROLE, CASE_ID_ROLE)


@dataclass(frozen=True)
class Seeded:
    summaries: list[CaseSummary]
    victim_names: dict[int, str]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    """Real summaries of 25 demo cases, and their victims' full names (for leak checks)."""
    vault = helpers.new_vault(tmp_path_factory.mktemp("cases") / "vault")
    session, _ = helpers.create_vault(vault)
    clock = vault.clock
    assert isinstance(clock, FakeClock)
    with session:
        seed(session, clock, count=25)
        summaries = session.cases.summaries()
        names = {s.id: session.cases.get(s.id).intake.victim.full_name or "" for s in summaries}
    return Seeded(summaries, names)


def summary(case_id: int, **changes: object) -> CaseSummary:
    base = CaseSummary(
        id=case_id, code=f"{case_id:03d}/PPKS/3316/2026", status=CaseStatus.DITERIMA,
        received_at=helpers.START - timedelta(days=case_id),
        tpks_types=frozenset({TpksType.PELECEHAN_NONFISIK}), assigned_to=1,
        assigned_name="Koordinator Posko", victim_name_masked="S*** W***",
        priority=Priority.BIASA, next_deadline=None, overdue=False, restricted=False,
        updated_at=helpers.START)
    return replace(base, **changes)  # type: ignore[arg-type]


def texts(model: CaseTableModel | CaseFilterProxy, column: CaseColumn,
          role: int = Qt.ItemDataRole.DisplayRole) -> list[object]:
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def ids(model: CaseTableModel | CaseFilterProxy) -> list[int]:
    return [int(str(value)) for value in texts(model, CaseColumn.CODE, CASE_ID_ROLE)]


@pytest.fixture
def proxy() -> Iterator[CaseFilterProxy]:
    model = CaseTableModel(WIB)
    wrapper = CaseFilterProxy()
    wrapper.setSourceModel(model)
    yield wrapper
    wrapper.setSourceModel(None)  # type: ignore[arg-type]


def test_real_summaries_pass_the_model_tester(qtmodeltester: ModelTester,
                                              seeded: Seeded) -> None:
    model = CaseTableModel(WIB)
    model.set_rows(seeded.summaries)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_statuses({CaseStatus.DIRUJUK, CaseStatus.DITUTUP})
    proxy.sort(CaseColumn.DEADLINE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 25


def test_victim_names_are_masked_and_no_full_name_is_anywhere(seeded: Seeded) -> None:
    model = CaseTableModel(WIB)
    model.set_rows(seeded.summaries)
    masked = texts(model, CaseColumn.VICTIM)
    assert masked == [s.victim_name_masked for s in seeded.summaries]
    assert all("***" in str(text) for text in masked)
    values = [str(model.index(row, column).data(role)) for row in range(model.rowCount())
              for column in CaseColumn for role in ALL_ROLES]
    for name in seeded.victim_names.values():
        assert name and not any(name in value for value in values)
    assert not any("DEMO" in value for value in values)  # every demo name ends in "(DEMO)"


def test_reveal_shows_the_name_for_that_row_only(seeded: Seeded) -> None:
    model = CaseTableModel(WIB)
    model.set_rows(seeded.summaries)
    target = seeded.summaries[3]
    model.reveal(target.id, seeded.victim_names[target.id])
    shown = texts(model, CaseColumn.VICTIM)
    assert shown[3] == seeded.victim_names[target.id]
    assert [text for n, text in enumerate(shown) if n != 3] == [
        s.victim_name_masked for n, s in enumerate(seeded.summaries) if n != 3]
    model.set_rows(seeded.summaries)  # a reload keeps it until the app locks
    assert texts(model, CaseColumn.VICTIM)[3] == seeded.victim_names[target.id]


def test_display_texts_are_indonesian_and_fixed_format(proxy: CaseFilterProxy) -> None:
    due = datetime(2026, 3, 1, 7, 5, tzinfo=UTC)  # 14.05 WIB
    proxy.cases().set_rows([summary(
        1, received_at=datetime(2025, 12, 31, 18, 0, tzinfo=UTC), next_deadline=due,
        overdue=True, has_form_draft=True, assigned_name=None,
        tpks_types=frozenset({TpksType.KSBE, TpksType.PELECEHAN_FISIK}))])
    row = [proxy.index(0, column).data() for column in CaseColumn]
    assert row[CaseColumn.RECEIVED] == "01 Jan 2026"  # office time zone, Indonesian month
    assert row[CaseColumn.STATUS] == "Diterima"
    assert row[CaseColumn.TPKS] == ("Kekerasan seksual berbasis elektronik, "
                                    "Pelecehan seksual fisik")
    assert row[CaseColumn.OFFICER] == "—"
    assert row[CaseColumn.DEADLINE] == "Terlambat: 01 Mar 2026 14.05"
    assert row[CaseColumn.FORM_DRAFT] == "Belum selesai"
    headers = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in CaseColumn]
    assert headers == ["Kode kasus", "Tanggal diterima", "Status", "Jenis TPKS", "Petugas",
                       "Tenggat berikutnya", "Korban", "Isian"]


def test_filters_by_status_type_year_overdue_and_search_ids(proxy: CaseFilterProxy) -> None:
    new_year = datetime(2025, 12, 31, 18, 0, tzinfo=UTC)  # 01.00 on 1 January in Blora
    proxy.cases().set_rows([
        summary(1, status=CaseStatus.DIRUJUK, overdue=True),
        summary(2, status=CaseStatus.DITUTUP, tpks_types=frozenset({TpksType.KSBE})),
        summary(3, received_at=new_year, tpks_types=frozenset({TpksType.KSBE,
                                                               TpksType.PERKOSAAN})),
        summary(4, received_at=new_year - timedelta(hours=2), overdue=True),
    ])
    assert sorted(ids(proxy)) == [1, 2, 3, 4]
    proxy.set_statuses({CaseStatus.DIRUJUK, CaseStatus.DITERIMA})
    assert sorted(ids(proxy)) == [1, 3, 4]
    proxy.set_tpks_type(TpksType.KSBE)
    assert ids(proxy) == [3]
    proxy.set_filters(frozenset(), None, 2025, False)
    assert ids(proxy) == [4]
    proxy.set_year(2026)
    assert sorted(ids(proxy)) == [1, 2, 3]
    proxy.set_filters(frozenset(), None, None, True)
    assert sorted(ids(proxy)) == [1, 4]
    proxy.set_case_ids({4, 3})
    assert ids(proxy) == [4]
    proxy.set_filters(frozenset(), None, None, False)
    proxy.set_case_ids(None)
    assert len(ids(proxy)) == 4
    assert proxy.cases().years() == [2026, 2025]


def test_sorting_by_date_both_ways(proxy: CaseFilterProxy) -> None:
    proxy.cases().set_rows([summary(n) for n in (2, 1, 3)])
    proxy.sort(CaseColumn.RECEIVED, Qt.SortOrder.AscendingOrder)
    assert ids(proxy) == [3, 2, 1]  # received_at = START - id days
    proxy.sort(CaseColumn.RECEIVED, Qt.SortOrder.DescendingOrder)
    assert ids(proxy) == [1, 2, 3]
    proxy.cases().set_rows([summary(n) for n in (3, 1, 2)])  # a reload keeps the order
    assert ids(proxy) == [1, 2, 3]


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_cases_without_deadline_or_officer_sort_last(proxy: CaseFilterProxy,
                                                     order: Qt.SortOrder) -> None:
    soon, later = helpers.START + timedelta(hours=5), helpers.START + timedelta(days=3)
    proxy.cases().set_rows([summary(1), summary(2, next_deadline=later),
                            summary(3, next_deadline=soon), summary(4)])
    proxy.sort(CaseColumn.DEADLINE, order)
    ascending = order is Qt.SortOrder.AscendingOrder
    assert ids(proxy)[:2] == ([3, 2] if ascending else [2, 3])
    assert set(ids(proxy)[2:]) == {1, 4}
    assert texts(proxy, CaseColumn.DEADLINE, SORT_ROLE)[2:] == [None, None]
    proxy.cases().set_rows([summary(1, assigned_name="Budi"), summary(2, assigned_name=None),
                            summary(3, assigned_name="ani")])
    proxy.sort(CaseColumn.OFFICER, order)
    assert ids(proxy) == ([3, 1, 2] if ascending else [1, 3, 2])


def test_a_selected_row_follows_its_case_when_sorted(proxy: CaseFilterProxy) -> None:
    proxy.cases().set_rows([summary(n) for n in (1, 2, 3)])
    proxy.sort(CaseColumn.RECEIVED, Qt.SortOrder.DescendingOrder)
    held = QPersistentModelIndex(proxy.index(0, CaseColumn.CODE))
    assert held.data(CASE_ID_ROLE) == 1
    proxy.sort(CaseColumn.RECEIVED, Qt.SortOrder.AscendingOrder)
    assert held.row() == 2 and held.data(CASE_ID_ROLE) == 1


def test_sort_keys_are_native_values(proxy: CaseFilterProxy) -> None:
    due = helpers.START + timedelta(days=1)
    proxy.cases().set_rows([summary(7, next_deadline=due, status=CaseStatus.PEMANTAUAN)])
    keys = {column: proxy.index(0, column).data(SORT_ROLE) for column in CaseColumn}
    assert keys[CaseColumn.CODE] == 7
    assert keys[CaseColumn.RECEIVED] == helpers.START - timedelta(days=7)
    assert keys[CaseColumn.DEADLINE] == due
    assert keys[CaseColumn.STATUS] == list(CaseStatus).index(CaseStatus.PEMANTAUAN)
    assert keys[CaseColumn.FORM_DRAFT] is False


def test_model_is_empty_for_child_indexes(qtmodeltester: ModelTester,
                                          proxy: CaseFilterProxy) -> None:
    # No rows at all is a valid state too.
    qtmodeltester.check(proxy.cases())  # type: ignore[no-untyped-call]
    assert proxy.rowCount() == 0
    assert proxy.cases().rowCount(proxy.cases().index(0, 0)) == 0
