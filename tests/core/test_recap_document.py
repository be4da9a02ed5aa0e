"""Rekap Statistik: aggregate counts on paper, no count below 3, charts without hidden bars."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf.generic import ContentStream

from app.clock import FakeClock
from app.documents import charts, recap
from app.domain import statistics
from app.domain.enums import (
    AgeBand,
    CaseStatus,
    Channel,
    ConsentOutcome,
    ConsentPurpose,
    PaperSize,
    ReferralOutcome,
    Sex,
    SimfoniPlace,
    SimfoniRelation,
    SimfoniService,
    SimfoniViolence,
    TpksType,
    VictimKpuRelation,
)
from app.domain.models import ConsentInput, Victim
from app.domain.settings import Institution, OfficeSettings
from app.domain.statistics import Breakdown, CaseFacts, Cell, Recap
from app.services.session import Session
from tests import helpers, pdf_checks

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
PRINTED = datetime(2026, 4, 15, 3, 5, tzinfo=UTC)  # 15 April 2026 pukul 10.05 WIB
OFFICE = OfficeSettings()


def facts(**changes: object) -> CaseFacts:
    base = dict(status=CaseStatus.DITERIMA, received_on=date(2026, 3, 2),
                tpks_types=frozenset({TpksType.PELECEHAN_FISIK}),
                violence=frozenset({SimfoniViolence.SEKSUAL}), sex=Sex.P,
                age_band=AgeBand.B25_44, kpu_relation=VictimKpuRelation.KOMISIONER,
                kecamatan="Blora", channel=Channel.DATANG_LANGSUNG, previously_reported=False,
                insider=False, referred=False, referral_outcome=None, days_to_referral=None)
    return CaseFacts(**{**base, **changes})  # type: ignore[arg-type]


#: One case in one set of categories, two in another, then 10 and 11: every breakdown holds
#: a 1 and a 2 (to be hidden) and otherwise only counts of 10 or more.
GROUPS: tuple[tuple[int, dict[str, object]], ...] = (
    (1, dict(sex=None, age_band=AgeBand.B0_5, kpu_relation=VictimKpuRelation.PPK,
             place=SimfoniPlace.SEKOLAH, relations=frozenset({SimfoniRelation.GURU}),
             services=frozenset({SimfoniService.PEMULANGAN}),
             tpks_types=frozenset({TpksType.PERKOSAAN}),
             violence=frozenset({SimfoniViolence.FISIK}), status=CaseStatus.DIRUJUK,
             referred=True, referral_outcome=ReferralOutcome.DITOLAK, kecamatan="Cepu",
             channel=Channel.TELEPON, insider=True)),
    (2, dict(sex=Sex.L, age_band=AgeBand.B6_12, kpu_relation=VictimKpuRelation.PPS,
             place=SimfoniPlace.FASILITAS_UMUM, relations=frozenset({SimfoniRelation.TETANGGA}),
             services=frozenset({SimfoniService.BANTUAN_HUKUM}),
             tpks_types=frozenset({TpksType.EKSPLOITASI_SEKSUAL}),
             violence=frozenset({SimfoniViolence.PSIKIS}), status=CaseStatus.DITUTUP,
             referred=True, kecamatan="Jepon", channel=Channel.SURAT,
             previously_reported=True)),
    (10, dict(place=SimfoniPlace.TEMPAT_KERJA, relations=frozenset({SimfoniRelation.MAJIKAN}),
              services=frozenset({SimfoniService.KESEHATAN}))),
    (11, dict(age_band=AgeBand.B45_59, kpu_relation=None,
              tpks_types=frozenset({TpksType.PELECEHAN_NONFISIK}),
              violence=frozenset({SimfoniViolence.LAINNYA}), status=CaseStatus.ASESMEN,
              referred=True, referral_outcome=ReferralOutcome.DITANGANI,
              kecamatan="Randublatung", channel=Channel.WHATSAPP,
              place=SimfoniPlace.RUMAH_TANGGA, relations=frozenset({SimfoniRelation.LAINNYA}),
              services=frozenset({SimfoniService.PENGADUAN}))),
)


def crafted() -> Recap:
    cases = [facts(**changes) for size, changes in GROUPS for _ in range(size)]
    return statistics.build(cases, *MARCH, OFFICE.kecamatan_choices())


def render(counts: Recap, office: OfficeSettings = OFFICE) -> bytes:
    return recap.render(counts, office, PRINTED, invariant=True)


def yearly(kecamatan: int = 40) -> tuple[Recap, OfficeSettings]:
    """A year with cases in every month, every category and many kecamatan."""
    names = tuple(f"Kecamatan {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(kecamatan))
    office = replace(OFFICE, kecamatan=names)
    cases = [facts(received_on=date(2026, 1 + i % 12, 1 + i % 28), kecamatan=names[i % len(names)],
                   tpks_types=frozenset({list(TpksType)[i % len(TpksType)]}),
                   status=list(CaseStatus)[1 + i % 8], referred=True, days_to_referral=1.5)
           for i in range(3 * kecamatan)]
    return statistics.build(cases, *YEAR, office.kecamatan_choices()), office


def bar_rectangles(pdf: bytes) -> int:
    """Filled rectangles drawn on all pages (table header shading and chart bars)."""
    reader = pdf_checks.reader(pdf)
    return sum(1 for page in reader.pages
               for _, op in ContentStream(page.get_contents(), reader).operations if op == b"re")


@pytest.mark.parametrize(("start", "end", "words"), [
    (date(2026, 3, 1), date(2026, 3, 31), "Bulan Maret 2026"),
    (date(2026, 2, 1), date(2026, 2, 28), "Bulan Februari 2026"),
    (date(2026, 1, 1), date(2026, 12, 31), "Tahun 2026"),
    (date(2026, 1, 1), date(2026, 11, 28), "1 Januari – 28 November 2026"),
    (date(2025, 12, 15), date(2026, 1, 14), "15 Desember 2025 – 14 Januari 2026"),
    (date(2026, 1, 1), date(2026, 3, 31), "Januari – Maret 2026"),
    (date(2025, 11, 1), date(2026, 2, 28), "November 2025 – Februari 2026"),
    (date(2026, 8, 14), date(2026, 8, 14), "14 Agustus 2026"),
])
def test_the_period_in_indonesian(start: date, end: date, words: str) -> None:
    assert recap.period(start, end) == words


def test_category_names_match_the_laporan_screen() -> None:
    assert recap.category("sex", statistics.UNKNOWN) == "Tidak diketahui"
    assert recap.category("referral_outcome", statistics.NO_FEEDBACK) == "Belum ada umpan balik"
    assert recap.category("referral_outcome", statistics.NOT_REFERRED) == "Tidak dirujuk"
    assert recap.category("insider", "ya") == "Ya" and recap.category("insider", "tidak") == "Tidak"
    assert recap.category("tpks_type", "perkosaan") == "Perkosaan"
    assert recap.category("simfoni_violence", "seksual") == "Seksual"
    assert recap.category("age_band", "13-17") == "13–17 tahun"
    assert recap.category(statistics.MONTH, "2026-03") == "Maret 2026"
    assert recap.category("kecamatan", "Cepu") == "Cepu"
    assert recap.category("sex", "bukan-nilai") == "bukan-nilai"
    assert recap.days(2.25) == "2,2 hari" and recap.days(None) == "—"


def test_suppressed_cells_get_no_bar() -> None:
    rows = [("a", Cell("a", 10)), ("b", Cell("b", None)), ("c", Cell("c", 0)),
            ("d", Cell("d", 5))]
    assert charts.bars(rows, 200) == [charts.Bar("a", "10", 200.0), charts.Bar("b", "<3", None),
                                      charts.Bar("d", "5", 100.0)]
    assert [bar.shown for bar in charts.bars(rows, 200, zeros=True)] == ["10", "<3", "0", "5"]
    assert charts.bars([("b", Cell("b", None))], 200) == [charts.Bar("b", "<3", None)]
    assert charts.chart([("c", Cell("c", 0))], 400) == []
    (drawing,) = charts.chart(rows, 400)
    rectangles = [shape for shape in drawing.contents if type(shape).__name__ == "Rect"]
    assert len(rectangles) == 2  # a and d; b shows "<3" only


def test_a_suppressed_cell_draws_no_bar_on_paper() -> None:
    sex = Breakdown("sex", (Cell("L", 5), Cell("P", 12), Cell(statistics.UNKNOWN, 0)))
    shown = Recap(*MARCH, Cell("total", 17), (sex,), None)
    hidden = replace(shown, breakdowns=(replace(sex, cells=(Cell("L", None), *sex.cells[1:])),))
    assert bar_rectangles(render(shown)) == bar_rectangles(render(hidden)) + 1
    assert "Laki-laki <3" in pdf_checks.text_of(render(hidden))


def test_a_count_below_three_never_appears_as_a_number() -> None:
    counts = crafted()
    hidden = [cell for b in counts.breakdowns for cell in b.cells if cell.count is None]
    assert len(hidden) == 2 * len(counts.breakdowns)
    small = sum(cell.small for cell in hidden)  # a lone small cell hides a partner ("x")
    text = pdf_checks.text_of(render(counts))
    assert text.count("<3") == 2 * small + (recap.NOTE + recap.CHART_NOTE).count("<3")
    clean = re.sub(r"Halaman \d+ dari \d+", "", text.replace(recap.NOTE, ""))
    assert not re.findall(r"(?<!\S)[12](?!\S)", clean)
    for label, count in (("Perkosaan", "<3"), ("Eksploitasi seksual", "<3"),
                         ("Laki-laki", "<3"), ("Perempuan", "21"), ("0–5 tahun", "<3"),
                         ("Anggota PPK", "<3"), ("Ditutup", "<3"), ("Ditolak", "<3"),
                         ("Belum ada umpan balik", "<3"), ("Cepu", "<3"), ("Telepon", "<3")):
        assert f"{label} {count}" in text
    assert "Jumlah kasus 24" in text


def test_what_the_recap_says() -> None:
    text = pdf_checks.text_of(render(crafted()))
    for needed in (recap.TITLE, "Posko Pengaduan Kekerasan Seksual", "Bulan Maret 2026",
                   "Komisi Pemilihan Umum Kabupaten Blora", "TERBATAS — UNTUK PIMPINAN",
                   "Dicetak 15 April 2026 pukul 10.05 WIB", recap.NOTE,
                   "Versi pemetaan kategori 2026.1", "Rata-rata waktu dari pengaduan sampai "
                   "rujukan pertama —", *(t for t in recap.SECTIONS.values() if "bulan" not in t)):
        assert needed in text, needed
    assert "RAHASIA" not in text and "Draf" not in text  # drafts are never counted
    assert "Jumlah kasus per bulan" not in text  # one month: the total says it all
    assert "Grafik 1. Jenis kekerasan seksual (UU TPKS)" in text


def test_the_average_prints_with_a_decimal_comma() -> None:
    counts = replace(crafted(), average_days_to_referral=3.5)
    assert "rujukan pertama 3,5 hari" in pdf_checks.text_of(render(counts))


@pytest.mark.parametrize("paper", list(PaperSize))
def test_paper_fonts_and_metadata(paper: PaperSize) -> None:
    pdf = render(crafted(), replace(OFFICE, paper_size=paper))
    pdf_checks.assert_paper(pdf, paper)
    pdf_checks.assert_fonts_embedded(pdf)
    assert all(name.endswith(("LiberationSans", "LiberationSans-Bold"))
               for name in pdf_checks.font_names(pdf))
    metadata = pdf_checks.reader(pdf).metadata
    assert metadata is not None and metadata.title == "Rekap Statistik Bulan Maret 2026"


def test_same_input_same_bytes() -> None:
    assert render(crafted()) == render(crafted())


def test_a_yearly_recap_spans_pages_with_a_header_on_each() -> None:
    counts, office = yearly()
    pdf = render(counts, office)
    pages = pdf_checks.page_texts(pdf)
    assert len(pages) > 4
    for number, page in enumerate(pages, 1):
        assert f"Halaman {number} dari {len(pages)}" in page
        assert "TERBATAS — UNTUK PIMPINAN" in page and "Tahun 2026" in page
    text = " ".join(pages)
    assert "Jumlah kasus per bulan" in text and "Januari 2026 10" in text
    assert "Desember 2026 10" in text and "Rata-rata waktu dari pengaduan sampai " \
                                          "rujukan pertama 1,5 hari" in text
    assert re.search(r"Grafik \d+\. Kecamatan domisili korban \(lanjutan\)", text)
    pdf_checks.assert_fonts_embedded(pdf)


_TEXT = st.text(max_size=80)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_TEXT, posko=_TEXT, kecamatan=st.lists(_TEXT, min_size=1, max_size=4))
def test_any_office_text_renders(name: str, posko: str, kecamatan: list[str]) -> None:
    office = replace(OFFICE, institution=Institution(name=name, posko_name=posko),
                     kecamatan=tuple(kecamatan))
    cases = [facts(kecamatan=kecamatan[i % len(kecamatan)]) for i in range(7)]
    pdf = render(statistics.build(cases, *MARCH, office.kecamatan_choices()), office)
    assert pdf_checks.page_count(pdf) > 1


def _case(session: Session, clock: FakeClock, sex: Sex, consent: ConsentOutcome | None) -> str:
    clock.advance(timedelta(minutes=5))
    intake = helpers.minimal_intake(clock.now())
    intake = replace(intake, victim=Victim(full_name="Nama Rahasia Korban", sex=sex,
                                           age_years=30))
    case = session.cases.create(intake)
    session.workflow.transition(case.id, CaseStatus.DITERIMA)
    if consent is not None:
        session.referrals.record_consent(case.id, ConsentInput(ConsentPurpose.STATISTIK,
                                                               consent))
    return case.code


def test_the_service_prints_consented_cases_only(session: Session, clock: FakeClock) -> None:
    codes = [_case(session, clock, Sex.P, ConsentOutcome.DIBERIKAN) for _ in range(4)]
    codes += [_case(session, clock, Sex.L, ConsentOutcome.DITOLAK) for _ in range(3)]
    codes.append(_case(session, clock, Sex.L, None))
    rendered = session.documents.recap(*MARCH)
    text = pdf_checks.text_of(rendered.pdf)
    assert "Jumlah kasus 4" in text and "Perempuan 4" in text and "Laki-laki 0" in text
    assert "Nama Rahasia Korban" not in text and not any(code in text for code in codes)
    assert rendered.file_stem == "rekap-2026-03-01-2026-03-31" and rendered.case_code is None
    pdf_checks.assert_paper(rendered.pdf, session.office().paper_size)
    entry = next(e for e in session.ctx.audit.entries() if e.action == "stats.print")
    assert entry.detail == {"start": "2026-03-01", "end": "2026-03-31"}
    assert entry.case_code is None
