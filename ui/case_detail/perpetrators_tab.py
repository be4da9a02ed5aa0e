"""Terlapor: the alleged perpetrators in a table; names follow the identity reveal."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.models import Case
from ui.case_detail.perpetrator_model import PerpetratorTableModel
from ui.case_detail.table_view import CaseTableView


class PerpetratorsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PerpetratorTableModel(self)
        self.view = CaseTableView(self.model, self)
        self.empty = QLabel(self.tr("Belum ada terlapor yang dicatat."), self)
        self.empty.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)

    def set_case(self, case: Case) -> None:
        self.model.set_perpetrators(case.intake.perpetrators)
        self.empty.setVisible(not case.intake.perpetrators)

    def set_revealed(self, revealed: bool) -> None:
        self.model.set_revealed(revealed)
