"""Two questions asked while printing, each behind an ``ask`` seam that tests replace.

Qt ships no Indonesian translation, so every button is labelled here (STYLE.md §5).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.printing.texts import tr


def _question(parent: QWidget | None, title: str, text: str, details: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(details)
    return box


class SafetyQuestion:
    """Before a survivor copy: may she carry it home safely? (DOCUMENTS.md §7)."""

    @staticmethod
    def ask(parent: QWidget | None) -> bool:
        """True only when the officer answers that it is safe; "Tidak aman" is the default."""
        box = _question(parent, tr("Salinan untuk Korban"),
                        tr("Apakah aman bagi korban membawa salinan ini?"),
                        tr("Salinan menyebut posko dan layanan yang diterima korban. Bila "
                           "terlapor atau orang di rumah dapat menemukannya, pilih \"Tidak "
                           "aman\": salinan tidak dicetak. Korban dapat memintanya lagi kapan "
                           "saja bila sudah aman."))
        safe = box.addButton(tr("Aman, cetak salinan"), QMessageBox.ButtonRole.AcceptRole)
        unsafe = box.addButton(tr("Tidak aman"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(unsafe)
        box.exec()
        return box.clickedButton() is safe


class PaperQuestion:
    """The printer holds other paper than the document's: shrink to fit, or cancel."""

    @staticmethod
    def ask(parent: QWidget | None, printer_paper: str, document_paper: str) -> bool:
        """True to print fitted to the printer's paper, False to cancel (the default)."""
        box = _question(parent, tr("Ukuran kertas berbeda"),
                        tr("Kertas di printer: %1. Dokumen: %2.").replace("%1", printer_paper)
                        .replace("%2", document_paper),
                        tr("Bila dicetak begitu saja, bagian bawah halaman dapat terpotong. "
                           "\"Sesuaikan ukuran\" mengecilkan halaman agar muat di kertas %1. "
                           "Atau pilih Batal, pasang kertas %2 dan pilih ukuran itu di "
                           "pengaturan printer.").replace("%1", printer_paper)
                        .replace("%2", document_paper))
        fit = box.addButton(tr("Sesuaikan ukuran (fit-to-page)"),
                            QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is fit
