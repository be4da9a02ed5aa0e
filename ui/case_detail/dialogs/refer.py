"""Rujuk / Teruskan: a referral (or, to Satgas KPU Provinsi, a forwarding) of the case.

Blocked until the survivor's consent for that very recipient is on record and still valid
(DOMAIN.md §5.7, the Primero rule). The dialog says why in plain words and offers to record
the consent right here; the core checks again and its refusal is shown if it still refuses.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.domain.deadlines import zone
from app.domain.enums import ConsentPurpose, Priority, SimfoniService
from app.domain.models import Case, ReferralInput
from app.domain.settings import Recipient
from ui.case_detail import jobs, rules
from ui.case_detail.data import CaseView
from ui.case_detail.dialogs.base import ActionDialog, set_role
from ui.case_detail.dialogs.consent import ConsentDialog
from ui.case_detail.jobs import Job
from ui.case_detail.rules import ConsentBlock, ConsentGap
from ui.case_detail.texts import day, when
from ui.context import UiContext
from ui.i18n import label_text
from ui.widgets.choices import ChoiceCombo, EnumChecklist


class ReferDialog(ActionDialog):
    def __init__(self, ctx: UiContext, view: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(ctx.runner, self.tr("Rujuk / teruskan kasus"), parent,
                         save_text=self.tr("Catat rujukan"))
        self._ctx, self._view, self._case = ctx, view, view.case
        self._recipients = rules.referral_recipients(ctx.settings, view.case.status)
        self._blocked = True
        self.recipient: ChoiceCombo[Recipient] = ChoiceCombo(
            [(entry.name, entry) for entry in self._recipients], self)
        self.kind_label = QLabel(self)
        self.priority: ChoiceCombo[Priority] = ChoiceCombo.of_enum(Priority, self)
        self.priority.set_value(view.case.intake.triage.priority or Priority.BIASA)
        self.services: EnumChecklist[SimfoniService] = EnumChecklist(SimfoniService, 2, self)
        self.letter_number = QLineEdit(self)
        self.letter_number.setPlaceholderText(self.tr("boleh dikosongkan"))
        self.consent_state = QLabel(self)
        self.consent_state.setWordWrap(True)
        self.consent_button = QPushButton(self.tr("Catat persetujuan…"), self)
        self.consent_button.clicked.connect(self._on_consent_clicked)
        self._add_rows()
        self.recipient.currentIndexChanged.connect(self._on_recipient_changed)
        self._on_recipient_changed()
        self.finish_layout()

    @classmethod
    def ask(cls, parent: QWidget, ctx: UiContext, view: CaseView) -> bool:
        return cls.launch(cls(ctx, view, parent))

    def _add_rows(self) -> None:
        consent = QWidget(self)
        line = QHBoxLayout(consent)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.consent_state, 1)
        line.addWidget(self.consent_button)
        self.add_field(self.tr("Penerima"), self.recipient, "recipient")
        self.add_field(self.tr("Jenis surat"), self.kind_label, "kind")
        self.add_field(self.tr("Persetujuan korban"), consent)
        self.add_field(self.tr("Prioritas"), self.priority, "priority")
        self.add_field(self.tr("Layanan yang diminta"), self.services, "services")
        self.add_field(self.tr("Nomor surat"), self.letter_number, "letter_number")

    def selected_recipient(self) -> Recipient | None:
        return self.recipient.value()

    def select_recipient(self, key: str) -> None:
        self.recipient.set_value(next(r for r in self._recipients if r.key == key))

    def is_blocked(self) -> bool:
        """True while no valid consent covers the chosen recipient (saving is disabled)."""
        return self._blocked

    def _on_recipient_changed(self) -> None:
        entry = self.selected_recipient()
        self.kind_label.setText(label_text(rules.kind_for(entry)) if entry else "")
        block = None if entry is None else rules.consent_block(self._case, entry.key,
                                                               self._local_now())
        self._blocked = entry is None or block is not None
        self.save_button.setEnabled(not self._blocked)
        self.consent_button.setVisible(entry is not None and block is not None)
        set_role(self.consent_state, "error" if self._blocked else "hint")
        self.consent_state.setText(self._consent_text(entry, block))

    def _local_now(self) -> datetime:
        return self._view.now.astimezone(zone(self._ctx.settings.timezone))

    def _consent_text(self, entry: Recipient | None, block: ConsentBlock | None) -> str:
        if entry is None:
            return self.tr("Tidak ada penerima yang dapat dipilih dari status kasus ini.")
        if block is None:
            return self.tr("Ada persetujuan korban yang berlaku untuk penerima ini.")
        return self._gap_text(block, entry.name)

    def _gap_text(self, block: ConsentBlock, name: str) -> str:
        tz = zone(self._ctx.settings.timezone)
        record = block.record
        texts = {
            ConsentGap.NONE_RECORDED: self.tr(
                "Rujukan belum dapat dicatat: belum ada persetujuan korban untuk membagikan "
                "datanya kepada %1."),
            ConsentGap.REFUSED: self.tr(
                "Rujukan tidak dapat dicatat: korban menolak datanya dibagikan kepada %1 "
                "(dicatat %2). Catat persetujuan baru bila korban berubah pikiran."),
            ConsentGap.REVOKED: self.tr(
                "Rujukan tidak dapat dicatat: persetujuan untuk %1 sudah dicabut (%2)."),
            ConsentGap.EXPIRED: self.tr(
                "Rujukan tidak dapat dicatat: persetujuan untuk %1 sudah berakhir (%2)."),
        }
        moment = ""
        if record is not None:
            moment = {ConsentGap.REVOKED: when(record.revoked_at, tz),
                      ConsentGap.EXPIRED: day(record.consent.expires_on)}.get(
                block.gap, when(record.recorded_at, tz))
        return texts[block.gap].replace("%1", name).replace("%2", moment)

    def _on_consent_clicked(self) -> None:
        entry = self.selected_recipient()
        if entry is None:
            return
        if ConsentDialog.ask(self, self._ctx, self._view, ConsentPurpose.RUJUKAN, entry.key):
            self.changed = True
            self.runner.run(jobs.fetch_case(self._case.id), self._on_case_fetched,
                            self._on_job_failed)

    def _on_case_fetched(self, case: Case) -> None:
        self._case = case
        self._view = replace(self._view, case=case)
        self._on_recipient_changed()

    def build_job(self) -> Job | None:
        entry = self.selected_recipient()
        if entry is None:
            return None
        referral = ReferralInput(
            recipient=entry.key, kind=rules.kind_for(entry), priority=self.priority.value(),
            services=self.services.values(),
            letter_number=self.letter_number.text().strip() or None)
        return jobs.refer(self._case.id, referral)
