"""Who may do what (DOMAIN.md §8): every Action × every Role through a real call, visibility,
recusal, and an ``access.denied`` audit row for every refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

import pytest

from app import demo
from app.clock import FakeClock
from app.domain.enums import (
    CaseStatus,
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    FollowUpKind,
    PaperSize,
    ReferralOutcome,
    RightStatus,
    Role,
    VictimRight,
)
from app.domain.models import ConsentInput, ReferralInput
from app.domain.workflow import STARRED_RIGHTS
from app.errors import AccessDenied, ValidationError
from app.services.access import MATRIX, Action, require, visibility_sql, visible_among
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers

A, K, P, L = Action, Role.KOORDINATOR, Role.PETUGAS, Role.PIMPINAN
DINSOS, SATGAS = "dinsos_p3a_blora", "satgas_kpu_jateng"
VICTIM = "Siti Wahyuni"
_names = count(1)


@dataclass
class Subject:
    """A case in ``dirujuk`` with a consent, a referral, an attachment and the starred rights."""

    case_id: int
    code: str
    consent_id: int
    referral_id: int
    attachment_id: int
    other_user: int


@dataclass
class World:
    session: Session
    clock: FakeClock
    other_user: int
    subject: Subject | None = None
    extra: dict[str, int] = field(default_factory=dict)


def build_subject(s: Session, other_user: int) -> Subject:
    ref = s.cases.create(helpers.minimal_intake(name=VICTIM))
    s.workflow.transition(ref.id, CaseStatus.DITERIMA)
    s.workflow.transition(ref.id, CaseStatus.ASESMEN)
    consent_id = s.referrals.record_consent(ref.id, ConsentInput(
        ConsentPurpose.RUJUKAN, ConsentOutcome.DIBERIKAN, recipient=DINSOS))
    referral_id = s.referrals.refer(ref.id, ReferralInput(DINSOS))
    attachment = s.attachments.add(ref.id, "bukti.txt", b"bukti")
    for right in STARRED_RIGHTS:
        s.workflow.set_right(ref.id, right, RightStatus.DIBERIKAN)
    return Subject(ref.id, ref.code, consent_id, referral_id, attachment.id, other_user)


def _world(root: Path, role: Role) -> World:
    clock = helpers.fake_clock()
    vault = helpers.new_vault(root / role.value, clock)
    session, _ = helpers.create_vault(vault)
    koord_id = session.user.id
    if role is K:
        petugas, _ = session.users.add(helpers.PETUGAS, "Petugas", P,
                                       password=helpers.PETUGAS_PASSWORD)
        return World(session, clock, petugas.id)
    name, password = ((helpers.PETUGAS, helpers.PETUGAS_PASSWORD) if role is P
                      else (helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD))
    session.users.add(name, role.value, role, password=password)
    subject = build_subject(session, koord_id) if role is L else None
    session.close()
    return World(vault.unlock(name, password), clock, koord_id, subject)


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[Role, World]]:
    """One vault per role, each with that role's session open (separate vaults, separate locks)."""
    root = Path(tmp_path_factory.mktemp("access"))
    made = {role: _world(root, role) for role in Role}
    yield made
    for world in made.values():
        world.session.close()


Call = Callable[[World, Subject], object]


def _consent(outcome: ConsentOutcome, override_reason: str | None = None) -> ConsentInput:
    return ConsentInput(ConsentPurpose.RUJUKAN, outcome, recipient=SATGAS,
                        override_reason=override_reason)


