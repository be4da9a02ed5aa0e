"""The printed recovery-code sheet: previewed from memory, then straight to a paper printer.

The sheet is the reportlab document :mod:`app.documents.recovery_sheet`, shown and printed
through the same preview as every case document — but without "Simpan PDF": the code belongs
in a sealed envelope, never in a file. ``launch`` is the seam tests replace.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.documents import recovery_sheet
from app.domain.enums import PaperSize
from app.domain.settings import Institution
from ui.i18n import QT_TRANSLATE_NOOP
from ui.printing.preview_dialog import PreviewDialog
from ui.printing.texts import RECOVERY_SHEET
from ui.printing.texts import tr as printing_tr

_CTX = "RecoverySheet"

PURPOSE = QT_TRANSLATE_NOOP(
    _CTX, "Kode ini membuka data posko bila semua kata sandi koordinator hilang. Siapa pun "
    "yang memegang kode ini dan mengetahui nama pengguna dapat membuka seluruh data kasus. "
    "Jangan difoto, disalin ke komputer, atau dikirim lewat WhatsApp/e-mail.")
STEPS = (
    QT_TRANSLATE_NOOP(_CTX, "Masukkan lembar ini ke amplop, tutup, dan bubuhkan paraf di atas "
                            "segelnya."),
    QT_TRANSLATE_NOOP(_CTX, "Serahkan kepada kepala kantor untuk disimpan di brankas."),
    QT_TRANSLATE_NOOP(_CTX, "Amplop dipegang orang lain, bukan petugas admin yang memakai "
                            "aplikasi setiap hari."),
    QT_TRANSLATE_NOOP(_CTX, "Bila kode pernah dipakai atau diganti, buat kode baru dan "
                            "musnahkan lembar lama."),
)


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class RecoverySheet:
    """Renders the sheet that goes into the sealed envelope, previews and prints it."""

    @staticmethod
    def pdf(code: str, institution: Institution, paper: PaperSize, made_on: date) -> bytes:
        """The sheet as PDF bytes, in memory (a one-page render: quick enough for the GUI
        thread, and the setup wizard has no vault session to run a job in)."""
        return recovery_sheet.render(code, institution, made_on, paper)

    @classmethod
    def launch(cls, parent: QWidget | None, code: str, institution: Institution,
               paper: PaperSize) -> bool:
        """Preview and print; ``True`` when the sheet went to a printer (tests replace this)."""
        dialog = PreviewDialog(cls.pdf(code, institution, paper, date.today()),
                               printing_tr(RECOVERY_SHEET), parent)
        PreviewDialog.launch(dialog)
        return dialog.printed
