"""A month (or the whole year) and a year: the period of a recap, on Laporan and in the
statistics export."""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from ui.i18n import indonesian

WHOLE_YEAR = 0
YEARS_BACK = 10


class PeriodPicker(QWidget):
    """Two combo boxes: "Setahun penuh" or a month name, and the last ten years."""

    def __init__(self, this_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month_combo = QComboBox(self)
        self.year_combo = QComboBox(self)
        self.month_combo.addItem(self.tr("Setahun penuh"), WHOLE_YEAR)
        locale = indonesian()
        for month in range(1, 13):
            self.month_combo.addItem(locale.standaloneMonthName(month), month)
        for year in range(this_year, this_year - YEARS_BACK, -1):
            self.year_combo.addItem(str(year), year)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.month_combo)
        layout.addWidget(self.year_combo)

    def period(self) -> tuple[date, date]:
        """First and last day of the chosen month, or of the whole year."""
        year = int(self.year_combo.currentData())
        month = int(self.month_combo.currentData())
        if month == WHOLE_YEAR:
            return date(year, 1, 1), date(year, 12, 31)
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])

    def location(self) -> dict[str, object]:
        """The choice, to come back to (a page's ``location``)."""
        return {"month": self.month_combo.currentData(), "year": self.year_combo.currentData()}

    def select(self, month: object, year: object) -> None:
        """Choose ``month`` (``WHOLE_YEAR`` or 1–12) and ``year`` where offered."""
        for combo, value in ((self.month_combo, month), (self.year_combo, year)):
            index = combo.findData(value) if isinstance(value, int) else -1
            if index >= 0:
                combo.setCurrentIndex(index)
