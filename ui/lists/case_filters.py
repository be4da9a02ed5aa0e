"""Filters above the case list: status, UU TPKS type, year and "hanya yang terlambat"."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from app.domain.enums import CaseStatus, TpksType
from ui.i18n import label_text
from ui.models.case_table import OPEN_STATUSES, CaseFilterProxy

#: Wide enough for most UU TPKS names; the drop-down list shows them in full.
COMBO_CHARACTERS = 22


class CaseFilterBar(QWidget):
    """Emits ``changed`` whenever a filter changes; :meth:`apply_to` hands them to a proxy."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_combo = QComboBox(self)
        self._status_choices: list[frozenset[CaseStatus]] = []
        self._add_status(self.tr("Semua status"), frozenset())
        self._add_status(self.tr("Masih berjalan"), OPEN_STATUSES)
        for status in CaseStatus:
            self._add_status(label_text(status), frozenset({status}))
        self.type_combo = QComboBox(self)
        self.type_combo.addItem(self.tr("Semua jenis"), None)
        for tpks in TpksType:
            # Stored as its plain value: Qt hands a StrEnum back as a plain str anyway.
            self.type_combo.addItem(label_text(tpks), tpks.value)
        self.year_combo = QComboBox(self)
        self.year_combo.addItem(self.tr("Semua tahun"), None)
        self.overdue_box = QCheckBox(self.tr("Hanya yang terlambat"), self)
        self._shape_combos()
        self._build_layout()
        for combo in (self.status_combo, self.type_combo, self.year_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.overdue_box.toggled.connect(self.changed)

    def _add_status(self, text: str, statuses: frozenset[CaseStatus]) -> None:
        self.status_combo.addItem(text)
        self._status_choices.append(statuses)

    def _shape_combos(self) -> None:
        for combo in (self.status_combo, self.type_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(COMBO_CHARACTERS)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)

    def _build_layout(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for text, combo in ((self.tr("&Status"), self.status_combo),
                            (self.tr("&Jenis TPKS"), self.type_combo),
                            (self.tr("&Tahun"), self.year_combo)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
        row.addWidget(self.overdue_box)
        row.addStretch(1)

    # --- values ----------------------------------------------------------------------------

    def statuses(self) -> frozenset[CaseStatus]:
        return self._status_choices[max(self.status_combo.currentIndex(), 0)]

    def tpks_type(self) -> TpksType | None:
        value = self.type_combo.currentData()
        return TpksType(value) if isinstance(value, str) else None

    def year(self) -> int | None:
        value = self.year_combo.currentData()
        return value if isinstance(value, int) else None

    def overdue_only(self) -> bool:
        return self.overdue_box.isChecked()

    def set_years(self, years: Iterable[int]) -> None:
        """Offer the years present in the list, keeping the chosen one when it is still there."""
        chosen = self.year()
        self.year_combo.blockSignals(True)
        while self.year_combo.count() > 1:
            self.year_combo.removeItem(1)
        for year in years:
            self.year_combo.addItem(str(year), year)
        found = self.year_combo.findData(chosen) if chosen is not None else 0
        self.year_combo.setCurrentIndex(max(found, 0))
        self.year_combo.blockSignals(False)
        if chosen is not None and found < 0:
            self.changed.emit()

    def apply_to(self, proxy: CaseFilterProxy) -> None:
        proxy.set_filters(self.statuses(), self.tpks_type(), self.year(), self.overdue_only())
