"""Clearly fake cases for demos, screenshots and benchmarks (``posko-admin seed-demo``).

Every name ends in "(DEMO)", every NIK starts with 9999 (no such province), every phone
number uses the unassigned 0800-0000 block and every chronology starts with "[DATA DEMO]".
Cases are spread over the last two years and walked through the real workflow, so lists,
deadlines and statistics look like a working posko. Deterministic for a given seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random

from app.clock import FakeClock
from app.domain.enums import (
    CaseStatus,
    Channel,
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    FollowUpKind,
    Need,
    PerpetratorKpuRelation,
    Priority,
    ReferralKind,
    ReferralOutcome,
    ReferralSource,
    RightStatus,
    Sex,
    SimfoniPlace,
    SimfoniRelation,
    SimfoniService,
    TpksType,
    VictimKpuRelation,
)
from app.domain.models import (
    ConsentInput,
    Incident,
    Intake,
    Needs,
    Perpetrator,
    Reception,
    ReferralInput,
    Reporter,
    Triage,
    Victim,
)
from app.domain.settings import OfficeSettings
from app.domain.workflow import STARRED_RIGHTS
from app.services.access import Action, require
from app.services.session import Session
from app.store.tx import write_transaction

FIRST = ("Sri", "Siti", "Dewi", "Rina", "Ayu", "Lestari", "Wulan", "Indah", "Fitri", "Nur",
         "Ratna", "Yuni", "Budi", "Agus", "Eko", "Joko", "Rudi", "Slamet", "Bambang", "Hadi")
LAST = ("Wahyuni", "Lestari", "Rahayu", "Susanti", "Handayani", "Pratiwi", "Puspita", "Sari",
        "Setiawan", "Santoso", "Prasetyo", "Nugroho", "Wibowo", "Saputra", "Hidayat", "Kurnia")
STORIES = (
    "Korban menerima pesan bernada seksual berulang kali melalui WhatsApp dari {rel}.",
    "Korban mengalami sentuhan fisik yang tidak diinginkan oleh {rel} di {place}.",
    "Korban diancam foto pribadinya akan disebarkan oleh {rel} bila menolak permintaannya.",
    "Korban mendapat komentar dan gerakan bernada seksual dari {rel} saat bertugas.",
    "Korban dipaksa menerima ajakan {rel} dengan janji perpanjangan kontrak kerja.",
)
PLACES = ("kantor sekretariat", "gudang logistik", "lokasi TPS", "ruang rapat", "rumah korban")
STAGES = (CaseStatus.DRAF, CaseStatus.DITERIMA, CaseStatus.ASESMEN, CaseStatus.LAYANAN_INTERNAL,
          CaseStatus.DIRUJUK, CaseStatus.DITERUSKAN, CaseStatus.PEMANTAUAN, CaseStatus.DITUTUP,
          CaseStatus.DIARSIPKAN)
WEIGHTS = (5, 10, 10, 5, 20, 5, 20, 15, 10)
BATCH = 50


def _name(rng: Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)} (DEMO)"


def _perpetrator(rng: Random) -> Perpetrator:
    insider = rng.random() < 0.4
    kpu = rng.choice(list(PerpetratorKpuRelation)[:-1]) if insider else None
    return Perpetrator(full_name=_name(rng) if rng.random() < 0.7 else None,
                       sex=Sex.L if rng.random() < 0.9 else Sex.P, kpu_relation=kpu,
                       simfoni_relation=None if insider else rng.choice(list(SimfoniRelation)),
                       has_access_to_victim=rng.random() < 0.5)


def intake(rng: Random, received: datetime, office: OfficeSettings) -> Intake:
    """One fake intake received at ``received``."""
    perpetrators = tuple(_perpetrator(rng) for _ in range(rng.choice((0, 1, 1, 1, 2))))
    kecamatan = rng.choice(office.kecamatan_choices())
    story = rng.choice(STORIES).format(rel="terlapor", place=rng.choice(PLACES))
    age = rng.randint(14, 58)
    victim = Victim(full_name=_name(rng), sex=Sex.P if rng.random() < 0.85 else Sex.L,
                    age_years=age, nik=f"9999{rng.randrange(10**12):012d}",
                    phone=f"0800-0000-{rng.randrange(10**4):04d}", kecamatan=kecamatan,
                    kpu_relation=rng.choice(list(VictimKpuRelation)))
    types = frozenset(rng.sample(list(TpksType)[:9], rng.choice((1, 1, 2))))
    occurred = (received - timedelta(days=rng.choice((0, 1, 2, 5, 20, 60)))).date()
    return Intake(
        reception=Reception(received_at=received, channel=rng.choice(list(Channel)),
                            referred_by=rng.choice(list(ReferralSource))),
        reporter=Reporter(is_victim=rng.random() < 0.8),
        victim=victim, perpetrators=perpetrators,
        incident=Incident(occurred_on=occurred, place=rng.choice(list(SimfoniPlace)),
                          kecamatan=kecamatan, chronology=f"[DATA DEMO] {story}",
                          tpks_types=types, electronic=TpksType.KSBE in types),
        triage=Triage(child=age < 18, insider=any(p.insider for p in perpetrators),
                      priority=rng.choice(list(Priority))),
        needs=Needs(items=frozenset(rng.sample(list(Need), rng.randint(1, 3)))),
    )


class _Walker:
    """Moves one fresh case to its target stage through the real services."""

    def __init__(self, session: Session, clock: FakeClock, rng: Random) -> None:
        self._s = session
        self._clock = clock
        self._rng = rng

    def _later(self, hours: float) -> None:
        self._clock.advance(timedelta(hours=hours))

    def walk(self, case_id: int, target: CaseStatus, child: bool, insider: bool) -> None:
        if target is CaseStatus.DRAF:
            return
        wf = self._s.workflow
        wf.transition(case_id, CaseStatus.DITERIMA)
        if target is CaseStatus.DITERIMA:
            return
        self._later(1)
        wf.transition(case_id, CaseStatus.ASESMEN)
        self._consents(case_id, child)
        if target is CaseStatus.ASESMEN:
            return
        if target is CaseStatus.LAYANAN_INTERNAL:
            wf.transition(case_id, target, "Korban hanya meminta informasi (DEMO).")
            return
        self._refer(case_id, escalate=target is CaseStatus.DITERUSKAN or insider)
        if target in (CaseStatus.DIRUJUK, CaseStatus.DITERUSKAN):
            return
        self._later(self._rng.uniform(6, 200))
        referral_id = self._s.cases.get(case_id).referrals[-1].id
        self._s.referrals.record_feedback(referral_id, ReferralOutcome.DITANGANI)
        wf.add_follow_up(case_id, FollowUpKind.KONTAK, "Korban dihubungi ulang (DEMO).")
        if target is CaseStatus.PEMANTAUAN:
            return
        self._later(48)
        for right in sorted(STARRED_RIGHTS):
            wf.set_right(case_id, right, RightStatus.DIBERIKAN)
        wf.close(case_id, ClosureReason.KEBUTUHAN_TERPENUHI)
        if target is CaseStatus.DIARSIPKAN:
            wf.archive(case_id)

    def _consents(self, case_id: int, child: bool) -> None:
        outcome = ConsentOutcome.WALI if child else ConsentOutcome.DIBERIKAN
        name, relation = ("Wali (DEMO)", "ibu") if child else (None, None)
        referrals = self._s.referrals
        for recipient in ("dinsos_p3a_blora", "satgas_kpu_jateng"):
            referrals.record_consent(case_id, ConsentInput(
                ConsentPurpose.RUJUKAN, outcome, recipient=recipient, guardian_name=name,
                guardian_relation=relation))
        if self._rng.random() < 0.85:
            referrals.record_consent(case_id, ConsentInput(
                ConsentPurpose.STATISTIK, outcome, guardian_name=name,
                guardian_relation=relation))

    def _refer(self, case_id: int, escalate: bool) -> None:
        priority = self._rng.choice(list(Priority))
        services = frozenset(self._rng.sample(list(SimfoniService), 2))
        if escalate:
            self._s.referrals.refer(case_id, ReferralInput(
                "satgas_kpu_jateng", ReferralKind.PENERUSAN, priority))
        if not escalate or self._rng.random() < 0.5:
            self._s.referrals.refer(case_id, ReferralInput(
                "dinsos_p3a_blora", ReferralKind.RUJUKAN, priority, services))


@dataclass(frozen=True)
class Schedule:
    """What every seeder draws first, in this order, so that a seed gives the same cases
    whichever seeder runs (:mod:`app.demo_bulk` too; ``tests/core/test_demo_bulk.py``)."""

    rng: Random
    office: OfficeSettings
    end: datetime             # the clock when seeding began; set back to it at the end
    moments: list[datetime]   # when each case was received, oldest first


def schedule(session: Session, clock: FakeClock, count: int, seed: int, days: int) -> Schedule:
    """The draws every seeder starts from, after the permission check (made before any
    transaction, so a refusal's audit row is not rolled back with it)."""
    require(session.ctx, Action.DEMO_SEED)
    rng = Random(seed)
    end = clock.now()
    office = session.settings.get()
    moments = sorted(end - timedelta(days=rng.uniform(0.5, days)) for _ in range(count))
    return Schedule(rng, office, end, moments)


def seed(session: Session, clock: FakeClock, *, count: int, seed: int = 2022,
         days: int = 720) -> int:
    """Add ``count`` fake cases received over the last ``days`` days; returns the count.

    Runs in batches of one transaction each (savepoints inside), so a thousand cases take
    seconds, and an interruption keeps every finished batch.
    """
    plan = schedule(session, clock, count, seed, days)
    rng, office = plan.rng, plan.office
    walker = _Walker(session, clock, rng)
    for start in range(0, count, BATCH):
        with write_transaction(session.ctx.conn):
            for received in plan.moments[start:start + BATCH]:
                clock.set(received + timedelta(minutes=10))
                fake = intake(rng, received, office)
                ref = session.cases.create(fake)
                target = rng.choices(STAGES, WEIGHTS)[0]
                insider = any(p.insider for p in fake.perpetrators)
                walker.walk(ref.id, target, bool(fake.triage.child), insider)
    clock.set(plan.end)
    return count
