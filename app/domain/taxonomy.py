"""Crosswalks between the officer's entries and the reporting taxonomies (DOMAIN.md §4).

The officer enters UU TPKS types and plain GBVIMS facts once; SIMFONI-PPA categories and the
GBVIMS type are derived here. The tables are versioned data: change the table and bump
``MAPPING_VERSION`` (printed on data sheets and recaps), never edit code elsewhere. The mapping
defaults are proposals to confirm with the office and Dinsos P3A.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from app.domain.enums import (
    AgeBand,
    GbvimsType,
    PerpetratorKpuRelation,
    SimfoniRelation,
    SimfoniViolence,
    TpksType,
)
from app.domain.models import GbvimsAnswers, Perpetrator, Victim

MAPPING_VERSION = "2026.1"

#: SIMFONI *jenis kekerasan* added on top of "Seksual" for a UU TPKS type (DOMAIN.md §4.3).
TPKS_EXTRA_SIMFONI: Mapping[TpksType, frozenset[SimfoniViolence]] = {
    TpksType.EKSPLOITASI_SEKSUAL: frozenset({SimfoniViolence.EKSPLOITASI}),
    TpksType.PEMAKSAAN_PELACURAN: frozenset({SimfoniViolence.EKSPLOITASI}),
    TpksType.PERBUDAKAN_SEKSUAL: frozenset({SimfoniViolence.EKSPLOITASI}),
    TpksType.TPPO_SEKSUAL: frozenset({SimfoniViolence.TRAFFICKING,
                                      SimfoniViolence.EKSPLOITASI}),
    TpksType.PENYIKSAAN_SEKSUAL: frozenset({SimfoniViolence.FISIK}),
}

#: SIMFONI relation proposed from the KPU relation of a terlapor, when the officer gave none.
KPU_TO_SIMFONI_RELATION: Mapping[PerpetratorKpuRelation, SimfoniRelation] = {
    PerpetratorKpuRelation.ATASAN: SimfoniRelation.MAJIKAN,
    PerpetratorKpuRelation.REKAN_KERJA: SimfoniRelation.REKAN_KERJA,
    PerpetratorKpuRelation.PPK: SimfoniRelation.REKAN_KERJA,
    PerpetratorKpuRelation.PPS: SimfoniRelation.REKAN_KERJA,
    PerpetratorKpuRelation.KPPS: SimfoniRelation.REKAN_KERJA,
    PerpetratorKpuRelation.PANTARLIH: SimfoniRelation.REKAN_KERJA,
    PerpetratorKpuRelation.PESERTA_PEMILU: SimfoniRelation.LAINNYA,
    PerpetratorKpuRelation.LAINNYA: SimfoniRelation.LAINNYA,
}

#: The GBVIMS type each TPKS type implies at least, used when the GBVIMS facts were not asked.
TPKS_TO_GBVIMS_HINT: Mapping[TpksType, GbvimsType] = {
    TpksType.PERKOSAAN: GbvimsType.RAPE,
    TpksType.PELECEHAN_FISIK: GbvimsType.SEXUAL_ASSAULT,
    TpksType.PERBUATAN_CABUL: GbvimsType.SEXUAL_ASSAULT,
    TpksType.TERHADAP_ANAK: GbvimsType.SEXUAL_ASSAULT,
    TpksType.KDRT_SEKSUAL: GbvimsType.SEXUAL_ASSAULT,
    TpksType.PEMAKSAAN_PERKAWINAN: GbvimsType.FORCED_MARRIAGE,
    TpksType.PELECEHAN_NONFISIK: GbvimsType.PSYCHOLOGICAL_ABUSE,
    TpksType.KSBE: GbvimsType.PSYCHOLOGICAL_ABUSE,
}

#: Kecamatan of Kabupaten Blora (DOMAIN.md §10): the default of a configurable list.
BLORA_KECAMATAN: tuple[str, ...] = (
    "Banjarejo", "Blora", "Bogorejo", "Cepu", "Japah", "Jati", "Jepon", "Jiken", "Kedungtuban",
    "Kradenan", "Kunduran", "Ngawen", "Randublatung", "Sambong", "Todanan", "Tunjungan",
)
OUTSIDE_DISTRICT = "Luar Kabupaten Blora"

CHILD_AGE = 18
_BANDS: tuple[tuple[int, AgeBand], ...] = (
    (5, AgeBand.B0_5), (12, AgeBand.B6_12), (17, AgeBand.B13_17), (24, AgeBand.B18_24),
    (44, AgeBand.B25_44), (59, AgeBand.B45_59),
)


def simfoni_violence(types: Iterable[TpksType],
                     extra: Iterable[SimfoniViolence] = ()) -> frozenset[SimfoniViolence]:
    """SIMFONI *jenis*: always "Seksual" for a TPKS case, plus mapped and officer-added ones."""
    result = {SimfoniViolence.SEKSUAL, *extra}
    for tpks in types:
        result |= TPKS_EXTRA_SIMFONI.get(tpks, frozenset())
    return frozenset(result)


def simfoni_relation(perpetrator: Perpetrator) -> SimfoniRelation:
    if perpetrator.simfoni_relation is not None:
        return perpetrator.simfoni_relation
    if perpetrator.kpu_relation is not None:
        return KPU_TO_SIMFONI_RELATION.get(perpetrator.kpu_relation, SimfoniRelation.NA)
    return SimfoniRelation.NA


def gbvims_type(answers: GbvimsAnswers, types: Iterable[TpksType] = ()) -> GbvimsType:
    """GBVIMS type by the fixed decision order (DOMAIN.md §4.2)."""
    if not answers.gender_based:
        return GbvimsType.NON_GBV
    ordered = (
        (answers.penetration, GbvimsType.RAPE),
        (answers.sexual_contact, GbvimsType.SEXUAL_ASSAULT),
        (answers.physical_assault, GbvimsType.PHYSICAL_ASSAULT),
        (answers.forced_marriage, GbvimsType.FORCED_MARRIAGE),
        (answers.denial_of_resources, GbvimsType.DENIAL_OF_RESOURCES),
    )
    for answer, kind in ordered:
        if answer:
            return kind
    if all(answer is None for answer, _ in ordered):
        hints = [TPKS_TO_GBVIMS_HINT[t] for t in types if t in TPKS_TO_GBVIMS_HINT]
        order = [kind for _, kind in ordered]
        for kind in order:
            if kind in hints:
                return kind
    return GbvimsType.PSYCHOLOGICAL_ABUSE


def age_on(birth_date: date, on: date) -> int:
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def age_band(age: int) -> AgeBand:
    for upper, band in _BANDS:
        if age <= upper:
            return band
    return AgeBand.B60


def mask_name(name: str | None) -> str:
    """``Siti Wahyuni`` → ``S*** W***``; nothing but initials reaches a list or a log."""
    if not name or not name.strip():
        return "—"
    return " ".join(word[0].upper() + "***" for word in name.split())


def victim_age(victim: Victim, on: date) -> int | None:
    """Age in whole years on a date: from the birth date when known, else the stated age."""
    if victim.birth_date is not None:
        return age_on(victim.birth_date, on)
    return victim.age_years


def is_child(victim: Victim, on: date) -> bool:
    """Under 18 on ``on``; an unknown age is not treated as a child (the officer decides)."""
    age = victim_age(victim, on)
    return age is not None and age < CHILD_AGE
