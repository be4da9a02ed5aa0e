"""Paper size, auto-lock, attachment limit and time zone."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.domain.enums import IndonesianTimeZone, PaperSize
from app.domain.settings import OfficeSettings
from app.services.settings import ATTACHMENT_LIMIT_RANGE, AUTO_LOCK_RANGE
from ui.settings.form_errors import ErrorLabel, FormErrors, with_error
from ui.widgets.choices import CodedCombo


class GeneralSection(QWidget):
    """Edits ``paper_size``, ``auto_lock_minutes``, ``attachment_limit_mb`` and ``timezone``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FormErrors()
        self.paper_size: CodedCombo[PaperSize] = CodedCombo(PaperSize, self)
        self.auto_lock = self._spin(AUTO_LOCK_RANGE, self.tr(" menit"))
        self.attachment_limit = self._spin(ATTACHMENT_LIMIT_RANGE, self.tr(" MB"))
        self.timezone: CodedCombo[IndonesianTimeZone] = CodedCombo(IndonesianTimeZone, self)
        form = QFormLayout()
        for label, widget, path, hint in self._rows():
            form.addRow(label, with_error(self._hinted(widget, hint),
                                          self.errors.add(path, ErrorLabel(self)), self))
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addStretch(1)

    def _rows(self) -> tuple[tuple[str, QWidget, str, str], ...]:
        return (
            (self.tr("Ukuran kertas surat"), self.paper_size, "paper_size",
             self.tr("F4 (folio) lazim di kantor pemerintah daerah.")),
            (self.tr("Kunci otomatis setelah"), self.auto_lock, "auto_lock_minutes",
             self.tr("Aplikasi terkunci sendiri bila tidak dipakai selama ini (1–15 menit). "
                     "Berlaku mulai saat membuka kunci berikutnya.")),
            (self.tr("Batas ukuran lampiran"), self.attachment_limit, "attachment_limit_mb",
             self.tr("Per berkas, 1–100 MB.")),
            (self.tr("Zona waktu"), self.timezone, "timezone",
             self.tr("Dipakai untuk tanggal, jam dan tenggat.")),
        )

    def _spin(self, limits: tuple[int, int], suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(*limits)
        spin.setSuffix(suffix)
        return spin

    def _hinted(self, widget: QWidget, hint: str) -> QWidget:
        label = QLabel(hint, self)
        label.setProperty("role", "hint")
        label.setWordWrap(True)
        return with_error(widget, label, self)

    def load(self, settings: OfficeSettings) -> None:
        self.paper_size.set_value(settings.paper_size)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.attachment_limit.setValue(settings.attachment_limit_mb)
        self.timezone.set_value(settings.timezone)
        self.clear_errors()

    def values(self) -> dict[str, Any]:
        return {"paper_size": self.paper_size.value(), "auto_lock_minutes": self.auto_lock.value(),
                "attachment_limit_mb": self.attachment_limit.value(),
                "timezone": self.timezone.value()}

    def clear_errors(self) -> None:
        self.errors.clear()

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        return self.errors.show(errors)
