"""Every coded value has its Indonesian name; SIMFONI values are the national system's words."""

from __future__ import annotations

from app.domain.enums import (
    Channel,
    ReferralSource,
    SimfoniPlace,
    SimfoniRelation,
    SimfoniService,
    SimfoniViolence,
    TpksType,
)
from app.domain.labels import TPKS_HELP, label, missing_labels


def test_no_coded_value_lacks_a_label() -> None:
    assert missing_labels() == []


def test_every_tpks_type_has_help_text() -> None:
    assert set(TPKS_HELP) == set(TpksType)
    assert all(len(text) > 30 for text in TPKS_HELP.values())


def test_equal_codes_of_different_lists_keep_their_own_names() -> None:
    # StrEnum members with the same value compare equal across classes.
    codes: set[object] = {SimfoniRelation.REKAN_KERJA, ReferralSource.REKAN_KERJA}
    assert len(codes) == 1  # one key in a flat dict: why labels are looked up per class
    assert label(SimfoniRelation.REKAN_KERJA) == "Rekan Kerja"
    assert label(ReferralSource.REKAN_KERJA) == "Rekan kerja"
    assert label(Channel.LAINNYA) == "Lainnya"


def test_simfoni_values_match_the_national_system() -> None:
    assert [label(v) for v in SimfoniViolence] == [
        "Fisik", "Psikis", "Seksual", "Eksploitasi", "Trafficking", "Penelantaran", "Lainnya"]
    assert [label(v) for v in SimfoniPlace] == [
        "Rumah Tangga", "Tempat Kerja", "Sekolah", "Fasilitas Umum", "Lembaga Pendidikan Kilat",
        "Lainnya"]
    assert [label(v) for v in SimfoniRelation] == [
        "Orang Tua", "Keluarga/Saudara", "Suami/Istri", "Pacar/Teman", "Tetangga", "Guru",
        "Majikan", "Rekan Kerja", "Lainnya", "N/A"]
    assert [label(v) for v in SimfoniService] == [
        "Pengaduan", "Kesehatan", "Bantuan Hukum", "Penegakan Hukum", "Rehabilitasi Sosial",
        "Reintegrasi Sosial", "Pemulangan", "Pendampingan Tokoh Agama"]
