"""Cetak from the preview: the pages go to the printer and nowhere else; an A4 printer for an
F4 document is noticed after the print dialog and asked about; file-writing printers are
refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from tests import pdf_checks
from tests.ui.printing_support import (
    MenuPicker,
    PaperAnswers,
    Previews,
    Printers,
    empty_temp_and_home,
    listing,
)
from tests.ui.test_case_detail_support import detail_shell, new_case, open_case, prepare, vault_of
from ui.printing import paper, printer
from ui.printing.preview_dialog import PreviewDialog
from ui.shell import Shell

A4_POINTS = (595.28, 841.89)
F4_POINTS = (609.45, 935.43)


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    yield from detail_shell(qtbot, tmp_path)


def sheet(pdf: bytes) -> tuple[float, float]:
    box = pdf_checks.reader(pdf).pages[0].mediabox
    return float(box.width), float(box.height)


def intake_form_preview(shell: Shell, monkeypatch: pytest.MonkeyPatch) -> PreviewDialog:
    page = open_case(shell, prepare(shell, new_case))
    previews = Previews(monkeypatch)
    MenuPicker(monkeypatch).pick(page, "Formulir Pengaduan")
    return previews.last()


def test_printing_writes_the_printer_output_and_nothing_else(
        shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = intake_form_preview(shell, monkeypatch)
    temp, home = empty_temp_and_home(tmp_path, monkeypatch)
    out = tmp_path / "printer"
    out.mkdir()
    watched = (temp, home, vault_of(shell).paths.root, out)
    before = [listing(folder) for folder in watched]
    printers, questions = Printers(monkeypatch, out / "kertas.pdf"), PaperAnswers(monkeypatch)
    dialog.print_button.click()
    assert printers.asked == [dialog.document.pageCount()]
    assert questions.asked == []  # the printer took the document's F4
    after = [listing(folder) for folder in watched]
    assert after[:3] == before[:3]
    assert after[3] == {"kertas.pdf"}
    printed = (out / "kertas.pdf").read_bytes()
    assert pdf_checks.page_count(printed) == dialog.document.pageCount()
    assert sheet(printed) == pytest.approx(F4_POINTS, abs=1)  # Qt writes whole points
    assert dialog.printed
    assert dialog.status.text().startswith("Dokumen sudah dikirim ke printer")


def test_an_a4_printer_for_an_f4_document_asks_and_batal_cancels(
        shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = intake_form_preview(shell, monkeypatch)
    output = tmp_path / "kertas.pdf"
    printers, questions = Printers(monkeypatch, output), PaperAnswers(monkeypatch, fit=False)
    printers.accept = False  # the print dialog cancelled: nothing asked, nothing printed
    dialog.print_button.click()
    assert printers.asked and questions.asked == [] and not output.exists()
    assert dialog.status.text() == "Tidak jadi dicetak."
    printers.accept = True
    printers.paper = QPageSize(QPageSize.PageSizeId.A4)  # the driver handed back A4
    dialog.print_button.click()
    assert questions.asked == [("A4", "F4")]
    assert not output.exists() and not dialog.printed
    assert dialog.status.text() == "Tidak jadi dicetak."
    questions.fit = True  # "Sesuaikan ukuran (fit-to-page)"
    dialog.print_button.click()
    assert questions.asked == [("A4", "F4"), ("A4", "F4")]
    assert sheet(output.read_bytes()) == pytest.approx(A4_POINTS, abs=1)
    assert dialog.printed


@pytest.mark.parametrize(("name", "refused"), [
    ("Microsoft Print to PDF", True), ("Microsoft XPS Document Writer", True),
    ("OneNote (Desktop)", True), ("Fax", True), ("CutePDF Writer", True), ("PDF", True),
    ("EPSON L3110 Series", False), ("HP LaserJet P1102", False), ("", False),
])
def test_printers_that_write_files_are_refused(name: str, refused: bool) -> None:
    assert printer.writes_files(name) is refused


def test_paper_names_and_sizes() -> None:
    assert paper.paper_name(QSizeF(215, 330)) == "F4"
    assert paper.paper_name(QSizeF(210.4, 297)) == "A4"
    assert paper.paper_name(QSizeF(297, 210)) == "A4 mendatar"
    assert paper.paper_name(QSizeF(215.9, 279.4)) == "216 × 279 mm"
    assert paper.same_paper(QSizeF(215.9, 330), QSizeF(215, 330))  # within ±1 mm
    assert not paper.same_paper(QSizeF(210, 330), QSizeF(215, 330))
    assert paper.f4().size(QPageSize.Unit.Millimeter) == QSizeF(215, 330)
    assert paper.page_size_for(QSizeF(215.01, 329.99)).name() == "F4"


def test_fit_to_page_keeps_proportions_at_the_top() -> None:
    f4_on_a4 = printer.fitted(QSizeF(2150, 3300), QRectF(0, 0, 2100, 2970))
    assert f4_on_a4.top() == 0 and f4_on_a4.height() == pytest.approx(2970)
    assert f4_on_a4.width() == pytest.approx(2150 * 0.9)
    assert f4_on_a4.left() == pytest.approx((2100 - 2150 * 0.9) / 2)
    same = printer.fitted(QSizeF(2150, 3300), QRectF(0, 0, 2150, 3300))
    assert same == QRectF(0, 0, 2150, 3300)


def test_the_page_range_and_copies_chosen_in_the_dialog(qtbot: QtBot) -> None:
    del qtbot  # QPrinter needs the application
    device = QPrinter()
    device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert printer.pages_to_print(device, 3) == [0, 1, 2]
    device.setPrintRange(QPrinter.PrintRange.PageRange)
    device.setFromTo(2, 5)
    device.setCopyCount(2)
    expected = [1, 2] if device.supportsMultipleCopies() else [1, 2, 1, 2]
    assert printer.pages_to_print(device, 3) == expected
