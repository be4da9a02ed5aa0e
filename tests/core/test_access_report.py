"""Laporan Akses Data Pribadi: all the victim's own data in a case and every audit row of it,
without a third party's identity (UU PDP Pasal 32; SECURITY.md C1)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.clock import FakeClock
from app.documents import access_report, audit_words
from app.documents import pdp_texts as t
from app.documents.pdp_context import AccessEntry, AccessReportDocument
from app.domain.enums import FollowUpKind, PaperSize, Role
from app.domain.models import AttachmentInfo, FieldChange, FollowUp, Perpetrator
from app.domain.settings import Institution, OfficeSettings
from app.errors import AccessDenied
from app.services.documents import DocumentKind
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers, pdf_checks
from tests.core import form_documents_support as s

#: Third parties: the terlapor and a reporter who is someone else.
THIRD_PARTIES = ("Terlapor Satu", "Pak X", "kepala bagian", "Pelapor Satu", "lewat posko")
#: The victim's own data, which the report must hold.
OWN = ("Dr. Korban Lengkap A, S.Pd.", "Mawar", "3316015705900001", "Jl. Contoh 1 RT 2",
       "Tempelan", "0812-3456-7890", "juru bahasa isyarat", "Kronologi dalam kata-kata korban A.",
       "Baris kedua.", "ingin pindah ruang kerja", "Mbak Silpa", "tangkapan layar pesan")

STAMP = re.compile(r"\d{2}/\d{2}/\d{4} \d{2}\.\d{2} WIB")


def title(pdf: bytes) -> str | None:
    """The PDF's title (metadata): a document name and a code, never a name."""
    info = pdf_checks.reader(pdf).metadata
    assert info is not None
    return info.title


def trail(count: int = 3) -> tuple[AccessEntry, ...]:
    actions = ("case.create", "case.view", "case.print", "arsip.pindah")
    return tuple(AccessEntry(s.PRINTED - timedelta(minutes=count - n), "Petugas Dua",
                             actions[n % len(actions)],
                             {"document": "formulir_pengaduan"} if n % 4 == 2 else {})
                 for n in range(count))


def document(paper: PaperSize = PaperSize.F4, entries: tuple[AccessEntry, ...] = trail(),
             office: OfficeSettings | None = None) -> AccessReportDocument:
    base = s.case_doc(s.case_of(referrals=(s.referral(answered=True),)), paper, office)
    corrections = (FieldChange("victim.phone", '"0811-0000-9999"', s.NEXT_DAY, 2),
                   FieldChange("victim.sex", '"L"', s.NEXT_DAY, 2),
                   FieldChange("perpetrators", '[{"full_name": "Nama Lama Terlapor"}]',
                               s.NEXT_DAY, 2))
    files = (AttachmentInfo(3, 1, "tangkapan-layar.png", "image/png", 23456, "0" * 64, None,
                            s.NEXT_DAY, 2),)
    return AccessReportDocument(**base.__dict__, corrections=corrections, attachments=files,
                                trail=entries)


def test_everything_about_her_and_her_case() -> None:
    text = pdf_checks.text_of(access_report.render(document()))
    for expected in (*OWN, "LAPORAN AKSES DATA PRIBADI", "Pasal 32", s.CODE, "RAHASIA",
                     "KOMISI PEMILIHAN UMUM KABUPATEN BLORA", "Layanan oleh posko",
                     "Sebagian; berlaku s.d. 1 Juni 2026", "Ditolak",
                     "Dinas Sosial, Pemberdayaan Perempuan", "Diterima dan ditangani",
                     "ditangani konselor", "catatan tindak lanjut", "tangkapan-layar.png",
                     "22,9 KB", "Korban: nomor telepon", "0811-0000-9999",
                     "Korban: jenis kelamin", "Laki-laki", "Terlapor 1", "Terlapor 2",
                     "Hubungan dengan KPU: Atasan", "Pengaduan disampaikan oleh pihak lain "
                     "(kakak)", "Serahkan laporan ini langsung kepada subjek data", t.VERSION):
        assert expected in text, expected


def test_no_third_party_identity() -> None:
    pdf = access_report.render(document())
    text = pdf_checks.text_of(pdf)
    for secret in (*THIRD_PARTIES, "Nama Lama Terlapor"):
        assert secret not in text, secret
    assert t.AR_THIRD_PARTY_VALUE in text
    pdf_checks.assert_no_metadata_leak(pdf, *OWN, *THIRD_PARTIES)
    assert title(pdf) == f"Laporan Akses Data Pribadi {s.CODE}"


def test_the_trail_in_words_with_unknown_codes_as_they_are() -> None:
    text = pdf_checks.text_of(access_report.render(document(entries=trail(8))))
    assert text.count("Mencatat pengaduan baru") == 2
    assert text.count("Membuka data kasus") == 2
    assert text.count("Mencetak dokumen Formulir Pengaduan") == 2
    assert text.count("arsip.pindah") == 2
    assert "03/03/2026 11.52 WIB" in text  # the office's zone


@pytest.mark.parametrize("paper", list(PaperSize))
def test_paper_fonts_and_determinism(paper: PaperSize) -> None:
    pdf = access_report.render(document(paper))
    pdf_checks.assert_paper(pdf, paper)
    pdf_checks.assert_fonts_embedded(pdf)
    assert pdf == access_report.render(document(paper))