#: At least one real call per action; the action's own gate where no service exists yet.
CALLS: dict[Action, list[Call]] = {
    A.CASE_CREATE: [lambda w, x: w.session.cases.create(helpers.minimal_intake())],
    A.CASE_LIST: [lambda w, x: w.session.cases.summaries(),
                  lambda w, x: w.session.cases.search("siti")],
    A.CASE_VIEW: [lambda w, x: w.session.cases.get(x.case_id)],
    A.CASE_EDIT: [lambda w, x: w.session.cases.update(x.case_id, helpers.full_intake(tag="E")),
                  lambda w, x: w.session.workflow.add_follow_up(x.case_id, FollowUpKind.KONTAK,
                                                                "ditelepon"),
                  lambda w, x: w.session.workflow.set_right(x.case_id, VictimRight.PEMULIHAN,
                                                            RightStatus.DIRUJUK)],
    A.CASE_REVEAL_NAME: [lambda w, x: w.session.cases.reveal_victim_name(x.case_id)],
    A.CASE_TRANSITION: [lambda w, x: w.session.workflow.transition(x.case_id,
                                                                   CaseStatus.PEMANTAUAN)],
    A.CASE_REFER: [lambda w, x: w.session.referrals.refer(x.case_id, ReferralInput(DINSOS)),
                   lambda w, x: w.session.referrals.record_feedback(x.referral_id,
                                                                    ReferralOutcome.DITANGANI),
                   lambda w, x: w.session.referrals.confirm_police_report(x.referral_id)],
    A.CASE_CLOSE: [lambda w, x: w.session.workflow.close(x.case_id, ClosureReason.DUPLIKAT)],
    A.CASE_REOPEN: [lambda w, x: w.session.workflow.reopen(x.case_id, "laporan baru")],
    A.CASE_ARCHIVE: [lambda w, x: w.session.workflow.archive(x.case_id)],
    A.CASE_ASSIGN: [lambda w, x: w.session.cases.assign(x.case_id, x.other_user)],
    A.CASE_RESTRICT: [lambda w, x: w.session.cases.restrict(x.case_id,
                                                            frozenset({x.other_user}))],
    A.CONSENT_RECORD: [lambda w, x: w.session.referrals.record_consent(x.case_id, ConsentInput(
        ConsentPurpose.STATISTIK, ConsentOutcome.DIBERIKAN)),
                       lambda w, x: w.session.referrals.revoke_consent(x.consent_id, "ditarik")],
    A.CONSENT_OVERRIDE: [lambda w, x: w.session.referrals.record_consent(x.case_id, _consent(
        ConsentOutcome.OVERRIDE, override_reason="darurat"))],
    A.ATTACHMENT_ADD: [lambda w, x: w.session.attachments.add(x.case_id, "foto.jpg", b"foto")],
    A.ATTACHMENT_VIEW: [lambda w, x: w.session.attachments.read(x.attachment_id),
                        lambda w, x: w.session.attachments.for_case(x.case_id)],
    A.CASE_PRINT: [lambda w, x: w.session.documents.intake_form(x.case_id),
                   lambda w, x: w.session.documents.referral_letter(x.referral_id)],
    A.CASE_DESTROY: [lambda w, x: w.session.retention.erase_on_request(x.case_id,
                                                                       "permintaan korban")],
    A.DEADLINES_VIEW: [lambda w, x: w.session.cases.deadlines()],
    A.STATS_VIEW: [lambda w, x: w.session.statistics.recap(helpers.START.date(),
                                                           helpers.START.date()),
                   lambda w, x: w.session.documents.recap(helpers.START.date(),
                                                          helpers.START.date())],
    A.STATS_EXPORT: [lambda w, x: require(w.session.ctx, A.STATS_EXPORT)],
    A.USERS_VIEW: [lambda w, x: w.session.users.all_users()],
    A.USERS_MANAGE: [lambda w, x: w.session.users.add(f"petugas-x{next(_names)}", "Baru", P,
                                                      password="sapi perah di kandang besar")],
    A.SETTINGS_EDIT: [lambda w, x: w.session.settings.update(paper_size=PaperSize.A4)],
    A.AUDIT_VIEW: [lambda w, x: w.session.integrity.seal()],
    A.AUDIT_VERIFY: [lambda w, x: w.session.integrity.check()],
    A.BACKUP: [lambda w, x: w.session.backups.history()],
    A.ROTATE_KEY: [lambda w, x: w.session.rotate_key()],
    A.DEMO_SEED: [lambda w, x: demo.seed(w.session, w.clock, count=1)],
    A.BREACH_MANAGE: [lambda w, x: w.session.breaches.all()],
}
#: Setup an allowed role needs first (a case must be closed before it is reopened).
PREPARE: dict[Action, Call] = {
    A.CASE_REOPEN: lambda w, x: w.session.workflow.close(x.case_id, ClosureReason.DUPLIKAT),
    A.CASE_ARCHIVE: lambda w, x: w.session.workflow.close(x.case_id, ClosureReason.DUPLIKAT),
}
#: A denial is audited under the first check that refuses it.
AUDITED_AS = {(L, A.CONSENT_OVERRIDE): A.CONSENT_RECORD}


