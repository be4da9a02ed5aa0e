"""Lampiran: added encrypted into the vault, viewed from memory inside the app — never written
to a temporary file — and refused past the office's size limit with the core's message."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument

from tests.ui.test_case_detail_support import (
    detail_shell,
    new_case,
    open_case,
    prepare,
    vault_of,
)
from ui.case_detail.attachment_viewer import AttachmentViewer, ViewKind
from ui.case_detail.file_picker import FilePicker
from ui.case_detail.rules import CaseAction
from ui.pages.case_detail import CaseDetailPage
from ui.shell import Shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    """Overrides conftest's: a copy of the shared template vault (see the support module)."""
    yield from detail_shell(qtbot, tmp_path)


def png_bytes() -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#274060"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str at run time; its stub says bytes.
    assert image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def pdf_bytes() -> bytes:
    """A one-page PDF written into memory (QPdfWriter on a QBuffer)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(200, 200, "Surat keterangan (contoh)")
    painter.end()
    return bytes(buffer.data().data())


def listing(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


class Picker:
    """Stands in for the file dialog: hands over prepared files one by one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.next: Path | None = None
        monkeypatch.setattr(FilePicker, "ask", self.ask)

    def ask(self, parent: object) -> str | None:
        del parent
        return None if self.next is None else str(self.next)


def add(page: CaseDetailPage, picker: Picker, file: Path) -> None:
    picker.next = file
    page.action_bar.buttons[CaseAction.ATTACHMENT].click()


FILES: dict[str, Callable[[], bytes]] = {
    "foto.png": png_bytes, "visum.pdf": pdf_bytes,
    "catatan.txt": lambda: b"Pesan dari terlapor.\n", "data.bin": lambda: b"\x00\x01\x02",
    "rusak.pdf": lambda: b"%PDF-1.4 terpotong"}


def prepared_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """Input files (written by the test), and an empty temp and home folder to watch."""
    inputs, temp, home = tmp_path / "input", tmp_path / "tmp", tmp_path / "home"
    for folder in (inputs, temp, home):
        folder.mkdir()
    for name, make in FILES.items():
        (inputs / name).write_bytes(make())
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("HOME", str(home))
    return inputs, temp, home


def check_viewers(viewers: list[AttachmentViewer], qtbot: QtBot) -> None:
    image, pdf, text, other, broken = viewers
    assert image.kind is ViewKind.IMAGE and image.image is not None
    assert image.image.pixmap().size().width() == 40
    assert pdf.kind is ViewKind.PDF and pdf.pdf is not None
    document = pdf.pdf
    qtbot.waitUntil(lambda: document.status() is QPdfDocument.Status.Ready, timeout=5000)
    assert document.pageCount() == 1
    assert text.kind is ViewKind.TEXT and text.text is not None
    assert text.text.toPlainText() == "Pesan dari terlapor.\n"
    assert text.text.isReadOnly()
    assert other.kind is ViewKind.UNSUPPORTED
    assert broken.kind is ViewKind.UNSUPPORTED and broken.pdf is None
    assert "foto.png" not in image.windowTitle()  # file names may name people


def test_attachments_are_added_and_viewed_from_memory_only_within_the_limit(
        shell: Shell, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, shown_errors: list[str]) -> None:
    page = open_case(shell, prepare(shell, new_case))  # the shared template exists by now
    inputs, temp, home = prepared_folders(tmp_path, monkeypatch)
    watched = (temp, home, vault_of(shell).paths.root)
    before = [listing(folder) for folder in watched]
    picker = Picker(monkeypatch)
    viewers: list[AttachmentViewer] = []
    monkeypatch.setattr(AttachmentViewer, "launch", staticmethod(viewers.append))
    for name in FILES:
        add(page, picker, inputs / name)
    model = page.attachments.model
    assert [model.data(model.index(row, model.NAME)) for row in range(5)] == list(FILES)
    assert model.data(model.index(0, model.SIZE)) == f"{len(png_bytes())} bita"
    assert len(model.data(model.index(0, model.HASH))) == 12
    for row in range(5):
        page.attachments.view.select_row(row)
        page.attachments.open_button.click()
    check_viewers(viewers, qtbot)
    assert [listing(folder) for folder in watched] == before

    prepare(shell, lambda s: s.settings.update(attachment_limit_mb=1))
    big = inputs / "rekaman.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(1024 * 1024))
    add(page, picker, big)
    assert shown_errors == ["Lampiran terlalu besar (batas 1 MB)."]
    assert model.rowCount() == 5
