"""Step 8 — Ringkasan: everything entered, read-only, with an "Ubah" link back to each step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.intake.step_base import IntakeStep

#: (step index, step title, groups of (caption, value)) — what the summary shows.
StepSummary = tuple[int, str, list[tuple[str, list[tuple[str, str]]]]]


class SummaryStep(IntakeStep):
    #: The officer wants to change something on step ``index``.
    edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ringkasan"),
                         self.tr("Periksa kembali bersama korban. Semua isian masih dapat "
                                 "diubah lewat tautan \"Ubah\"."),
                         parent=parent)
        self._blocks: list[QWidget] = []
        self.edit_buttons: dict[int, QPushButton] = {}
        self.body.addStretch(1)

    def show_summary(self, steps: Sequence[StepSummary]) -> None:
        """Rebuild the read-only view from the form as it is now."""
        for block in self._blocks:
            self.body.removeWidget(block)
            block.deleteLater()
        self._blocks = []
        self.edit_buttons = {}
        for position, (index, title, groups) in enumerate(steps):
            block = self._block(index, title, groups)
            self.body.insertWidget(position, block)
            self._blocks.append(block)

    def _block(self, index: int, title: str,
               groups: list[tuple[str, list[tuple[str, str]]]]) -> QWidget:
        box = QGroupBox(title, self.content)
        column = QVBoxLayout(box)
        edit = QPushButton(self.tr("Ubah %1").replace("%1", title.lower()), box)
        edit.setProperty("step", index)
        edit.clicked.connect(self._on_edit_clicked)
        self.edit_buttons[index] = edit
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(edit)
        column.addLayout(top)
        for heading, rows in groups:
            if heading != title:
                caption = QLabel(heading, box)
                caption.setProperty("role", "subtitle")
                column.addWidget(caption)
            column.addLayout(self._rows(box, rows))
        return box

    @staticmethod
    def _rows(parent: QWidget, rows: list[tuple[str, str]]) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for caption, value in rows:
            shown = QLabel(value, parent)
            shown.setTextFormat(Qt.TextFormat.PlainText)  # what was typed is never markup
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label = QLabel(caption, parent)
            label.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(label, shown)
        return form

    def tab_order(self) -> list[QWidget]:
        return [self.edit_buttons[index] for index in sorted(self.edit_buttons)]

    def text(self) -> str:
        """Everything the summary shows, as plain text (for tests and read-back)."""
        return "\n".join(label.text() for block in self._blocks
                         for label in block.findChildren(QLabel))

    @Slot()
    def _on_edit_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.edit_requested.emit(int(button.property("step")))
