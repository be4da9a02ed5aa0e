"""Step 2 — Pelapor: is the reporter the victim? If not, who they are and how to reach them."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from ui.intake.step_base import IntakeStep, box_of
from ui.widgets.choices import YesNoCombo


class ReporterStep(IntakeStep):
    sections = ("reporter",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pelapor"),
                         self.tr("Korban boleh tidak menjawab pertanyaan apa pun. Identitas "
                                 "pelapor dijaga kerahasiaannya."),
                         "reporter", parent)
        self.is_victim = QCheckBox(self.tr("Pelapor adalah korban sendiri"), self)
        self.is_victim.setChecked(True)
        self.full_name = QLineEdit(self)
        self.relationship = QLineEdit(self)
        self.relationship.setPlaceholderText(self.tr("misalnya kakak, teman, rekan kerja"))
        self.safe_contact = QLineEdit(self)
        self.safe_contact.setPlaceholderText(self.tr("nomor atau cara menghubungi yang aman"))
        self.victim_knows = YesNoCombo(self)
        self.confidential = QCheckBox(self.tr("Pelapor meminta identitasnya dirahasiakan"), self)
        self._build()
        self.is_victim.toggled.connect(self._on_is_victim_toggled)
        self._on_is_victim_toggled(True)
        self.finish()

    def _build(self) -> None:
        first = self.section()
        self.add_row(first, "is_victim", self.tr("Pelapor"), self.is_victim)
        form = self.section(self.tr("Bila pelapor bukan korban"))
        self.other_box = box_of(form)
        self.add_row(form, "full_name", self.tr("Nama pelapor"), self.full_name)
        self.add_row(form, "relationship", self.tr("Hubungan dengan korban"), self.relationship)
        self.add_row(form, "safe_contact", self.tr("Kontak aman pelapor"), self.safe_contact)
        self.add_row(form, "victim_knows", self.tr("Apakah korban tahu tentang laporan ini?"),
                     self.victim_knows)
        self.add_row(form, "confidential", self.tr("Kerahasiaan"), self.confidential)

    @Slot(bool)
    def _on_is_victim_toggled(self, checked: bool) -> None:
        self.other_box.setVisible(not checked)
