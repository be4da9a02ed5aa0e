"""Pratinjau: a rendered PDF shown from memory, then printed or explicitly saved encrypted.

The bytes live in a ``QByteArray`` read through a ``QBuffer``, both kept on the dialog for as
long as the ``QPdfDocument`` reads them (DOCUMENTS.md §12); no file is written to preview or
print. Closing the dialog drops them.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.documents import Rendered
from ui.i18n import QT_TRANSLATE_NOOP
from ui.printing.export import PdfExport
from ui.printing.printer import PrintOutcome, print_document
from ui.printing.texts import CTX, document_title, tr
from ui.workers import TaskRunner

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)
OUTCOMES = {
    PrintOutcome.PRINTED: QT_TRANSLATE_NOOP(
        CTX, "Dokumen sudah dikirim ke printer. Ambil segera dari printer."),
    PrintOutcome.CANCELLED: QT_TRANSLATE_NOOP(CTX, "Tidak jadi dicetak."),
    PrintOutcome.REFUSED: QT_TRANSLATE_NOOP(
        CTX, "Printer itu menyimpan dokumen ke berkas, bukan mencetak di kertas. Tidak ada "
        "yang dicetak; pilih printer kertas."),
    PrintOutcome.FAILED: QT_TRANSLATE_NOOP(
        CTX, "Printer tidak dapat dipakai. Periksa printer lalu coba lagi."),
}


class PreviewDialog(QDialog):
    """Page view with navigation and zoom; "Cetak…", "Simpan PDF…" (case documents and
    recaps only) and "Tutup"."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None, *,
                 rendered: Rendered | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Pratinjau — %1").replace("%1", title))
        self.job_name = title
        self.rendered = rendered
        self._runner = runner
        #: True once a print job was sent (the recovery sheet reports it).
        self.printed = False
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self._build_controls()
        self._configure_view()
        self._arrange()
        self.resize(900, 700)

    def _build_controls(self) -> None:
        self.previous_button = QPushButton(tr("← Sebelumnya"), self)
        self.next_button = QPushButton(tr("Berikutnya →"), self)
        self.page_label = QLabel(self)
        self.zoom_out_button = QPushButton(tr("Perkecil"), self)
        self.zoom_in_button = QPushButton(tr("Perbesar"), self)
        self.fit_width_button = QPushButton(tr("Selebar jendela"), self)
        self.whole_page_button = QPushButton(tr("Satu halaman penuh"), self)
        self.print_button = QPushButton(tr("Cetak…"), self)
        self.print_button.setProperty("role", "primary")
        self.print_button.setDefault(True)
        self.save_button = QPushButton(tr("Simpan PDF…"), self)
        self.save_button.setVisible(self.rendered is not None and self._runner is not None)
        self.close_button = QPushButton(tr("Tutup"), self)
        self.status = QLabel(self)
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        shortcuts = ((self.print_button, QKeySequence.StandardKey.Print),
                     (self.zoom_in_button, QKeySequence.StandardKey.ZoomIn),
                     (self.zoom_out_button, QKeySequence.StandardKey.ZoomOut))
        for button, key in shortcuts:
            button.setShortcut(QKeySequence(key))
        self._connect_controls()

    def _connect_controls(self) -> None:
        for button, slot in ((self.previous_button, self._on_previous_clicked),
                             (self.next_button, self._on_next_clicked),
                             (self.zoom_out_button, self._on_zoom_out_clicked),
                             (self.zoom_in_button, self._on_zoom_in_clicked),
                             (self.fit_width_button, self._on_fit_width_clicked),
                             (self.whole_page_button, self._on_whole_page_clicked),
                             (self.print_button, self._on_print_clicked),
                             (self.save_button, self._on_save_clicked),
                             (self.close_button, self.reject)):
            button.clicked.connect(slot)

    def _configure_view(self) -> None:
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.pageNavigator().currentPageChanged.connect(self._on_page_changed)
        self._on_page_changed(0)

    def _arrange(self) -> None:
        tools = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button,
                       self.whole_page_button):
            tools.addWidget(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        for widget in (self.print_button, self.save_button, self.close_button):
            actions.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

    # --- pages and zoom --------------------------------------------------------------------

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _jump(self, page: int) -> None:
        last = max(0, self.document.pageCount() - 1)
        navigator = self.view.pageNavigator()
        navigator.jump(min(max(page, 0), last), QPointF(), navigator.currentZoom())

    def _on_page_changed(self, page: int) -> None:
        count = self.document.pageCount()
        self.page_label.setText(tr("Halaman %1 dari %2").replace("%1", str(page + 1))
                                .replace("%2", str(count)))
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < count)

    def _on_previous_clicked(self) -> None:
        self._jump(self.current_page() - 1)

    def _on_next_clicked(self) -> None:
        self._jump(self.current_page() + 1)

    def _zoom_by(self, factor: float) -> None:
        zoom = min(max(self.view.zoomFactor() * factor, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)

    def _on_zoom_in_clicked(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def _on_zoom_out_clicked(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def _on_fit_width_clicked(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _on_whole_page_clicked(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    # --- print and save --------------------------------------------------------------------

    def _on_print_clicked(self) -> None:
        outcome = print_document(self, self.document, self.job_name)
        self.printed = self.printed or outcome is PrintOutcome.PRINTED
        self.status.setText(tr(OUTCOMES[outcome]))

    def _on_save_clicked(self) -> None:
        if self.rendered is None or self._runner is None:
            return
        export = PdfExport(self, self._runner, self.rendered)
        export.reported.connect(self.status.setText)
        if not export.start():
            export.deleteLater()

    def done(self, result: int) -> None:
        """Closing drops the document and its bytes."""
        self.view.setDocument(None)  # type: ignore[arg-type]
        self.document.close()
        self._buffer.close()
        self._bytes.clear()
        super().done(result)

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def for_document(cls, parent: QWidget, runner: TaskRunner,
                     rendered: Rendered) -> PreviewDialog:
        return cls(rendered.pdf, document_title(rendered), parent, rendered=rendered,
                   runner=runner)

    @classmethod
    def show_document(cls, parent: QWidget, runner: TaskRunner, rendered: Rendered) -> None:
        """Preview a rendered document, with printing and encrypted export."""
        cls.launch(cls.for_document(parent, runner, rendered))

    @staticmethod
    def launch(dialog: PreviewDialog) -> None:
        """Run ``dialog`` modally, then free it. Tests replace this seam."""
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.exec()
        if shiboken6.isValid(dialog):
            dialog.deleteLater()
