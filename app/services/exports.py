"""Anonymised statistics as XLSX and CSV (koordinator and pimpinan), every export audited.

The same recap as the Laporan screen and the printed Rekap Statistik — SIMFONI-PPA categories,
consented cases only, counts of 1 and 2 as "<3" (and "x" for a partner cell hidden with a lone
small one). Nothing in these files names or identifies a person: they are built from the
:class:`~app.domain.statistics.Recap`, which holds categories and counts only. XLSX is not
encrypted, which is why nothing else may ever go into it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from app.domain import statistics_labels as words
from app.domain.enums import PaperSize
from app.domain.statistics import Recap
from app.services import settings as settings_store
from app.services.access import Action, require
from app.services.context import Context
from app.services.statistics import StatisticsService
from app.store.tx import write_transaction

HEADER = ("Bagian", "Kategori", "Jumlah")
NOTE = ("Hanya kasus dengan persetujuan pelaporan statistik. Angka 1 dan 2 ditampilkan sebagai "
        "<3; x = ikut disamarkan agar angka <3 tidak dapat dihitung ulang.")
#: openpyxl paper codes: 9 = A4, 14 = Folio 8.5 × 13 in (the closest to Indonesian F4).
PAPER_CODES = {PaperSize.A4: 9, PaperSize.F4: 14}


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    file_name: str


def rows(recap: Recap) -> Iterator[tuple[str, str, int | str]]:
    """(section, category, count or "<3"/"x") for every row, in the recap's order."""
    yield ("Jumlah kasus", "Semua kasus", _value(recap.total.shown))
    breakdowns = {b.name: b for b in recap.breakdowns}
    if len(recap.by_month.cells) > 1:
        breakdowns[recap.by_month.name] = recap.by_month
    for name in [n for n in words.TITLES if n in breakdowns]:
        for cell in breakdowns[name].cells:
            yield (words.title(name), words.category(name, cell.key), _value(cell.shown))


def _value(shown: str) -> int | str:
    return int(shown) if shown.isdigit() else shown


class ExportService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def statistics_xlsx(self, start: date, end: date) -> ExportFile:
        recap, paper = self._recap(start, end, "xlsx")
        book = Workbook()
        sheet = book.active
        assert isinstance(sheet, Worksheet)
        sheet.title = "Rekap"
        sheet.append(HEADER)
        for row in rows(recap):
            sheet.append(row)
        sheet.append(())
        sheet.append(("Catatan", NOTE))
        _format(sheet, paper)
        moment = self._ctx.clock.now().replace(tzinfo=None)
        book.properties.created = book.properties.modified = moment  # no PC clock in the file
        out = io.BytesIO()
        book.save(out)
        return ExportFile(_stamped(out.getvalue(), moment), _name(start, end, "xlsx"))

    def statistics_csv(self, start: date, end: date) -> ExportFile:
        """UTF-8 with a byte-order mark, so Excel reads the Indonesian words correctly."""
        recap, _ = self._recap(start, end, "csv")
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows(recap))
        return ExportFile(("\ufeff" + text.getvalue()).encode("utf-8"),
                          _name(start, end, "csv"))

    def _recap(self, start: date, end: date, kind: str) -> tuple[Recap, PaperSize]:
        ctx = self._ctx
        require(ctx, Action.STATS_EXPORT)
        recap = StatisticsService(ctx).recap(start, end)
        with write_transaction(ctx.conn):
            ctx.audit.append("stats.export", actor=ctx.user.id,
                             detail={"format": kind, "start": start.isoformat(),
                                     "end": end.isoformat()})
        return recap, settings_store.load(ctx.conn).paper_size


def _format(sheet: Worksheet, paper: PaperSize) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:C{sheet.max_row - 2}"
    for column, width in zip("ABC", (44, 52, 10), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.page_setup.paperSize = PAPER_CODES[paper]
    sheet.page_setup.orientation = "portrait"


def _stamped(xlsx: bytes, moment: datetime) -> bytes:
    """openpyxl dates every ZIP member with the PC's clock: re-date them with the vault's, so
    the same recap at the same moment gives the same bytes."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute,
             moment.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def _name(start: date, end: date, suffix: str) -> str:
    return f"rekap-statistik-{start.isoformat()}-{end.isoformat()}.{suffix}"
