"""Identitas: reception, victim and reporter. Identifying values stay masked until revealed.

The case is already loaded (opening it was audited); revealing only un-masks what is on screen,
and it takes an explicit press so a passer-by never sees a name by accident.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain import taxonomy
from app.domain.deadlines import zone
from app.domain.models import Case, Reporter, Victim
from app.domain.settings import OfficeSettings
from ui.case_detail.data import CaseView
from ui.case_detail.field_form import FieldForm, Row
from ui.case_detail.texts import NONE_TEXT, day, labels, plain, when, yes_no

NIK_MASK = "**** **** **** ****"


class IdentityTab(QWidget):
    """Reception, victim and reporter sections; masked names and NIK until revealed."""

    revealed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: CaseView | None = None
        self._settings = OfficeSettings()
        self.revealed = False
        self.reveal_button = QPushButton(self.tr("Tampilkan data identitas"), self)
        self.reveal_button.clicked.connect(self._on_reveal_clicked)
        hint = QLabel(self.tr("Nama dan NIK disamarkan. Tampilkan hanya bila perlu, dan pastikan "
                              "tidak ada orang lain yang melihat layar."), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.reception = FieldForm(self.tr("Penerimaan"), self)
        self.victim = FieldForm(self.tr("Korban"), self)
        self.reporter = FieldForm(self.tr("Pelapor"), self)
        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for form in (self.reception, self.victim, self.reporter):
            layout.addWidget(form)
        layout.addStretch(1)

    def set_view(self, view: CaseView, settings: OfficeSettings) -> None:
        self._view, self._settings = view, settings
        self._render()

    def set_revealed(self, revealed: bool) -> None:
        self.revealed = revealed
        self.reveal_button.setText(self.tr("Sembunyikan data identitas") if revealed
                                   else self.tr("Tampilkan data identitas"))
        self._render()
        self.revealed_changed.emit(revealed)

    def _on_reveal_clicked(self) -> None:
        self.set_revealed(not self.revealed)

    def _render(self) -> None:
        if self._view is None:
            return
        case = self._view.case
        self.reception.set_rows(self._reception_rows(case))
        self.victim.set_rows(self._victim_rows(case))
        self.reporter.set_rows(self._reporter_rows(case.intake.reporter))

    def _name(self, name: str | None) -> str:
        if name is None or not name.strip():
            return NONE_TEXT
        return name if self.revealed else taxonomy.mask_name(name)

    def _reception_rows(self, case: Case) -> list[Row]:
        assert self._view is not None
        reception = case.intake.reception
        tz = zone(self._settings.timezone)
        return [
            ("received_at", self.tr("Diterima"), when(reception.received_at, tz)),
            ("channel", self.tr("Saluran"), plain(reception.channel)),
            ("referred_by", self.tr("Datang atas saran"), plain(reception.referred_by)),
            ("routes", self.tr("Jalur penanganan"), labels(reception.routes)),
            ("route_note", self.tr("Catatan jalur"), plain(reception.route_note)),
            ("assigned_to", self.tr("Petugas yang menangani"),
             self._view.officer_name(case.assigned_to)),
        ]

    def _victim_rows(self, case: Case) -> list[Row]:
        victim = case.intake.victim
        received = case.intake.reception.received_at.astimezone(zone(self._settings.timezone))
        age = taxonomy.victim_age(victim, received.date())
        return [
            ("name", self.tr("Nama"), self._full_name(victim)),
            ("alias", self.tr("Nama samaran"), plain(victim.alias)),
            ("sex", self.tr("Jenis kelamin"), plain(victim.sex)),
            ("birth_date", self.tr("Tanggal lahir"), day(victim.birth_date)),
            ("age", self.tr("Usia saat melapor"), plain(age)),
            ("nik", self.tr("NIK"), self._nik(victim.nik)),
            *self._contact_rows(victim),
            *self._profile_rows(victim),
        ]

    def _full_name(self, victim: Victim) -> str:
        if not self.revealed or not victim.full_name:
            return self._name(victim.full_name)
        front = f"{victim.title_front} " if victim.title_front else ""
        back = f", {victim.title_back}" if victim.title_back else ""
        return f"{front}{victim.full_name}{back}"

    def _nik(self, nik: str | None) -> str:
        if not nik:
            return NONE_TEXT
        return nik if self.revealed else NIK_MASK

    def _contact_rows(self, victim: Victim) -> list[Row]:
        return [
            ("address", self.tr("Alamat"), plain(victim.address)),
            ("desa", self.tr("Desa/kelurahan"), plain(victim.desa)),
            ("kecamatan", self.tr("Kecamatan"), plain(victim.kecamatan)),
            ("phone", self.tr("Telepon"), plain(victim.phone)),
            ("safe_to_call", self.tr("Aman ditelepon"), yes_no(victim.safe_to_call)),
            ("safe_to_text", self.tr("Aman dikirimi pesan"), yes_no(victim.safe_to_text)),
            ("contact_via_posko", self.tr("Hubungi hanya lewat posko"),
             yes_no(victim.contact_via_posko)),
        ]

    def _profile_rows(self, victim: Victim) -> list[Row]:
        return [
            ("education", self.tr("Pendidikan"), plain(victim.education)),
            ("occupation", self.tr("Pekerjaan"), plain(victim.occupation)),
            ("marital_status", self.tr("Status perkawinan"), plain(victim.marital_status)),
            ("disability", self.tr("Penyandang disabilitas"), yes_no(victim.disability)),
            ("disability_type", self.tr("Jenis disabilitas"), plain(victim.disability_type)),
            ("accommodation", self.tr("Akomodasi yang dibutuhkan"), plain(victim.accommodation)),
            ("pregnant", self.tr("Sedang hamil"), yes_no(victim.pregnant)),
            ("kpu_relation", self.tr("Hubungan dengan KPU"), plain(victim.kpu_relation)),
        ]

    def _reporter_rows(self, reporter: Reporter) -> list[Row]:
        first: Row = ("is_victim", self.tr("Pelapor adalah korban sendiri"),
                      yes_no(reporter.is_victim))
        if reporter.is_victim:
            return [first]
        return [
            first,
            ("reporter_name", self.tr("Nama pelapor"), self._name(reporter.full_name)),
            ("relationship", self.tr("Hubungan dengan korban"), plain(reporter.relationship)),
            ("safe_contact", self.tr("Kontak aman"), plain(reporter.safe_contact)),
            ("victim_knows", self.tr("Korban tahu tentang laporan ini"),
             yes_no(reporter.victim_knows)),
            ("confidential", self.tr("Identitas pelapor dirahasiakan"),
             yes_no(reporter.confidential)),
        ]
