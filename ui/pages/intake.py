"""Pengaduan Baru: the step-by-step intake, kept as a draft in the vault at every step.

The case is created (and gets its code) when the officer first leaves the reception step. On
every step change the whole form is validated by the core (errors shown next to their fields)
and the raw form — every widget's value exactly as typed — is saved as a draft, valid or not.
The raw form is also saved every 10 seconds when something changed and before the app locks,
so nothing typed is lost to a lock, a closed window or a crash.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.enums import CaseStatus
from app.domain.workflow import READ_ONLY
from app.errors import WorkflowError
from ui import errors as ui_errors
from ui.context import UiContext
from ui.i18n import label_text
from ui.intake import jobs, messages
from ui.intake.consent_mapping import (
    RECORDED,
    raw_from_consents,
    recorded_from_raw,
    recorded_to_raw,
    unrecorded,
)
from ui.intake.form_state import RawForm
from ui.intake.intake_form import CONSENT, SUMMARY, IntakeForm
from ui.intake.mapping import raw_from_intake
from ui.intake.nav_buttons import NavButtons
from ui.intake.step_bar import StepBar
from ui.intake.step_base import chain_tabs
from ui.pages.base import Page

log = logging.getLogger(__name__)

AUTOSAVE_MS = 10_000
STEP_KEY = "_step"


class IntakePage(Page):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form: IntakeForm | None = None
        self._holder = jobs.CaseHolder()
        self._status = CaseStatus.DRAF
        self._recorded: dict[str, str] = {}
        self._dirty = self._busy = self._loading = self._read_only = False
        self._target: int | None = None
        self._build()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Pengaduan Baru"), self)
        self.heading.setProperty("role", "title")
        self.code_label = QLabel(self)
        self.code_label.setProperty("role", "code")
        self.message = QLabel(self)
        self.message.setProperty("role", "hint")
        self.message.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.code_label)
        self.step_bar = StepBar(self)
        self.step_bar.step_clicked.connect(self._on_step_clicked)
        self._body = QVBoxLayout(self)
        self._body.addLayout(header)
        self._body.addWidget(self.step_bar)
        self._body.addWidget(self.message)
        nav = NavButtons(self)
        self.back_button, self.next_button, self.finish_button = nav.back, nav.next, nav.finish
        self.back_button.clicked.connect(self._on_back_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.finish_button.clicked.connect(self.finish)
        self._body.addWidget(nav)

    # --- Page contract -------------------------------------------------------------------

    def activate(self, **params: Any) -> None:
        """No ``case_id``: carry on; ``case_id=None``: a new intake; an id: resume that case."""
        if "case_id" not in params:
            if self.form is None:
                self._start_new()
            return
        case_id = params["case_id"]
        if self.form is not None and case_id is not None and case_id == self._holder.case_id:
            return
        self.flush()
        if case_id is None:
            self._start_new()
        else:
            self._resume(int(case_id))

    def location(self) -> dict[str, Any]:
        return {} if self._holder.case_id is None else {"case_id": self._holder.case_id}

    def flush(self) -> None:
        """Save the raw form now (before a lock or exit), even when nothing changed."""
        if self.form is None or self._read_only:
            return
        if self._holder.case_id is not None or self._dirty:
            self._save_raw(self._autosaved)

    @Slot()
    def autosave(self) -> None:
        """Timer slot: save the raw form when something changed since the last save."""
        if self.form is not None and self._dirty and not self._busy and not self._read_only:
            self._save_raw(self._autosaved)

    def hideEvent(self, event: QHideEvent) -> None:
        self.autosave()
        super().hideEvent(event)

    # --- starting and resuming -----------------------------------------------------------

    def _drop_form(self) -> None:
        """Destroy the form widgets (and with them every value typed into them)."""
        if self.form is not None:
            self._body.removeWidget(self.form)
            self.form.hide()
            self.form.deleteLater()
            self.form = None

    def _new_form(self, holder: jobs.CaseHolder) -> IntakeForm:
        self._drop_form()
        form = IntakeForm(self.ctx, self)
        form.changed.connect(self._on_form_changed)
        form.edit_requested.connect(self.go_to)
        self._body.insertWidget(3, form, 1)
        form.show()  # added after the page was shown: not shown by the layout before a repaint
        self.form, self._holder = form, holder
        self._status, self._recorded = CaseStatus.DRAF, {}
        self._dirty = self._busy = self._read_only = False
        self._target = None
        return form

    def _start_new(self) -> None:
        self._new_form(jobs.CaseHolder())
        self.heading.setText(self.tr("Pengaduan Baru"))
        self.message.setText(self.tr("Kode kasus diberikan setelah langkah Penerimaan."))
        self._show_code()
        self._update_nav()
        self.ctx.runner.run(jobs.office_now, self._on_office_now, self._on_load_failed)

    def _resume(self, case_id: int) -> None:
        self._new_form(jobs.CaseHolder(case_id))
        self._loading = True
        self.message.setText(self.tr("Membuka kasus…"))
        self.ctx.runner.run(jobs.load_case(case_id), self._on_loaded, self._on_load_failed)

    def _on_office_now(self, moment: datetime) -> None:
        if self.form is not None:
            self.form.reception.set_received(moment.astimezone(self.form.tz))
            self._dirty = False

    def _on_loaded(self, loaded: jobs.Loaded) -> None:
        case, form = loaded.case, self.form
        if form is None or case.id != self._holder.case_id:
            return  # another intake was started meanwhile
        self._holder.code, self._status = case.code, case.status
        raw = loaded.draft.data if loaded.draft is not None else {
            **raw_from_intake(case.intake, form.tz), **raw_from_consents(case.consents)}
        self._restore(form, dict(raw))
        self._show_code()
        editing = case.status is not CaseStatus.DRAF
        self.heading.setText(self.tr("Ubah data kasus") if editing else self.tr("Pengaduan Baru"))
        self.message.setText(self.tr("Isian terakhir dipulihkan."))
        if case.status in READ_ONLY:
            self._read_only = True
            form.set_read_only(True)
            self.message.setText(self.tr("Kasus ini sudah ditutup atau diarsipkan, jadi hanya "
                                         "dapat dilihat. Buka kembali kasusnya untuk mengubah."))
        self._update_nav()

    def _restore(self, form: IntakeForm, raw: RawForm) -> None:
        self._loading = True
        form.restore(raw)
        self._recorded = recorded_from_raw(raw)
        step = raw.get(STEP_KEY)
        form.go(step if isinstance(step, int) and 0 <= step <= SUMMARY else 0)
        self._loading = self._dirty = False

    @Slot(object)
    def _on_load_failed(self, error: BaseException) -> None:
        if self._loading:  # the case cannot be opened: keep nothing that points at it
            self._loading = False
            self._close_form()
        self.message.setText(ui_errors.message_for(error))
        ui_errors.show_error(self, error)

    # --- moving between steps ------------------------------------------------------------

    @Slot(int)
    def _on_step_clicked(self, index: int) -> None:
        self.go_to(index)
        self._update_nav()  # a click on the shown step must not untick it

    @Slot()
    def _on_back_clicked(self) -> None:
        if self.form is not None:
            self.go_to(self.form.currentIndex() - 1)

    @Slot()
    def _on_next_clicked(self) -> None:
        if self.form is not None:
            self.go_to(self.form.currentIndex() + 1)

    @Slot(int)
    def go_to(self, index: int) -> None:
        """Save (validated) and move; on errors stay at the first step that holds one."""
        form = self.form
        if form is None or self._busy or not 0 <= index <= SUMMARY:
            return
        if self._read_only:
            form.go(index)
            self._update_nav()
            return
        leaving = form.currentIndex()
        reading = form.reading()
        consents, consent_errors = form.consents()
        form.clear_errors()
        if reading.errors or consent_errors or reading.intake is None:
            self._show_local({**reading.errors, **consent_errors})
            return
        pending = (unrecorded(consents, self._recorded)
                   if leaving == CONSENT and index > CONSENT else [])
        self._busy, self._dirty, self._target = True, False, index
        job = jobs.save_form(self._holder, self._raw(index), reading.intake, validate=True,
                             pending=pending)
        self.ctx.runner.run(job, self._on_step_saved, self._on_save_failed)

    def _current(self, result: jobs.Saved | None) -> bool:
        """The result belongs to the intake shown now (not one replaced meanwhile)."""
        return result is not None and result.holder is self._holder and self.form is not None

    def _on_step_saved(self, result: jobs.Saved | None) -> None:
        if result is not None and not self._current(result):
            return
        self._busy, target, self._target = False, self._target, None
        if result is None or self.form is None:
            return
        self._note_saved(result)
        if result.error is not None:
            self._show_problems(ui_errors.field_errors(result.error))
        elif result.consent_failure is not None:
            self._show_problems(messages.consent_messages(result.consent_failure))
        elif target is not None:
            self.form.go(target)
            self.message.setText(self.tr("Draf tersimpan."))
        self._update_nav()

    # --- saving --------------------------------------------------------------------------

    def _raw(self, step: int) -> RawForm:
        assert self.form is not None
        return {**self.form.raw(), STEP_KEY: step, RECORDED: recorded_to_raw(self._recorded)}

    def _save_raw(self, on_done: Callable[[jobs.Saved | None], None]) -> None:
        """Save just the raw form (creating the case first if needed)."""
        assert self.form is not None
        intake = self.form.reading().intake
        if self._holder.case_id is None and intake is None:
            return
        self._dirty = False
        job = jobs.save_form(self._holder, self._raw(self.form.currentIndex()), intake,
                             validate=False)
        self.ctx.runner.run(job, on_done, self._on_autosave_failed)

    def _autosaved(self, result: jobs.Saved | None) -> None:
        if result is not None and self._current(result) and result.case_id is not None:
            self._note_saved(result)
            self.message.setText(self.tr("Draf tersimpan otomatis."))

    @Slot(object)
    def _on_autosave_failed(self, error: BaseException) -> None:
        self._dirty = True
        self.message.setText(self.tr("Draf belum tersimpan: %1")
                             .replace("%1", ui_errors.message_for(error)))

    @Slot(object)
    def _on_save_failed(self, error: BaseException) -> None:
        self._busy, self._dirty, self._target = False, True, None
        ui_errors.show_error(self, error)
        self._update_nav()

    def _note_saved(self, result: jobs.Saved) -> None:
        self._recorded.update(result.recorded)
        if result.created:
            log.info("intake: case %s created", result.code)
            self._show_code()

    @Slot()
    def _on_form_changed(self) -> None:
        if not self._loading:
            self._dirty = True

    # --- finishing -----------------------------------------------------------------------

    @Slot()
    def finish(self) -> None:
        """Selesai: save, record consents, receive the case, open it."""
        form = self.form
        if form is None or self._busy or self._read_only:
            return
        reading = form.reading()
        consents, consent_errors = form.consents()
        form.clear_errors()
        if reading.errors or consent_errors or reading.intake is None:
            self._show_local({**reading.errors, **consent_errors})
            return
        self._busy, self._dirty = True, False
        job = jobs.finish_intake(self._holder, self._raw(SUMMARY), reading.intake,
                                 draft=self._status is CaseStatus.DRAF,
                                 pending=unrecorded(consents, self._recorded))
        self.ctx.runner.run(job, self._on_finished, self._on_save_failed)

    def _on_finished(self, finished: jobs.Finished) -> None:
        saved = finished.saved
        if not self._current(saved):
            return
        self._busy = False
        self._note_saved(saved)
        if saved.error is not None:
            self._show_problems(ui_errors.field_errors(saved.error))
        elif saved.consent_failure is not None:
            self._show_problems(messages.consent_messages(saved.consent_failure))
        elif finished.workflow_error is not None:
            self._show_missing(finished.workflow_error)
        elif finished.done and saved.case_id is not None:
            log.info("intake: case %s completed", saved.code)
            self._close_form()
            self.ctx.navigator.open_case(saved.case_id)
        self._update_nav()

    def _close_form(self) -> None:
        """The intake is done: no case data stays in this page's widgets."""
        self._drop_form()
        self._holder, self._recorded = jobs.CaseHolder(), {}
        self._dirty = self._busy = False
        self.message.clear()
        self._show_code()

    # --- showing problems ----------------------------------------------------------------

    def _show_local(self, codes: dict[str, str]) -> None:
        """Unreadable text: say so where it is, and keep the raw form as a draft anyway."""
        self._show_problems(messages.local_messages(codes))
        self.flush()

    def _show_problems(self, texts: dict[str, str]) -> None:
        assert self.form is not None
        first = self.form.show_errors(texts)
        if first is not None and first != self.form.currentIndex():
            self.form.go(first)
        self.message.setText(self.tr("Ada isian yang perlu diperbaiki (lihat keterangan merah). "
                                     "Semua yang sudah diketik tetap tersimpan sebagai draf."))
        self._update_nav()

    def _show_missing(self, error: WorkflowError) -> None:
        names = messages.missing_names(error)
        if not names:  # e.g. the case was received elsewhere meanwhile
            self.message.setText(ui_errors.message_for(error))
            return
        if self.form is not None and names[0] in messages.MISSING_STEPS:
            self.form.go(messages.MISSING_STEPS[names[0]])
        self.message.setText(messages.missing_text(names))

    # --- header and navigation -----------------------------------------------------------

    def _show_code(self) -> None:
        code = self._holder.code
        self.code_label.setText(self.tr("Kode kasus: %1").replace("%1", code) if code else "")
        if code and self._status is not CaseStatus.DRAF:
            self.code_label.setText(self.code_label.text() + f" — {label_text(self._status)}")
        self.ctx.navigator.set_case_title(code)

    def _update_nav(self) -> None:
        index = self.form.currentIndex() if self.form is not None else -1
        self.step_bar.set_current(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(0 <= index < SUMMARY)
        self.finish_button.setVisible(index == SUMMARY and not self._read_only)
        if self.form is not None:  # Tab: step buttons, this step's fields, the buttons below
            step = self.form.steps[index]
            chain_tabs([*self.step_bar.buttons, *step.tab_order(), self.back_button,
                        self.next_button, self.finish_button])
