"""The case state machine (DOMAIN.md §6), exhaustively over every (source, target) pair.

Each case is driven into its source state through the public services, with consents for both
recipients and the starred rights recorded up front, so that only the state machine decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import product
from pathlib import Path

import pytest

from app.domain.enums import (
    CaseStatus,
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    FollowUpKind,
    Priority,
    ReferralKind,
    ReferralOutcome,
    RightStatus,
    Sex,
    VictimRight,
)
from app.domain.models import ConsentInput, Incident, Intake, Reception, ReferralInput, Victim
from app.domain.workflow import REOPEN_FROM, STARRED_RIGHTS, TRANSITIONS
from app.errors import AppError, ErrorCode, ValidationError, WorkflowError
from app.services.session import Session
from tests import helpers

S = CaseStatus
DINSOS, SATGAS = "dinsos_p3a_blora", "satgas_kpu_jateng"
ALL_PAIRS = list(product(CaseStatus, CaseStatus))
LEGAL = sorted(TRANSITIONS)
ILLEGAL = [pair for pair in ALL_PAIRS if pair not in TRANSITIONS]
#: How each state is reached from the previous one (the first element is the previous state).
PATH: dict[CaseStatus, tuple[CaseStatus | None, str]] = {
    S.DRAF: (None, ""), S.DITERIMA: (S.DRAF, "transition"), S.ASESMEN: (S.DITERIMA, "transition"),
    S.DIRUJUK: (S.ASESMEN, "refer"), S.DITERUSKAN: (S.ASESMEN, "refer"),
    S.LAYANAN_INTERNAL: (S.ASESMEN, "transition"), S.PEMANTAUAN: (S.DIRUJUK, "feedback"),
    S.DITUTUP: (S.ASESMEN, "close"), S.DIARSIPKAN: (S.DITUTUP, "archive"),
}


@pytest.fixture(scope="module")
def koord(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """One koordinator session for the whole module (a vault per pair would be slow)."""
    vault = helpers.new_vault(Path(tmp_path_factory.mktemp("workflow")) / "vault")
    session, _ = helpers.create_vault(vault)
    yield session
    session.close()


def action_for(source: CaseStatus, target: CaseStatus) -> str:
    if target in (S.DIRUJUK, S.DITERUSKAN):
        return "refer"
    if target is S.DITUTUP:
        return "close"
    if target is S.DIARSIPKAN:
        return "archive"
    if target is S.ASESMEN and source in REOPEN_FROM:
        return "reopen"
    return "transition"


def act(session: Session, case_id: int, action: str, target: CaseStatus) -> None:
    wf, rf = session.workflow, session.referrals
    calls: dict[str, Callable[[], object]] = {
        "transition": lambda: wf.transition(case_id, target, "alasan tercatat"),
        "refer": lambda: rf.refer(case_id, ReferralInput(DINSOS) if target is not S.DITERUSKAN
                                  else ReferralInput(SATGAS, ReferralKind.PENERUSAN)),
        "close": lambda: wf.close(case_id, ClosureReason.DUPLIKAT),
        "archive": lambda: wf.archive(case_id),
        "reopen": lambda: wf.reopen(case_id, "laporan baru"),
        "feedback": lambda: rf.record_feedback(session.cases.get(case_id).referrals[-1].id,
                                               ReferralOutcome.DITANGANI),
    }
    calls[action]()


def case_in(session: Session, status: CaseStatus) -> int:
    """A fresh case in ``status``, every non-state precondition already met."""
    case_id = session.cases.create(helpers.minimal_intake()).id
    for recipient in (DINSOS, SATGAS):
        session.referrals.record_consent(case_id, ConsentInput(
            ConsentPurpose.RUJUKAN, ConsentOutcome.DIBERIKAN, recipient=recipient))
    for right in STARRED_RIGHTS:
        session.workflow.set_right(case_id, right, RightStatus.DIBERIKAN)
    steps: list[tuple[str, CaseStatus]] = []
    current = status
    while (previous := PATH[current][0]) is not None:
        steps.insert(0, (PATH[current][1], current))
        current = previous
    for action, target in steps:
        act(session, case_id, action, target)
    assert session.cases.get(case_id).status is status
    return case_id


def _status(session: Session, case_id: int) -> CaseStatus:
    return session.cases.get(case_id).status


@pytest.mark.parametrize(("source", "target"), LEGAL)
def test_every_legal_move_is_accepted_by_its_action(koord: Session, source: CaseStatus,
                                                    target: CaseStatus) -> None:
    case_id = case_in(koord, source)
    code = koord.cases.get(case_id).code
    act(koord, case_id, action_for(source, target), target)
    case = koord.cases.get(case_id)
    assert case.status is target
    assert (case.history[-1].from_status, case.history[-1].to_status) == (source, target)
    moves = [e for e in koord.ctx.audit.entries(case_code=code, limit=3)
             if e.action in ("case.status", "case.refer", "case.close", "case.reopen")]
    assert moves and moves[0].detail.get("from", source.value) == source.value


@pytest.mark.parametrize(("source", "target"),
                         [p for p in LEGAL if action_for(*p) != "transition"])
def test_action_only_moves_are_refused_by_plain_transition(koord: Session, source: CaseStatus,
                                                           target: CaseStatus) -> None:
    case_id = case_in(koord, source)
    with pytest.raises(WorkflowError) as info:
        koord.workflow.transition(case_id, target, "alasan")
    assert info.value.code is ErrorCode.ILLEGAL_TRANSITION
    assert _status(koord, case_id) is source


@pytest.mark.parametrize(("source", "target"), ILLEGAL)
def test_every_illegal_pair_is_refused(koord: Session, source: CaseStatus,
                                       target: CaseStatus) -> None:
    case_id = case_in(koord, source)
    history = koord.cases.get(case_id).history
    actions = {"transition", action_for(source, target)}
    if target is S.ASESMEN:
        actions.add("reopen")
    if source is target and target in (S.DIRUJUK, S.DITERUSKAN):
        actions.discard("refer")  # a further letter in the same state, tested below
    for action in sorted(actions):
        with pytest.raises(WorkflowError) as info:
            act(koord, case_id, action, target)
        assert info.value.code is ErrorCode.ILLEGAL_TRANSITION, action
        assert koord.cases.get(case_id).history == history


@pytest.mark.parametrize("status", [S.DIRUJUK, S.DITERUSKAN])
def test_a_further_letter_keeps_the_state(koord: Session, status: CaseStatus) -> None:
    case_id = case_in(koord, status)
    before = koord.cases.get(case_id)
    act(koord, case_id, "refer", status)
    after = koord.cases.get(case_id)
    assert after.status is status and after.history == before.history
    assert len(after.referrals) == len(before.referrals) + 1


# --- preconditions -------------------------------------------------------------------------

def _missing(call: Callable[[], object]) -> list[str]:
    with pytest.raises(WorkflowError) as info:
        call()
    assert info.value.code is ErrorCode.TRANSITION_PRECONDITION
    missing = info.value.params["missing"]
    assert isinstance(missing, list)
    return [str(item) for item in missing]


def test_receiving_a_draft_needs_a_victim_and_a_description(koord: Session) -> None:
    bare = Intake(reception=Reception(received_at=helpers.START))
    case_id = koord.cases.create(bare).id

    def receive() -> None:
        koord.workflow.transition(case_id, S.DITERIMA)

    assert _missing(receive) == ["victim", "incident"]
    koord.cases.update(case_id, Intake(reception=bare.reception, victim=Victim(sex=Sex.P)))
    assert _missing(receive) == ["incident"]
    koord.cases.update(case_id, Intake(reception=bare.reception, victim=Victim(sex=Sex.P),
                                       incident=Incident(chronology="Ceritanya.")))
    receive()
    assert _status(koord, case_id) is S.DITERIMA


def test_assessment_needs_a_priority(koord: Session) -> None:
    intake = helpers.minimal_intake()
    no_priority = Intake(reception=intake.reception, victim=intake.victim,
                         incident=intake.incident)
    case_id = koord.cases.create(no_priority).id
    koord.workflow.transition(case_id, S.DITERIMA)
    assert _missing(lambda: koord.workflow.transition(case_id, S.ASESMEN)) == ["priority"]
    koord.cases.update(case_id, intake)
    koord.workflow.transition(case_id, S.ASESMEN)
    assert _status(koord, case_id) is S.ASESMEN
    assert koord.cases.summaries()[0].priority is Priority.BIASA


@pytest.mark.parametrize("reason", [None, "", "   \n "])
def test_internal_service_only_needs_a_reason(koord: Session, reason: str | None) -> None:
    case_id = case_in(koord, S.ASESMEN)
    missing = _missing(lambda: koord.workflow.transition(case_id, S.LAYANAN_INTERNAL, reason))
    assert missing == ["reason"]
    assert _status(koord, case_id) is S.ASESMEN


def test_closing_needs_a_reason_and_every_starred_right(koord: Session) -> None:
    case_id = koord.cases.create(helpers.minimal_intake()).id
    with pytest.raises(ValidationError):
        koord.workflow.close(case_id, "duplikat")  # type: ignore[arg-type]

    def close() -> None:
        koord.workflow.close(case_id, ClosureReason.KORBAN_MUNDUR)

    assert _missing(close) == sorted(r.value for r in STARRED_RIGHTS)
    koord.workflow.set_right(case_id, VictimRight.PEMULIHAN, RightStatus.DIRUJUK)
    for right in sorted(STARRED_RIGHTS)[:-1]:
        koord.workflow.set_right(case_id, right, RightStatus.TIDAK_RELEVAN)
    assert _missing(close) == [sorted(STARRED_RIGHTS)[-1].value]
    koord.workflow.set_right(case_id, sorted(STARRED_RIGHTS)[-1], RightStatus.DITOLAK_KORBAN)
    close()
    case = koord.cases.get(case_id)
    assert case.status is S.DITUTUP
    assert case.closure is not None and case.closure.reason is ClosureReason.KORBAN_MUNDUR


def _writes(session: Session, case_id: int) -> dict[str, Callable[[], object]]:
    case = session.cases.get(case_id)
    wf, rf = session.workflow, session.referrals
    referral_id = case.referrals[-1].id
    return {
        "update": lambda: session.cases.update(case_id, helpers.full_intake(tag="X")),
        "follow_up": lambda: wf.add_follow_up(case_id, FollowUpKind.CATATAN, "catatan"),
        "right": lambda: wf.set_right(case_id, VictimRight.PEMULIHAN, RightStatus.DIBERIKAN),
        "consent": lambda: rf.record_consent(case_id, ConsentInput(
            ConsentPurpose.STATISTIK, ConsentOutcome.DIBERIKAN)),
        "attachment": lambda: session.attachments.add(case_id, "a.txt", b"isi"),
        "feedback": lambda: rf.record_feedback(referral_id, ReferralOutcome.DITOLAK),
        "police": lambda: rf.confirm_police_report(referral_id),
    }


@pytest.mark.parametrize("status", [S.DITUTUP, S.DIARSIPKAN])
@pytest.mark.parametrize("write", ["update", "follow_up", "right", "consent", "attachment",
                                   "feedback", "police"])
def test_closed_and_archived_cases_are_read_only(koord: Session, status: CaseStatus,
                                                 write: str) -> None:
    case_id = case_in(koord, S.DIRUJUK)
    act(koord, case_id, "close", S.DITUTUP)
    if status is S.DIARSIPKAN:
        act(koord, case_id, "archive", status)
    before = koord.cases.get(case_id)
    with pytest.raises(AppError) as info:
        _writes(koord, case_id)[write]()
    assert info.value.code is ErrorCode.CASE_READ_ONLY
    after = koord.cases.get(case_id)
    assert (after.intake, after.follow_ups, after.rights, after.consents, after.referrals) == (
        before.intake, before.follow_ups, before.rights, before.consents, before.referrals)
    assert koord.attachments.for_case(case_id) == []


@pytest.mark.parametrize("source", sorted(REOPEN_FROM))
def test_reopen_needs_a_reason_and_returns_to_assessment(koord: Session,
                                                         source: CaseStatus) -> None:
    case_id = case_in(koord, source)
    for reason in (None, "", "  "):
        with pytest.raises(ValidationError):
            koord.workflow.reopen(case_id, reason)  # type: ignore[arg-type]
    assert _status(koord, case_id) is source
    koord.workflow.reopen(case_id, "korban kembali")
    case = koord.cases.get(case_id)
    assert case.status is S.ASESMEN and case.closure is None
    last = case.history[-1]
    assert (last.from_status, last.to_status, last.reason) == (source, S.ASESMEN,
                                                               "korban kembali")
    koord.workflow.add_follow_up(case_id, FollowUpKind.KONTAK, "boleh ditulis lagi")


@pytest.mark.parametrize("source", [s for s in CaseStatus if s not in REOPEN_FROM])
def test_reopen_of_an_open_case_is_illegal(koord: Session, source: CaseStatus) -> None:
    case_id = case_in(koord, source)
    with pytest.raises(WorkflowError) as info:
        koord.workflow.reopen(case_id, "alasan")
    assert info.value.code is ErrorCode.ILLEGAL_TRANSITION
    assert _status(koord, case_id) is source
