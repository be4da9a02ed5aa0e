"""The words of statistics: breakdown headings and category names, shared by the Laporan
screen, the printed recap and the XLSX/CSV exports (so all three say the same thing)."""

from __future__ import annotations

from enum import Enum
from typing import Final

from app.domain.enums import (
    AgeBand,
    CaseStatus,
    Channel,
    ReferralOutcome,
    Sex,
    SimfoniPlace,
    SimfoniRelation,
    SimfoniService,
    SimfoniViolence,
    TpksType,
    VictimKpuRelation,
)
from app.domain.labels import label
from app.domain.statistics import MONTH, NO_FEEDBACK, NOT_REFERRED, UNKNOWN

MONTHS: Final = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                 "September", "Oktober", "November", "Desember")

#: Headings, in the order screens and paper show them.
TITLES: Final[dict[str, str]] = {
    "tpks_type": "Jenis kekerasan seksual (UU TPKS)",
    "simfoni_violence": "Jenis kekerasan (SIMFONI-PPA)",
    "sex": "Jenis kelamin korban",
    "age_band": "Usia korban",
    "kpu_relation": "Hubungan korban dengan KPU",
    "simfoni_place": "Tempat kejadian (SIMFONI-PPA)",
    "simfoni_relation": "Hubungan pelaku dengan korban (SIMFONI-PPA)",
    "simfoni_service": "Layanan yang diminta (SIMFONI-PPA)",
    "status": "Status kasus",
    "referral_outcome": "Hasil rujukan",
    MONTH: "Jumlah kasus per bulan",
    "kecamatan": "Kecamatan domisili korban",
    "channel": "Saluran pengaduan",
    "insider": "Terlapor dari lingkungan KPU",
    "previously_reported": "Sudah melapor ke pihak lain",
}
#: Breakdowns whose keys are the values of one coded list.
ENUM_KEYS: Final[dict[str, type[Enum]]] = {
    "tpks_type": TpksType, "simfoni_violence": SimfoniViolence, "sex": Sex,
    "age_band": AgeBand, "kpu_relation": VictimKpuRelation, "status": CaseStatus,
    "referral_outcome": ReferralOutcome, "channel": Channel, "simfoni_place": SimfoniPlace,
    "simfoni_relation": SimfoniRelation, "simfoni_service": SimfoniService,
}
#: Keys the statistics add to coded lists, and the yes/no of flag breakdowns.
SPECIAL_KEYS: Final[dict[str, str]] = {
    UNKNOWN: "Tidak diketahui", NO_FEEDBACK: "Belum ada umpan balik",
    NOT_REFERRED: "Tidak dirujuk", "ya": "Ya", "tidak": "Tidak",
}
#: Breakdowns where one case may count in several rows.
MULTI: Final = frozenset({"tpks_type", "simfoni_violence", "simfoni_relation",
                          "simfoni_service"})


def title(breakdown: str) -> str:
    return TITLES.get(breakdown, breakdown)


def category(breakdown: str, key: str) -> str:
    """The Indonesian name of one row (kecamatan names as the office wrote them)."""
    if key in SPECIAL_KEYS:
        return SPECIAL_KEYS[key]
    if breakdown == MONTH:
        year, _, month = key.partition("-")
        return f"{MONTHS[int(month) - 1]} {year}"
    kind = ENUM_KEYS.get(breakdown)
    if kind is None:
        return key
    try:
        name = label(kind(key))
    except ValueError:
        return key
    return f"{name} tahun" if kind is AgeBand else name
