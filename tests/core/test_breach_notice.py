"""Surat pemberitahuan kegagalan pelindungan data pribadi: the letter fills itself from the
breach register with the Pasal 46(2) items and the 3×24-hour deadline (SECURITY.md C4)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.clock import FakeClock
from app.documents import breach_notice
from app.documents import pdp_texts as t
from app.documents.pdp_context import BreachDocument, BreachFacts
from app.domain.enums import PaperSize
from app.domain.settings import Institution, OfficeSettings, Signatory
from app.errors import NotFound
from app.services.breaches import BreachInput
from app.services.documents import DocumentKind
from app.services.session import Session
from tests import pdf_checks
from tests.core import form_documents_support as s

#: Discovered on Monday 2 March 2026 at 09.15 WIB; the notice is due on Thursday at 09.15.
FOUND = datetime(2026, 3, 2, 2, 15, tzinfo=UTC)
OFFICE = OfficeSettings(institution=s.INSTITUTION,
                        signatory=Signatory(name="Drs. Ahmad Sholeh", position="Ketua",
                                            nip="197001011990031001"))
FACTS = BreachFacts(
    3, FOUND, FOUND + timedelta(hours=72), "Laptop posko hilang dari ruang sekretariat.",
    data_affected="Nama, alamat dan nomor telepon korban dalam 12 kasus tahun 2025.",
    how="Laptop berisi salinan tidak terenkripsi dicuri dari ruang sekretariat.",
    subjects_estimate=12, handling="Kata sandi diganti dan kunci basis data dirotasi.",
    contact="Sdri. Ratna, petugas pelindungan data, telepon 0296-531235")


def title(pdf: bytes) -> str | None:
    """The PDF's title (metadata): a document name and a code, never a name."""
    info = pdf_checks.reader(pdf).metadata
    assert info is not None
    return info.title


def document(facts: BreachFacts = FACTS, paper: PaperSize = PaperSize.F4,
             office: OfficeSettings = OFFICE) -> BreachDocument:
    return BreachDocument(replace(office, paper_size=paper), FOUND + timedelta(hours=5),
                          "Koordinator Posko", True, facts)


def test_the_pasal_46_items_and_the_deadline() -> None:
    text = pdf_checks.text_of(breach_notice.render(document()))
    for expected in (
            "KOMISI PEMILIHAN UMUM KABUPATEN BLORA", "Blora, 2 Maret 2026", "Sifat : Segera",
            "Lampiran : –", "Hal : Pemberitahuan Kegagalan Pelindungan Data Pribadi",
            "Yth. Bapak/Ibu Subjek Data Pribadi dan Lembaga Penyelenggara Pelindungan Data "
            "Pribadi", "Pasal 46 ayat (1)", "Pasal 46 ayat (2)",
            "diketahui pada Senin, 2 Maret 2026 pukul 09.15 WIB",
            "paling lambat Kamis, 5 Maret 2026 pukul 09.15 WIB", "3 × 24",
            str(FACTS.data_affected), str(FACTS.how), str(FACTS.handling),
            "12 (dua belas) orang", str(FACTS.contact),
            "Ketua Komisi Pemilihan Umum Kabupaten Blora,", "Drs. Ahmad Sholeh",
            "NIP 197001011990031001", "Tembusan:", "Arsip", t.VERSION):
        assert expected in " ".join(text.split()), expected
    assert "RAHASIA" not in text  # it carries no case data; the Sifat line says Segera


def test_what_is_not_known_yet_is_said_so() -> None:
    bare = BreachFacts(4, FOUND, FOUND + timedelta(hours=72), "Akun petugas dipakai orang lain.")
    text = pdf_checks.text_of(breach_notice.render(document(bare)))
    assert text.count(t.BN_PENDING) == 3  # data, handling and the count
    assert "Akun petugas dipakai orang lain." in text  # the description tells how
    assert "Posko Pengaduan Kekerasan Seksual Komisi Pemilihan Umum Kabupaten Blora, telepon " \
           "(0296) 531234, surel posko@kpu-blora.go.id" in text
    dpo = replace(OFFICE, institution=replace(s.INSTITUTION, dpo_contact="PPDP Setda Blora"))
    assert "menghubungi PPDP Setda Blora" in pdf_checks.text_of(
        breach_notice.render(document(bare, office=dpo)))


