"""Lembar Data SIMFONI-PPA: SIMFONI's exact categories; identity only as the consent allows."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.documents import simfoni_sheet
from app.domain import taxonomy
from app.domain.enums import (
    AgeBand,
    DataItem,
    PaperSize,
    SimfoniPlace,
    SimfoniService,
    SimfoniViolence,
    TpksType,
)
from app.domain.labels import label
from app.services.session import Session
from tests import helpers, pdf_checks
from tests.core import form_documents_support as s

IDENTITY = {DataItem.NAMA: "Dr. Korban Lengkap A, S.Pd.", DataItem.NIK: "3316015705900001",
            DataItem.ALAMAT: "Jl. Contoh 1 RT 2, Tempelan",
            DataItem.TANGGAL_LAHIR_USIA: "17 Mei 1990"}


def text_for(allowed: frozenset[DataItem] = frozenset(),
             paper: PaperSize = PaperSize.F4) -> str:
    return pdf_checks.text_of(simfoni_sheet.render(s.referral_doc(allowed=allowed,
                                                                  paper=paper)))


def ticked(text: str, values: list[str]) -> set[str]:
    return {value for value in values if re.search(rf"X {re.escape(value)}(?!\w)", text)}


def test_the_case_in_simfoni_categories() -> None:
    text = text_for()
    for expected in ("LEMBAR DATA SIMFONI-PPA", s.CODE, s.LETTER, "3 Maret 2026",
                     "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Blora",
                     "S1", "staf sekretariat", "Kawin", "Ya (tuli)", "Kecamatan domisili Blora",
                     "27 Februari 2026", "Kecamatan kejadian Cepu",
                     "Pelecehan seksual fisik; Kekerasan seksual berbasis elektronik",
                     "L (Laki-laki)", "Majikan", "N/A",
                     f"pemetaan versi {taxonomy.MAPPING_VERSION}", "RAHASIA"):
        assert expected in text, expected
    # Every value of every closed list is printed, the recorded ones ticked.
    for kind in (SimfoniViolence, SimfoniPlace, SimfoniService, AgeBand):
        for value in kind:
            assert label(value) in text, value
    assert ticked(text, [label(v) for v in SimfoniViolence]) == {"Psikis", "Seksual"}
    assert ticked(text, [label(v) for v in SimfoniPlace]) == {"Tempat Kerja"}
    assert ticked(text, [label(v) for v in AgeBand]) == {"25–44"}
    assert ticked(text, [label(v) for v in SimfoniService]) == {"Kesehatan", "Bantuan Hukum"}
    assert ticked(text, ["L (Laki-laki)", "P (Perempuan)"]) == {"P (Perempuan)"}


def test_the_mapping_adds_simfoni_types_for_exploitation() -> None:
    intake = helpers.full_intake()
    intake = replace(intake, incident=replace(intake.incident, extra_violence=frozenset(),
                                              tpks_types=frozenset({TpksType.TPPO_SEKSUAL})))
    doc = s.referral_doc(s.case_of(intake, referrals=(s.referral(),)))
    text = pdf_checks.text_of(simfoni_sheet.render(doc))
    assert ticked(text, [label(v) for v in SimfoniViolence]) == {
        "Seksual", "Trafficking", "Eksploitasi"}


def test_without_consent_the_identity_is_withheld() -> None:
    text = text_for()
    for secret in IDENTITY.values():
        assert secret not in text, secret
    assert text.count("dirahasiakan — hubungi posko") == 4
    # No terlapor name and no chronology on the sheet, whatever the consent.
    for secret in ("Terlapor Satu", "Pak X", "Kronologi dalam", "Pelapor Satu"):
        assert secret not in text_for(frozenset(DataItem)), secret


@pytest.mark.parametrize("item", list(IDENTITY))
def test_each_identity_item_prints_only_when_consented(item: DataItem) -> None:
    text = text_for(frozenset({item}))
    assert IDENTITY[item] in text
    for other, value in IDENTITY.items():
        if other is not item:
            assert value not in text, value
    assert text.count("dirahasiakan — hubungi posko") == 3


@pytest.mark.parametrize("paper", list(PaperSize))
def test_paper_fonts_metadata_and_determinism(paper: PaperSize) -> None:
    doc = s.referral_doc(allowed=frozenset(DataItem), paper=paper)
    pdf = simfoni_sheet.render(doc)
    pdf_checks.assert_paper(pdf, paper)
    pdf_checks.assert_fonts_embedded(pdf)
    pdf_checks.assert_no_metadata_leak(pdf, *IDENTITY.values(), "Korban Lengkap")
    assert pdf == simfoni_sheet.render(doc)
    if paper is PaperSize.F4:
        assert pdf_checks.page_count(pdf) == 1


def test_through_the_service_with_its_audit_row(koord: Session) -> None:
    case_id, referral_id = s.referred_case(koord)
    rendered = koord.documents.simfoni_sheet(referral_id)
    text = pdf_checks.text_of(rendered.pdf)
    assert "Korban Lengkap A" in text  # the partial consent allows the name …
    for secret in ("3316015705900001", "Jl. Contoh", "17 Mei 1990"):  # … and nothing else
        assert secret not in text, secret
    assert ticked(text, [label(v) for v in SimfoniService]) == {"Kesehatan", "Bantuan Hukum"}
    assert s.printed_rows(koord, case_id) == ["lembar_simfoni"]
