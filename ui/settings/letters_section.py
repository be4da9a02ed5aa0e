"""Signatory and numbering: who signs letters, and the case/letter number templates with a
live example as the koordinator types."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.case_numbers import SAMPLE_REGION, format_code, validate_template
from app.domain.settings import OfficeSettings, Signatory
from app.errors import ValidationError
from ui.settings.form_errors import ErrorLabel, FormErrors, with_error

_CTX = "LettersSection"
EXAMPLE_NUMBER = 7
TEMPLATES = ("case_number_template", "letter_number_template")


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def example(template: str, region_code: str, today: QDate) -> tuple[str, bool]:
    """(what the template makes for number 7 this month, whether the template is valid)."""
    try:
        validate_template(template, region_code or SAMPLE_REGION)
    except ValidationError:
        return tr("Templat belum sah: wajib memuat {nomor} dan {tahun}, hanya kolom yang "
                  "tersedia, tanpa spasi."), False
    code = format_code(template, number=EXAMPLE_NUMBER, year=today.year(),
                       region_code=region_code or SAMPLE_REGION, month=today.month())
    return tr("Contoh (nomor urut 7 tahun ini): %1").replace("%1", code), True


class LettersSection(QWidget):
    """Edits ``signatory``, ``case_number_template`` and ``letter_number_template``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FormErrors()
        self._region_code = ""
        self.signatory_name = QLineEdit(self)
        self.position = QLineEdit(self)
        self.nip = QLineEdit(self)
        self.templates = {name: QLineEdit(self) for name in TEMPLATES}
        self.examples = {name: QLabel(self) for name in TEMPLATES}
        for name, edit in self.templates.items():
            edit.textChanged.connect(self._on_template_edited)
            self.examples[name].setProperty("role", "hint")
        self._build()

    def _build(self) -> None:
        signatory = QFormLayout()
        signatory.addRow(tr("Nama penanda tangan"), self._field(self.signatory_name,
                                                                "signatory.name"))
        signatory.addRow(tr("Jabatan"), self._field(self.position, "signatory.position"))
        signatory.addRow(tr("NIP (boleh kosong)"), self._field(self.nip, "signatory.nip"))
        numbering = QFormLayout()
        for name, label in zip(TEMPLATES, (tr("Nomor kasus"), tr("Nomor surat")),
                               strict=True):
            numbering.addRow(label, with_error(with_error(self.templates[name],
                                                          self.examples[name], self),
                                               self.errors.add(name, ErrorLabel(self)), self))
        column = QVBoxLayout(self)
        column.addWidget(self._subtitle(tr("Penanda tangan surat")))
        column.addLayout(signatory)
        column.addWidget(self._subtitle(tr("Penomoran")))
        column.addLayout(numbering)
        column.addWidget(self._fields_help())
        column.addStretch(1)

    def _field(self, edit: QLineEdit, path: str) -> QWidget:
        return with_error(edit, self.errors.add(path, ErrorLabel(self)), self)

    def _subtitle(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", "subtitle")
        return label

    def _fields_help(self) -> QLabel:
        text = QLabel(tr(
            "Kolom yang dapat dipakai:\n"
            "{nomor} — nomor urut dalam setahun; {nomor:03d} membuatnya selalu tiga angka "
            "(007)\n"
            "{tahun} — tahun, misalnya 2026\n"
            "{kode_wilayah} — kode wilayah dari tab Instansi\n"
            "{bulan} — bulan dalam angka; {bulan:02d} menjadi 03\n"
            "Templat wajib memuat {nomor} dan {tahun}. Selain kolom itu boleh huruf, angka, "
            "titik, garis miring, tanda hubung, garis bawah dan titik dua, tanpa spasi."), self)
        text.setProperty("role", "hint")
        text.setWordWrap(True)
        return text

    def set_region_code(self, region_code: str) -> None:
        self._region_code = region_code.strip()
        self._on_template_edited()

    def _on_template_edited(self, *_: object) -> None:
        today = QDate.currentDate()
        for name, edit in self.templates.items():
            text, _valid = example(edit.text(), self._region_code, today)
            self.examples[name].setText(text)

    # --- section protocol --------------------------------------------------------------

    def load(self, settings: OfficeSettings) -> None:
        signatory = settings.signatory
        self.signatory_name.setText(signatory.name or "")
        self.position.setText(signatory.position)
        self.nip.setText(signatory.nip or "")
        self.templates["case_number_template"].setText(settings.case_number_template)
        self.templates["letter_number_template"].setText(settings.letter_number_template)
        self.set_region_code(settings.institution.region_code)
        self.clear_errors()

    def values(self) -> dict[str, Any]:
        signatory = Signatory(name=self.signatory_name.text().strip() or None,
                              position=self.position.text(),
                              nip=self.nip.text().strip() or None)
        return {"signatory": signatory,
                **{name: edit.text() for name, edit in self.templates.items()}}

    def clear_errors(self) -> None:
        self.errors.clear()

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        return self.errors.show(errors)
