"""Paper size, auto-lock, attachment limit, time zone, backup reminder and retention."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from app.domain.enums import IndonesianTimeZone, PaperSize
from app.domain.settings import OfficeSettings
from app.services.settings import (
    ATTACHMENT_LIMIT_RANGE,
    AUTO_LOCK_RANGE,
    BACKUP_REMINDER_RANGE,
    RETENTION_YEARS_RANGE,
)
from ui.settings.form_errors import ErrorLabel, FormErrors, with_error
from ui.widgets.choices import CodedCombo


class GeneralSection(QWidget):
    """Edits ``paper_size``, ``auto_lock_minutes``, ``attachment_limit_mb``, ``timezone``,
    ``backup_reminder_days``, ``retention_years`` and ``retention_legal_basis``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FormErrors()
        self.paper_size: CodedCombo[PaperSize] = CodedCombo(PaperSize, self)
        self.auto_lock = self._spin(AUTO_LOCK_RANGE, self.tr(" menit"))
        self.attachment_limit = self._spin(ATTACHMENT_LIMIT_RANGE, self.tr(" MB"))
        self.timezone: CodedCombo[IndonesianTimeZone] = CodedCombo(IndonesianTimeZone, self)
        self.backup_reminder = self._spin(BACKUP_REMINDER_RANGE, self.tr(" hari"))
        self.retention = self._spin(RETENTION_YEARS_RANGE, self.tr(" tahun"))
        self.retention_basis = QLineEdit(self)
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
            (self.tr("Ingatkan cadangan setelah"), self.backup_reminder, "backup_reminder_days",
             self.tr("Beranda koordinator mengingatkan bila cadangan terakhir yang sudah "
                     "diperiksa lebih tua dari ini (1–90 hari).")),
            (self.tr("Masa retensi kasus ditutup"), self.retention, "retention_years",
             self.tr("Setelah masa ini kasus boleh dimusnahkan, dan cadangan yang lebih tua "
                     "ditandai di Beranda. Sesuaikan dengan jadwal retensi arsip kantor.")),
            (self.tr("Dasar hukum pemusnahan"), self.retention_basis, "retention_legal_basis",
             self.tr("Dicetak pada berita acara pemusnahan.")),
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
        self.backup_reminder.setValue(settings.backup_reminder_days)
        self.retention.setValue(settings.retention_years)
        self.retention_basis.setText(settings.retention_legal_basis)
        self.clear_errors()

    def values(self) -> dict[str, Any]:
        return {"paper_size": self.paper_size.value(), "auto_lock_minutes": self.auto_lock.value(),
                "attachment_limit_mb": self.attachment_limit.value(),
                "timezone": self.timezone.value(),
                "backup_reminder_days": self.backup_reminder.value(),
                "retention_years": self.retention.value(),
                "retention_legal_basis": self.retention_basis.text().strip()}

    def clear_errors(self) -> None:
        self.errors.clear()

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        return self.errors.show(errors)
