"""From the Cetak menu of a case to the preview: questions first, then the render job.

The case-detail page owns one :class:`CasePrinting`. Rendering runs in the DB thread (the core
audits every print as ``case.print``); the preview opens on the GUI thread with the result.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.services.documents import DocumentKind, Rendered
from ui.case_detail.data import CaseView
from ui.context import UiContext
from ui.errors import show_error
from ui.printing import jobs
from ui.printing.letter_number_dialog import LetterNumberDialog
from ui.printing.menu import LETTERS, DocumentRequest, PrintMenu
from ui.printing.preview_dialog import PreviewDialog
from ui.printing.questions import SafetyQuestion
from ui.printing.texts import tr


class CasePrinting(QObject):
    """Opens the Cetak menu for the loaded case and carries out the chosen entry."""

    def __init__(self, ctx: UiContext, page: QWidget) -> None:
        super().__init__(page)
        self._ctx = ctx
        self._page = page
        #: The number typed for a letter, to notice when the letter already had another.
        self._typed_number: str | None = None

    def open_menu(self, view: CaseView, anchor: QWidget) -> None:
        request = PrintMenu.ask(anchor, view, self._ctx.settings)
        if request is not None:
            self.request(view, request)

    def request(self, view: CaseView, request: DocumentRequest) -> None:
        if request.kind is DocumentKind.SALINAN_KORBAN and not SafetyQuestion.ask(self._page):
            # Not safe to carry: nothing is printed and nothing recorded. Recording the
            # Pasal 68 b right as "ditolak korban" here would be wrong twice over: she did not
            # refuse the right (the copy can be given later, when safe), and the rights
            # checklist is the officer's deliberate record, made when closing the case.
            return
        if request.kind in LETTERS and self._needs_number(view, request.target_id):
            self._letter_with_number(request)
            return
        self._ctx.runner.run(jobs.render(request), self._on_rendered, self._on_failed)

    @staticmethod
    def _needs_number(view: CaseView, referral_id: int) -> bool:
        """A number typed in the referral dialog is the letter's for good; otherwise ask
        (a letter printed before keeps its number whatever is chosen: the core says so)."""
        referral = next((r for r in view.case.referrals if r.id == referral_id), None)
        return (referral is not None and referral.referral.letter_number is None
                and referral.letter_number is None)

    def _letter_with_number(self, request: DocumentRequest) -> None:
        dialog = LetterNumberDialog(self._ctx.runner, request.target_id, request.kind,
                                    self._page)
        if LetterNumberDialog.launch(dialog) and dialog.rendered is not None:
            self._typed_number = dialog.manual_number()
            self._on_rendered(dialog.rendered)

    def _on_rendered(self, rendered: Rendered) -> None:
        typed, self._typed_number = self._typed_number, None
        dialog = PreviewDialog.for_document(self._page, self._ctx.runner, rendered)
        if typed is not None and rendered.letter_number not in (None, typed):
            dialog.status.setText(tr("Surat ini sudah bernomor %1 sejak pertama dicetak; "
                                     "nomor itu yang dipakai.")
                                  .replace("%1", rendered.letter_number or ""))
        PreviewDialog.launch(dialog)

    def _on_failed(self, error: BaseException) -> None:
        show_error(self._page, error)
