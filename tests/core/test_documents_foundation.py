"""The shared document machinery: dates, number words, safe text, pages, fonts, letters."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph, Spacer

from app.documents import dates, recovery_sheet, styles
from app.documents.export import encrypt, propose_password
from app.documents.page import DocSpec, build_pdf
from app.documents.text import MISSING, markup, printable
from app.domain.deadlines import zone
from app.domain.enums import IndonesianTimeZone, PaperSize
from app.domain.settings import Institution
from tests import pdf_checks

CODE = "123453-000011-000022-000033-000044-000055-000066-000077"


def test_indonesian_dates_do_not_depend_on_the_pc() -> None:
    assert dates.tanggal(date(2025, 8, 14)) == "14 Agustus 2025"
    assert dates.tanggal_hari(date(2025, 8, 14)) == "Kamis, 14 Agustus 2025"
    assert dates.tanggal_singkat(date(2025, 8, 4)) == "04/08/2025"
    moment = datetime(2025, 8, 14, 7, 5, tzinfo=UTC)
    assert dates.jam(moment, zone(IndonesianTimeZone.WIB)) == "14.05 WIB"
    assert [dates.MONTHS[m - 1] for m in (1, 5, 12)] == ["Januari", "Mei", "Desember"]


@pytest.mark.parametrize(("number", "words"), [
    (0, "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"),
    (19, "sembilan belas"), (21, "dua puluh satu"), (100, "seratus"), (115, "seratus lima belas"),
    (1000, "seribu"), (1999, "seribu sembilan ratus sembilan puluh sembilan"),
    (2_000_000, "dua juta"),
])
def test_number_words(number: int, words: str) -> None:
    assert dates.terbilang(number) == words


def test_lampiran_counts() -> None:
    assert dates.jumlah_berkas(0) == "–"
    assert dates.jumlah_berkas(3) == "3 (tiga) berkas"


def test_markup_escapes_and_replaces_what_the_font_cannot_draw() -> None:
    assert markup("Siti <b>&") == "Siti &lt;b&gt;&amp;"
    assert markup("Ñandú Đặng") == "Ñandú Đặng"
    assert printable("hai 😀\u200d!") == f"hai {MISSING}!"
    assert markup("a\nb") == "a<br/>b" and markup(None) == "—"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_renders(text: str) -> None:
    pdf = build_pdf(DocSpec("t", PaperSize.A4, invariant=True),
                    [Paragraph(markup(text), styles.BODY)])
    assert pdf.startswith(b"%PDF-")


@pytest.mark.parametrize("paper", list(PaperSize))
def test_pages_are_exactly_a4_or_f4_and_numbered(paper: PaperSize) -> None:
    story = [Paragraph("kalimat " * 40, styles.BODY) for _ in range(40)]
    pdf = build_pdf(DocSpec("Uji", paper, letter=True, invariant=True), [Spacer(1, 1), *story])
    pdf_checks.assert_paper(pdf, paper)
    pages = pdf_checks.page_texts(pdf)
    assert len(pages) > 1
    assert all("RAHASIA" in page for page in pages)
    assert "Halaman 1 dari" not in pages[0]  # letters: the first page carries the kop only
    assert "- 2 -" in pages[1] and f"Halaman 2 dari {len(pages)}" in pages[1]
    pdf_checks.assert_fonts_embedded(pdf)


def test_the_recovery_sheet() -> None:
    pdf = recovery_sheet.render(CODE, Institution(), date(2026, 3, 2), PaperSize.F4,
                                invariant=True)
    text = pdf_checks.text_of(pdf)
    for group in CODE.split("-"):
        assert group in text
    assert "2 Maret 2026" in text and "RAHASIA" in text
    pdf_checks.assert_paper(pdf, PaperSize.F4)
    pdf_checks.assert_fonts_embedded(pdf)
    assert pdf == recovery_sheet.render(CODE, Institution(), date(2026, 3, 2), PaperSize.F4,
                                        invariant=True)


def test_export_is_aes_256_and_needs_the_password() -> None:
    pdf = recovery_sheet.render(CODE, Institution(), date(2026, 3, 2), PaperSize.A4)
    password = propose_password()
    assert len(password.replace("-", "")) == 20
    locked = encrypt(pdf, password)
    reader = pdf_checks.reader(locked)
    assert reader.is_encrypted
    encryption: Any = reader.trailer["/Encrypt"].get_object()
    assert encryption["/V"] == 5 and encryption["/R"] == 6
    assert reader.decrypt("salah") == 0
    assert reader.decrypt(password) != 0
    assert "000077" in (reader.pages[0].extract_text() or "")
    with pytest.raises(ValueError):
        encrypt(pdf, "pendek")