def _params() -> list[object]:
    params: list[object] = []
    for action in Action:
        for role in Role:
            if action is A.ROTATE_KEY and role is K:
                continue  # ends the session: tested on its own vault below
            params.append(pytest.param(role, action, id=f"{role}-{action}"))
    return params


def test_the_matrix_is_complete() -> None:
    assert set(MATRIX) == set(Action) == set(CALLS)
    assert MATRIX[A.CASE_VIEW] == {K, P} and MATRIX[A.STATS_VIEW] == {K, L}


def _head(session: Session) -> int:
    return session.ctx.audit.entries(limit=1)[0].seq


@pytest.mark.parametrize(("role", "action"), _params())
def test_role_action_matrix(worlds: dict[Role, World], role: Role, action: Action) -> None:
    world = worlds[role]
    world.clock.set(helpers.START)  # demo seeding moves the clock and may stop half-way
    s = world.session
    subject = world.subject or build_subject(s, world.other_user)
    allowed = role in MATRIX[action]
    if allowed and action in PREPARE:
        PREPARE[action](world, subject)
    for call in CALLS[action]:
        head = _head(s)
        if allowed:
            call(world, subject)
            new = s.ctx.audit.entries(limit=50)
            assert [e for e in new if e.seq > head and e.action == "access.denied"] == []
            continue
        with pytest.raises(AccessDenied) as info:
            call(world, subject)
        denied = [e for e in s.ctx.audit.entries(limit=5) if e.seq > head]
        expected = AUDITED_AS.get((role, action), action)
        assert [(e.action, e.actor_user_id, dict(e.detail)) for e in denied] == [
            ("access.denied", s.user.id, {"action": expected.value, "role": role.value})]
        is_case_call = expected.value.startswith(("case.", "consent.", "attachment."))
        assert denied[0].case_code == (subject.code if is_case_call and action not in (
            A.CASE_CREATE, A.CASE_LIST) else None)
        assert info.value.params == {"action": expected.value}


def test_koordinator_rotates_the_key_and_keeps_the_cases(vault: Vault, session: Session) -> None:
    ref = session.cases.create(helpers.minimal_intake(name=VICTIM))
    session.rotate_key()
    assert not session.is_open
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        assert again.cases.get(ref.id).intake.victim.full_name == VICTIM
        assert any(e.action == "vault.rotate_key" for e in again.ctx.audit.entries())


# --- visibility ------------------------------------------------------------------------------

def _as(vault: Vault, session: Session, username: str, password: str) -> Session:
    session.close()
    return vault.unlock(username, password)


