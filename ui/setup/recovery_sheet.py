"""The printed recovery-code sheet: straight to a paper printer, never to a file.

A simple text page for now; the documents issue replaces it with a reportlab PDF. ``launch``
is the seam tests replace.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QPagedPaintDevice, QTextDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.keys import recovery
from ui.i18n import QT_TRANSLATE_NOOP, indonesian

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
    """Builds and prints the sheet that goes into the sealed envelope."""

    @staticmethod
    def html(code: str, institution_name: str, printed_on: date) -> str:
        cells = [f"<td style='padding:6px 14px' align='center'><small>{index}</small><br/>"
                 f"<span style='font-family:monospace;font-size:18pt;white-space:nowrap'>"
                 f"{html.escape(group)}</span></td>"
                 for index, group in enumerate(recovery.groups(code), start=1)]
        half = len(cells) // 2
        groups = f"{''.join(cells[:half])}</tr><tr>{''.join(cells[half:])}"
        day = indonesian().toString(QDate(printed_on), "d MMMM yyyy")
        steps = "".join(f"<li>{html.escape(tr(step))}</li>" for step in STEPS)
        return (f"<h2>{html.escape(tr('Kode Pemulihan Posko PPKS'))}</h2>"
                f"<p>{html.escape(institution_name)}<br/>"
                f"{html.escape(tr('Dicetak pada %1').replace('%1', day))}</p>"
                f"<table border='1' cellspacing='0'><tr>{groups}</tr></table>"
                f"<p>{html.escape(tr(PURPOSE))}</p><ol>{steps}</ol>"
                f"<p>{html.escape(tr('Diterima dan disimpan oleh:'))}<br/><br/><br/>"
                "______________________________</p>")

    @classmethod
    def launch(cls, parent: QWidget | None, code: str, institution_name: str) -> bool:
        """Ask for a printer and print; ``False`` when cancelled (tests replace this seam)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(tr("Cetak lembar kode pemulihan"))
        # Printing to a PDF file would leave the code on disk (SECURITY.md): paper only.
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted or printer.outputFileName():
            return False
        cls.render(printer, code, institution_name, date.today())
        return True

    @classmethod
    def render(cls, device: QPagedPaintDevice, code: str, institution_name: str,
               printed_on: date) -> None:
        document = QTextDocument()
        document.setHtml(cls.html(code, institution_name, printed_on))
        document.print_(device)

