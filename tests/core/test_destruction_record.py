"""Berita Acara Pemusnahan: destroyed cases on paper — codes and dates, never a name."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.clock import FakeClock
from app.documents import destruction_record
from app.documents import pdp_texts as t
from app.documents.pdp_context import BackupEntry, DestroyedEntry, DestructionDocument
from app.domain.enums import ClosureReason, PaperSize, RightStatus, Role
from app.domain.settings import Institution, OfficeSettings, Signatory
from app.domain.workflow import STARRED_RIGHTS
from app.errors import AccessDenied, NotFound, ValidationError
from app.services.documents import DocumentKind
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers, pdf_checks
from tests.core import form_documents_support as s

#: Monday 3 March 2031, 10.15 WIB: five years after the cases closed.
AT = datetime(2031, 3, 3, 3, 15, tzinfo=UTC)
OFFICE = OfficeSettings(institution=s.INSTITUTION,
                        signatory=Signatory(name="Drs. Ahmad Sholeh", position="Ketua",
                                            nip="197001011990031001"))
ERASURE = "UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi (hak penghapusan)"
#: What must never reach the berita acara: the destroyed case's people and story.
SECRETS = ("Korban Lengkap", "Terlapor Satu", "Pelapor Satu", "Mawar", "3316015705900001",
           "Kronologi dalam kata-kata", "0812-3456-7890", "Jl. Contoh")


def title(pdf: bytes) -> str | None:
    """The PDF's title (metadata): a document name and a code, never a name."""
    info = pdf_checks.reader(pdf).metadata
    assert info is not None
    return info.title


def entry(number: int, basis: str = OFFICE.retention_legal_basis,
          reason: str = "Akhir masa retensi") -> DestroyedEntry:
    return DestroyedEntry(f"{number:03d}/PPKS/3316/2026", date(2026, 3, number),
                          date(2026, 4, number), AT, "Koordinator Posko", basis, reason)


def backup(month: int) -> BackupEntry:
    return BackupEntry(f"posko-2030-{month:02d}-01-0930.poskobak",
                       datetime(2030, month, 1, 2, 30, tzinfo=UTC))


def document(entries: tuple[DestroyedEntry, ...] = (entry(1), entry(2), entry(3)),
             backups: tuple[BackupEntry, ...] = (backup(1), backup(2)),
             paper: PaperSize = PaperSize.F4,
             office: OfficeSettings = OFFICE) -> DestructionDocument:
    return DestructionDocument(OfficeSettings(**{**office.__dict__, "paper_size": paper}),
                               AT + timedelta(minutes=5), "Koordinator Posko", True, entries,
                               backups)


def test_the_official_format() -> None:
    text = pdf_checks.text_of(destruction_record.render(document()))
    for expected in (
            "KOMISI PEMILIHAN UMUM KABUPATEN BLORA", "Jl. Nusantara No. 1, Blora",
            "BERITA ACARA PEMUSNAHAN DATA PRIBADI", "Nomor: ....",
            "Pada hari ini Senin tanggal tiga bulan Maret tahun dua ribu tiga puluh satu "
            "(03-03-2031), bertempat di Komisi Pemilihan Umum Kabupaten Blora",
            "Nama : Koordinator Posko",
            "Jabatan : Koordinator Posko Pengaduan Kekerasan Seksual",
            "atas 3 (tiga) kasus", "001/PPKS/3316/2026", "003/PPKS/3316/2026",
            "1 Maret 2026", "3 April 2026", "3 Maret 2031 pukul 10.15 WIB",
            "Pasal 43 dan 44", "Akhir masa retensi", "Cara pemusnahan", "secure", "VACUUM",
            "posko-2030-01-01-0930.poskobak", "1 Februari 2030 pukul 09.30 WIB",
            "sampai salinan itu sendiri dimusnahkan", "Saksi,",
            "Yang melaksanakan pemusnahan,", "Mengetahui,",
            "Ketua Komisi Pemilihan Umum Kabupaten Blora", "Drs. Ahmad Sholeh",
            "NIP 197001011990031001", "RAHASIA", t.VERSION):
        assert expected in text, expected


def test_each_legal_basis_with_its_codes() -> None:
    entries = (entry(1), entry(2), entry(9, ERASURE, "Permintaan korban tanggal 1 Maret 2031"))
    text = pdf_checks.text_of(destruction_record.render(document(entries)))
    assert "Kode kasus : 001/PPKS/3316/2026, 002/PPKS/3316/2026" in text
    assert "Kode kasus : 009/PPKS/3316/2026" in text
    assert "(hak penghapusan)" in text and "Permintaan korban tanggal 1 Maret 2031" in text
    single = pdf_checks.text_of(destruction_record.render(document()))
    assert "Kode kasus :" not in single  # one basis for all: no codes to repeat


def test_without_recorded_backups_the_rule_is_still_stated() -> None:
    text = pdf_checks.text_of(destruction_record.render(document(backups=())))
    assert " ".join(t.BA_NO_BACKUPS.split()) in text
    assert "poskobak" not in text


@pytest.mark.parametrize("paper", list(PaperSize))
def test_paper_fonts_metadata_and_determinism(paper: PaperSize) -> None:
    pdf = destruction_record.render(document(paper=paper))
    pdf_checks.assert_paper(pdf, paper)
    pdf_checks.assert_fonts_embedded(pdf)
    assert title(pdf) == "Berita Acara Pemusnahan 3 kasus"
    assert pdf == destruction_record.render(document(paper=paper))
    one = destruction_record.render(document((entry(7),), paper=paper))
    assert title(one) == "Berita Acara Pemusnahan 007/PPKS/3316/2026"


