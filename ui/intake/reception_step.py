"""Step 1 — Penerimaan: when and how the complaint came in, who referred the client, route."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.domain.enums import Channel, ReferralSource, Route
from ui.intake.mapping import format_date, format_time
from ui.intake.step_base import IntakeStep
from ui.widgets.choices import EnumChecklist, EnumCombo


class ReceptionStep(IntakeStep):
    sections = ("reception",)

    def __init__(self, officer_name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Penerimaan"),
                         self.tr("Catat bagaimana pengaduan ini diterima. Tidak perlu "
                                 "terburu-buru: semua isian dapat diubah nanti."),
                         "reception", parent)
        self.received_date = QLineEdit(self)
        self.received_date.setPlaceholderText(self.tr("hh-bb-tttt, misalnya 02-03-2026"))
        self.received_time = QLineEdit(self)
        self.received_time.setPlaceholderText(self.tr("jj:mm, misalnya 09:15"))
        self.channel: EnumCombo[Channel] = EnumCombo(Channel, self, allow_unknown=False)
        self.referred_by: EnumCombo[ReferralSource] = EnumCombo(ReferralSource, self)
        self.routes: EnumChecklist[Route] = EnumChecklist(Route, 1, self)
        self.route_note = QLineEdit(self)
        self._build(officer_name)
        self.fields.alias("received_at", "date")
        self.finish()

    def _build(self, officer_name: str) -> None:
        form = self.section()
        self.add_row(form, "date", self.tr("Tanggal diterima"), self.received_date)
        self.add_row(form, "time", self.tr("Jam diterima"), self.received_time)
        self.add_row(form, "channel", self.tr("Cara pengaduan"), self.channel, enum=Channel)
        form.addRow(self.tr("Petugas penerima"), QLabel(officer_name, self))
        self.add_row(form, "referred_by", self.tr("Siapa yang menyarankan datang ke posko?"),
                     self.referred_by, enum=ReferralSource)
        self.add_row(form, "routes", self.tr("Rute penanganan"), self.routes, enum=Route,
                     hint=self.tr("Boleh lebih dari satu. Bila terlapor orang dalam KPU, "
                                  "eskalasi ke Satgas KPU Provinsi diusulkan."))
        self.add_row(form, "route_note", self.tr("Catatan rute"), self.route_note,
                     hint=self.tr("Misalnya alasan bila korban hanya ingin layanan internal."))

    def set_received(self, moment: datetime) -> None:
        """Fill the reception date and time (office time) when still empty."""
        if not self.received_date.text():
            self.received_date.setText(format_date(moment.date()))
        if not self.received_time.text():
            self.received_time.setText(format_time(moment.time()))

    def propose_escalation(self) -> None:
        """Tick the escalation route (an insider case, DOMAIN.md §3.5)."""
        self.routes.set_values(self.routes.values() | {Route.ESKALASI})
