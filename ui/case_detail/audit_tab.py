"""Riwayat audit (koordinator only): every recorded action on this case, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.deadlines import zone
from app.domain.settings import OfficeSettings
from ui.case_detail.audit_model import AuditTableModel
from ui.case_detail.data import CaseView
from ui.case_detail.table_view import CaseTableView


class AuditTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AuditTableModel(self)
        self.view = CaseTableView(self.model, self)
        hint = QLabel(self.tr("Setiap pembukaan, perubahan dan pencetakan kasus ini tercatat. "
                              "Melihat riwayat ini juga tercatat."), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)

    def set_view(self, view: CaseView, settings: OfficeSettings) -> None:
        self.model.set_entries(view.history or (), view.officer_names(),
                               zone(settings.timezone))
