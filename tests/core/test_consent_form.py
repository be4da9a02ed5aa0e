"""Lembar Persetujuan: per purpose, recipient and item; guardian, override and blank forms."""

from __future__ import annotations

import re

import pytest

from app.documents import consent_form
from app.domain.enums import ConsentOutcome, ConsentPurpose, DataItem, PaperSize
from app.domain.labels import label
from app.services.session import Session
from tests import pdf_checks
from tests.core import form_documents_support as s

WALI = s.consent(5, ConsentPurpose.RUJUKAN, ConsentOutcome.WALI, s.DINSOS,
                 guardian_name="Ibu Sumini binti Karto", guardian_relation="ibu kandung")


def text_of(*consents: object, child: bool = False) -> str:
    intake = s.child_intake() if child else None
    case = s.case_of(intake, consents=consents or s.CONSENTS,  # type: ignore[arg-type]
                     referrals=(s.referral(),))
    return pdf_checks.text_of(consent_form.render(s.case_doc(case)))


def ticked(text: str) -> set[str]:
    """Data items right after an "X" (a ticked box draws its X as text)."""
    names = [label(item) for item in DataItem]
    return {name for name in names if re.search(rf"X {re.escape(name)}\b", text)}


def test_the_elements_of_informed_consent() -> None:
    text = text_of()
    for expected in (
            "LEMBAR PERSETUJUAN", s.CODE, "Dr. Korban Lengkap A, S.Pd.", "17 Mei 1990, 35 tahun",
            "Posko Pengaduan Kekerasan Seksual, Komisi Pemilihan Umum Kabupaten Blora",
            "Jl. Nusantara No. 1, Blora", "(0296) 531234",
            "bukan syarat untuk mendapatkan layanan", "mencabut persetujuan kapan saja",
            "berhak menerima salinan lembar ini",
            "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Blora",
            "Rujukan untuk pendampingan dan layanan pemulihan",
            "Layanan yang diminta: Kesehatan; Bantuan Hukum", "Berlaku sampai 1 Juni 2026",
            "telah dibacakan dan dijelaskan dengan bahasa yang sederhana", "Bahasa Jawa",
            "Bahasa Indonesia", "Tanda tangan", "Cap jempol", "Korban / klien",
            "Petugas posko", "Nama: Petugas Dua", "Tanggal: 3 Maret 2026",
            "Versi teks: persetujuan-2026.1", "RAHASIA"):
        assert expected in text, expected
    assert "Orang tua / wali" not in text and "Pengecualian demi" not in text


def test_exactly_the_consented_items_are_ticked() -> None:
    text = text_of(*s.CONSENTS[1:2])
    assert ticked(text) == {"Nama", "Kronologi"}
    assert "X Setuju sebagian (data yang dicentang)" in text


def test_a_full_consent_ticks_every_item() -> None:
    full = s.consent(2, ConsentPurpose.RUJUKAN, ConsentOutcome.DIBERIKAN, s.DINSOS)
    text = text_of(full)
    assert ticked(text) == {label(item) for item in DataItem}
    assert "X Setuju (semua data)" in text


def test_a_refusal_ticks_no_item() -> None:
    text = text_of(s.consent(2, ConsentPurpose.RUJUKAN, ConsentOutcome.DITOLAK, s.DINSOS))
    assert ticked(text) == set() and "X Tidak setuju" in text


def test_the_guardian_variant_for_a_fifteen_year_old() -> None:
    text = text_of(WALI, child=True)
    for expected in ("Persetujuan orang tua / wali (korban anak)", "di bawah 18 tahun",
                     "Nama orang tua / wali Ibu Sumini binti Karto",
                     "Hubungan dengan anak ibu kandung", "Anak (korban)", "Orang tua / wali",
                     "Nama: Ibu Sumini binti Karto", "1 Juni 2010, 15 tahun"):
        assert expected in text, expected
    assert text.count("Cap jempol") >= 2  # the child and the guardian may thumb-print


def test_a_child_without_a_guardian_record_gets_lines_to_fill() -> None:
    text = text_of(*s.CONSENTS, child=True)
    assert "Nama orang tua / wali ......" in text and "Orang tua / wali" in text


def test_the_best_interest_override_section() -> None:
    text = text_of(*s.CONSENTS, s.OVERRIDE)
    for expected in ("Pengecualian demi kepentingan terbaik korban",
                     "Alasan: Korban dalam bahaya; atasan masih satu ruangan.",
                     "Disetujui koordinator: Koordinator Posko, 3 Maret 2026",
                     "Satgas Pencegahan Kekerasan Seksual KPU Provinsi Jawa Tengah",
                     "Koordinator (pengecualian)"):
        assert expected in text, expected


def test_with_no_consent_yet_the_form_is_blank_for_every_recipient() -> None:
    doc = s.case_doc(s.case_of(consents=()))
    text = pdf_checks.text_of(consent_form.render(doc))
    assert ticked(text) == set() and "X " not in text
    for recipient in doc.office.directory:
        assert (recipient.name in text) is recipient.active, recipient.name
    assert text.count("Berlaku sampai ....") == sum(r.active for r in doc.office.directory)
    assert "Persetujuan layanan oleh posko" in text and "Persetujuan pelaporan statistik" in text
    assert "Tercatat" not in text and "Nama: Dr. Korban Lengkap A, S.Pd." in text


@pytest.mark.parametrize("paper", list(PaperSize))
def test_paper_fonts_metadata_and_determinism(paper: PaperSize) -> None:
    doc = s.case_doc(s.case_of(s.child_intake(), consents=(*s.CONSENTS, WALI, s.OVERRIDE)),
                     paper)
    pdf = consent_form.render(doc)
    pdf_checks.assert_paper(pdf, paper)
    pdf_checks.assert_fonts_embedded(pdf)
    pdf_checks.assert_no_metadata_leak(pdf, "Korban Lengkap", "Sumini")
    pages = pdf_checks.page_texts(pdf)
    assert all(f"Halaman {n} dari {len(pages)}" in page for n, page in enumerate(pages, 1))
    assert pdf == consent_form.render(doc)


def test_through_the_service_with_its_audit_row(koord: Session) -> None:
    case_id, _ = s.referred_case(koord)
    rendered = koord.documents.consent_form(case_id)
    text = pdf_checks.text_of(rendered.pdf)
    assert "Korban Lengkap A" in text and "Berlaku sampai 1 Juni 2026" in text
    assert ticked(text) >= {"Nama", "Kronologi"}
    assert s.printed_rows(koord, case_id) == ["lembar_persetujuan"]
