"""Step 4 — Kejadian: when and where, the victim's own account, the UU TPKS types and facts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.domain.enums import Pasal15Flag, SimfoniPlace, SimfoniViolence, TimeOfDay, TpksType
from ui.intake.form_state import text_combo
from ui.intake.step_base import IntakeStep
from ui.intake.tpks_picker import TpksPicker
from ui.widgets.choices import EnumChecklist, EnumCombo, YesNoCombo

#: Dates and clock times are not identifiers: removed before digit groups are joined.
_DATES_AND_TIMES = re.compile(r"(?<!\d)(\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}[.:]\d{2})(?!\d)")
_JOINED_DIGITS = re.compile(r"(?<=\d)[\s.\-](?=\d)")
_DIGIT_RUN = re.compile(r"\+?\d+")
#: SIMFONI "Seksual" is always recorded for a TPKS case (DOMAIN.md §4.3): not offered as extra.
EXTRA_VIOLENCE = tuple(v for v in SimfoniViolence if v is not SimfoniViolence.SEKSUAL)


def looks_identifying(text: str) -> bool:
    """True when the text seems to hold a NIK (16 digits) or a phone number."""
    plain = _DATES_AND_TIMES.sub(" ", text)
    for run in _DIGIT_RUN.findall(_JOINED_DIGITS.sub("", plain)):
        digits = run.lstrip("+")
        if len(digits) == 16:
            return True
        if digits.startswith(("08", "628")) and 9 <= len(digits) <= 15:
            return True
    return False


class IncidentStep(IntakeStep):
    sections = ("incident",)

    def __init__(self, kecamatan: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kejadian"),
                         self.tr("Biarkan korban bercerita dengan kata-katanya sendiri. Korban "
                                 "boleh tidak menjawab pertanyaan apa pun."),
                         "incident", parent)
        self._make_widgets(kecamatan)
        self._when_where()
        self._story()
        self._facts()
        self._other()
        self.chronology.textChanged.connect(self._on_chronology_changed)
        self.finish()

    def _make_widgets(self, kecamatan: Sequence[str]) -> None:
        self.occurred_on, self.occurred_time = QLineEdit(self), QLineEdit(self)
        self.occurred_on.setPlaceholderText(self.tr("hh-bb-tttt"))
        self.occurred_time.setPlaceholderText(self.tr("jj:mm"))
        self.date_is_approximate = QCheckBox(self.tr("Tanggal ini perkiraan"), self)
        self.time_of_day: EnumCombo[TimeOfDay] = EnumCombo(TimeOfDay, self)
        self.place: EnumCombo[SimfoniPlace] = EnumCombo(SimfoniPlace, self)
        self.kecamatan = text_combo(kecamatan, self)
        self.chronology = QPlainTextEdit(self)
        self.chronology.setMinimumHeight(140)
        self.chronology_warning = QLabel(self)
        self.chronology_warning.setProperty("role", "banner")
        self.chronology_warning.setWordWrap(True)
        self.chronology_warning.hide()
        self.tpks = TpksPicker(self)
        self.extra_violence: EnumChecklist[SimfoniViolence] = EnumChecklist(EXTRA_VIOLENCE, 3,
                                                                            self)
        self.penetration, self.sexual_contact, self.physical_assault = (
            YesNoCombo(self) for _ in range(3))
        self.forced_marriage, self.denial_of_resources = YesNoCombo(self), YesNoCombo(self)
        self.gender_based = QCheckBox(self.tr("Ya, terkait jenis kelamin atau gender korban"),
                                      self)
        self.gender_based.setChecked(True)
        self.pasal15: EnumChecklist[Pasal15Flag] = EnumChecklist(Pasal15Flag, 1, self)
        self.electronic, self.previously_reported = YesNoCombo(self), YesNoCombo(self)
        self.previously_reported_where, self.earlier_incidents = QLineEdit(self), QLineEdit(self)
        self.evidence = QPlainTextEdit(self)
        self.evidence.setMaximumHeight(90)

    def _when_where(self) -> None:
        form = self.section(self.tr("Waktu dan tempat"))
        self.add_row(form, "occurred_on", self.tr("Tanggal kejadian"), self.occurred_on)
        self.add_row(form, "date_is_approximate", "", self.date_is_approximate)
        self.add_row(form, "occurred_time", self.tr("Jam kejadian"), self.occurred_time)
        self.add_row(form, "time_of_day", self.tr("Atau waktu (pagi/siang/sore/malam)"),
                     self.time_of_day, enum=TimeOfDay)
        self.add_row(form, "place", self.tr("Tempat kejadian"), self.place, enum=SimfoniPlace)
        self.add_row(form, "kecamatan", self.tr("Kecamatan tempat kejadian"), self.kecamatan)

    def _story(self) -> None:
        form = self.section(self.tr("Cerita korban"))
        self.add_row(form, "chronology", self.tr("Kronologi, dengan kata-kata korban sendiri"),
                     self.chronology, above=True)
        form.addRow(self.chronology_warning)
        self.add_row(form, "tpks_types", self.tr("Jenis kekerasan seksual menurut UU TPKS "
                                                 "(boleh lebih dari satu)"),
                     self.tpks, enum=TpksType, above=True, value=self.tpks.checklist)

    def _facts(self) -> None:
        form = self.section(self.tr("Pertanyaan tentang kejadian"))
        questions = (
            ("penetration", self.penetration, self.tr(
                "Apakah ada sesuatu (alat kelamin, jari atau benda) yang dimasukkan ke tubuh "
                "korban?")),
            ("sexual_contact", self.sexual_contact, self.tr(
                "Apakah ada sentuhan seksual lain yang tidak diinginkan korban?")),
            ("physical_assault", self.physical_assault, self.tr(
                "Apakah korban dipukul, didorong, dicekik atau disakiti secara fisik?")),
            ("forced_marriage", self.forced_marriage, self.tr(
                "Apakah korban dipaksa menikah?")),
            ("denial_of_resources", self.denial_of_resources, self.tr(
                "Apakah korban dihalangi mendapat uang, pekerjaan, sekolah atau layanan?")),
            ("gender_based", self.gender_based, self.tr(
                "Apakah kejadian ini terkait jenis kelamin atau gender korban?")),
        )
        for name, widget, question in questions:
            self.add_row(form, f"gbvims.{name}", question, widget, above=True)
        self.add_row(form, "extra_violence", self.tr("Kekerasan lain yang juga dialami"),
                     self.extra_violence, enum=SimfoniViolence, above=True,
                     hint=self.tr("Kekerasan seksual selalu tercatat; centang bila ada yang "
                                  "lain."))
        self.add_row(form, "pasal15", self.tr("Keadaan yang memberatkan (Pasal 15 UU TPKS)"),
                     self.pasal15, enum=Pasal15Flag, above=True)

    def _other(self) -> None:
        form = self.section(self.tr("Lainnya"))
        self.add_row(form, "electronic", self.tr("Menggunakan HP, internet atau media sosial?"),
                     self.electronic)
        self.add_row(form, "previously_reported", self.tr("Pernah dilaporkan ke pihak lain?"),
                     self.previously_reported)
        self.add_row(form, "previously_reported_where", self.tr("Dilaporkan ke mana?"),
                     self.previously_reported_where)
        self.add_row(form, "earlier_incidents", self.tr("Berapa kali terjadi sebelumnya?"),
                     self.earlier_incidents)
        self.add_row(form, "evidence", self.tr("Bukti yang ada (satu per baris)"), self.evidence,
                     hint=self.tr("Tulis keterangannya saja, misalnya \"tangkapan layar "
                                  "pesan\". Berkas bukti dilampirkan di halaman kasus."),
                     above=True)

    @Slot()
    def _on_chronology_changed(self) -> None:
        if looks_identifying(self.chronology.toPlainText()):
            self.chronology_warning.setText(self.tr(
                "Tampaknya ada NIK atau nomor telepon di kronologi. Bila bisa, catat data itu di "
                "kolom identitas korban saja: kronologi dapat ikut dibagikan saat rujukan."))
            self.chronology_warning.show()
        else:
            self.chronology_warning.hide()
