"""The row of step buttons above the intake form (click or Tab + Space to jump to a step)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.i18n import QT_TRANSLATE_NOOP

STEP_NAMES = (
    QT_TRANSLATE_NOOP("StepBar", "1 Penerimaan"), QT_TRANSLATE_NOOP("StepBar", "2 Pelapor"),
    QT_TRANSLATE_NOOP("StepBar", "3 Korban"), QT_TRANSLATE_NOOP("StepBar", "4 Kejadian"),
    QT_TRANSLATE_NOOP("StepBar", "5 Terlapor"), QT_TRANSLATE_NOOP("StepBar", "6 Risiko"),
    QT_TRANSLATE_NOOP("StepBar", "7 Persetujuan"), QT_TRANSLATE_NOOP("StepBar", "8 Ringkasan"),
)


class StepBar(QWidget):
    step_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for index, name in enumerate(STEP_NAMES):
            button = QPushButton(self.tr(name), self)
            button.setCheckable(True)
            button.setFlat(True)
            button.setProperty("step", index)
            button.clicked.connect(self._on_clicked)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)

    def set_current(self, index: int) -> None:
        """Mark the shown step (-1: none, the buttons are disabled)."""
        for position, button in enumerate(self.buttons):
            button.setChecked(position == index)
            button.setEnabled(index >= 0)

    @Slot()
    def _on_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.step_clicked.emit(int(button.property("step")))