def test_a_long_trail_runs_over_pages_with_its_header() -> None:
    pdf = access_report.render(document(entries=trail(400)))
    pages = pdf_checks.page_texts(pdf)
    assert len(pages) > 8 and f"Halaman {len(pages)} dari {len(pages)}" in pages[-1]
    assert "No Waktu Petugas Kegiatan Keterangan" in pages[-1]
    assert "400" in pages[-1]


def test_earlier_values_in_words() -> None:
    tz = s.case_doc().tz
    assert audit_words.old_value_text("victim.sex", '"P"', tz) == "Perempuan"
    assert audit_words.old_value_text("victim.birth_date", '"1990-05-17"', tz) == "17 Mei 1990"
    assert audit_words.old_value_text("victim.disability", "true", tz) == "Ya"
    assert audit_words.old_value_text("victim.nik", "null", tz) == "(kosong)"
    assert audit_words.old_value_text("incident.tpks_types",
                                      '["pemaksaan_perkawinan","pelecehan_seksual_fisik"]', tz) \
        == "Pemaksaan perkawinan; Pelecehan seksual fisik"
    assert audit_words.old_value_text("reception.received_at", '"2026-03-02T02:00:00Z"',
                                      tz) == "2 Maret 2026 pukul 09.00 WIB"
    assert audit_words.old_value_text("victim.address", "not json", tz) == "not json"
    assert audit_words.field_text("incident.gbvims.penetration") \
        == "Kejadian: jawaban GBVIMS penetration"


# --- through the service -----------------------------------------------------------------

def test_through_the_service_every_audit_row(koord: Session, kclock: FakeClock) -> None:
    case_id, referral_id = s.referred_case(koord)
    code = koord.cases.get(case_id).code
    koord.workflow.add_follow_up(case_id, FollowUpKind.KONTAK, "Korban dihubungi, aman.")
    intake = koord.cases.get(case_id).intake
    helpers.later(kclock, hours=3)
    koord.cases.update(case_id, replace(intake, victim=replace(intake.victim,
                                                               phone="0813-1111-2222")))
    koord.attachments.add(case_id, "bukti-pesan.png", b"x" * 2048)
    koord.documents.referral_letter(referral_id)
    koord.cases.reveal_victim_name(case_id)
    number = koord.cases.get(case_id).referrals[0].letter_number
    entries = koord.ctx.audit.entries(case_code=code, limit=10_000)
    rendered = koord.documents.subject_access_report(case_id)
    text = pdf_checks.text_of(rendered.pdf)
    for expected in ("0813-1111-2222", "0812-3456-7890", "bukti-pesan.png", "2,0 KB",
                     "Korban dihubungi, aman.", "Dr. Korban Lengkap A, S.Pd.",
                     f"Surat Rujukan, nomor {number}"):
        assert expected in text, expected
    history = text[text.index("O. Riwayat akses dan pemrosesan"):]
    assert len(STAMP.findall(history)) == len(entries)  # one row per audit entry …
    for action, count in Counter(e.action for e in entries).items():  # … each in words
        assert history.count(audit_words.action_text(action)) == count, action
    for secret in THIRD_PARTIES:
        assert secret not in text, secret
    printed = koord.ctx.audit.entries(limit=1)[0]
    assert (printed.action, printed.case_code, printed.detail["document"]) == (
        "case.print", code, DocumentKind.LAPORAN_AKSES_DATA.value)
    assert rendered.file_stem == f"laporan_akses_data-{code.replace('/', '-')}"


def test_only_a_koordinator(vault: Vault, session: Session) -> None:
    petugas, _ = session.users.add(helpers.PETUGAS, "Petugas", Role.PETUGAS,
                                   password=helpers.PETUGAS_PASSWORD)
    ref = session.cases.create(helpers.minimal_intake())
    session.cases.assign(ref.id, petugas.id)
    session.close()
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as officer:
        officer.cases.get(ref.id)  # the case is theirs …
        with pytest.raises(AccessDenied):  # … but the audit trail is not
            officer.documents.subject_access_report(ref.id)


# --- any text -----------------------------------------------------------------------------

TEXT = st.text(max_size=60) | st.sampled_from(("\u202e", "👩\u200d👧", "<b>", "&", "x" * 400,
                                               "\ud800", "e\u0301", "بسم", "", "\n\n"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXT, min_size=14, max_size=14))
def test_any_unicode_renders(texts: list[str]) -> None:
    it = iter(texts)
    intake = helpers.full_intake()
    intake = replace(intake, victim=replace(intake.victim, full_name=next(it),
                                            address=next(it), phone=next(it)),
                     incident=replace(intake.incident, chronology=next(it)),
                     perpetrators=(Perpetrator(full_name=next(it)),))
    case = replace(s.case_of(intake), follow_ups=(FollowUp(1, s.NEXT_DAY, 2,
                                                           FollowUpKind.CATATAN, next(it)),))
    office = OfficeSettings(institution=Institution(name=next(it), posko_name=next(it),
                                                    address=next(it)))
    base = s.case_doc(case, settings=office)
    doc = AccessReportDocument(
        **base.__dict__,
        corrections=(FieldChange("victim.address", next(it), s.NEXT_DAY, 2),),
        attachments=(AttachmentInfo(1, 1, next(it), "x", 5, "0", None, s.NEXT_DAY, 2),),
        trail=(AccessEntry(datetime(2026, 3, 2, tzinfo=UTC), next(it), next(it)),))
    assert pdf_checks.page_count(access_report.render(doc)) >= 1
