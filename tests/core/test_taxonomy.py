"""Crosswalks (DOMAIN.md §4), age bands, name masking, child rule and case-number templates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain import taxonomy
from app.domain.case_numbers import DEFAULT_TEMPLATE, format_code, validate_template
from app.domain.enums import (
    AgeBand,
    GbvimsType,
    PerpetratorKpuRelation,
    SimfoniRelation,
    SimfoniViolence,
    TpksType,
)
from app.domain.models import GbvimsAnswers, Perpetrator, Victim
from app.errors import ErrorCode, ValidationError
from app.services.session import Session
from tests import helpers

V = SimfoniViolence

# --- SIMFONI jenis kekerasan ---------------------------------------------------------------


@pytest.mark.parametrize("tpks", list(TpksType))
def test_every_tpks_type_is_always_seksual(tpks: TpksType) -> None:
    assert V.SEKSUAL in taxonomy.simfoni_violence([tpks])


@pytest.mark.parametrize(("tpks", "expected"), [
    (TpksType.PELECEHAN_NONFISIK, {V.SEKSUAL}),
    (TpksType.PERKOSAAN, {V.SEKSUAL}),
    (TpksType.KSBE, {V.SEKSUAL}),
    (TpksType.EKSPLOITASI_SEKSUAL, {V.SEKSUAL, V.EKSPLOITASI}),
    (TpksType.PEMAKSAAN_PELACURAN, {V.SEKSUAL, V.EKSPLOITASI}),
    (TpksType.PERBUDAKAN_SEKSUAL, {V.SEKSUAL, V.EKSPLOITASI}),
    (TpksType.TPPO_SEKSUAL, {V.SEKSUAL, V.TRAFFICKING, V.EKSPLOITASI}),
    (TpksType.PENYIKSAAN_SEKSUAL, {V.SEKSUAL, V.FISIK}),
])
def test_tpks_maps_to_simfoni_extras(tpks: TpksType, expected: set[SimfoniViolence]) -> None:
    assert taxonomy.simfoni_violence([tpks]) == frozenset(expected)


def test_simfoni_union_of_types_and_officer_extras() -> None:
    result = taxonomy.simfoni_violence([TpksType.TPPO_SEKSUAL, TpksType.PENYIKSAAN_SEKSUAL],
                                       extra=[V.PSIKIS])
    assert result == {V.SEKSUAL, V.TRAFFICKING, V.EKSPLOITASI, V.FISIK, V.PSIKIS}
    assert taxonomy.simfoni_violence([]) == {V.SEKSUAL}


@pytest.mark.parametrize(("person", "expected"), [
    (Perpetrator(simfoni_relation=SimfoniRelation.TETANGGA,
                 kpu_relation=PerpetratorKpuRelation.ATASAN), SimfoniRelation.TETANGGA),
    (Perpetrator(kpu_relation=PerpetratorKpuRelation.ATASAN), SimfoniRelation.MAJIKAN),
    (Perpetrator(kpu_relation=PerpetratorKpuRelation.REKAN_KERJA), SimfoniRelation.REKAN_KERJA),
    (Perpetrator(kpu_relation=PerpetratorKpuRelation.KPPS), SimfoniRelation.REKAN_KERJA),
    (Perpetrator(kpu_relation=PerpetratorKpuRelation.PESERTA_PEMILU), SimfoniRelation.LAINNYA),
    (Perpetrator(kpu_relation=PerpetratorKpuRelation.TIDAK_ADA), SimfoniRelation.NA),
    (Perpetrator(), SimfoniRelation.NA),
])
def test_simfoni_relation(person: Perpetrator, expected: SimfoniRelation) -> None:
    assert taxonomy.simfoni_relation(person) is expected


@pytest.mark.parametrize(("relation", "insider"), [
    (None, False), (PerpetratorKpuRelation.TIDAK_ADA, False),
    *((r, True) for r in PerpetratorKpuRelation if r is not PerpetratorKpuRelation.TIDAK_ADA),
])
def test_insider_flag(relation: PerpetratorKpuRelation | None, insider: bool) -> None:
    assert Perpetrator(kpu_relation=relation).insider is insider


# --- GBVIMS decision order -----------------------------------------------------------------

_ORDER = ("penetration", "sexual_contact", "physical_assault", "forced_marriage",
          "denial_of_resources")
_TYPES = (GbvimsType.RAPE, GbvimsType.SEXUAL_ASSAULT, GbvimsType.PHYSICAL_ASSAULT,
          GbvimsType.FORCED_MARRIAGE, GbvimsType.DENIAL_OF_RESOURCES)


@pytest.mark.parametrize("first_yes", range(len(_ORDER)))
def test_gbvims_first_yes_in_order_wins(first_yes: int) -> None:
    """Every later question is also 'yes': the earliest 'yes' still decides."""
    answers = {name: index >= first_yes for index, name in enumerate(_ORDER)}
    assert taxonomy.gbvims_type(GbvimsAnswers(**answers)) is _TYPES[first_yes]


def test_gbvims_no_to_everything_is_psychological_abuse() -> None:
    answers = GbvimsAnswers(**dict.fromkeys(_ORDER, False))
    assert taxonomy.gbvims_type(answers, [TpksType.PERKOSAAN]) is GbvimsType.PSYCHOLOGICAL_ABUSE


def test_gbvims_not_gender_based_overrides_everything() -> None:
    answers = GbvimsAnswers(**dict.fromkeys(_ORDER, True), gender_based=False)
    assert taxonomy.gbvims_type(answers) is GbvimsType.NON_GBV


@pytest.mark.parametrize(("types", "expected"), [
    ([TpksType.KSBE, TpksType.PERKOSAAN], GbvimsType.RAPE),
    ([TpksType.PEMAKSAAN_PERKAWINAN, TpksType.PELECEHAN_FISIK], GbvimsType.SEXUAL_ASSAULT),
    ([TpksType.PEMAKSAAN_PERKAWINAN], GbvimsType.FORCED_MARRIAGE),
    ([TpksType.PELECEHAN_NONFISIK], GbvimsType.PSYCHOLOGICAL_ABUSE),
    ([], GbvimsType.PSYCHOLOGICAL_ABUSE),
])
def test_gbvims_hints_only_when_nothing_was_asked(types: list[TpksType],
                                                  expected: GbvimsType) -> None:
    assert taxonomy.gbvims_type(GbvimsAnswers(), types) is expected


# --- age bands, child, masking -------------------------------------------------------------

@pytest.mark.parametrize(("age", "band"), [
    (0, AgeBand.B0_5), (5, AgeBand.B0_5), (6, AgeBand.B6_12), (12, AgeBand.B6_12),
    (13, AgeBand.B13_17), (17, AgeBand.B13_17), (18, AgeBand.B18_24), (24, AgeBand.B18_24),
    (25, AgeBand.B25_44), (44, AgeBand.B25_44), (45, AgeBand.B45_59), (59, AgeBand.B45_59),
    (60, AgeBand.B60), (120, AgeBand.B60),
])
def test_age_band_boundaries(age: int, band: AgeBand) -> None:
    assert taxonomy.age_band(age) is band


@pytest.mark.parametrize(("birth", "on", "age"), [
    (date(2008, 3, 2), date(2026, 3, 1), 17),
    (date(2008, 3, 2), date(2026, 3, 2), 18),
    (date(2008, 2, 29), date(2026, 2, 28), 17),
    (date(2008, 2, 29), date(2026, 3, 1), 18),
    (date(1990, 12, 31), date(2026, 1, 1), 35),
])
def test_age_on_birthdays(birth: date, on: date, age: int) -> None:
    assert taxonomy.age_on(birth, on) == age


@pytest.mark.parametrize(("victim", "child"), [
    (Victim(birth_date=date(2008, 3, 3)), True),    # turns 18 tomorrow
    (Victim(birth_date=date(2008, 3, 2)), False),   # 18 today
    (Victim(age_years=17), True),
    (Victim(age_years=18), False),
    (Victim(), False),                              # unknown age: the officer decides
    (Victim(birth_date=date(1990, 1, 1), age_years=10), False),  # birth date wins
    (Victim(birth_date=date(2015, 1, 1), age_years=30), True),
])
def test_is_child(victim: Victim, child: bool) -> None:
    assert taxonomy.is_child(victim, date(2026, 3, 2)) is child


@pytest.mark.parametrize(("name", "masked"), [
    ("Siti Wahyuni", "S*** W***"),
    ("Sukarni", "S***"),
    ("  siti   aminah ", "S*** A***"),
    ("Ñandú Pérez", "Ñ*** P***"),
    (None, "—"), ("", "—"), ("   ", "—"),
])
def test_mask_name(name: str | None, masked: str) -> None:
    assert taxonomy.mask_name(name) == masked


def test_mask_name_leaks_nothing_but_initials() -> None:
    masked = taxonomy.mask_name("Wahyuningsih Rahmawati")
    assert "ahyu" not in masked and "ahma" not in masked
    assert [part[0] for part in masked.split()] == ["W", "R"]


# --- case number templates -----------------------------------------------------------------

def test_default_template_formats_the_blora_code() -> None:
    validate_template(DEFAULT_TEMPLATE)
    assert format_code(DEFAULT_TEMPLATE, number=7, year=2026, region_code="3316",
                       month=8) == "007/PPKS/3316/2026"


@pytest.mark.parametrize("template", [
    "{nomor}/{tahun}", "PPKS-{tahun}-{bulan:02d}-{nomor:04d}", "{kode_wilayah}/{nomor}/{tahun}",
])
def test_good_templates_are_accepted(template: str) -> None:
    validate_template(template)


@pytest.mark.parametrize("template", [
    "PPKS/{tahun}",                 # no {nomor}: codes would collide
    "{nomor:03d}/PPKS",             # no {tahun}: codes would collide across years
    "{nomor}/{tahun}/{kecamatan}",  # unknown field
    "{nomor.__class__}/{tahun}",    # attribute access
    "{nomor}/{tahun.__class__.__mro__}",
    "{nomor[0]}/{tahun}",           # indexing
    "{}/{nomor}/{tahun}",           # positional
    "{0}/{nomor}/{tahun}",
    "{nomor/{tahun}",               # unbalanced
    "{nomor}/{tahun}}",
    "{nomor:{bulan}}/{tahun}",      # nested field inside a format spec
    "{nomor:{tahun}}/{tahun}",
    "{nomor:xyz}/{tahun}",          # invalid format spec
    "{nomor}/{tahun}/" + "X" * 60,  # too long
    "{nomor}\n{tahun}",             # not printable
    "{nomor:03d}/PPKS Blora/{tahun}",  # blanks and non-ASCII: the audit log refuses such codes
    "{nomor:03d}/PPKS/Ünit/{tahun}",
    "{nomor:+d}/{tahun}", "{nomor: d}/{tahun}", "{nomor:>5}/{tahun}",
    "",
])
def test_bad_templates_are_refused(template: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_template(template)
    assert [e.code for e in info.value.errors] == [ErrorCode.CASE_NUMBER_TEMPLATE.value]


def test_bad_template_is_refused_by_settings_and_nothing_changes(session: Session) -> None:
    with pytest.raises(ValidationError):
        session.settings.update(case_number_template="{nomor.__class__}/{tahun}")
    assert session.settings.get().case_number_template == DEFAULT_TEMPLATE
    ref = session.cases.create(helpers.minimal_intake())
    assert ref.code == "001/PPKS/3316/2026"


@pytest.mark.parametrize("region", ["Kab Blora", "33·16", "", "3" * 21])
def test_region_codes_that_would_break_case_codes_are_refused(session: Session,
                                                              region: str) -> None:
    institution = session.settings.get().institution
    with pytest.raises(ValidationError) as info:
        session.settings.update(institution=replace(institution, region_code=region))
    assert "institution.region_code" in {e.field for e in info.value.errors}
    assert session.cases.create(helpers.minimal_intake()).code == "001/PPKS/3316/2026"


def test_every_code_a_valid_setting_makes_is_audit_safe(session: Session) -> None:
    institution = session.settings.get().institution
    session.settings.update(institution=replace(institution, region_code="33.16-x"),
                            case_number_template="{kode_wilayah}:{bulan:02d}/{nomor:04d}_{tahun}")
    ref = session.cases.create(helpers.minimal_intake())
    assert ref.code == "33.16-x:03/0001_2026"
    assert session.ctx.audit.entries(limit=1)[0].case_code == ref.code
