"""Surat Rujukan and Surat Penerusan (DOCUMENTS.md §2–§4): fields, consent, paper, fonts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings

from app.documents import letter_texts as t
from app.documents import referral_letter
from app.documents.context import ReferralDocument
from app.domain.enums import (
    CaseStatus,
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
    PaperSize,
    PerpetratorKpuRelation,
    ReferralKind,
    SimfoniService,
)
from app.domain.models import ConsentInput, Perpetrator, ReferralInput
from app.domain.settings import Institution
from app.services.documents import DocumentKind
from app.services.session import Session
from tests import helpers, pdf_checks
from tests.core.referral_doc_support import (
    CODE,
    DINSOS,
    NUMBER,
    OFFICE,
    OFFICER,
    SATGAS,
    SECRETS,
    between,
    dinsos_referral,
    referral_doc,
    unicode_doc,
)

RUJUKAN, PENERUSAN = ReferralKind.RUJUKAN, ReferralKind.PENERUSAN
NAME = "Korban Lengkap A"


def text_of(doc: ReferralDocument) -> str:
    return pdf_checks.text_of(referral_letter.render(doc))


def lampiran_count(text: str) -> int:
    match = re.search(r"Lampiran : (\d+) \((\w+)\) berkas", text)
    assert match, "no Lampiran line"
    return int(match.group(1))


def lampiran_items(text: str) -> list[str]:
    listing = between(text, "Lampiran: 1.", "Teks surat versi")
    return re.findall(r"\d+\. ([^0-9]+?)(?= \d+\. |$)", listing.removeprefix("Lampiran: ").strip())


def test_the_referral_letter_carries_every_required_part() -> None:
    text = text_of(referral_doc())
    expected = [
        "KOMISI PEMILIHAN UMUM KABUPATEN BLORA", "Jl. Ahmad Yani No. 12",  # kop
        "Blora, 2 Maret 2026", f"Nomor : {NUMBER}", "Sifat : Rahasia",
        "Lampiran : 5 (lima) berkas", f"Hal : {t.RUJUKAN_HAL}",
        "Yth. Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Blora",
        "u.p. Kepala Bidang Pemberdayaan Perempuan", "di Blora",
        "pada tanggal 2 Maret 2026", "dengan persetujuan yang bersangkutan",
        "Undang-Undang Nomor 12 Tahun 2022 tentang Tindak Pidana Kekerasan Seksual",
        "Peraturan Presiden Nomor 55 Tahun 2024", "Keputusan Komisi Pemilihan Umum Nomor 1341",
        f"Kode kasus : {CODE}", "Jenis kelamin : Perempuan",
        "Disabilitas / akomodasi : Ya — tuli; kebutuhan akomodasi: juru bahasa isyarat",
        "Pelecehan seksual fisik", "Kekerasan seksual berbasis elektronik",
        "Tempat kejadian : Tempat Kerja", "Waktu kejadian : 27 Februari 2026",
        "Waktu sejak kejadian : ± 67 jam",
        "Layanan (kategori SIMFONI-PPA) : - Kesehatan - Rehabilitasi Sosial",
        "Kesehatan / visum", "Penguatan psikologis",
        "Segera — mohon umpan balik dalam 72 jam, paling lambat 5 Maret 2026 pukul 10.00 WIB",
        t.RISK_ACCESS, "(kasus internal)", t.RISK_DISABILITY,
        "Pasal 41 Undang-Undang Nomor 12 Tahun 2022", "3 × 24", t.RUJUKAN_CONFIDENTIAL,
        "telepon (0296) 531234", "surel kab_blora@kpu.go.id", f"dengan petugas {OFFICER}",
        t.CLOSING, "Ketua Komisi Pemilihan Umum Kabupaten Blora,", "Drs. Budi Santoso, M.Si.",
        "NIP 196801011990031001", "Tembusan: 1. Arsip", "RAHASIA",
    ]
    for part in expected:
        assert part in text, part
    assert lampiran_items(text) == [t.ATTACH_FORM, t.ATTACH_CONSENT, t.ATTACH_FEEDBACK,
                                    t.ATTACH_CHRONOLOGY, t.ATTACH_SIMFONI]
    assert lampiran_count(text) == 5


def test_the_body_never_carries_the_chronology_or_other_people() -> None:
    text = text_of(referral_doc())
    for secret in ("Kronologi dalam kata-kata korban", "Baris kedua", "Terlapor Satu A",
                   "Pak X", "Pelapor Satu A", "ingin pindah ruang kerja", "Mbak Silpa"):
        assert secret not in text


def test_a_longer_chronology_changes_nothing_in_the_letter() -> None:
    doc = referral_doc()
    intake = doc.case.intake
    longer = replace(intake, incident=replace(intake.incident,
                                              chronology="Kalimat panjang. " * 3000))
    assert referral_letter.render(doc) == referral_letter.render(
        replace(doc, case=replace(doc.case, intake=longer)))


def test_partial_consent_prints_only_the_name() -> None:
    text = text_of(referral_doc(outcome=ConsentOutcome.SEBAGIAN, items=frozenset({DataItem.NAMA})))
    assert f"Nama : Dr. {NAME}, S.Pd. (panggilan: Mawar)" in text
    for secret in SECRETS.values():
        assert secret not in text, secret
    assert text.count(t.WITHHELD) == 4  # birth date/age, NIK, address, contact
    assert "Jenis kelamin : Perempuan" in text and "juru bahasa isyarat" in text
    assert t.ATTACH_CHRONOLOGY not in lampiran_items(text)
    assert lampiran_count(text) == len(lampiran_items(text)) == 4


def test_no_identity_without_the_items() -> None:
    text = text_of(referral_doc(outcome=ConsentOutcome.SEBAGIAN,
                                items=frozenset({DataItem.KRONOLOGI})))
    assert NAME not in text and "Mawar" not in text
    assert text.count(t.WITHHELD) == 5
    assert t.ATTACH_CHRONOLOGY in lampiran_items(text)


def test_full_consent_prints_the_identity() -> None:
    text = text_of(referral_doc(outcome=ConsentOutcome.DIBERIKAN))
    for secret in SECRETS.values():
        assert secret in text, secret
    assert "Desa/Kel. Tempelan, Kec. Blora" in text
    assert "0812-3456-7890 (hanya melalui pesan tertulis, jangan menelepon" in text
    assert "dirahasiakan" not in text


def test_contact_through_the_posko_when_no_phone_is_safe() -> None:
    doc = referral_doc()
    victim = replace(doc.case.intake.victim, safe_to_call=False, safe_to_text=False)
    intake = replace(doc.case.intake, victim=victim)
    text = text_of(replace(doc, case=replace(doc.case, intake=intake)))
    assert f"Kontak aman : {t.VIA_POSKO}" in text and SECRETS["phone"] not in text


@pytest.mark.parametrize("kind", list(ReferralKind))
def test_hal_and_metadata_never_name_the_victim(kind: ReferralKind) -> None:
    pdf = referral_letter.render(referral_doc(kind=kind))
    text = pdf_checks.text_of(pdf)
    hal = between(text, "Hal :", "Yth.")
    assert hal.rstrip(" —") == f"Hal : {t.RUJUKAN_HAL if kind is RUJUKAN else t.PENERUSAN_HAL}"
    pdf_checks.assert_no_metadata_leak(pdf, NAME, "Mawar", SECRETS["nik"], "Korban")
    title = pdf_checks.reader(pdf).metadata.title  # type: ignore[union-attr]
    assert title == f"{t.RUJUKAN_TITLE if kind is RUJUKAN else t.PENERUSAN_TITLE} {NUMBER}"


@pytest.mark.parametrize("paper", list(PaperSize))
@pytest.mark.parametrize("kind", list(ReferralKind))
def test_exact_paper_and_embedded_fonts(paper: PaperSize, kind: ReferralKind) -> None:
    pdf = referral_letter.render(referral_doc(kind=kind, paper=paper))
    pdf_checks.assert_paper(pdf, paper)
    pdf_checks.assert_fonts_embedded(pdf)
    pages = pdf_checks.page_texts(pdf)
    assert all("RAHASIA" in page for page in pages)
    assert "KOMISI PEMILIHAN UMUM KABUPATEN BLORA" in pages[0]
    assert all("KOMISI PEMILIHAN UMUM KABUPATEN BLORA" not in page for page in pages[1:])
    assert all(f"- {n} -" in page for n, page in enumerate(pages[1:], 2))


def test_the_72_hour_flag_for_a_recent_incident() -> None:
    text = text_of(referral_doc())
    assert f"Perhatian : {t.FLAG_72}" in text
    assert "jendela 72 jam berakhir 2 Maret 2026 pukul 14.30 WIB" in text


def _incident_on(doc: ReferralDocument, day: date, approximate: bool = False) -> ReferralDocument:
    intake = doc.case.intake
    incident = replace(intake.incident, occurred_on=day, date_is_approximate=approximate)
    return replace(doc, case=replace(doc.case, intake=replace(intake, incident=incident)))


def test_no_72_hour_flag_for_an_old_or_approximate_incident() -> None:
    old = text_of(_incident_on(referral_doc(), date(2026, 1, 5)))
    assert t.FLAG_72 not in old and "Waktu sejak kejadian : ± 7 minggu" in old  # 55 days
    rough = text_of(_incident_on(referral_doc(), date(2026, 3, 1), approximate=True))
    assert t.FLAG_72 not in rough and "Waktu kejadian : sekitar 1 Maret 2026" in rough
    # Printed after the window closed, the flag is gone although the case came inside it.
    late = text_of(referral_doc(printed_at=helpers.START + timedelta(hours=6)))
    assert t.FLAG_72 not in late


def test_the_escalation_letter_names_the_kpu_relation_and_copies_only_the_archive() -> None:
    text = text_of(referral_doc(kind=PENERUSAN, others=(dinsos_referral(),)))
    for part in (f"Hal : {t.PENERUSAN_HAL}",
                 "Yth. Ketua Satgas Pencegahan Kekerasan Seksual KPU Provinsi Jawa Tengah",
                 "di Tempat", t.PENERUSAN_REASON, "Terlapor 1: atasan korban di lingkungan KPU",
                 t.PERPETRATOR_ATTACHED, "Hubungan korban dengan KPU : ASN / staf sekretariat",
                 "Korban juga telah dirujuk kepada Dinas Sosial, Pemberdayaan Perempuan dan "
                 "Perlindungan Anak Kabupaten Blora pada tanggal 2 Maret 2026",
                 "Pasal 69", "mutasi", t.PASAL_69_ACCESS, t.REPORTER_CONFIDENTIAL,
                 "termasuk terhadap unit kerja terlapor", t.CLOSING, f"Kode kasus : {CODE}"):
        assert part in text, part
    assert "Terlapor 2" not in text  # the second terlapor has no KPU relation
    assert between(text, "Tembusan:", "Lampiran:").strip() == "Tembusan: 1. Arsip"
    assert "Pasal 41" not in text and "Terlapor Satu A" not in text
    assert lampiran_items(text) == [t.ATTACH_FORM, t.ATTACH_CONSENT, t.ATTACH_FEEDBACK,
                                    t.ATTACH_CHRONOLOGY]
    assert lampiran_count(text) == 4


def test_escalation_without_a_service_referral_says_so() -> None:
    text = text_of(referral_doc(kind=PENERUSAN, outcome=ConsentOutcome.SEBAGIAN,
                                items=frozenset({DataItem.NAMA})))
    assert t.NOT_REFERRED in text and t.PERPETRATOR_WITHHELD in text
    assert SECRETS["nik"] not in text and t.WITHHELD in text


def test_long_lists_and_addresses_still_render_and_number_pages() -> None:
    doc = referral_doc(kind=PENERUSAN, services=frozenset(SimfoniService))
    intake = doc.case.intake
    insiders = tuple(Perpetrator(kpu_relation=relation, has_access_to_victim=True)
                     for relation in list(PerpetratorKpuRelation)[:-1] * 6)
    victim = replace(intake.victim, address="Dusun Panjang RT 1 RW 2 " * 800,
                     accommodation="pendamping juru bahasa isyarat " * 60)
    institution = replace(OFFICE.institution, address="Jalan yang sangat panjang nomor 1 " * 12,
                          name="Komisi Pemilihan Umum Kabupaten Blora " * 4)
    long_doc = replace(doc, office=replace(doc.office, institution=institution), case=replace(
        doc.case, intake=replace(intake, victim=victim, perpetrators=insiders)))
    pdf = referral_letter.render(long_doc)
    pages = pdf_checks.page_texts(pdf)
    assert len(pages) >= 5
    for number, page in enumerate(pages[1:], 2):
        assert f"- {number} -" in page and f"Halaman {number} dari {len(pages)}" in page
    text = " ".join(pages)
    last = t.KPU_RELATION[PerpetratorKpuRelation.LAINNYA]
    assert f"Terlapor {len(insiders)}: {last}" in text and "Tembusan: 1. Arsip" in text
    pdf_checks.assert_fonts_embedded(pdf)


def test_oversized_settings_are_cut_visibly_instead_of_breaking_the_layout() -> None:
    words = "kata " * 2000  # far beyond what the settings screen accepts (200 characters)
    office = replace(OFFICE, signatory=replace(OFFICE.signatory, name=words, position=words),
                     institution=replace(OFFICE.institution, name=words))
    pdf = referral_letter.render(referral_doc(office=office, letter_number=words))
    assert "kata kata…" in pdf_checks.text_of(pdf)
    pdf_checks.assert_fonts_embedded(pdf)


@pytest.mark.parametrize("kind", list(ReferralKind))
def test_deterministic_with_invariant(kind: ReferralKind) -> None:
    assert referral_letter.render(referral_doc(kind=kind)) == referral_letter.render(
        referral_doc(kind=kind))


def test_an_institution_without_contacts_still_gives_a_contact_line() -> None:
    office = replace(OFFICE, institution=Institution())
    text = text_of(referral_doc(office=office))
    assert ("menghubungi Posko Pengaduan Kekerasan Seksual Komisi Pemilihan Umum Kabupaten "
            f"Blora, dengan petugas {OFFICER}.") in text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unicode_doc())
def test_any_unicode_in_any_free_text_renders(doc: ReferralDocument) -> None:
    pdf = referral_letter.render(doc)
    assert pdf.startswith(b"%PDF-")
    pdf_checks.assert_fonts_embedded(pdf)


# --- through the document service on a real vault ----------------------------------------

def _referred_case(session: Session, recipient: str, kind: ReferralKind) -> tuple[str, int]:
    case = session.cases.create(helpers.full_intake(tag="S"))
    session.workflow.transition(case.id, CaseStatus.DITERIMA)
    session.workflow.transition(case.id, CaseStatus.ASESMEN)
    session.referrals.record_consent(case.id, ConsentInput(
        ConsentPurpose.RUJUKAN, ConsentOutcome.SEBAGIAN, recipient=recipient,
        data_items=frozenset({DataItem.NAMA, DataItem.KONTAK})))
    referral_id = session.referrals.refer(case.id, ReferralInput(
        recipient, kind, services=frozenset({SimfoniService.KESEHATAN})))
    return case.code, referral_id


def _print_audits(session: Session, code: str) -> list[Mapping[str, object]]:
    return [entry.detail for entry in session.ctx.audit.entries(case_code=code, limit=20)
            if entry.action == "case.print"]


@pytest.mark.parametrize(("recipient", "kind", "document"), [
    (DINSOS, RUJUKAN, DocumentKind.SURAT_RUJUKAN),
    (SATGAS, PENERUSAN, DocumentKind.SURAT_PENERUSAN),
])
def test_the_service_prints_the_letter_with_its_register_number(
        koord: Session, recipient: str, kind: ReferralKind, document: DocumentKind) -> None:
    code, referral_id = _referred_case(koord, recipient, kind)
    rendered = koord.documents.referral_letter(referral_id)
    assert rendered.kind is document and rendered.case_code == code
    assert rendered.letter_number and re.fullmatch(r"\d{3}/PP\.01-SD/3316/2026",
                                                   rendered.letter_number)
    text = pdf_checks.text_of(rendered.pdf)
    assert f"Nomor : {rendered.letter_number}" in text and f"Kode kasus : {code}" in text
    assert "Korban Lengkap S" in text and "0812-3456-7890" in text  # consented
    assert SECRETS["nik"] not in text and SECRETS["birth"] not in text  # not consented
    assert "Koordinator Posko" in text  # the printing officer is the contact
    assert _print_audits(koord, code)[0] == {"document": document.value,
                                             "letter_number": rendered.letter_number}
    again = koord.documents.referral_letter(referral_id)
    assert again.letter_number == rendered.letter_number  # one letter, one number
