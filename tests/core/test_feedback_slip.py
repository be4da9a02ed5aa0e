"""Lembar Umpan Balik (DOCUMENTS.md §6): the one-page return slip, without any name."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings

from app.documents import feedback_slip
from app.documents import letter_texts as t
from app.documents.context import ReferralDocument
from app.domain.enums import (
    CaseStatus,
    ConsentOutcome,
    ConsentPurpose,
    PaperSize,
    Priority,
    ReferralKind,
    ReferralOutcome,
    SimfoniService,
)
from app.domain.labels import label
from app.domain.models import ConsentInput, ReferralInput
from app.services.documents import DocumentKind
from app.services.session import Session
from tests import helpers, pdf_checks
from tests.core.referral_doc_support import (
    CODE,
    DINSOS,
    NUMBER,
    OFFICE,
    OFFICER,
    SECRETS,
    referral_doc,
    unicode_doc,
)


def text_of(doc: ReferralDocument) -> str:
    return pdf_checks.text_of(feedback_slip.render(doc))


def test_the_slip_carries_every_field_to_fill_in() -> None:
    text = text_of(referral_doc())
    for part in (t.SLIP_TITLE, t.SLIP_SUBTITLE, f"Kode kasus {CODE}", f"Nomor surat {NUMBER}",
                 "Jenis surat Surat Rujukan", "Tanggal surat 2 Maret 2026",
                 "Unit penerima Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
                 "Posko Pengaduan Kekerasan Seksual", f"petugas: {OFFICER}",
                 "telepon (0296) 531234", "surel kab_blora@kpu.go.id", "Jl. Ahmad Yani No. 12",
                 *t.SLIP_RECEIVED_ROWS, t.SLIP_STATUS, t.SLIP_ACTIONS, "Kesehatan",
                 "Rehabilitasi Sosial", t.SLIP_POLICE, t.SLIP_OTHER_ACTION, t.SLIP_PLAN,
                 "Mohon lembar ini dikembalikan kepada Posko Pengaduan Kekerasan Seksual",
                 "paling lambat 5 Maret 2026 pukul 10.00 WIB", t.SLIP_RETURN_NOTE, "RAHASIA"):
        assert part in text, part
    for outcome in ReferralOutcome:
        assert label(outcome) in text
    assert "Bantuan Hukum" not in text  # only the services requested get a tick box


def test_the_slip_names_nobody() -> None:
    pdf = feedback_slip.render(referral_doc())
    text = pdf_checks.text_of(pdf)
    for secret in ("Korban Lengkap A", "Mawar", "Terlapor Satu A", "Pelapor Satu A",
                   "Kronologi dalam kata-kata korban", *SECRETS.values()):
        assert secret not in text, secret
    pdf_checks.assert_no_metadata_leak(pdf, "Korban Lengkap A", "Mawar", SECRETS["nik"])
    assert pdf_checks.reader(pdf).metadata.title == f"{t.SLIP_DOC_TITLE} {CODE}"  # type: ignore[union-attr]


@pytest.mark.parametrize(("priority", "due"), [
    (Priority.DARURAT, "Darurat — mohon umpan balik dalam 24 jam, paling lambat 3 Maret 2026 "
                       "pukul 10.00 WIB"),
    (Priority.SEGERA, "paling lambat 5 Maret 2026 pukul 10.00 WIB"),
    (Priority.BIASA, "Biasa — mohon umpan balik dalam 14 hari, paling lambat 16 Maret 2026"),
])
def test_the_return_deadline_follows_the_priority(priority: Priority, due: str) -> None:
    text = text_of(referral_doc(priority=priority))
    assert due in text
    deadline = due.split("paling lambat ")[1]
    assert "Mohon lembar ini dikembalikan kepada" in text and f"paling lambat {deadline}" in text


@pytest.mark.parametrize("paper", list(PaperSize))
def test_one_exact_page_with_embedded_fonts_even_with_every_service(paper: PaperSize) -> None:
    pdf = feedback_slip.render(referral_doc(paper=paper, services=frozenset(SimfoniService)))
    assert pdf_checks.page_count(pdf) == 1
    pdf_checks.assert_paper(pdf, paper)
    pdf_checks.assert_fonts_embedded(pdf)
    text = pdf_checks.text_of(pdf)
    assert all(label(service) in text for service in SimfoniService)


def test_an_escalation_slip_and_an_unnumbered_letter() -> None:
    text = text_of(referral_doc(kind=ReferralKind.PENERUSAN, letter_number=""))
    assert "Jenis surat Surat Penerusan" in text and f"Nomor surat {t.SLIP_UNNUMBERED}" in text
    assert t.SLIP_POLICE not in text  # Pasal 41 binds service units, not the Satgas
    assert "Unit penerima Satgas Pencegahan Kekerasan Seksual KPU Provinsi Jawa Tengah" in text


def test_without_services_the_needs_get_the_tick_boxes() -> None:
    text = text_of(referral_doc(services=frozenset()))
    assert "Kesehatan / visum" in text and "Penguatan psikologis" in text


def test_very_long_settings_still_render_with_page_numbers() -> None:
    institution = replace(OFFICE.institution, address="Jalan panjang sekali nomor 7 " * 400,
                          posko_name="Posko Pengaduan " * 30)
    doc = referral_doc(office=replace(OFFICE, institution=institution))
    pages = pdf_checks.page_texts(feedback_slip.render(doc))
    assert len(pages) > 1
    assert all(f"Halaman {n} dari {len(pages)}" in page for n, page in enumerate(pages, 1))


def test_deterministic_with_invariant() -> None:
    assert feedback_slip.render(referral_doc()) == feedback_slip.render(referral_doc())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unicode_doc())
def test_any_unicode_in_any_free_text_renders(doc: ReferralDocument) -> None:
    pdf = feedback_slip.render(doc)
    assert pdf.startswith(b"%PDF-")
    pdf_checks.assert_fonts_embedded(pdf)


def test_the_service_prints_the_slip_with_the_letter_number(koord: Session) -> None:
    case = koord.cases.create(helpers.full_intake(tag="F"))
    koord.workflow.transition(case.id, CaseStatus.DITERIMA)
    koord.workflow.transition(case.id, CaseStatus.ASESMEN)
    koord.referrals.record_consent(case.id, ConsentInput(
        ConsentPurpose.RUJUKAN, ConsentOutcome.DIBERIKAN, recipient=DINSOS))
    referral_id = koord.referrals.refer(case.id, ReferralInput(
        DINSOS, priority=Priority.DARURAT, services=frozenset({SimfoniService.KESEHATAN})))
    before = koord.documents.feedback_slip(referral_id)
    assert before.letter_number is None
    assert f"Nomor surat {t.SLIP_UNNUMBERED}" in pdf_checks.text_of(before.pdf)
    number = koord.documents.referral_letter(referral_id).letter_number
    rendered = koord.documents.feedback_slip(referral_id)
    assert rendered.kind is DocumentKind.LEMBAR_UMPAN_BALIK and rendered.letter_number == number
    text = pdf_checks.text_of(rendered.pdf)
    assert f"Nomor surat {number}" in text and f"Kode kasus {case.code}" in text
    assert "paling lambat 3 Maret 2026 pukul 09.00 WIB" in text  # darurat: 24 hours
    assert "Korban Lengkap F" not in text and SECRETS["nik"] not in text
    audits = [e.detail for e in koord.ctx.audit.entries(case_code=case.code, limit=20)
              if e.action == "case.print"]
    assert audits[0] == {"document": DocumentKind.LEMBAR_UMPAN_BALIK.value,
                         "letter_number": number}
