"""Salinan untuk Korban: what she may carry home — and nothing that endangers her."""

from __future__ import annotations

import pytest

from app.documents import survivor_copy
from app.domain.enums import ConsentOutcome, ConsentPurpose, PaperSize, ReferralKind
from app.services.session import Session
from tests import pdf_checks
from tests.core import form_documents_support as s

#: What a perpetrator must never find on the sheet: names, chronology, NIK, address, phone,
#: the guardian (possibly the perpetrator), reasons and notes an officer typed.
DANGEROUS = ("Korban Lengkap", "Terlapor Satu", "Pak X", "Pelapor Satu", "Mawar",
             "Kronologi dalam kata-kata", "Baris kedua", "3316015705900001", "Jl. Contoh",
             "Tempelan", "0812-3456-7890", "kepala bagian", "Korban dalam bahaya",
             "catatan rujukan", "catatan tindak lanjut", "ditangani konselor", "catatan rute",
             "tangkapan layar", "Sumini")


def rendered(paper: PaperSize = PaperSize.F4) -> bytes:
    wali_like = s.consent(6, ConsentPurpose.RUJUKAN, ConsentOutcome.WALI, s.RSUD,
                          guardian_name="Sumini", guardian_relation="ibu")
    case = s.case_of(consents=(*s.CONSENTS, s.OVERRIDE, wali_like),
                     referrals=(s.referral(answered=True),
                                s.referral(8, s.SATGAS, 4, frozenset(),
                                           ReferralKind.PENERUSAN)))
    return survivor_copy.render(s.case_doc(case, paper))


def test_what_she_may_take_home() -> None:
    text = pdf_checks.text_of(rendered())
    for expected in (
            "SALINAN UNTUK KORBAN", s.CODE, "K*** L*** A***", "Senin, 2 Maret 2026",
            "Pasal 68 huruf b", "3 Maret 2026",
            "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Blora",
            "Kesehatan; Bantuan Hukum", "5 Maret 2026: Diterima dan ditangani",
            "Satgas Pencegahan Kekerasan Seksual KPU Provinsi Jawa Tengah",
            "Surat penerusan (eskalasi)", "Belum ada jawaban",
            "Sebagian; berlaku s.d. 1 Juni 2026. Data yang dibagikan: Nama, Kronologi",
            "Pelaporan statistik", "mencabut persetujuan kapan saja",
            "Posko Pengaduan Kekerasan Seksual", "Jl. Nusantara No. 1, Blora",
            "(0296) 531234", "posko@kpu-blora.go.id", "Pasal 66–70", "Pasal 68 huruf a",
            "identitas Anda wajib dirahasiakan", "kehilangan pekerjaan", "badan ad hoc",
            "Pemulihan", "RAHASIA"):
        assert expected in text, expected


def test_nothing_that_endangers_her() -> None:
    text = pdf_checks.text_of(rendered())
    for secret in DANGEROUS:
        assert secret not in text, secret


def test_a_case_not_yet_referred() -> None:
    text = pdf_checks.text_of(survivor_copy.render(s.case_doc(s.case_of(consents=()))))
    assert "belum dirujuk" in text and "Belum ada persetujuan yang dicatat." in text


@pytest.mark.parametrize("paper", list(PaperSize))
def test_paper_fonts_metadata_and_determinism(paper: PaperSize) -> None:
    pdf = rendered(paper)
    pdf_checks.assert_paper(pdf, paper)
    pdf_checks.assert_fonts_embedded(pdf)
    pdf_checks.assert_no_metadata_leak(pdf, *DANGEROUS)
    assert pdf == rendered(paper)


def test_a_typical_case_fits_one_f4_page() -> None:
    case = s.case_of(referrals=(s.referral(),))
    assert pdf_checks.page_count(survivor_copy.render(s.case_doc(case))) == 1


def test_through_the_service_with_its_audit_row(koord: Session) -> None:
    case_id, _ = s.referred_case(koord)
    pdf = koord.documents.survivor_copy(case_id).pdf
    text = pdf_checks.text_of(pdf)
    assert "K*** L*** A***" in text and "Kesehatan; Bantuan Hukum" in text
    for secret in DANGEROUS:
        assert secret not in text, secret
    assert s.printed_rows(koord, case_id) == ["salinan_korban"]
