"""Fast demo seeding for benchmark vaults (``posko-admin seed-demo``): 100,000 cases in minutes.

:func:`app.demo.seed` walks every case through the services, one savepoint per step, so a
100,000-case vault took over half an hour (each statement pays SQLCipher's memory wiping, and
each follow-up re-indexed its case, then under FTS5 secure-delete). This module writes the *same*
rows those services write — same repositories, same audit actions and details, same random
draws, so a given seed gives the same cases — but without the per-step checks (the fake data
is valid by construction), a thousand cases per transaction, and the search index built once
per batch from the finished cases. ``tests/core/test_demo_bulk.py`` holds the two paths equal.
"""

from __future__ import annotations

import struct
import zlib
from datetime import datetime, timedelta
from random import Random

from app.audit import DetailValue
from app.clock import FakeClock
from app.domain import deadlines as clocks
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
    SimfoniService,
)
from app.domain.models import Closure, ConsentInput, Intake, ReferralInput, RightEntry
from app.domain.settings import OfficeSettings
from app.domain.workflow import STARRED_RIGHTS
from app.services.cases import _fresh_code
from app.services.intake_rules import validate_intake
from app.services.session import Session
from app.store import case_repo, search_index
from app.store.tx import write_transaction

from .demo import STAGES, WEIGHTS, intake, schedule

BATCH = 1000
#: Every n-th case gets a screenshot-sized evidence file (a PNG of noise, ~12 KB).
ATTACHMENT_EVERY = 20