@pytest.mark.parametrize("paper", list(PaperSize))
def test_paper_fonts_metadata_and_determinism(paper: PaperSize) -> None:
    pdf = breach_notice.render(document(paper=paper))
    pdf_checks.assert_paper(pdf, paper)
    pdf_checks.assert_fonts_embedded(pdf)
    assert title(pdf) == (
        "Surat Pemberitahuan Kegagalan Pelindungan Data Pribadi 3")
    assert pdf == breach_notice.render(document(paper=paper))


def test_the_signature_never_stands_alone() -> None:
    long = replace(FACTS, handling="Langkah penanganan dan pemulihan dilakukan. " * 60)
    pages = pdf_checks.page_texts(breach_notice.render(document(long)))
    assert len(pages) >= 2 and "- 2 -" in pages[1]
    last = pages[-1]
    assert "Drs. Ahmad Sholeh" in last and "Kami mohon maaf" in last


def test_through_the_service(koord: Session, kclock: FakeClock) -> None:
    breach_id = koord.breaches.record(BreachInput(
        kclock.now() - timedelta(hours=2), "Flashdisk cadangan tertinggal di angkot.",
        data_affected="Kode kasus dan tanggal pengaduan", subjects_estimate=4))
    rendered = koord.documents.breach_notice(breach_id)
    text = pdf_checks.text_of(rendered.pdf)
    assert "Flashdisk cadangan tertinggal di angkot." in text and "4 (empat) orang" in text
    assert "Senin, 2 Maret 2026 pukul 07.00 WIB" in text  # discovered
    assert "Kamis, 5 Maret 2026 pukul 07.00 WIB" in text  # Breach.notice_due
    assert (rendered.kind, rendered.case_code) == (DocumentKind.PEMBERITAHUAN_KEGAGALAN, None)
    assert rendered.file_stem == f"pemberitahuan_kegagalan_pdp-{breach_id}"
    row = koord.ctx.audit.entries(limit=1)[0]
    assert (row.action, row.object, row.detail) == (
        "breach.print", f"breach:{breach_id}", {"document": "pemberitahuan_kegagalan_pdp"})
    with pytest.raises(NotFound):
        koord.documents.breach_notice(breach_id + 1000)


# --- any text in the record or the settings ------------------------------------------------

TEXT = st.text(max_size=60) | st.sampled_from(("\u202e", "👩\u200d👧", "<b>", "&", "x" * 600,
                                               "\ud800", "e\u0301", "بسم", "", "\n\n",
                                               "kata " * 300))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXT, min_size=13, max_size=13),
       count=st.none() | st.integers(0, 10**7))
def test_any_unicode_renders(texts: list[str], count: int | None) -> None:
    it = iter(texts)
    facts = BreachFacts(1, FOUND, FOUND + timedelta(hours=72), next(it), next(it), next(it),
                        count, next(it), next(it))
    office = OfficeSettings(
        institution=Institution(name=next(it), parent_name=next(it), city=next(it),
                                posko_name=next(it), dpo_contact=next(it)),
        signatory=Signatory(name=next(it), position=next(it), nip=next(it)))
    assert pdf_checks.page_count(breach_notice.render(document(facts, office=office))) >= 1


def test_free_texts_reach_the_letter_through_the_register(koord: Session,
                                                          kclock: FakeClock) -> None:
    """The register's own cleaning (validation) and the letter agree on awkward text."""
    awkward = "Nama & <alamat> korban\u202e — 👩\u200d👧 bocor"
    breach_id = koord.breaches.record(BreachInput(kclock.now(), awkward, how=awkward,
                                                  handling=awkward))
    text = pdf_checks.text_of(koord.documents.breach_notice(breach_id).pdf)
    assert "Nama & <alamat> korban" in text