def test_petugas_sees_only_cases_assigned_to_them(vault: Vault, session: Session) -> None:
    petugas, _ = session.users.add(helpers.PETUGAS, "Petugas", P,
                                   password=helpers.PETUGAS_PASSWORD)
    theirs = session.cases.create(helpers.minimal_intake(name="Dewi Lestari"))
    other = session.cases.create(helpers.minimal_intake(name=VICTIM))
    session.cases.assign(theirs.id, petugas.id)
    with _as(vault, session, helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as officer:
        assert [s.id for s in officer.cases.summaries()] == [theirs.id]
        with pytest.raises(AccessDenied):
            officer.cases.get(other.id)
        own = officer.cases.create(helpers.minimal_intake(name="Rina"))
        assert {s.id for s in officer.cases.summaries()} == {theirs.id, own.id}
        assert officer.cases.get(own.id).assigned_to == petugas.id


@pytest.mark.parametrize("role", [K, P])
def test_recusal_hides_a_case_completely(vault: Vault, session: Session, role: Role) -> None:
    name, password = "terkait", "rumah joglo di tepi kali"
    recused, _ = session.users.add(name, "Terkait", role, password=password)
    hidden = session.cases.create(helpers.minimal_intake(name=VICTIM))
    shown = session.cases.create(helpers.minimal_intake(name=VICTIM))
    for ref in (hidden, shown):
        session.referrals.record_consent(ref.id, _consent(ConsentOutcome.DIBERIKAN))
    if role is P:
        session.cases.assign(shown.id, recused.id)
    session.cases.restrict(hidden.id, frozenset({recused.id}))
    with pytest.raises(ValidationError):
        session.cases.assign(hidden.id, recused.id)     # cannot be handed to a recused officer
    with pytest.raises(ValidationError):
        session.cases.restrict(shown.id, frozenset({session.user.id}))
    assert session.cases.get(hidden.id).restricted_from == {recused.id}
    with _as(vault, session, name, password) as other:
        assert [s.id for s in other.cases.summaries()] == [shown.id]
        assert {s.id for s in other.cases.search("siti")} == {shown.id}
        assert other.cases.search_ids("siti") == [shown.id]
        assert {d.case_id for d in other.cases.deadlines()} <= {shown.id}
        for call in (lambda: other.cases.get(hidden.id),
                     lambda: other.cases.reveal_victim_name(hidden.id),
                     lambda: other.attachments.for_case(hidden.id)):
            head = _head(other)
            with pytest.raises(AccessDenied):
                call()
            newest = other.ctx.audit.entries(limit=1)[0]
            assert newest.seq > head and newest.action == "access.denied"
            assert newest.case_code == hidden.code


@pytest.mark.parametrize("role", [K, P, Role.PIMPINAN])
def test_visible_among_selects_what_visibility_sql_selects(vault: Vault, session: Session,
                                                          role: Role) -> None:
    name, password = "penguji", "sawah hijau di kaki bukit"
    officer, _ = session.users.add(name, "Penguji", role, password=password)
    refs = [session.cases.create(helpers.minimal_intake(name=VICTIM)) for _ in range(4)]
    if role is P:
        for ref in refs[:3]:
            session.cases.assign(ref.id, officer.id)
    # An assignee cannot be recused, so a petugas is recused from a case not theirs.
    session.cases.restrict(refs[3 if role is P else 1].id, frozenset({officer.id}))
    with _as(vault, session, name, password) as other:
        condition, params = visibility_sql(other.ctx, "c")
        expected = [int(row[0]) for row in other.ctx.conn.execute(
            f"SELECT c.id FROM cases c WHERE {condition} ORDER BY c.id", params)]
        ids = sorted((ref.id for ref in refs), reverse=True)
        assert visible_among(other.ctx, ids) == [i for i in ids if i in expected]


def test_pimpinan_sees_no_names_anywhere(worlds: dict[Role, World]) -> None:
    world = worlds[L]
    s, subject = world.session, world.subject
    assert subject is not None
    calls = [call for action, calls in CALLS.items() for call in calls
             if L not in MATRIX[action] and action is not A.DEMO_SEED]
    for call in calls:
        with pytest.raises(AccessDenied) as info:
            call(world, subject)
        shown = f"{info.value!r} {info.value} {info.value.params}"
        assert "Siti" not in shown and "Wahyuni" not in shown
    assert VICTIM not in repr(s.settings.get())
    assert s.user.role is L
