"""Institution and letterhead: the identity fields plus the logo (Pengaturan, setup step 1)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.settings import OfficeSettings
from ui.settings.institution_form import InstitutionForm
from ui.settings.logo_picker import LogoPicker


class InstitutionSection(QWidget):
    """Edits the ``institution`` and ``logo`` settings."""

    def __init__(self, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = InstitutionForm(self)
        self.logo_picker = LogoPicker(self)
        text = QLabel(intro, self)
        text.setWordWrap(True)
        logo_title = QLabel(self.tr("Logo kop surat"), self)
        logo_title.setProperty("role", "subtitle")
        column = QVBoxLayout(self)
        column.addWidget(text)
        column.addWidget(self.form)
        column.addWidget(logo_title)
        column.addWidget(self.logo_picker)
        column.addStretch(1)

    def load(self, settings: OfficeSettings) -> None:
        self.form.set_institution(settings.institution)
        self.logo_picker.set_logo(settings.logo)
        self.clear_errors()

    def values(self) -> dict[str, Any]:
        return {"institution": self.form.institution(), "logo": self.logo_picker.logo()}

    def clear_errors(self) -> None:
        self.form.errors.clear()
        self.logo_picker.errors.clear()

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        """Shows what belongs here; returns the rest."""
        return self.logo_picker.errors.show(self.form.errors.show(errors))
