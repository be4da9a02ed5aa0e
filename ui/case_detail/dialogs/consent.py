"""Catat persetujuan: purpose, recipient, outcome, data items, guardian, override, expiry.

Read back to the survivor in plain language; signing is never a condition of service
(DOMAIN.md §5.7). A child's consent comes from a parent or guardian (UU PDP Pasal 25), or from
a best-interest override that only a koordinator may record, with a written reason.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.domain.deadlines import zone
from app.domain.enums import ConsentOutcome, ConsentPurpose, DataItem
from app.domain.models import ConsentInput
from ui.case_detail import jobs, rules
from ui.case_detail.data import CaseView
from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.jobs import Job
from ui.context import UiContext
from ui.widgets.choices import ChoiceCombo, EnumChecklist


class ConsentDialog(ActionDialog):
    def __init__(self, ctx: UiContext, view: CaseView, parent: QWidget | None = None,
                 purpose: ConsentPurpose | None = None, recipient: str | None = None) -> None:
        super().__init__(ctx.runner, self.tr("Catat persetujuan korban"), parent)
        self._case = view.case
        self._child = rules.is_child(view.case, ctx.settings)
        self._today = view.now.astimezone(zone(ctx.settings.timezone)).date()
        self._build_inputs(ctx)
        self._add_rows()
        self.purpose.set_value(purpose or ConsentPurpose.RUJUKAN)
        self._select_recipient(recipient)
        self.outcome.set_value(ConsentOutcome.WALI if self._child else ConsentOutcome.DIBERIKAN)
        self.purpose.currentIndexChanged.connect(self._on_choice_changed)
        self.outcome.currentIndexChanged.connect(self._on_choice_changed)
        self.has_expiry.toggled.connect(self.expires_on.setEnabled)
        self._on_choice_changed()
        self.finish_layout()

    @classmethod
    def ask(cls, parent: QWidget, ctx: UiContext, view: CaseView,
            purpose: ConsentPurpose | None = None, recipient: str | None = None) -> bool:
        return cls.launch(cls(ctx, view, parent, purpose, recipient))

    def _build_inputs(self, ctx: UiContext) -> None:
        self.purpose: ChoiceCombo[ConsentPurpose] = ChoiceCombo.of_enum(ConsentPurpose, self)
        recipients: list[tuple[str, str | None]] = [(self.tr("— pilih penerima —"), None)]
        recipients += [(r.name, r.key) for r in ctx.settings.directory if r.active]
        self.recipient: ChoiceCombo[str | None] = ChoiceCombo(recipients, self)
        outcomes = [o for o in ConsentOutcome
                    if ctx.is_koordinator or o is not ConsentOutcome.OVERRIDE]
        self.outcome: ChoiceCombo[ConsentOutcome] = ChoiceCombo.of_enum(outcomes, self)
        self.data_items: EnumChecklist[DataItem] = EnumChecklist(DataItem, 2, self)
        self.guardian_name = QLineEdit(self)
        self.guardian_relation = QLineEdit(self)
        self.override_reason = self.note_edit(self)
        self.has_expiry = QCheckBox(self.tr("Ada batas waktu"), self)
        self.expires_on = QDateEdit(self)
        self.expires_on.setCalendarPopup(True)
        self.expires_on.setDisplayFormat("dd-MM-yyyy")
        today = QDate(self._today.year, self._today.month, self._today.day)
        self.expires_on.setMinimumDate(today)
        self.expires_on.setDate(today.addMonths(6))
        self.expires_on.setEnabled(False)
        self.note = self.note_edit(self)

    def _add_rows(self) -> None:
        hint = QLabel(self.tr("Bacakan dengan bahasa sederhana. Menolak atau tidak menandatangani "
                              "bukan syarat untuk mendapat layanan."), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        if self._child:
            self.form.addRow(self._child_hint())
        self.add_field(self.tr("Untuk"), self.purpose, "purpose")
        self._recipient_row = self.add_field(self.tr("Penerima"), self.recipient, "recipient")
        self.add_field(self.tr("Keputusan"), self.outcome, "outcome")
        self._items_row = self.add_field(self.tr("Data yang boleh dibagikan"), self.data_items,
                                         "data_items")
        self._guardian_rows = (
            self.add_field(self.tr("Nama orang tua/wali"), self.guardian_name, "guardian_name"),
            self.add_field(self.tr("Hubungan dengan anak"), self.guardian_relation,
                           "guardian_relation"))
        self._override_row = self.add_field(self.tr("Alasan pengecualian"), self.override_reason,
                                            "override_reason")
        expiry = QWidget(self)
        line = QHBoxLayout(expiry)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.has_expiry)
        line.addWidget(self.expires_on)
        line.addStretch(1)
        self.add_field(self.tr("Berlaku sampai"), expiry, "expires_on")
        self.add_field(self.tr("Catatan"), self.note, "note")

    def _child_hint(self) -> QLabel:
        label = QLabel(self.tr("Korban anak: persetujuan diberikan oleh orang tua/wali. Bila wali "
                               "mungkin terlibat, koordinator dapat mencatat pengecualian demi "
                               "kepentingan terbaik anak dengan alasan tertulis."), self)
        label.setProperty("role", "banner")
        label.setWordWrap(True)
        return label

    def _select_recipient(self, key: str | None) -> None:
        self.recipient.set_value(key)

    def _on_choice_changed(self) -> None:
        referral = self.purpose.value() is ConsentPurpose.RUJUKAN
        outcome = self.outcome.value()
        self.form.setRowVisible(self._recipient_row, referral)
        self.form.setRowVisible(self._items_row, referral)
        for row in self._guardian_rows:
            self.form.setRowVisible(row, self._child or outcome is ConsentOutcome.WALI)
        self.form.setRowVisible(self._override_row, outcome is ConsentOutcome.OVERRIDE)

    def consent_input(self) -> ConsentInput:
        purpose = self.purpose.value() or ConsentPurpose.RUJUKAN
        referral = purpose is ConsentPurpose.RUJUKAN
        outcome = self.outcome.value() or ConsentOutcome.DIBERIKAN
        return ConsentInput(
            purpose=purpose, outcome=outcome,
            recipient=self.recipient.value() if referral else None,
            data_items=self.data_items.values() if referral else frozenset(),
            guardian_name=self._text(self.guardian_name.text()),
            guardian_relation=self._text(self.guardian_relation.text()),
            override_reason=(self._text(self.override_reason.toPlainText())
                             if outcome is ConsentOutcome.OVERRIDE else None),
            expires_on=self._expiry(), note=self._text(self.note.toPlainText()))

    def _expiry(self) -> date | None:
        if not self.has_expiry.isChecked():
            return None
        chosen = self.expires_on.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    @staticmethod
    def _text(value: str) -> str | None:
        return value.strip() or None

    def build_job(self) -> Job | None:
        return jobs.record_consent(self._case.id, self.consent_input())
