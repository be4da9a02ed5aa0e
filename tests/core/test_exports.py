"""Anonymised statistics exports (XLSX, CSV): categories and counts only, consented cases only,
no count of 1 or 2, every export audited (DOMAIN.md §9; UU PDP: nothing that identifies anyone).

Every case carries sentinels — its victim's name, NIK, phone, the reporter's and the alleged
perpetrator's names, the chronology — and none of them may appear in any cell, in any XML part
of the workbook, or in the CSV text.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.enums import (
    CaseStatus,
    ConsentOutcome,
    ConsentPurpose,
    PaperSize,
    Role,
    Sex,
)
from app.domain.models import ConsentInput, Intake
from app.errors import AccessDenied
from app.services.exports import ExportFile
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.core import key_helpers

START, END = date(2026, 3, 1), date(2026, 3, 31)
#: (sex, statistics consent, received?) — only the first five are counted.
CASES = [(Sex.P, ConsentOutcome.DIBERIKAN, True)] * 4 + [
    (Sex.L, ConsentOutcome.DIBERIKAN, True),     # one man: a count of 1, shown "<3"
    (Sex.L, ConsentOutcome.DITOLAK, True), (Sex.L, ConsentOutcome.DITOLAK, True),
    (Sex.L, None, True),                         # never asked
    (Sex.L, "revoked", True),                    # consented, then withdrew
    (Sex.L, ConsentOutcome.DIBERIKAN, False),    # still a draft: not a received complaint
]


def sentinels(index: int) -> dict[str, str]:
    return {"name": f"Eksnama{index}", "nik": f"33160157059077{index:02d}",
            "phone": f"0877-3300-77{index:02d}", "reporter": f"Ekspelapor{index}",
            "chronology": f"Ekskronologi{index}"}


def _intake(index: int, sex: Sex, received: object) -> Intake:
    words = sentinels(index)
    base = helpers.full_intake(received, tag=words["reporter"])  # type: ignore[arg-type]
    return replace(base, victim=replace(base.victim, full_name=f"Korban {words['name']}",
                                        nik=words["nik"], phone=words["phone"], sex=sex),
                   incident=replace(base.incident, chronology=f"{words['chronology']} terjadi."))


@dataclass(frozen=True)
class Office:
    vault: Vault


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Office:
    clock = helpers.fake_clock()
    vault = helpers.new_vault(tmp_path_factory.mktemp("ekspor") / "vault", clock)
    session, _ = helpers.create_vault(vault)
    with session:
        key_helpers.add_officer(session)
        key_helpers.add_officer(session, helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD,
                                Role.PIMPINAN)
        for index, (sex, consent, received) in enumerate(CASES):
            helpers.later(clock, hours=1)
            case_id = session.cases.create(_intake(index, sex, clock.now())).id
            if received:
                session.workflow.transition(case_id, CaseStatus.DITERIMA)
            if consent is not None:
                outcome = ConsentOutcome.DIBERIKAN if consent == "revoked" else consent
                session.referrals.record_consent(case_id, ConsentInput(
                    ConsentPurpose.STATISTIK, outcome))  # type: ignore[arg-type]
            if consent == "revoked":
                record = session.cases.get(case_id).consents[-1]
                session.referrals.revoke_consent(record.id, "korban menarik persetujuan")
    return Office(vault)


@pytest.fixture
def koord(office: Office) -> Iterator[Session]:
    with office.vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        yield session


def _cells(export: ExportFile) -> list[list[object]]:
    book = load_workbook(io.BytesIO(export.data))
    return [[cell for cell in row] for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)]


def _csv_rows(export: ExportFile) -> list[list[str]]:
    text = export.data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def _all_text(export: ExportFile) -> str:
    """Everything a reader could find: every XML part of a workbook, or the CSV text."""
    if export.file_name.endswith(".csv"):
        return export.data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(export.data)) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace")
                         for name in archive.namelist())


def _leaks(export: ExportFile) -> list[str]:
    text = _all_text(export).lower()
    digits = "".join(ch for ch in text if ch.isdigit())
    found = []
    for index in range(len(CASES)):
        for label, word in sentinels(index).items():
            plain = "".join(ch for ch in word if ch.isdigit())
            if word.lower() in text or (label in ("nik", "phone") and plain in digits):
                found.append(f"{label}{index}")
    return found


def test_no_name_nik_phone_or_chronology_in_any_export(koord: Session) -> None:
    # Negative controls: the vault does hold them, and the sweep sees one when it is there.
    assert [s.code for s in koord.cases.search(sentinels(0)["chronology"])]
    planted = f"Kategori;{sentinels(3)['name'].upper()};08773300 7703\n".encode()
    assert _leaks(ExportFile(planted, "kontrol.csv")) == ["name3", "phone3"]
    for export in (koord.exports.statistics_xlsx(START, END),
                   koord.exports.statistics_csv(START, END)):
        assert _leaks(export) == []
        assert export.file_name.startswith("rekap-statistik-2026-03-01-2026-03-31.")


def test_only_consented_received_cases_are_counted(koord: Session) -> None:
    rows = _csv_rows(koord.exports.statistics_csv(START, END))
    assert rows[0] == ["Bagian", "Kategori", "Jumlah"]
    assert rows[1] == ["Jumlah kasus", "Semua kasus", "5"]
    sex = {category: count for section, category, count in rows[1:]
           if section == "Jenis kelamin korban"}
    assert sex["Laki-laki"] == "<3"  # one consented man; the four who did not consent absent
    assert sex["Perempuan"] == "x"  # hidden too: else 5 minus 4 gives the one away


def test_no_count_of_one_or_two_is_ever_shown(koord: Session) -> None:
    xlsx_counts = [row[2] for row in _cells(koord.exports.statistics_xlsx(START, END))[1:]
                   if len(row) > 2 and row[0] not in (None, "Catatan")]
    csv_counts = [row[2] for row in _csv_rows(koord.exports.statistics_csv(START, END))[1:]]
    assert xlsx_counts and csv_counts
    assert not {1, 2} & {c for c in xlsx_counts if isinstance(c, int)}
    assert {c for c in xlsx_counts if isinstance(c, str)} <= {"<3", "x"}
    assert not {"1", "2"} & set(csv_counts)
    assert "<3" in csv_counts and set(csv_counts) <= {"<3", "x"} | {
        str(n) for n in (0, *range(3, 100))}
    assert [str(c) for c in xlsx_counts] == csv_counts  # both files say the same


def test_every_export_is_audited(koord: Session) -> None:
    def exports() -> list[dict[str, object]]:
        return [dict(e.detail) for e in koord.ctx.audit.entries(limit=10_000)
                if e.action == "stats.export"]

    before = len(exports())
    koord.exports.statistics_xlsx(START, END)
    koord.exports.statistics_csv(START, END - timedelta(days=1))
    assert exports()[:2] == [
        {"format": "csv", "start": "2026-03-01", "end": "2026-03-30"},
        {"format": "xlsx", "start": "2026-03-01", "end": "2026-03-31"}]
    assert len(exports()) == before + 2


def test_the_workbook_is_the_same_for_the_same_moment(koord: Session) -> None:
    first = koord.exports.statistics_xlsx(START, END)
    assert koord.exports.statistics_xlsx(START, END).data == first.data
    with zipfile.ZipFile(io.BytesIO(first.data)) as archive:
        stamps = {info.date_time for info in archive.infolist()}
    now = koord.now()  # the vault's clock (UTC), not the PC's
    assert now.year == 2026 and stamps == {(now.year, now.month, now.day, now.hour, now.minute,
                                            now.second // 2 * 2)}
    book = load_workbook(io.BytesIO(first.data))
    assert book.properties.created is not None and book.properties.created.year == 2026
    sheet = book.active
    assert sheet is not None and sheet.page_setup.paperSize == 14  # F4 (Folio), the default
    koord.settings.update(paper_size=PaperSize.A4)
    a4 = load_workbook(io.BytesIO(koord.exports.statistics_xlsx(START, END).data)).active
    koord.settings.update(paper_size=PaperSize.F4)
    assert a4 is not None and a4.page_setup.paperSize == 9


def test_pimpinan_exports_and_petugas_is_refused(office: Office) -> None:
    with office.vault.unlock(helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD) as pimpinan:
        rows = _csv_rows(pimpinan.exports.statistics_csv(START, END))
        assert rows[1] == ["Jumlah kasus", "Semua kasus", "5"]
        assert _leaks(pimpinan.exports.statistics_xlsx(START, END)) == []
    with office.vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as petugas:
        for export in (petugas.exports.statistics_xlsx, petugas.exports.statistics_csv):
            with pytest.raises(AccessDenied):
                export(START, END)
        denied = [e for e in petugas.ctx.audit.entries() if e.action == "access.denied"]
        assert [e.detail["action"] for e in denied] == ["stats.export"] * 2
        assert not [e for e in petugas.ctx.audit.entries() if e.action == "stats.export" and
                    e.actor_user_id == petugas.user.id]


def test_an_empty_period_exports_zeros_not_blanks(koord: Session, tmp_path: Path) -> None:
    export = koord.exports.statistics_csv(date(2025, 1, 1), date(2025, 1, 31))
    rows = _csv_rows(export)
    assert rows[1] == ["Jumlah kasus", "Semua kasus", "0"]
    (tmp_path / export.file_name).write_bytes(export.data)  # a plain file Excel can open
    assert (tmp_path / "rekap-statistik-2025-01-01-2025-01-31.csv").stat().st_size > 0
