"""Catat insiden: a suspected breach of personal data, recorded as soon as it is known.

The discovery time starts the 3×24-hour notice deadline (UU PDP Pasal 46); the other answers
fill the notice letter and may be completed as far as known. The core checks the record; its
answers show next to the fields and nothing typed is lost.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from app.services.breaches import BreachInput
from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.jobs import Job
from ui.context import UiContext
from ui.data_protection import jobs
from ui.i18n import indonesian

#: The spin box's lowest value stands for "not known yet" (``None`` for the core).
UNKNOWN = -1
MAX_SUBJECTS = 10**7
SHORT_NOTE = 64


class BreachDialog(ActionDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.runner, self.tr("Catat insiden kebocoran data"), parent,
                         save_text=self.tr("Simpan insiden"))
        self._tz = ctx.office_tz()
        #: The new breach's id once saved.
        self.breach_id: int | None = None
        self._build_inputs(ctx.office_now())
        self._add_rows(ctx)
        self.finish_layout()
        self.resize(560, self.sizeHint().height())

    def _build_inputs(self, now: datetime) -> None:
        self.discovered_date = QDateEdit(QDate(now.year, now.month, now.day), self)
        self.discovered_date.setCalendarPopup(True)
        self.discovered_date.setDisplayFormat("dd-MM-yyyy")
        self.discovered_date.setLocale(indonesian())
        self.discovered_time = QTimeEdit(QTime(now.hour, now.minute), self)
        self.discovered_time.setDisplayFormat("HH:mm")
        self.description = self.note_edit(self)
        self.data_affected = self._short_note()
        self.how = self._short_note()
        self.subjects = QSpinBox(self)
        self.subjects.setRange(UNKNOWN, MAX_SUBJECTS)
        self.subjects.setSpecialValueText(self.tr("Belum diketahui"))
        self.subjects.setValue(UNKNOWN)
        self.subjects.setSuffix(self.tr(" orang"))
        self.handling = self._short_note()
        self.contact = QLineEdit(self)

    def _short_note(self) -> QPlainTextEdit:
        edit = self.note_edit(self)
        edit.setFixedHeight(SHORT_NOTE)
        return edit

    def _add_rows(self, ctx: UiContext) -> None:
        hint = QLabel(self.tr("Catat segera, walau belum semua diketahui. Batas pemberitahuan "
                              "3×24 jam dihitung dari waktu insiden diketahui."), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        moment = QWidget(self)
        line = QHBoxLayout(moment)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.discovered_date)
        line.addWidget(self.discovered_time)
        line.addStretch(1)
        self.add_field(self.tr("Diketahui pada"), moment, "discovered_at")
        self.add_field(self.tr("Apa yang terjadi"), self.description, "description")
        self.add_field(self.tr("Data pribadi yang terungkap"), self.data_affected,
                       "data_affected")
        self.add_field(self.tr("Kapan dan bagaimana"), self.how, "how")
        self.add_field(self.tr("Perkiraan jumlah subjek data"), self.subjects,
                       "subjects_estimate")
        self.add_field(self.tr("Penanganan dan pemulihan"), self.handling, "handling")
        self.add_field(self.tr("Kontak untuk informasi"), self.contact, "contact")
        office = ctx.settings.institution  # the DPO (UU PDP Pasal 53) when named
        contact = office.dpo_contact or ", ".join(p for p in (office.phone, office.email) if p)
        self.contact.setText(contact)

    # --- saving --------------------------------------------------------------------------

    def breach(self) -> BreachInput:
        day, clock = self.discovered_date.date(), self.discovered_time.time()
        discovered = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(),
                              tzinfo=self._tz)
        subjects = self.subjects.value()
        return BreachInput(discovered_at=discovered,
                           description=self.description.toPlainText().strip(),
                           data_affected=_text(self.data_affected.toPlainText()),
                           how=_text(self.how.toPlainText()),
                           subjects_estimate=None if subjects == UNKNOWN else subjects,
                           handling=_text(self.handling.toPlainText()),
                           contact=_text(self.contact.text()))

    def build_job(self) -> Job | None:
        if not self.description.toPlainText().strip():
            self.show_field_error("description", self.tr("Wajib diisi."))
            return None
        return jobs.record_breach(self.breach())

    def saved(self, result: object) -> None:
        self.breach_id = result if isinstance(result, int) else None
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget, ctx: UiContext) -> bool:
        """True when a breach was recorded."""
        return cls.launch(cls(ctx, parent))


def _text(value: str) -> str | None:
    return value.strip() or None