def noise_png(rng: Random, width: int = 64, height: int = 64) -> bytes:
    """A small valid RGB PNG of random pixels: incompressible, like a photo."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    rows = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


class _Writer:
    """Writes one fake case at its target stage, as the services would have."""

    def __init__(self, session: Session, clock: FakeClock, rng: Random) -> None:
        self._s = session
        self._conn = session.ctx.conn
        self._user = session.user.id
        self.clock = clock
        self._rng = rng
        self._status = CaseStatus.DRAF
        self._consents: dict[str, int] = {}

    def _audit(self, action: str, code: str, detail: dict[str, DetailValue] | None = None) -> None:
        self._s.ctx.audit.append(action, actor=self._user, case_code=code, detail=detail)

    def _move(self, case_id: int, code: str, target: CaseStatus, reason: str | None = None,
              action: str = "case.status", detail: dict[str, DetailValue] | None = None) -> None:
        case_repo.set_status(self._conn, case_id, self._status, target, self.clock.now(),
                             self._user, reason)
        self._audit(action, code, detail if detail is not None
                    else {"from": self._status.value, "to": target.value})
        self._status = target

    def create(self, fake: Intake, office: OfficeSettings) -> tuple[int, str]:
        """``CaseService.create`` without its search-index step (built per batch)."""
        now = self.clock.now()
        cleaned = validate_intake(fake, office, now)
        local_now = now.astimezone(clocks.zone(office.timezone))
        number, code = _fresh_code(self._s.ctx, office, local_now)
        case_id = case_repo.insert_case(self._conn, code=code, year=local_now.year,
                                        number=number, now=now, user_id=self._user,
                                        intake=cleaned)
        case_repo.set_status(self._conn, case_id, None, CaseStatus.DRAF, now, self._user, None)
        self._audit("case.create", code)
        self._status, self._consents = CaseStatus.DRAF, {}
        return case_id, code

    def walk(self, case_id: int, code: str, target: CaseStatus, child: bool,
             insider: bool) -> None:
        """The same steps, clock moves and random draws as ``app.demo._Walker.walk``."""
        if target is CaseStatus.DRAF:
            return
        self._move(case_id, code, CaseStatus.DITERIMA)
        if target is CaseStatus.DITERIMA:
            return
        self.clock.advance(timedelta(hours=1))
        self._move(case_id, code, CaseStatus.ASESMEN)
        self._consent_all(case_id, code, child)
        if target is CaseStatus.ASESMEN:
            return
        if target is CaseStatus.LAYANAN_INTERNAL:
            self._move(case_id, code, target, "Korban hanya meminta informasi (DEMO).")
            return
        self._refer_all(case_id, code, escalate=target is CaseStatus.DITERUSKAN or insider)
        if target in (CaseStatus.DIRUJUK, CaseStatus.DITERUSKAN):
            return
        self._monitor(case_id, code)
        if target is CaseStatus.PEMANTAUAN:
            return
        self._close(case_id, code)
        if target is CaseStatus.DIARSIPKAN:
            self._move(case_id, code, CaseStatus.DIARSIPKAN)

    def _consent_all(self, case_id: int, code: str, child: bool) -> None:
        outcome = ConsentOutcome.WALI if child else ConsentOutcome.DIBERIKAN
        name, relation = ("Wali (DEMO)", "ibu") if child else (None, None)
        for recipient in ("dinsos_p3a_blora", "satgas_kpu_jateng"):
            self._consent(case_id, code, ConsentInput(
                ConsentPurpose.RUJUKAN, outcome, recipient=recipient, guardian_name=name,
                guardian_relation=relation))
        if self._rng.random() < 0.85:
            self._consent(case_id, code, ConsentInput(
                ConsentPurpose.STATISTIK, outcome, guardian_name=name,
                guardian_relation=relation))

    def _consent(self, case_id: int, code: str, consent: ConsentInput) -> None:
        consent_id = case_repo.insert_consent(self._conn, case_id, consent, self.clock.now(),
                                              self._user)
        if consent.recipient is not None:
            self._consents[consent.recipient] = consent_id
        self._audit("consent.record", code, {"purpose": consent.purpose.value,
                                             "outcome": consent.outcome.value,
                                             "recipient": consent.recipient})

    def _refer_all(self, case_id: int, code: str, escalate: bool) -> None:
        priority = self._rng.choice(list(Priority))
        services = frozenset(self._rng.sample(list(SimfoniService), 2))
        if escalate:
            self._refer(case_id, code, ReferralInput(
                "satgas_kpu_jateng", ReferralKind.PENERUSAN, priority))
        if not escalate or self._rng.random() < 0.5:
            self._refer(case_id, code, ReferralInput(
                "dinsos_p3a_blora", ReferralKind.RUJUKAN, priority, services))

    def _refer(self, case_id: int, code: str, referral: ReferralInput) -> None:
        now = self.clock.now()
        priority = referral.priority or Priority.BIASA
        case_repo.insert_referral(self._conn, case_id, referral, now,
                                  clocks.feedback_due(now, priority), self._user,
                                  self._consents[referral.recipient])
        target = (CaseStatus.DITERUSKAN if referral.kind is ReferralKind.PENERUSAN
                  else CaseStatus.DIRUJUK)
        detail: dict[str, DetailValue] = {
            "recipient": referral.recipient, "kind": referral.kind.value,
            "priority": priority.value, "from": self._status.value, "to": target.value}
        if self._status is target:
            self._audit("case.refer", code, detail)
            return
        self._move(case_id, code, target, action="case.refer", detail=detail)

    def _monitor(self, case_id: int, code: str) -> None:
        """Feedback on the newest referral, then a contact note (the walker's pemantauan)."""
        self.clock.advance(timedelta(hours=self._rng.uniform(6, 200)))
        self._audit("case.view", code)  # the walker reads the case to find the referral
        referral = case_repo.load_referrals(self._conn, case_id)[-1]
        outcome = ReferralOutcome.DITANGANI
        case_repo.record_feedback(self._conn, referral, self.clock.now(), outcome, None)
        self._move(case_id, code, CaseStatus.PEMANTAUAN, action="case.feedback",
                   detail={"referral_id": referral.id, "outcome": outcome.value})
        now = self.clock.now()
        case_repo.insert_follow_up(self._conn, case_id, now, self._user, FollowUpKind.KONTAK,
                                   "Korban dihubungi ulang (DEMO).")
        case_repo.touch(self._conn, case_id, now)
        self._audit("case.follow_up", code, {"kind": FollowUpKind.KONTAK.value})

    def _close(self, case_id: int, code: str) -> None:
        self.clock.advance(timedelta(hours=48))
        now = self.clock.now()
        for right in sorted(STARRED_RIGHTS):
            case_repo.upsert_right(self._conn, case_id,
                                   RightEntry(right, RightStatus.DIBERIKAN, now, self._user))
            case_repo.touch(self._conn, case_id, now)
            self._audit("case.right", code, {"right": right.value,
                                             "status": RightStatus.DIBERIKAN.value})
        reason = ClosureReason.KEBUTUHAN_TERPENUHI
        case_repo.set_closure(self._conn, case_id, Closure(reason, None, now, self._user))
        self._move(case_id, code, CaseStatus.DITUTUP, action="case.close",
                   detail={"from": self._status.value, "reason": reason.value})


def seed_bulk(session: Session, clock: FakeClock, *, count: int, seed: int = 2022,
              days: int = 720, attachment_every: int | None = ATTACHMENT_EVERY) -> int:
    """Add ``count`` fake cases (as :func:`app.demo.seed`), every ``attachment_every``-th with
    an evidence file; returns the count. One transaction per :data:`BATCH` cases, so an
    interruption keeps every finished batch."""
    plan = schedule(session, clock, count, seed, days)
    writer = _Writer(session, clock, plan.rng)
    evidence = _Evidence(seed, attachment_every)
    for start in range(0, count, BATCH):
        with write_transaction(session.ctx.conn):
            made = [_one(session, writer, plan.rng, plan.office, received, evidence)
                    for received in plan.moments[start:start + BATCH]]
            for case_id in made:
                search_index.reindex_case(session.ctx.conn, case_id)
    clock.set(plan.end)
    return count


def _one(session: Session, writer: _Writer, rng: Random, office: OfficeSettings,
         received: datetime, evidence: _Evidence) -> int:
    writer.clock.set(received + timedelta(minutes=10))
    fake = intake(rng, received, office)
    case_id, code = writer.create(fake, office)
    evidence.maybe_attach(session, case_id)
    target = rng.choices(STAGES, WEIGHTS)[0]
    insider = any(p.insider for p in fake.perpetrators)
    writer.walk(case_id, code, target, bool(fake.triage.child), insider)
    return case_id


class _Evidence:
    """Every ``every``-th case gets a file through the attachment service (its own checks and
    audit row), from a random stream of its own so the cases stay those of ``app.demo.seed``."""

    def __init__(self, seed: int, every: int | None) -> None:
        self._rng = Random(seed + 1)
        self._every = every
        self._count = 0

    def maybe_attach(self, session: Session, case_id: int) -> None:
        self._count += 1
        if self._every and self._count % self._every == 0:
            session.attachments.add(case_id, f"tangkapan-layar-{self._count:06d}.png",
                                    noise_png(self._rng))
