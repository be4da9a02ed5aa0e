"""Choosing the letterhead logo: a PNG or JPEG of at most 1 MB, shown as a preview.

The image is read into memory and stored inside the encrypted vault; the chosen file itself
is never copied anywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.settings import LOGO_MAX_BYTES
from ui.settings.form_errors import ErrorLabel, FormErrors

_CTX = "LogoPicker"
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
PREVIEW_SIZE = (180, 110)


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def read_logo(path: str) -> tuple[bytes | None, str]:
    """(image bytes, "") or (None, why the file cannot be the logo)."""
    file = Path(path)
    try:
        if file.stat().st_size > LOGO_MAX_BYTES:
            return None, tr("Berkas terlalu besar: logo paling besar 1 MB.")
        data = file.read_bytes()
    except OSError:
        return None, tr("Berkas tidak dapat dibaca.")
    if not data.startswith(_IMAGE_MAGIC) or not QPixmap().loadFromData(data):
        return None, tr("Berkas ini bukan gambar PNG atau JPEG.")
    return data, ""


class LogoPicker(QWidget):
    """Preview + "Pilih logo…" / "Hapus logo"; ``logo()`` is the image bytes or ``None``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._logo: bytes | None = None
        self.errors = FormErrors()
        self.preview = QLabel(self)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QPushButton(tr("Pilih logo…"), self)
        self.remove_button = QPushButton(tr("Hapus logo"), self)
        self.error = self.errors.add("logo", ErrorLabel(self))
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self._build()
        self._show_preview()

    def _build(self) -> None:
        hint = QLabel(tr("Logo untuk kop surat: gambar PNG atau JPEG, paling besar 1 MB. "
                         "Boleh dikosongkan."), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(hint)
        column.addWidget(self.error)

    @staticmethod
    def choose_file(parent: QWidget) -> str | None:
        """The file the officer picked, or ``None`` (tests replace this seam)."""
        path, _ = QFileDialog.getOpenFileName(parent, tr("Pilih logo"), "",
                                              tr("Gambar PNG atau JPEG (*.png *.jpg *.jpeg)"))
        return path or None

    def _on_choose_clicked(self) -> None:
        path = LogoPicker.choose_file(self)
        if path is None:
            return
        data, problem = read_logo(path)
        self.error.show_text(problem)
        if data is not None:
            self.set_logo(data)
            self.changed.emit()

    def _on_remove_clicked(self) -> None:
        self.error.show_text("")
        self.set_logo(None)
        self.changed.emit()

    def logo(self) -> bytes | None:
        return self._logo

    def set_logo(self, logo: bytes | None) -> None:
        self._logo = logo
        self._show_preview()

    def _show_preview(self) -> None:
        self.remove_button.setEnabled(self._logo is not None)
        pixmap = QPixmap()
        if self._logo is None or not pixmap.loadFromData(self._logo):
            self.preview.setPixmap(QPixmap())
            self.preview.setText(tr("Belum ada logo"))
            return
        self.preview.setPixmap(pixmap.scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