def test_a_long_list_runs_over_pages() -> None:
    entries = tuple(entry(number % 28 + 1) for number in range(120))
    pdf = destruction_record.render(document(entries, tuple(backup(m) for m in range(1, 13))))
    pages = pdf_checks.page_texts(pdf)
    assert len(pages) >= 3 and f"Halaman 2 dari {len(pages)}" in pages[1]
    assert "Kode kasus" in pages[1]  # the table header repeats
    assert "Drs. Ahmad Sholeh" in pages[-1] and "Mengetahui," in pages[-1]


# --- through the service -----------------------------------------------------------------

def _audit_rows(session: Session) -> list[tuple[str | None, dict[str, object]]]:
    return [(e.case_code, dict(e.detail)) for e in session.ctx.audit.entries(limit=50)
            if e.action == "case.print"
            and e.detail.get("document") == DocumentKind.BERITA_ACARA_PEMUSNAHAN.value]


def test_printed_after_an_erasure_and_again_later(session: Session, clock: FakeClock,
                                                  tmp_path: Path) -> None:
    ref = session.cases.create(helpers.full_intake(tag="A"))
    helpers.later(clock, hours=2)
    before = session.backups.create(tmp_path)
    helpers.later(clock, days=3)
    session.retention.erase_on_request(ref.id, "Permintaan korban secara tertulis")
    helpers.later(clock, hours=1)
    after = session.backups.create(tmp_path)
    rendered = session.documents.destruction_record([ref.code])
    text = pdf_checks.text_of(rendered.pdf)
    for expected in (ref.code, "Permintaan korban secara tertulis", "(hak penghapusan)",
                     "2 Maret 2026", "Kamis tanggal lima bulan Maret", before.file_name,
                     "Koordinator Posko"):
        assert expected in text, expected
    assert after.file_name not in text
    for secret in SECRETS:
        assert secret not in text, secret
    pdf_checks.assert_no_metadata_leak(rendered.pdf, *SECRETS)
    assert (rendered.kind, rendered.case_code) == (DocumentKind.BERITA_ACARA_PEMUSNAHAN,
                                                   ref.code)
    assert "Korban" not in rendered.file_stem
    helpers.later(clock, days=40)
    again = pdf_checks.text_of(session.documents.destruction_record([ref.code]).pdf)
    assert "Kamis tanggal lima bulan Maret" in again and before.file_name in again
    assert _audit_rows(session) == [(ref.code, {"document": "berita_acara_pemusnahan",
                                                "count": 1, "codes": [ref.code]})] * 2


def _closed(session: Session) -> str:
    ref = session.cases.create(helpers.minimal_intake())
    for right in STARRED_RIGHTS:
        session.workflow.set_right(ref.id, right, RightStatus.DIBERIKAN)
    session.workflow.close(ref.id, ClosureReason.KEBUTUHAN_TERPENUHI)
    return ref.code


def test_several_cases_at_the_end_of_retention(session: Session, clock: FakeClock) -> None:
    codes = [_closed(session), _closed(session)]
    helpers.later(clock, days=366 * 5 + 2)
    session.retention.destroy_expired([e.case_id for e in session.retention.eligible()])
    rendered = session.documents.destruction_record(codes)
    text = pdf_checks.text_of(rendered.pdf)
    assert all(code in text for code in codes) and "atas 2 (dua) kasus" in text
    assert "Akhir masa retensi" in text and "Pasal 43 dan 44" in text
    assert "Siti Aminah" not in text
    assert rendered.case_code is None and rendered.file_stem.endswith("-2-kasus")
    assert _audit_rows(session) == [(None, {"document": "berita_acara_pemusnahan",
                                            "count": 2, "codes": codes})]


def test_only_destroyed_codes_and_only_a_koordinator(vault: Vault, session: Session) -> None:
    live = session.cases.create(helpers.minimal_intake())
    with pytest.raises(NotFound):
        session.documents.destruction_record([live.code])
    with pytest.raises(ValidationError):
        session.documents.destruction_record([])
    session.retention.erase_on_request(live.id, "Permintaan korban")
    session.users.add(helpers.PETUGAS, "Petugas", Role.PETUGAS,
                      password=helpers.PETUGAS_PASSWORD)
    session.close()
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as officer, \
            pytest.raises(AccessDenied):
        officer.documents.destruction_record([live.code])


# --- any text an office or an officer can type --------------------------------------------

TEXT = st.text(max_size=60) | st.sampled_from(("\u202e", "👩\u200d👧", "<b>", "&", "x" * 400,
                                               "\ud800", "e\u0301", "بسم", ""))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXT, min_size=13, max_size=13))
def test_any_unicode_renders(texts: list[str]) -> None:
    it = iter(texts)
    office = OfficeSettings(
        institution=Institution(name=next(it), parent_name=next(it), address=next(it),
                                posko_name=next(it), city=next(it)),
        signatory=Signatory(name=next(it), position=next(it), nip=next(it)))
    entries = (DestroyedEntry(next(it), None, None, AT, next(it), next(it), next(it)),
               entry(2))
    pdf = destruction_record.render(document(entries, (BackupEntry(next(it), AT),),
                                             office=office))
    assert pdf_checks.page_count(pdf) >= 1
