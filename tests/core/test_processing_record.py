"""The record of processing (UU PDP Pasal 31; SECURITY.md C5): every create, read, update,
print, export and delete path of the service layer writes an audit row.

Every public method of every service a session hands out is listed here: either with the
audit action it must write (called on a prepared vault; the audit must grow by that action,
with the case code when it concerns a case), or as exempt with the reason, or as a known gap
(a read of case content that writes no row yet — an expected failure that turns into a real
failure the day it is audited, so it moves to the audited table). A new public method that is
in none of the tables fails :func:`test_every_public_service_method_is_listed`: no future code
path can skip the processing record silently.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path

import pytest

from app.clock import FakeClock
from app.domain.enums import (
    CaseStatus,
    ClosureReason,
    FollowUpKind,
    ReferralOutcome,
    RightStatus,
    Role,
    VictimRight,
)
from app.domain.models import CaseRef
from app.domain.workflow import STARRED_RIGHTS
from app.services.breaches import BreachInput
from app.services.session import Session
from tests import helpers
from tests.core import form_documents_support as s

#: Session attributes holding services (a new one must be added here; see the last test).
SERVICES = ("cases", "workflow", "referrals", "attachments", "drafts", "documents", "exports",
            "statistics", "retention", "backups", "breaches", "settings", "users", "integrity")


@dataclass(frozen=True)
class Run:
    """The call to make, and the case code its audit row must carry (``None``: no case)."""

    call: Callable[[], object]
    code: str | None = None


@dataclass
class Bench:
    session: Session
    clock: FakeClock
    tmp: Path

    def case(self, received: bool = True) -> CaseRef:
        ref = self.session.cases.create(helpers.full_intake(tag="PR"))
        if received:
            self.session.workflow.transition(ref.id, CaseStatus.DITERIMA)
            self.session.workflow.transition(ref.id, CaseStatus.ASESMEN)
        return ref

    def referred(self) -> tuple[int, str, int]:
        case_id, referral_id = s.referred_case(self.session)
        return case_id, self.code(case_id), referral_id

    def closed(self) -> CaseRef:
        ref = self.case(received=False)
        for right in STARRED_RIGHTS:
            self.session.workflow.set_right(ref.id, right, RightStatus.DIBERIKAN)
        self.session.workflow.close(ref.id, ClosureReason.DUPLIKAT)
        return ref

    def code(self, case_id: int) -> str:
        return self.session.cases.get(case_id).code

    def user(self, name: str) -> str:
        self.session.users.add(name, f"Petugas {name}", Role.PETUGAS,
                               password=helpers.PETUGAS_PASSWORD)
        return name


Step = Callable[[Bench], Run]


# --- cases -------------------------------------------------------------------------------

def _create(b: Bench) -> Run:
    return Run(lambda: b.session.cases.create(helpers.minimal_intake()))


def _update(b: Bench) -> Run:
    ref = b.case()
    intake = helpers.full_intake(tag="PR")
    changed = replace(intake, victim=replace(intake.victim, phone="0813-0000-1111"))
    return Run(lambda: b.session.cases.update(ref.id, changed), ref.code)


def _on_case(method: Callable[[Session, int], object]) -> Step:
    def step(b: Bench) -> Run:
        ref = b.case()
        return Run(lambda: method(b.session, ref.id), ref.code)
    return step


def _assign(b: Bench) -> Run:
    ref = b.case()
    return Run(lambda: b.session.cases.assign(ref.id, b.session.user.id), ref.code)


def _restrict(b: Bench) -> Run:
    ref, other = b.case(), b.user("pr_recused")
    user_id = next(u.id for u in b.session.users.all_users() if u.username == other)
    return Run(lambda: b.session.cases.restrict(ref.id, frozenset({user_id})), ref.code)


# --- workflow ----------------------------------------------------------------------------

def _transition(b: Bench) -> Run:
    ref = b.case(received=False)
    return Run(lambda: b.session.workflow.transition(ref.id, CaseStatus.DITERIMA), ref.code)


def _close(b: Bench) -> Run:
    ref = b.case(received=False)
    for right in STARRED_RIGHTS:
        b.session.workflow.set_right(ref.id, right, RightStatus.DIBERIKAN)
    return Run(lambda: b.session.workflow.close(ref.id, ClosureReason.DUPLIKAT), ref.code)


def _on_closed(method: Callable[[Session, int], object]) -> Step:
    def step(b: Bench) -> Run:
        ref = b.closed()
        return Run(lambda: method(b.session, ref.id), ref.code)
    return step


def _follow_up(b: Bench) -> Run:
    ref = b.case()
    return Run(lambda: b.session.workflow.add_follow_up(ref.id, FollowUpKind.KONTAK, "ok"),
               ref.code)


def _right(b: Bench) -> Run:
    ref = b.case()
    return Run(lambda: b.session.workflow.set_right(ref.id, VictimRight.DOKUMEN_HASIL,
                                                    RightStatus.DIBERIKAN), ref.code)


# --- referrals, attachments, drafts --------------------------------------------------------

def _consent(b: Bench) -> Run:
    ref = b.case()
    return Run(lambda: b.session.referrals.record_consent(ref.id, s.CONSENTS[0].consent),
               ref.code)


def _revoke(b: Bench) -> Run:
    ref = b.case()
    consent_id = b.session.referrals.record_consent(ref.id, s.CONSENTS[0].consent)
    return Run(lambda: b.session.referrals.revoke_consent(consent_id, "dicabut"), ref.code)


def _refer(b: Bench) -> Run:
    ref = b.case()
    for record in s.CONSENTS:
        b.session.referrals.record_consent(ref.id, record.consent)
    return Run(lambda: b.session.referrals.refer(ref.id, s.referral().referral), ref.code)


def _on_referral(method: Callable[[Session, int], object]) -> Step:
    def step(b: Bench) -> Run:
        _, code, referral_id = b.referred()
        return Run(lambda: method(b.session, referral_id), code)
    return step


def _attach(b: Bench) -> Run:
    ref = b.case()
    return Run(lambda: b.session.attachments.add(ref.id, "bukti.png", b"bukti"), ref.code)


def _read_attachment(b: Bench) -> Run:
    ref = b.case()
    info = b.session.attachments.add(ref.id, "bukti.png", b"bukti")
    return Run(lambda: b.session.attachments.read(info.id), ref.code)


def _draft_save(b: Bench) -> Run:
    ref = b.case()
    return Run(lambda: b.session.drafts.save(ref.id, {"nama": "isian"}), ref.code)


def _draft_discard(b: Bench) -> Run:
    ref = b.case()
    b.session.drafts.save(ref.id, {"nama": "isian"})
    return Run(lambda: b.session.drafts.discard(ref.id), ref.code)


def _draft_load(b: Bench) -> Run:
    ref = b.case()
    b.session.drafts.save(ref.id, {"nama": "isian"})
    return Run(lambda: b.session.drafts.load(ref.id), ref.code)


# --- documents, exports, statistics ------------------------------------------------------

def _export_record(b: Bench) -> Run:
    ref = b.case()
    rendered = b.session.documents.intake_form(ref.id)
    return Run(lambda: b.session.documents.record_export(rendered), ref.code)


def _destruction_record(b: Bench) -> Run:
    ref = b.case()
    b.session.retention.erase_on_request(ref.id, "permintaan korban")
    return Run(lambda: b.session.documents.destruction_record([ref.code]), ref.code)


def _breach(b: Bench) -> int:
    return b.session.breaches.record(BreachInput(b.clock.now() - timedelta(hours=1),
                                                 "laptop hilang"))


def _breach_notice(b: Bench) -> Run:
    breach_id = _breach(b)
    return Run(lambda: b.session.documents.breach_notice(breach_id))


def _period(method: Callable[[Session, date, date], object]) -> Step:
    return lambda b: Run(lambda: method(b.session, date(2026, 1, 1), date(2026, 12, 31)))


# --- retention, backups, breaches, settings, users, integrity ----------------------------

def _destroy_expired(b: Bench) -> Run:
    ref = b.closed()
    years = b.session.settings.get().retention_years
    b.clock.advance(timedelta(days=366 * years + 2))
    return Run(lambda: b.session.retention.destroy_expired([ref.id]), ref.code)


def _erase(b: Bench) -> Run:
    ref = b.case()
    return Run(lambda: b.session.retention.erase_on_request(ref.id, "permintaan korban"),
               ref.code)


def _backup(b: Bench) -> Run:
    target = b.tmp / "usb"
    target.mkdir()
    return Run(lambda: b.session.backups.create(target))


def _notified(b: Bench) -> Run:
    breach_id = _breach(b)
    return Run(lambda: b.session.breaches.mark_notified(breach_id))


def _settings(b: Bench) -> Run:
    minutes = b.session.settings.get().auto_lock_minutes
    return Run(lambda: b.session.settings.update(auto_lock_minutes=minutes % 15 + 1))


def _on_user(method: Callable[[Session, str], object], name: str) -> Step:
    def step(b: Bench) -> Run:
        user = b.user(name)
        return Run(lambda: method(b.session, user))
    return step


def _add_user(b: Bench) -> Run:
    return Run(lambda: b.session.users.add("pr_added", "Petugas Baru", Role.PETUGAS,
                                           password=helpers.PETUGAS_PASSWORD))


def _own_password(b: Bench) -> Run:
    return Run(lambda: b.session.users.change_own_password("gunung merapi meletus pagi hari",
                                                           helpers.KOORDINATOR_PASSWORD))


def _plain(method: Callable[[Session], object]) -> Step:
    return lambda b: Run(lambda: method(b.session))


#: Every audited path: ``service.method`` → (the audit action it writes, how to call it).
AUDITED: dict[str, tuple[str, Step]] = {
    "cases.create": ("case.create", _create),
    "drafts.load": ("case.view", _draft_load),
    "cases.update": ("case.update", _update),
    "cases.assign": ("case.assign", _assign),
    "cases.restrict": ("case.restrict", _restrict),
    "cases.get": ("case.view", _on_case(lambda x, i: x.cases.get(i))),
    "cases.history": ("audit.view", _on_case(lambda x, i: x.cases.history(i))),
    "cases.corrections": ("case.view_corrections",
                          _on_case(lambda x, i: x.cases.corrections(i))),
    "cases.reveal_victim_name": ("case.reveal_name",
                                 _on_case(lambda x, i: x.cases.reveal_victim_name(i))),
    "workflow.transition": ("case.status", _transition),
    "workflow.close": ("case.close", _close),
    "workflow.reopen": ("case.reopen", _on_closed(lambda x, i: x.workflow.reopen(i, "lagi"))),
    "workflow.archive": ("case.status", _on_closed(lambda x, i: x.workflow.archive(i))),
    "workflow.add_follow_up": ("case.follow_up", _follow_up),
    "workflow.set_right": ("case.right", _right),
    "referrals.record_consent": ("consent.record", _consent),
    "referrals.revoke_consent": ("consent.revoke", _revoke),
    "referrals.refer": ("case.refer", _refer),
    "referrals.record_feedback": ("case.feedback", _on_referral(
        lambda x, r: x.referrals.record_feedback(r, ReferralOutcome.DITANGANI))),
    "referrals.confirm_police_report": ("case.police_report_confirmed", _on_referral(
        lambda x, r: x.referrals.confirm_police_report(r))),
    "attachments.add": ("attachment.add", _attach),
    "attachments.read": ("attachment.view", _read_attachment),
    "drafts.save": ("case.form_draft_saved", _draft_save),
    "drafts.discard": ("case.form_draft_discarded", _draft_discard),
    "documents.intake_form": ("case.print", _on_case(lambda x, i: x.documents.intake_form(i))),
    "documents.consent_form": ("case.print",
                               _on_case(lambda x, i: x.documents.consent_form(i))),
    "documents.survivor_copy": ("case.print",
                                _on_case(lambda x, i: x.documents.survivor_copy(i))),
    "documents.subject_access_report": ("case.print", _on_case(
        lambda x, i: x.documents.subject_access_report(i))),
    "documents.referral_letter": ("case.print", _on_referral(
        lambda x, r: x.documents.referral_letter(r))),
    "documents.intake_form_for_referral": ("case.print", _on_referral(
        lambda x, r: x.documents.intake_form_for_referral(r))),
    "documents.feedback_slip": ("case.print", _on_referral(
        lambda x, r: x.documents.feedback_slip(r))),
    "documents.simfoni_sheet": ("case.print", _on_referral(
        lambda x, r: x.documents.simfoni_sheet(r))),
    "documents.recap": ("stats.print", _period(lambda x, a, z: x.documents.recap(a, z))),
    "documents.record_export": ("document.export", _export_record),
    "documents.destruction_record": ("case.print", _destruction_record),
    "documents.breach_notice": ("breach.print", _breach_notice),
    "exports.statistics_xlsx": ("stats.export",
                                _period(lambda x, a, z: x.exports.statistics_xlsx(a, z))),
    "exports.statistics_csv": ("stats.export",
                               _period(lambda x, a, z: x.exports.statistics_csv(a, z))),
    "statistics.recap": ("stats.view", _period(lambda x, a, z: x.statistics.recap(a, z))),
    "retention.destroy_expired": ("case.destroy", _destroy_expired),
    "retention.erase_on_request": ("case.destroy", _erase),
    "backups.create": ("vault.backup", _backup),
    "breaches.record": ("breach.record", lambda b: Run(lambda: _breach(b))),
    "breaches.mark_notified": ("breach.notified", _notified),
    "settings.update": ("settings.update", _settings),
    "users.add": ("user.add", _add_user),
    "users.reset_password": ("user.reset_password", _on_user(
        lambda x, u: x.users.reset_password(u), "pr_reset")),
    "users.change_own_password": ("user.change_password", _own_password),
    "users.set_role": ("user.role", _on_user(
        lambda x, u: x.users.set_role(u, Role.KOORDINATOR), "pr_role")),
    "users.remove": ("user.remove", _on_user(lambda x, u: x.users.remove(u), "pr_removed")),
    "users.new_recovery_code": ("keys.recovery_replaced",
                                _plain(lambda x: x.users.new_recovery_code())),
    "integrity.check": ("integrity.check", _plain(lambda x: x.integrity.check())),
    "integrity.seal": ("audit.seal", _plain(lambda x: x.integrity.seal())),
}

#: Reads that touch case content but write no audit row yet (see the module doc). None today:
#: the last one, ``drafts.load``, is audited as a case view now.
GAPS: dict[str, tuple[str, Step]] = {}

#: Public methods that write no audit row, and why that is right.
EXEMPT: dict[str, str] = {
    "cases.summaries": "case list: masked names and codes only; opening a case is audited",
    "cases.search": "case list filtered by text: masked summaries only, like summaries",
    "cases.search_ids": "ids of matching cases only, for a list that already holds them",
    "cases.deadlines": "codes and due times of open clocks, no personal data",
    "attachments.for_case": "file names and sizes inside an opened case (cases.get audits "
                            "the opening); reading a file is audited",
    "drafts.pending": "codes of cases with an unfinished form, no content",
    "retention.eligible": "codes and closing dates of cases past retention, no content",
    "retention.destroyed": "what destroyed_cases keeps: codes, dates, legal basis",
    "backups.history": "backup files made (names, sizes, counts): no case data",
    "backups.last_good": "the newest backup record, as history",
    "backups.stale": "backup records older than retention, as history",
    "backups.reminder_due": "a yes/no from the backup history",
    "breaches.get": "the breach register holds no case data; printing a notice is audited",
    "breaches.all": "the breach register, as get",
    "breaches.open_notices": "the breach register, as get",
    "settings.get": "office configuration, no case data",
    "users.all_users": "officer accounts (no data subject's data); changes are audited",
    "users.directory": "colleagues' display names and roles, as all_users",
}


def _public_methods(cls: type) -> set[str]:
    return {name for name, _ in inspect.getmembers(cls, inspect.isfunction)
            if not name.startswith("_")}


def _last_seq(session: Session) -> int:
    entries = session.ctx.audit.entries(limit=1)
    return entries[0].seq if entries else 0


def _performed(step: Step, koord: Session, kclock: FakeClock, tmp_path: Path,
               action: str) -> list[str | None]:
    """Call the prepared path; the case codes of the new audit rows with ``action``."""
    run = step(Bench(koord, kclock, tmp_path))
    before = _last_seq(koord)
    run.call()
    fresh = [e for e in koord.ctx.audit.entries(limit=10_000) if e.seq > before]
    return [e.case_code for e in fresh if e.action == action] if run.code is None else [
        e.case_code for e in fresh if e.action == action and e.case_code == run.code]


@pytest.mark.parametrize("name", sorted(AUDITED))
def test_every_processing_path_writes_its_audit_row(koord: Session, kclock: FakeClock,
                                                    tmp_path: Path, name: str) -> None:
    action, step = AUDITED[name]
    assert _performed(step, koord, kclock, tmp_path, action), f"{name} wrote no {action} row"


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(
    strict=True, reason="known gap: no audit row yet")) for n in sorted(GAPS)])
def test_known_gaps_still_write_no_row(koord: Session, kclock: FakeClock, tmp_path: Path,
                                       name: str) -> None:
    """Fails (xfail) while the gap is open; passes — and so breaks — once it is audited."""
    action, step = GAPS[name]
    assert _performed(step, koord, kclock, tmp_path, action)


def test_every_public_service_method_is_listed(koord: Session) -> None:
    listed = set(AUDITED) | set(GAPS) | set(EXEMPT)
    assert not set(AUDITED) & set(EXEMPT) and not set(GAPS) & (set(AUDITED) | set(EXEMPT))
    for attribute in SERVICES:
        methods = {f"{attribute}.{name}"
                   for name in _public_methods(type(getattr(koord, attribute)))}
        ours = {name for name in listed if name.split(".")[0] == attribute}
        assert methods == ours, (f"unlisted: {sorted(methods - ours)}; "
                                 f"gone: {sorted(ours - methods)}")


def test_every_service_of_the_session_is_covered(koord: Session) -> None:
    """A new service on the session must join :data:`SERVICES` (and so the tables)."""
    found = set()
    for name, attribute in vars(Session).items():
        if isinstance(attribute, (cached_property, property)) and not name.startswith("_"):
            value = getattr(koord, name)
            if type(value).__module__.startswith("app.services.") and \
                    type(value).__name__.endswith("Service"):
                found.add(name)
    assert found == set(SERVICES)


def test_the_check_sees_an_unlisted_method(koord: Session) -> None:
    """The listing check is able to fail: a subclass with one more public method."""
    base = type(koord.cases)
    grown = type("GrownCaseService", (base,), {"export_names": lambda self: None})
    assert _public_methods(grown) - _public_methods(base) == {"export_names"}
