"""Step 3 — Korban: identity, domicile and safe contact, background, special needs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from app.domain import taxonomy
from app.domain.enums import Education, MaritalStatus, Sex, VictimKpuRelation
from app.domain.models import Intake, Victim
from ui.intake.form_state import text_combo
from ui.intake.mapping import parse_date, parse_number
from ui.intake.step_base import IntakeStep
from ui.widgets.choices import EnumCombo, YesNoCombo

T = TypeVar("T")


class VictimStep(IntakeStep):
    sections = ("victim",)

    def __init__(self, kecamatan: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Korban"),
                         self.tr("Korban boleh tidak menjawab pertanyaan apa pun. Pilih "
                                 "\"Tidak diketahui / tidak ingin menjawab\" bila perlu."),
                         "victim", parent)
        self._received: date | None = None
        self._make_widgets(kecamatan)
        self._identity()
        self._contact()
        self._background()
        self._needs()
        self.birth_date.textChanged.connect(self._on_age_changed)
        self.age_years.textChanged.connect(self._on_age_changed)
        self.nik.textChanged.connect(self._on_nik_changed)
        self._on_nik_changed("")
        self.finish()

    def _make_widgets(self, kecamatan: Sequence[str]) -> None:
        self.full_name, self.title_front, self.title_back, self.alias = (
            QLineEdit(self) for _ in range(4))
        self.sex: EnumCombo[Sex] = EnumCombo(Sex, self)
        self.birth_date = QLineEdit(self)
        self.birth_date.setPlaceholderText(self.tr("hh-bb-tttt"))
        self.age_years = QLineEdit(self)
        self.age_years.setPlaceholderText(self.tr("tahun, bila tanggal lahir tidak diketahui"))
        self.age_note = QLabel(self)
        self.age_note.setWordWrap(True)
        self.nik = QLineEdit(self)
        self.nik.setPlaceholderText(self.tr("16 angka, misalnya 3316xxxxxxxxxxxx"))
        # Masked except while typed: the NIK is highly identifying (DOMAIN.md §5).
        self.nik.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.nik_count = QLabel(self)
        self.nik_count.setProperty("role", "hint")
        self.desa, self.address, self.phone, self.occupation = (QLineEdit(self) for _ in range(4))
        self.kecamatan = text_combo(kecamatan, self)
        self.safe_to_call, self.safe_to_text, self.disability, self.pregnant = (
            YesNoCombo(self) for _ in range(4))
        self.contact_via_posko = QCheckBox(self.tr("Hubungi korban hanya melalui posko"), self)
        self.education: EnumCombo[Education] = EnumCombo(Education, self)
        self.marital_status: EnumCombo[MaritalStatus] = EnumCombo(MaritalStatus, self)
        self.kpu_relation: EnumCombo[VictimKpuRelation] = EnumCombo(VictimKpuRelation, self)
        self.disability_type, self.accommodation = QLineEdit(self), QLineEdit(self)

    def _identity(self) -> None:
        form = self.section(self.tr("Identitas"))
        self.add_row(form, "full_name", self.tr("Nama lengkap"), self.full_name,
                     hint=self.tr("Tulis persis seperti yang disampaikan korban."))
        self.add_row(form, "title_front", self.tr("Gelar depan"), self.title_front)
        self.add_row(form, "title_back", self.tr("Gelar belakang"), self.title_back)
        self.add_row(form, "alias", self.tr("Nama panggilan / samaran"), self.alias)
        self.add_row(form, "sex", self.tr("Jenis kelamin"), self.sex, enum=Sex)
        self.add_row(form, "birth_date", self.tr("Tanggal lahir"), self.birth_date)
        self.add_row(form, "age_years", self.tr("Atau usia"), self.age_years)
        form.addRow("", self.age_note)
        self.add_row(form, "nik", self.tr("NIK"), self.nik,
                     hint=self.tr("Boleh dikosongkan. NIK disamarkan kecuali saat diketik."))
        form.addRow("", self.nik_count)

    def _contact(self) -> None:
        form = self.section(self.tr("Tempat tinggal dan kontak aman"))
        self.add_row(form, "desa", self.tr("Desa/kelurahan"), self.desa)
        self.add_row(form, "kecamatan", self.tr("Kecamatan"), self.kecamatan)
        self.add_row(form, "address", self.tr("Alamat"), self.address)
        self.add_row(form, "phone", self.tr("Nomor telepon"), self.phone,
                     hint=self.tr("Misalnya 0812-3456-7890."))
        self.add_row(form, "safe_to_call", self.tr("Aman untuk ditelepon?"), self.safe_to_call)
        self.add_row(form, "safe_to_text", self.tr("Aman untuk dikirimi pesan?"),
                     self.safe_to_text)
        self.add_row(form, "contact_via_posko", self.tr("Cara menghubungi"),
                     self.contact_via_posko)

    def _background(self) -> None:
        form = self.section(self.tr("Latar belakang"))
        self.add_row(form, "education", self.tr("Pendidikan"), self.education, enum=Education)
        self.add_row(form, "occupation", self.tr("Pekerjaan"), self.occupation)
        self.add_row(form, "marital_status", self.tr("Status perkawinan"), self.marital_status,
                     enum=MaritalStatus)
        self.add_row(form, "kpu_relation", self.tr("Hubungan dengan KPU"), self.kpu_relation,
                     enum=VictimKpuRelation)

    def _needs(self) -> None:
        form = self.section(self.tr("Kebutuhan khusus"))
        self.add_row(form, "disability", self.tr("Penyandang disabilitas?"), self.disability)
        self.add_row(form, "disability_type", self.tr("Jenis disabilitas"), self.disability_type)
        self.add_row(form, "accommodation", self.tr("Akomodasi yang diperlukan"),
                     self.accommodation,
                     hint=self.tr("Misalnya juru bahasa isyarat, pendamping, ruang yang mudah "
                                  "dijangkau."))
        self.add_row(form, "pregnant", self.tr("Sedang hamil?"), self.pregnant)

    def enter(self, intake: Intake | None) -> None:
        if intake is not None:
            self._received = intake.reception.received_at.date()
        self._on_age_changed("")

    def age(self) -> int | None:
        """The age on the reception date from what is typed now (``None`` when unreadable)."""
        victim = Victim(birth_date=_quiet(parse_date, self.birth_date.text()),
                        age_years=_quiet(parse_number, self.age_years.text()))
        return taxonomy.victim_age(victim, self._received or date.today())

    @Slot(str)
    def _on_age_changed(self, _text: str) -> None:
        age = self.age()
        if age is None:
            self.age_note.clear()
        elif age < taxonomy.CHILD_AGE:
            self.age_note.setText(self.tr("Usia %1 tahun saat pengaduan: korban anak. "
                                          "Persetujuan diberikan oleh orang tua/wali.")
                                  .replace("%1", str(age)))
        else:
            self.age_note.setText(self.tr("Usia %1 tahun saat pengaduan.")
                                  .replace("%1", str(age)))

    @Slot(str)
    def _on_nik_changed(self, text: str) -> None:
        digits = sum(char.isdigit() for char in text)
        self.nik_count.setText(self.tr("Terisi %1 dari 16 angka.").replace("%1", str(digits)))


def _quiet(parser: Callable[[str], T], text: str) -> T | None:
    """Parse for a live hint; unreadable text just gives no hint."""
    try:
        return parser(text) if text.strip() else None
    except ValueError:
        return None
