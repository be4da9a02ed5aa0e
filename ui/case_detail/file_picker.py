"""Choosing a file to attach (the seam tests replace: native dialogs cannot be driven)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.case_detail.texts import CTX


class FilePicker:
    @staticmethod
    def ask(parent: QWidget) -> str | None:
        """The chosen file's path, or ``None`` when cancelled."""
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate(CTX, "Pilih berkas lampiran"), "",
            QCoreApplication.translate(
                CTX, "Gambar, PDF atau teks (*.png *.jpg *.jpeg *.gif *.bmp *.pdf *.txt);;"
                "Semua berkas (*)"))
        return path or None
