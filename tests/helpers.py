"""Shared test helpers (no Qt): fixed passwords, a fixed clock, ready-made intakes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from app.clock import FakeClock
from app.domain.enums import (
    Channel,
    Education,
    MaritalStatus,
    Need,
    Pasal15Flag,
    PerpetratorKpuRelation,
    Priority,
    ReferralSource,
    Route,
    Sex,
    SimfoniPlace,
    SimfoniRelation,
    SimfoniViolence,
    TimeOfDay,
    TpksType,
    VictimKpuRelation,
)
from app.domain.models import (
    GbvimsAnswers,
    Incident,
    Intake,
    Needs,
    Perpetrator,
    Reception,
    Reporter,
    Triage,
    Victim,
)
from app.keys.kdf import FLOOR
from app.paths import VaultPaths
from app.services.session import Session
from app.services.vault import Vault

KOORDINATOR = "koord"
KOORDINATOR_PASSWORD = "kuda lari di pematang sawah"
PETUGAS = "petugas1"
PETUGAS_PASSWORD = "burung hantu terbang malam"
PIMPINAN = "pimpinan"
PIMPINAN_PASSWORD = "kopi tubruk tanpa gula pagi"
#: 09:00 WIB on a Monday.
START = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def fake_clock() -> FakeClock:
    return FakeClock(START)


def new_vault(root: object, clock: FakeClock | None = None) -> Vault:
    return Vault(VaultPaths(Path(str(root))), clock=clock or fake_clock(), kdf_params=FLOOR)


def create_vault(vault: Vault) -> tuple[Session, str]:
    return vault.create(username=KOORDINATOR, display_name="Koordinator Posko",
                        password=KOORDINATOR_PASSWORD)


def minimal_intake(received: datetime = START, name: str | None = "Siti Aminah") -> Intake:
    return Intake(reception=Reception(received_at=received),
                  victim=Victim(full_name=name, sex=Sex.P, age_years=30),
                  incident=Incident(chronology="Korban menerima pesan tidak pantas.",
                                    tpks_types=frozenset({TpksType.PELECEHAN_NONFISIK})),
                  triage=Triage(priority=Priority.BIASA))


def full_intake(received: datetime = START, tag: str = "A") -> Intake:
    """Every field of every section filled with a distinct value (round-trip tests)."""
    return Intake(
        reception=Reception(received_at=received, channel=Channel.WHATSAPP,
                            referred_by=ReferralSource.REKAN_KERJA,
                            routes=frozenset({Route.RUJUKAN, Route.ESKALASI}),
                            route_note=f"catatan rute {tag}"),
        reporter=Reporter(is_victim=False, full_name=f"Pelapor Satu {tag}",
                          relationship="kakak", safe_contact="lewat posko", victim_knows=True,
                          confidential=True),
        victim=Victim(full_name=f"Korban Lengkap {tag}", alias="Mawar", title_front="Dr.",
                      title_back="S.Pd.", sex=Sex.P, birth_date=date(1990, 5, 17),
                      age_years=35, nik="3316015705900001", address="Jl. Contoh 1 RT 2",
                      desa="Tempelan", kecamatan="Blora", phone="0812-3456-7890",
                      safe_to_call=False, safe_to_text=True, contact_via_posko=True,
                      education=Education.S1, occupation="staf sekretariat",
                      marital_status=MaritalStatus.KAWIN, disability=True,
                      disability_type="tuli", accommodation="juru bahasa isyarat",
                      pregnant=False, kpu_relation=VictimKpuRelation.ASN_SEKRETARIAT),
        perpetrators=(
            Perpetrator(full_name=f"Terlapor Satu {tag}", alias="Pak X", sex=Sex.L,
                        age_band=None, simfoni_relation=SimfoniRelation.MAJIKAN,
                        kpu_relation=PerpetratorKpuRelation.ATASAN, occupation="kepala bagian",
                        prior_perpetrator=True, has_access_to_victim=True),
            Perpetrator(full_name=None, sex=Sex.L,
                        kpu_relation=PerpetratorKpuRelation.TIDAK_ADA),
        ),
        incident=Incident(occurred_on=date(2026, 2, 27), occurred_time=time(14, 30),
                          date_is_approximate=False, time_of_day=TimeOfDay.SIANG,
                          place=SimfoniPlace.TEMPAT_KERJA, kecamatan="Cepu",
                          chronology=f"Kronologi dalam kata-kata korban {tag}.\nBaris kedua.",
                          tpks_types=frozenset({TpksType.PELECEHAN_FISIK, TpksType.KSBE}),
                          extra_violence=frozenset({SimfoniViolence.PSIKIS}),
                          gbvims=GbvimsAnswers(penetration=False, sexual_contact=True,
                                               physical_assault=False, forced_marriage=False,
                                               denial_of_resources=None, gender_based=True),
                          pasal15=frozenset({Pasal15Flag.PEJABAT_ATASAN,
                                             Pasal15Flag.SARANA_ELEKTRONIK}),
                          electronic=True, previously_reported=True,
                          previously_reported_where="Mbak Silpa", earlier_incidents=3,
                          evidence=("tangkapan layar pesan", "foto memar")),
        triage=Triage(immediate_danger=False, injury_or_recent=True, child=False,
                      disability=True, perpetrator_access=True, insider=True,
                      priority=Priority.SEGERA, priority_reason="akses terlapor"),
        needs=Needs(items=frozenset({Need.KESEHATAN_VISUM, Need.PENGUATAN_PSIKOLOGIS}),
                    expectations="ingin pindah ruang kerja"),
    )


def later(clock: FakeClock, **delta: float) -> None:
    clock.advance(timedelta(**delta))
