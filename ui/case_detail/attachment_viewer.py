"""Shows an attachment from memory, inside the app: images, PDFs and plain text.

Evidence never touches the disk unencrypted: no temporary file, no external viewer. Anything
else is refused with a plain sentence rather than handed to another program.
"""

from __future__ import annotations

from enum import StrEnum

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import AttachmentInfo

IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")
TEXT_TYPES = ("text/", "application/json", "application/xml")


class ViewKind(StrEnum):
    IMAGE = "image"
    PDF = "pdf"
    TEXT = "text"
    UNSUPPORTED = "unsupported"


def view_kind(mime: str, content: bytes) -> ViewKind:
    """How to show a file, by its type and its first bytes (names can lie)."""
    if content.startswith(b"%PDF") or mime == "application/pdf":
        return ViewKind.PDF
    if mime.startswith("image/") or content.startswith(IMAGE_MAGIC):
        return ViewKind.IMAGE
    if mime.startswith(TEXT_TYPES):
        return ViewKind.TEXT
    return ViewKind.UNSUPPORTED


class AttachmentViewer(QDialog):
    """One attachment, shown from the bytes in memory; closing drops them."""

    def __init__(self, info: AttachmentInfo, content: bytes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A file name may contain a person's name: it goes in the body, never the title bar.
        self.setWindowTitle(self.tr("Lampiran"))
        self.kind = view_kind(info.mime, content)
        self.pdf: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self.image: QLabel | None = None
        self.text: QPlainTextEdit | None = None
        name = QLabel(info.filename, self)
        name.setProperty("role", "subtitle")
        name.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addWidget(self._content_widget(content), 1)
        buttons = QDialogButtonBox(self)
        close = QPushButton(self.tr("Tutup"), self)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 640)

    @classmethod
    def show_for(cls, parent: QWidget, info: AttachmentInfo, content: bytes) -> None:
        cls.launch(cls(info, content, parent))

    @staticmethod
    def launch(viewer: AttachmentViewer) -> None:
        """Run the viewer modally, then free it. Tests replace this seam."""
        viewer.exec()
        if shiboken6.isValid(viewer):
            viewer.deleteLater()

    def _content_widget(self, content: bytes) -> QWidget:
        if self.kind is ViewKind.IMAGE:
            return self._image_widget(content)
        if self.kind is ViewKind.PDF:
            return self._pdf_widget(content)
        if self.kind is ViewKind.TEXT:
            return self._text_widget(content)
        return self._unsupported(self.tr("Jenis berkas ini tidak dapat ditampilkan di aplikasi. "
                                         "Berkas tetap tersimpan aman di data posko."))

    def _image_widget(self, content: bytes) -> QWidget:
        pixmap = QPixmap()
        if not pixmap.loadFromData(content):
            self.kind = ViewKind.UNSUPPORTED
            return self._unsupported(self.tr("Gambar ini tidak dapat ditampilkan (mungkin "
                                             "formatnya tidak dikenal)."))
        self.image = QLabel(self)
        self.image.setPixmap(pixmap)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        area = QScrollArea(self)
        area.setWidget(self.image)
        area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return area

    def _pdf_widget(self, content: bytes) -> QWidget:
        # The buffer must outlive the document: QPdfDocument reads from it on demand.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(content))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf = QPdfDocument(self)
        self.pdf.load(self._buffer)  # from a buffer the document is parsed at once
        if self.pdf.status() is QPdfDocument.Status.Error:
            self.kind, self.pdf = ViewKind.UNSUPPORTED, None
            return self._unsupported(self.tr("PDF ini tidak dapat ditampilkan (rusak atau "
                                             "dilindungi kata sandi)."))
        view = QPdfView(self)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setDocument(self.pdf)
        return view

    def _text_widget(self, content: bytes) -> QWidget:
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(content.decode("utf-8", errors="replace"))
        return self.text

    def _unsupported(self, message: str) -> QLabel:
        label = QLabel(message, self)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label
