"""The pure decisions behind the detail page: which actions, which letters, why no consent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.domain.enums import CaseStatus, ConsentOutcome, ConsentPurpose, ReferralKind
from app.domain.models import Case, ConsentInput, ConsentRecord
from app.domain.settings import OfficeSettings
from tests import helpers
from ui.case_detail import rules
from ui.case_detail.rules import Blocked, CaseAction, ConsentGap

S = CaseStatus
NOW = helpers.START
DINSOS = "dinsos_p3a_blora"


def case_with(*records: ConsentRecord, status: CaseStatus = S.ASESMEN) -> Case:
    return Case(id=1, code="001/PPKS/3316/2026", status=status, created_at=NOW, updated_at=NOW,
                created_by=1, assigned_to=1, intake=helpers.minimal_intake(), consents=records)


def record(outcome: ConsentOutcome, number: int = 1, recipient: str = DINSOS,
           expires_on: date | None = None, revoked: bool = False) -> ConsentRecord:
    consent = ConsentInput(ConsentPurpose.RUJUKAN, outcome, recipient=recipient,
                           expires_on=expires_on)
    return ConsentRecord(number, consent, NOW, 1,
                         revoked_at=NOW + timedelta(hours=1) if revoked else None)


#: Office-local moment of the check: a consent "valid until 3 March" has expired by then.
MOMENT = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("records", "gap"), [
    ((), ConsentGap.NONE_RECORDED),
    ((record(ConsentOutcome.DIBERIKAN, recipient="rsud_blora"),), ConsentGap.NONE_RECORDED),
    ((record(ConsentOutcome.DITOLAK),), ConsentGap.REFUSED),
    ((record(ConsentOutcome.DIBERIKAN, revoked=True),), ConsentGap.REVOKED),
    ((record(ConsentOutcome.WALI, expires_on=date(2026, 3, 3)),), ConsentGap.EXPIRED),
    ((record(ConsentOutcome.DIBERIKAN), record(ConsentOutcome.DITOLAK, 2)), ConsentGap.REFUSED),
    ((record(ConsentOutcome.DITOLAK), record(ConsentOutcome.SEBAGIAN, 2)), None),
    ((record(ConsentOutcome.OVERRIDE, expires_on=date(2026, 3, 4)),), None),
])
def test_consent_block_explains_the_newest_decision(records: tuple[ConsentRecord, ...],
                                                    gap: ConsentGap | None) -> None:
    block = rules.consent_block(case_with(*records), DINSOS, MOMENT)
    assert (None if block is None else block.gap) is gap
    if block is not None and gap is not ConsentGap.NONE_RECORDED:
        assert block.record is records[-1]


@pytest.mark.parametrize(("status", "kinds"), [
    (S.DRAF, set()), (S.DITERIMA, set()),
    (S.ASESMEN, {ReferralKind.RUJUKAN, ReferralKind.PENERUSAN}),
    (S.DIRUJUK, {ReferralKind.RUJUKAN, ReferralKind.PENERUSAN}),
    (S.LAYANAN_INTERNAL, {ReferralKind.RUJUKAN}),
    (S.PEMANTAUAN, {ReferralKind.RUJUKAN, ReferralKind.PENERUSAN}),
    (S.DITUTUP, set()),
])
def test_letters_allowed_from_each_status(status: CaseStatus, kinds: set[ReferralKind]) -> None:
    assert rules.referral_kinds(status) == kinds
    keys = {r.key for r in rules.referral_recipients(OfficeSettings(), status)}
    assert ("satgas_kpu_jateng" in keys) is (ReferralKind.PENERUSAN in kinds)
    assert "uptd_ppa_blora" not in keys  # inactive in the default directory


@pytest.mark.parametrize(("action", "status", "koordinator", "reason"), [
    (CaseAction.PRINT, S.ASESMEN, False, None),
    (CaseAction.PRINT, S.DIARSIPKAN, False, None),
    (CaseAction.CLOSE, S.ASESMEN, False, Blocked.KOORDINATOR_ONLY),
    (CaseAction.CLOSE, S.ASESMEN, True, None),
    (CaseAction.CLOSE, S.DITUTUP, True, Blocked.NOT_CLOSABLE),
    (CaseAction.REOPEN, S.DIARSIPKAN, True, None),
    (CaseAction.REOPEN, S.PEMANTAUAN, True, Blocked.NOT_REOPENABLE),
    (CaseAction.ARCHIVE, S.PEMANTAUAN, True, Blocked.NOT_CLOSED),
    (CaseAction.REFER, S.DITERIMA, False, Blocked.REFER_NOT_YET),
    (CaseAction.FOLLOW_UP, S.DIARSIPKAN, True, Blocked.READ_ONLY),
    (CaseAction.STATUS, S.PEMANTAUAN, False, Blocked.NO_PLAIN_MOVE),
    (CaseAction.ASSIGN, S.DITUTUP, True, None),
])
def test_why_an_action_is_not_offered(action: CaseAction, status: CaseStatus, koordinator: bool,
                                      reason: Blocked | None) -> None:
    assert rules.blocked(action, status, koordinator) is reason
