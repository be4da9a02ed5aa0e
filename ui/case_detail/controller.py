"""Carries out the case actions: opens their dialogs, runs their jobs, reports changes.

The page owns one :class:`CaseActions`; after every successful action it emits
:attr:`CaseActions.changed` and the page reloads the case from the vault.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.models import AttachmentInfo
from app.errors import AppError, ErrorCode
from app.services.attachments import MIB
from app.services.settings import ATTACHMENT_LIMIT_RANGE
from ui.case_detail import jobs
from ui.case_detail.attachment_viewer import AttachmentViewer
from ui.case_detail.data import CaseView, recipient_names
from ui.case_detail.dialogs.assign import AssignDialog
from ui.case_detail.dialogs.close import CloseDialog
from ui.case_detail.dialogs.confirm import Confirm
from ui.case_detail.dialogs.consent import ConsentDialog
from ui.case_detail.dialogs.feedback import FeedbackDialog
from ui.case_detail.dialogs.follow_up import FollowUpDialog
from ui.case_detail.dialogs.reason import ReasonDialog
from ui.case_detail.dialogs.refer import ReferDialog
from ui.case_detail.dialogs.restrict import RestrictDialog
from ui.case_detail.dialogs.status import StatusDialog
from ui.case_detail.file_picker import FilePicker
from ui.case_detail.rules import CaseAction
from ui.case_detail.texts import tr
from ui.context import UiContext
from ui.errors import ErrorBox, show_error


def _reopen_job(case_id: int, reason: str | None) -> jobs.Job:
    return jobs.reopen(case_id, reason or "")  # an empty reason is refused by the core


class CaseActions(QObject):
    changed = Signal()

    def __init__(self, ctx: UiContext, page: QWidget) -> None:
        super().__init__(page)
        self._ctx = ctx
        self._page = page
        self.view: CaseView | None = None
        self._viewing: AttachmentInfo | None = None

    def run(self, action: CaseAction) -> None:
        if self.view is None:
            return
        handlers: dict[CaseAction, Callable[[CaseView], bool | None]] = {
            CaseAction.STATUS: self._change_status, CaseAction.REFER: self._refer,
            CaseAction.CONSENT: self._record_consent, CaseAction.FOLLOW_UP: self._add_follow_up,
            CaseAction.ATTACHMENT: self._add_attachment, CaseAction.EDIT_INTAKE: self._edit,
            CaseAction.CLOSE: self._close, CaseAction.REOPEN: self._reopen,
            CaseAction.ARCHIVE: self._archive, CaseAction.ASSIGN: self._assign,
            CaseAction.RESTRICT: self._restrict,
        }
        handler = handlers.get(action)
        if handler is not None and handler(self.view):
            self.changed.emit()

    # --- dialogs (each returns True when something was saved) -----------------------------

    def _change_status(self, view: CaseView) -> bool:
        return StatusDialog.ask(self._page, self._ctx.runner, view)

    def _refer(self, view: CaseView) -> bool:
        return ReferDialog.ask(self._page, self._ctx, view)

    def _record_consent(self, view: CaseView) -> bool:
        return ConsentDialog.ask(self._page, self._ctx, view)

    def _add_follow_up(self, view: CaseView) -> bool:
        return FollowUpDialog.ask(self._page, self._ctx.runner, view.case.id)

    def _close(self, view: CaseView) -> bool:
        return CloseDialog.ask(self._page, self._ctx.runner, view.case)

    def _reopen(self, view: CaseView) -> bool:
        return ReasonDialog.ask(
            self._page, self._ctx.runner, tr("Buka kembali kasus"),
            tr("Kasus kembali ke tahap asesmen dan dapat diubah lagi. Tuliskan alasannya."),
            partial(_reopen_job, view.case.id), tr("Buka kembali"))

    def _assign(self, view: CaseView) -> bool:
        return AssignDialog.ask(self._page, self._ctx.runner, view.case, view.directory)

    def _restrict(self, view: CaseView) -> bool:
        return RestrictDialog.ask(self._page, self._ctx.runner, view.case, view.directory,
                                  self._ctx.user.id)

    def _edit(self, view: CaseView) -> None:
        self._ctx.navigator.resume_intake(view.case.id)

    def _archive(self, view: CaseView) -> None:
        if Confirm.ask(self._page, tr("Arsipkan kasus"),
                       tr("Kasus yang diarsipkan hanya dapat dibaca. Arsipkan sekarang?"),
                       tr("Arsipkan")):
            self._run(jobs.archive(view.case.id))

    # --- row actions from the tabs ---------------------------------------------------------

    def record_feedback(self, referral_id: int) -> None:
        if self.view is not None and FeedbackDialog.ask(
                self._page, self._ctx.runner, referral_id, self._recipient(referral_id)):
            self.changed.emit()

    def confirm_police_report(self, referral_id: int) -> None:
        if self.view is not None and Confirm.ask(
                self._page, tr("Konfirmasi laporan polisi"),
                tr("Catat bahwa %1 sudah mengonfirmasi laporannya ke kepolisian (UU TPKS Pasal "
                   "41)?").replace("%1", self._recipient(referral_id)), tr("Catat")):
            self._run(jobs.confirm_police_report(referral_id))

    def revoke_consent(self, consent_id: int) -> None:
        if self.view is not None and ReasonDialog.ask(
                self._page, self._ctx.runner, tr("Cabut persetujuan"),
                tr("Setelah dicabut, data tidak boleh lagi dibagikan atas dasar persetujuan ini. "
                   "Surat yang sudah diserahkan tetap tercatat."),
                partial(jobs.revoke_consent, consent_id), tr("Cabut persetujuan")):
            self.changed.emit()

    def _recipient(self, referral_id: int) -> str:
        assert self.view is not None
        names = recipient_names(self._ctx.settings)
        key = next((r.referral.recipient for r in self.view.case.referrals
                    if r.id == referral_id), "")
        return names.get(key, key)

    # --- attachments -----------------------------------------------------------------------

    def _add_attachment(self, view: CaseView) -> None:
        path = FilePicker.ask(self._page)
        if path is None:
            return
        try:
            if Path(path).stat().st_size > ATTACHMENT_LIMIT_RANGE[1] * MIB:
                # Beyond any allowed limit: refuse without reading it all into memory.
                limit = self._ctx.settings.attachment_limit_mb
                raise AppError(ErrorCode.ATTACHMENT_TOO_LARGE, limit_mb=limit)
            content = Path(path).read_bytes()
        except OSError:
            self._tell(tr("Berkas itu tidak dapat dibaca. Periksa apakah berkas masih ada."))
            return
        except AppError as error:
            show_error(self._page, error)
            return
        self._run(jobs.add_attachment(view.case.id, Path(path).name, content))

    def view_attachment(self, attachment_id: int) -> None:
        if self.view is None:
            return
        self._viewing = next((a for a in self.view.attachments if a.id == attachment_id), None)
        if self._viewing is not None:
            self._ctx.runner.run(jobs.read_attachment(attachment_id), self._on_attachment_read,
                                 self._on_job_failed)

    def _on_attachment_read(self, content: bytes) -> None:
        info, self._viewing = self._viewing, None
        if info is not None:
            AttachmentViewer.show_for(self._page, info, content)

    # --- jobs ------------------------------------------------------------------------------

    def _run(self, job: jobs.Job) -> None:
        self._ctx.runner.run(job, self._on_job_done, self._on_job_failed)

    def _on_job_done(self, result: object) -> None:
        del result
        self.changed.emit()

    def _on_job_failed(self, error: BaseException) -> None:
        show_error(self._page, error)

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Posko PPKS"), text,
                          QMessageBox.StandardButton.NoButton, self._page)
        box.addButton(tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
        ErrorBox.launch(box)
