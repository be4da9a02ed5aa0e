"""The kecamatan offered on intake forms, one per line, plus the "outside the district" choice."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain.settings import OfficeSettings
from ui.settings.form_errors import ErrorLabel, FormErrors, with_error


class KecamatanSection(QWidget):
    """Edits ``kecamatan`` and ``outside_district``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FormErrors()
        self.kecamatan = QPlainTextEdit(self)
        self.kecamatan.setTabChangesFocus(True)
        self.kecamatan.setMinimumHeight(280)
        self.outside = QLineEdit(self)
        intro = QLabel(self.tr("Daftar kecamatan untuk isian domisili korban dan tempat "
                               "kejadian, satu kecamatan per baris. Baris kosong diabaikan."),
                       self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Kecamatan"), with_error(
            self.kecamatan, self.errors.add("kecamatan", ErrorLabel(self)), self))
        form.addRow(self.tr("Pilihan untuk luar daerah"), with_error(
            self.outside, self.errors.add("outside_district", ErrorLabel(self)), self))
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addStretch(1)

    def load(self, settings: OfficeSettings) -> None:
        self.kecamatan.setPlainText("\n".join(settings.kecamatan))
        self.outside.setText(settings.outside_district)
        self.clear_errors()

    def values(self) -> dict[str, Any]:
        lines = (line.strip() for line in self.kecamatan.toPlainText().splitlines())
        return {"kecamatan": tuple(line for line in lines if line),
                "outside_district": self.outside.text()}

    def clear_errors(self) -> None:
        self.errors.clear()

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        return self.errors.show(errors)
