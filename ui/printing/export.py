""""Simpan PDF": the one way a document leaves the app as a file — chosen, encrypted, audited.

The officer picks where (a save dialog proposing ``<kind>-<case code>.pdf`` in Documents),
sees the proposed password and may change it; the PDF is encrypted with AES-256 (pypdf, R6 —
not reportlab's RC4/R5, DOCUMENTS.md §11) in the DB thread, the export is audited
(``document.export``) and the file is written to the chosen path only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.documents.export import propose_password
from app.services.documents import Rendered
from ui.errors import message_for
from ui.printing import jobs
from ui.printing.password_dialog import ExportPasswordDialog
from ui.printing.texts import tr
from ui.workers import TaskRunner


class SavePath:
    """Seam for tests: :meth:`ask` runs the save-file dialog."""

    @staticmethod
    def ask(parent: QWidget | None, proposed: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, tr("Simpan PDF terenkripsi"), proposed,
                                              tr("Dokumen PDF (*.pdf)"))
        return path or None


def proposed_path(rendered: Rendered) -> str:
    """``<Documents>/surat_rujukan-007-PPKS-3316-2026.pdf``: the case code, never a name."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(folder) / f"{rendered.file_stem}.pdf")


def with_pdf_suffix(path: str) -> str:
    return path if path.lower().endswith(".pdf") else f"{path}.pdf"


class PdfExport(QObject):
    """One export, from the dialogs to the written file; reports a sentence when done."""

    #: A sentence for the officer: where the file is, or why nothing was saved.
    reported = Signal(str)

    def __init__(self, parent: QWidget, runner: TaskRunner, rendered: Rendered) -> None:
        super().__init__(parent)
        self._parent = parent
        self._runner = runner
        self._rendered = rendered

    def start(self) -> bool:
        """Ask where and with which password, then export; False when the officer cancels."""
        chosen = SavePath.ask(self._parent, proposed_path(self._rendered))
        if chosen is None:
            return False
        path = with_pdf_suffix(chosen)
        password = ExportPasswordDialog.ask(self._parent, propose_password(), Path(path).name)
        if password is None:
            return False
        self._runner.run(jobs.export_pdf(self._rendered, password, path), self._on_exported,
                         self._on_failed)
        return True

    def _on_exported(self, path: str) -> None:
        self.reported.emit(tr("PDF terenkripsi disimpan: %1. Berikan kata sandinya secara "
                              "terpisah (di kertas atau lewat telepon), jangan bersama "
                              "berkasnya.").replace("%1", path))
        self.deleteLater()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.reported.emit(tr("Berkas tidak dapat disimpan di tempat itu. Pilih folder "
                                  "lain lalu coba lagi."))
        else:
            self.reported.emit(message_for(error))
        self.deleteLater()
