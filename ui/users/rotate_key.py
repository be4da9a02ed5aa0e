"""Words for "Ganti kunci basis data" (SECURITY.md §2.4), the question and the notice after it.

Rotating re-encrypts the vault under a new database key and ends the session: the app locks
and the officer unlocks again with the same password. Old backups keep the old key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.setup.confirm_dialog import ConfirmDialog

_CTX = "RotateKey"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def explanation() -> str:
    """One plain line for the page (the full story is in the confirmation)."""
    return tr("Ganti kunci basis data: semua data dienkripsi ulang dengan kunci baru, bila ada "
              "dugaan kebocoran. Kata sandi dan kode pemulihan tidak berubah.")


def confirmed(parent: QWidget | None) -> bool:
    return ConfirmDialog.ask(parent, tr("Ganti kunci basis data?"), tr(
        "Semua data posko akan dienkripsi ulang dengan kunci baru. Gunanya bila ada dugaan "
        "kunci lama bocor, misalnya komputer atau salinan data pernah hilang atau dipakai "
        "orang lain. Kata sandi semua petugas dan kode pemulihan tetap sama.\n\n"
        "Prosesnya dapat beberapa menit; jangan matikan komputer. Sesudahnya aplikasi "
        "terkunci: masuk lagi seperti biasa, lalu buat cadangan baru di Data & Cadangan. "
        "Cadangan lama masih memakai kunci lama; musnahkan bila kunci lama diduga bocor."),
        tr("Ganti kunci"), danger=True)


class RotatedNotice:
    """Shown over the unlock screen once the key is new. Tests replace ``launch``."""

    @classmethod
    def launch(cls, parent: QWidget | None) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, tr("Kunci basis data sudah diganti"),
                          cls.text(), QMessageBox.StandardButton.NoButton, parent)
        box.addButton(tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        box.deleteLater()

    @staticmethod
    def text() -> str:
        return tr("Kunci basis data sudah diganti dan aplikasi dikunci. Masuk lagi dengan kata "
                  "sandi yang sama, lalu segera buat cadangan baru di Data & Cadangan → "
                  "Cadangan.")
