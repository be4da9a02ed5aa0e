"""Placeholder setup wizard (replaced when the screen is built)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.workers import TaskRunner


class SetupWizard(QWidget):
    completed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        QVBoxLayout(self).addWidget(QLabel(self.tr("Penyiapan awal"), self))
