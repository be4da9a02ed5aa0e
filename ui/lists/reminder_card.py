"""Beranda's data-protection reminders for the koordinator: an overdue backup, breach
notification deadlines, old backups and cases past their retention period.

Hidden when there is nothing to do; the button opens Data & Cadangan where each is handled.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from app.services.reminders import OfficeReminders
from ui.lists.card import Card
from ui.models.formatting import format_moment, format_moment_date


class ReminderCard(Card):
    """One banner line per reminder, most urgent (breach deadlines) first."""

    open_requested = Signal()

    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pengingat perlindungan data"), None, parent)
        self._tz = tz
        self._lines: list[QLabel] = []
        self.open_button = QPushButton(self.tr("Buka Data && Cadangan"), self)
        self.open_button.clicked.connect(self.open_requested)
        self.body.addWidget(self.open_button)
        self.setVisible(False)

    def show_reminders(self, reminders: OfficeReminders, now: datetime) -> None:
        for label in self._lines:
            self.body.removeWidget(label)
            label.hide()  # deleted later, by the event loop
            label.deleteLater()
        self._lines = []
        for text in self.texts(reminders, now):
            label = QLabel(text, self)
            label.setProperty("role", "banner")
            label.setWordWrap(True)
            self.body.insertWidget(self.body.count() - 1, label)
            label.show()  # the layout would only show it on a later event-loop turn
            self._lines.append(label)
        self.setVisible(bool(self._lines))

    def texts(self, reminders: OfficeReminders, now: datetime) -> list[str]:
        lines = [self._breach_text(due, now) for due in reminders.breach_deadlines]
        if reminders.backup_due:
            lines.append(self._backup_text(reminders.last_backup))
        if reminders.stale_backups:
            lines.append(self.tr(
                "%1 berkas cadangan lebih tua dari masa retensi dan mungkin masih memuat kasus "
                "yang sudah dimusnahkan. Musnahkan juga berkas cadangan itu.")
                .replace("%1", str(reminders.stale_backups)))
        if reminders.destroyable_cases:
            lines.append(self.tr(
                "%1 kasus yang ditutup sudah melewati masa retensi dan dapat dimusnahkan.")
                .replace("%1", str(reminders.destroyable_cases)))
        return lines

    def _breach_text(self, due: datetime, now: datetime) -> str:
        moment = format_moment(due, self._tz)
        if due <= now:
            return self.tr("Batas pemberitahuan insiden kebocoran data (3×24 jam) sudah lewat "
                           "sejak %1. Segera beri tahu subjek data dan lembaga pengawas.") \
                .replace("%1", moment)
        return self.tr("Insiden kebocoran data wajib diberitahukan paling lambat %1 "
                       "(3×24 jam sejak diketahui).").replace("%1", moment)

    def _backup_text(self, last: datetime | None) -> str:
        if last is None:
            return self.tr("Belum ada cadangan yang terverifikasi. Buat cadangan sekarang.")
        return self.tr("Cadangan terakhir yang baik dibuat %1. Sudah waktunya membuat "
                       "cadangan baru.").replace("%1", format_moment_date(last, self._tz))
