"""Every case-detail table model passes pytest-qt's model tester, empty and filled, and shows
what the officer expects in its cells."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QAbstractItemModel, Qt

from app.domain.enums import (
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
    FollowUpKind,
    ReferralKind,
    ReferralOutcome,
)
from app.domain.models import ConsentInput, ReferralInput
from app.services.session import Session
from tests import helpers
from tests.ui.test_case_detail_support import (
    DINSOS,
    SATGAS,
    detail_shell,
    new_case,
    open_case,
    prepare,
)
from ui.case_detail.attachment_model import AttachmentTableModel
from ui.case_detail.audit_model import AuditTableModel, action_label
from ui.case_detail.consent_model import ConsentTableModel
from ui.case_detail.perpetrator_model import PerpetratorTableModel
from ui.case_detail.referral_model import ReferralTableModel
from ui.case_detail.timeline_model import TimelineTableModel
from ui.pages.case_detail import CaseDetailPage
from ui.shell import Shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    """Overrides conftest's: a copy of the shared template vault (see the support module)."""
    yield from detail_shell(qtbot, tmp_path)


def busy_case(session: Session) -> int:
    """A case with every kind of row: consents, referrals, notes, files, audit entries."""
    case_id = new_case(session, intake=helpers.full_intake())
    rujukan = ConsentPurpose.RUJUKAN
    session.referrals.record_consent(case_id, ConsentInput(
        rujukan, ConsentOutcome.SEBAGIAN, recipient=DINSOS,
        data_items=frozenset({DataItem.NAMA, DataItem.KRONOLOGI}), expires_on=date(2026, 9, 1)))
    revoked = session.referrals.record_consent(case_id, ConsentInput(
        rujukan, ConsentOutcome.DIBERIKAN, recipient=SATGAS))
    session.referrals.record_consent(case_id, ConsentInput(ConsentPurpose.STATISTIK,
                                                           ConsentOutcome.DITOLAK))
    session.referrals.refer(case_id, ReferralInput(SATGAS, ReferralKind.PENERUSAN))
    session.referrals.revoke_consent(revoked, "korban berubah pikiran")
    dinsos = session.referrals.refer(case_id, ReferralInput(DINSOS))
    session.referrals.record_feedback(dinsos, ReferralOutcome.DIALIHKAN, "ke UPTD")
    session.workflow.add_follow_up(case_id, FollowUpKind.LAYANAN, "Pendampingan visum.")
    session.attachments.add(case_id, "bukti.txt", b"isi bukti")
    return case_id


def column(model: QAbstractItemModel, col: int) -> list[str]:
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


@pytest.mark.parametrize("kind", [ConsentTableModel, ReferralTableModel, TimelineTableModel,
                                  AttachmentTableModel, AuditTableModel, PerpetratorTableModel])
def test_empty_models_pass_the_model_tester(qtmodeltester: ModelTester,
                                            kind: type[QAbstractItemModel]) -> None:
    model = kind()
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 0
    assert model.headerData(0, Qt.Orientation.Horizontal) not in (None, "")


def test_filled_models_pass_the_model_tester_and_read_as_recorded(
        shell: Shell, qtmodeltester: ModelTester) -> None:
    page = open_case(shell, prepare(shell, busy_case))
    assert page.audit is not None
    models: list[QAbstractItemModel] = [
        page.services.consents, page.services.referrals, page.timeline.model,
        page.attachments.model, page.audit.model, page.perpetrators.model,
        page.services.consent_view.proxy, page.timeline.view.proxy]
    for model in models:
        assert model.rowCount() > 0
        qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    check_consents_and_referrals(page)
    check_perpetrators_and_audit(page)
    check_sorting(page)


def check_consents_and_referrals(page: CaseDetailPage) -> None:
    consents, referrals = page.services.consents, page.services.referrals
    assert column(consents, consents.PURPOSE) == ["Pelaporan statistik", "Rujukan / penerusan",
                                                  "Rujukan / penerusan"]
    assert column(consents, consents.ITEMS) == ["—", "Semua data", "Kronologi, Nama"]
    assert column(consents, consents.EXPIRY) == ["Tanpa batas", "Tanpa batas", "1 Sep 2026"]
    assert column(consents, consents.REVOKED)[1] == "Ya, 2 Mar 2026 09.00 WIB"
    assert consents.data(consents.index(1, consents.REVOKED),
                         Qt.ItemDataRole.ToolTipRole) == "Alasan: korban berubah pikiran"
    assert column(referrals, referrals.KIND) == ["Surat rujukan", "Surat penerusan (eskalasi)"]
    assert column(referrals, referrals.FEEDBACK) == ["Dialihkan, 2 Mar 2026 09.00 WIB", "Belum"]
    assert column(referrals, referrals.POLICE) == ["Belum dikonfirmasi", "Tidak berlaku"]
    assert referrals.data(referrals.index(0, referrals.FEEDBACK),
                          Qt.ItemDataRole.ToolTipRole) == "ke UPTD"


def check_perpetrators_and_audit(page: CaseDetailPage) -> None:
    people = page.perpetrators.model
    assert column(people, people.NAME) == ["T*** S*** A***", "—"]
    assert column(people, people.RELATION) == ["Majikan", "N/A"]
    assert column(people, people.ACCESS) == ["Ya", "Tidak diketahui"]
    assert page.audit is not None
    actions = column(page.audit.model, page.audit.model.ACTION)
    for expected in ("Mencatat persetujuan", "Mencabut persetujuan", "Merujuk / meneruskan kasus",
                     "Mencatat umpan balik rujukan", "Menambah lampiran"):
        assert expected in actions
    assert action_label("code.unknown") == "code.unknown"


def check_sorting(page: CaseDetailPage) -> None:
    view = page.attachments.view
    view.sortByColumn(AttachmentTableModel.SIZE, Qt.SortOrder.DescendingOrder)
    assert view.proxy.rowCount() == 1
    timeline = page.timeline.view
    timeline.sortByColumn(TimelineTableModel.KIND, Qt.SortOrder.AscendingOrder)
    kinds = column(timeline.proxy, TimelineTableModel.KIND)
    assert kinds == sorted(kinds, key=str.casefold)
