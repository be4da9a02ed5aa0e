"""What each role may do, in one short paragraph (DOMAIN.md §8)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget


def role_help(parent: QWidget) -> QLabel:
    text = QCoreApplication.translate(
        "RoleHelp",
        "Petugas: mencatat pengaduan dan menangani kasus yang ditugaskan kepadanya. "
        "Koordinator: semua kasus, pengguna dan pengaturan. "
        "Pimpinan: hanya rekap statistik, tanpa nama atau isi kasus.")
    label = QLabel(text, parent)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label
