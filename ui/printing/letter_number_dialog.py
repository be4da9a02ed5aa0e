"""The number of a referral letter: the register's next one, or the one Subbag Umum/TU gave.

Many offices take outgoing-letter numbers from the administration's own book (DOCUMENTS.md
§2.1). The dialog renders the letter itself, so a number the core refuses (badly formed, or
already used) is shown next to the field and the typed number stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from app.services.documents import DocumentKind, Rendered
from ui.case_detail.dialogs.base import ActionDialog
from ui.errors import FIELD_MESSAGES
from ui.errors import tr as error_tr
from ui.printing import jobs
from ui.printing.texts import kind_name, tr
from ui.workers import TaskRunner

FIELD = "letter_number"


class LetterNumberDialog(ActionDialog):
    """Choose the numbering, then "Buat surat" renders the letter (:attr:`rendered`)."""

    def __init__(self, runner: TaskRunner, referral_id: int, kind: DocumentKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, tr("Nomor %1").replace("%1", kind_name(kind)), parent,
                         save_text=tr("Buat surat"))
        self.referral_id = referral_id
        #: The letter, once rendered.
        self.rendered: Rendered | None = None
        self.register_choice = QRadioButton(tr("Nomor berikutnya dari &register"), self)
        self.manual_choice = QRadioButton(tr("Nomor dari Subbag Umum/&TU:"), self)
        self.number_edit = QLineEdit(self)
        self.number_edit.setPlaceholderText(tr("misalnya 123/PP.01-SD/3316/2026"))
        group = QButtonGroup(self)
        for button in (self.register_choice, self.manual_choice):
            group.addButton(button)
        self.register_choice.setChecked(True)
        self.manual_choice.toggled.connect(self._on_manual_toggled)
        self._on_manual_toggled(False)
        self.add_field(tr("Nomor surat"), self._choices(), FIELD)
        self.finish_layout()
        self.setMinimumWidth(480)

    def _choices(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(tr("Bila surat ini sudah pernah dicetak, nomornya tetap sama."), box)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        for widget in (self.register_choice, self.manual_choice, self.number_edit, hint):
            layout.addWidget(widget)
        return box

    def _on_manual_toggled(self, manual: bool) -> None:
        self.number_edit.setEnabled(manual)
        if manual:
            self.number_edit.setFocus()

    def manual_number(self) -> str | None:
        return self.number_edit.text().strip() if self.manual_choice.isChecked() else None

    def build_job(self) -> jobs.RenderJob | None:
        manual = self.manual_number()
        if manual == "":
            self.show_field_error(FIELD, error_tr(FIELD_MESSAGES["required"]))
            return None
        return jobs.referral_letter(self.referral_id, manual)

    def saved(self, result: object) -> None:
        if isinstance(result, Rendered):
            self.rendered = result
        self.accept()
