"""Formulir Pengaduan: the intake record as filled in, every field labelled, long text flows."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.documents import intake_form
from app.documents.form_facts import UNKNOWN
from app.domain.enums import PaperSize
from app.domain.models import Victim
from app.services.session import Session
from tests import helpers, pdf_checks
from tests.core import form_documents_support as s


def test_every_section_and_field_as_recorded() -> None:
    text = pdf_checks.text_of(intake_form.render(s.case_doc(s.case_of(referrals=(
        s.referral(),)))))
    for expected in (
            "FORMULIR PENGADUAN", s.CODE, "Komisi Pemilihan Umum Kabupaten Blora",
            "A. Penerimaan", "B. Pelapor", "C. Korban", "D. Terlapor 1 dari 2",
            "D. Terlapor 2 dari 2", "E. Kejadian", "F. Risiko & kebutuhan", "G. Persetujuan",
            "Senin, 2 Maret 2026 pukul 09.00 WIB", "WhatsApp", "Rekan kerja",
            "Petugas penerima Koordinator Posko", "Petugas yang menangani Petugas Dua",
            "Pelapor Satu A", "kakak", "Dr. Korban Lengkap A, S.Pd.", "Mawar", "Perempuan",
            "17 Mei 1990", "35 tahun", "25–44", "3316015705900001", "Jl. Contoh 1 RT 2",
            "Tempelan", "0812-3456-7890", "S1", "staf sekretariat", "Kawin", "tuli",
            "juru bahasa isyarat", "ASN / staf sekretariat", "Terlapor Satu A", "Pak X",
            "Majikan", "Atasan", "kepala bagian", "Jumat, 27 Februari 2026 pukul 14.30",
            "KURANG DARI 72 JAM", "Tempat Kerja", "Cepu", "Pelecehan seksual fisik",
            "Kekerasan seksual berbasis elektronik", "Psikis; Seksual",
            "Oleh pejabat, atasan atau pemberi kerja", "Mbak Silpa", "tangkapan layar pesan",
            "foto memar", "Kronologi dalam kata-kata korban A.", "Baris kedua.",
            "Segera (72 jam)", "akses terlapor", "Kesehatan / visum", "ingin pindah ruang kerja",
            "Sebagian; berlaku s.d. 1 Juni 2026. Data: Nama, Kronologi",
            "Pelaporan statistik", "Ditolak", "Blora, 2 Maret 2026", "Petugas penerima,",
            "Dicetak Selasa, 3 Maret 2026 pukul 12.00 WIB oleh Petugas Dua", "RAHASIA"):
        assert expected in text, expected


def test_unknown_answers_are_said_so_and_names_print_as_stored() -> None:
    intake = helpers.minimal_intake(name="dr. siti AMINAH binti ahmad")
    text = pdf_checks.text_of(intake_form.render(s.case_doc(s.case_of(intake, consents=()))))
    assert "dr. siti AMINAH binti ahmad" in text
    assert "Dr. Siti Aminah" not in text
    assert text.count(UNKNOWN) > 20
    assert "Pelapor adalah korban sendiri Ya" in text
    assert "Belum ada persetujuan yang dicatat." in text
    assert "Belum ada data terlapor yang dicatat." in text


def test_an_empty_victim_name_is_unknown_not_blank() -> None:
    intake = replace(helpers.minimal_intake(), victim=Victim())
    text = pdf_checks.text_of(intake_form.render(s.case_doc(s.case_of(intake, consents=()))))
    assert f"Nama lengkap {UNKNOWN}" in text


@pytest.mark.parametrize("paper", list(PaperSize))
def test_paper_fonts_and_metadata(paper: PaperSize) -> None:
    pdf = intake_form.render(s.case_doc(paper=paper))
    pdf_checks.assert_paper(pdf, paper)
    pdf_checks.assert_fonts_embedded(pdf)
    pdf_checks.assert_no_metadata_leak(pdf, "Korban Lengkap", "Terlapor Satu", "Pelapor Satu",
                                       "3316015705900001")
    metadata = pdf_checks.reader(pdf).metadata
    assert metadata is not None and metadata.title == f"Formulir Pengaduan {s.CODE}"


def test_a_long_chronology_flows_across_numbered_pages() -> None:
    short = pdf_checks.page_count(intake_form.render(s.case_doc()))
    pdf = intake_form.render(s.case_doc(s.case_of(s.long_intake())))
    pages = pdf_checks.page_texts(pdf)
    assert len(pages) >= short + 3
    for number, page in enumerate(pages, 1):
        assert f"Halaman {number} dari {len(pages)}" in page
        assert "RAHASIA" in page
    text = " ".join(pages)
    assert "Paragraf 1. Saya ingat" in text and "Paragraf 60. Saya ingat" in text
    assert text.index("Paragraf 60.") < text.index("F. Risiko & kebutuhan")


def test_same_input_same_bytes() -> None:
    assert intake_form.render(s.case_doc()) == intake_form.render(s.case_doc())


def test_through_the_service_with_its_audit_row(koord: Session) -> None:
    case_id, _ = s.referred_case(koord)
    rendered = koord.documents.intake_form(case_id)
    code = koord.cases.get(case_id).code
    assert rendered.file_stem == f"formulir_pengaduan-{code.replace('/', '-')}"
    text = pdf_checks.text_of(rendered.pdf)
    assert code in text and "Korban Lengkap A" in text and "Koordinator Posko" in text
    pdf_checks.assert_paper(rendered.pdf, PaperSize.F4)
    assert s.printed_rows(koord, case_id) == ["formulir_pengaduan"]


def test_answers_longer_than_a_page_break_inside_their_table_row() -> None:
    """Long fields take up to 20,000 characters; a table row taller than a page must split."""
    long = "kata yang panjang sekali " * 400  # 10,000 characters
    base = helpers.full_intake(tag="A")
    intake = replace(base, victim=replace(base.victim, address=long, accommodation=long),
                     needs=replace(base.needs, expectations=long))
    override = replace(s.OVERRIDE, consent=replace(s.OVERRIDE.consent, override_reason=long))
    pdf = intake_form.render(s.case_doc(s.case_of(intake, consents=(*s.CONSENTS, override))))
    pages = pdf_checks.page_texts(pdf)
    assert len(pages) > 8
    assert all(f"Halaman {n} dari {len(pages)}" in page for n, page in enumerate(pages, 1))
    assert "Petugas penerima," in pages[-1]
