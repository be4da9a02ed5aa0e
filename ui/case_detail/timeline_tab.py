"""Tindak lanjut: follow-up notes and status changes, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.deadlines import zone
from app.domain.settings import OfficeSettings
from ui.case_detail.data import CaseView
from ui.case_detail.table_view import CaseTableView
from ui.case_detail.timeline_model import TimelineTableModel, timeline


class TimelineTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineTableModel(self)
        self.view = CaseTableView(self.model, self)
        hint = QLabel(self.tr("Arahkan penunjuk ke catatan untuk membaca seluruhnya."), self)
        hint.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)

    def set_view(self, view: CaseView, settings: OfficeSettings) -> None:
        entries = timeline(view.case.follow_ups, view.case.history)
        self.model.set_timeline(entries, view.officer_names(), zone(settings.timezone))
