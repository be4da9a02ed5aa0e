"""UU TPKS types as a checklist, with every type's plain-language help (tooltip and panel)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.enums import TpksType
from app.domain.labels import TPKS_HELP
from ui.i18n import label_text
from ui.widgets.choices import EnumChecklist


def help_text(kind: TpksType) -> str:
    return QCoreApplication.translate("labels", TPKS_HELP[kind])


class TpksPicker(QWidget):
    """The checklist on the left; the help panel on the right follows the focused box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist: EnumChecklist[TpksType] = EnumChecklist(TpksType, 1, self)
        self.help_title = QLabel(self)
        self.help_title.setProperty("role", "subtitle")
        self.help_title.setWordWrap(True)
        self.help_panel = QLabel(self)
        self.help_panel.setWordWrap(True)
        self.help_panel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._boxes: dict[QObject, TpksType] = {}
        for kind in TpksType:
            box = self.checklist.box_for(kind)
            box.setToolTip(help_text(kind))
            box.installEventFilter(self)
            self._boxes[box] = kind
        self._layout()
        self.show_help(None)

    def _layout(self) -> None:
        panel = QFrame(self)
        panel.setProperty("role", "card")
        panel.setMinimumWidth(260)
        panel.setMaximumWidth(340)
        column = QVBoxLayout(panel)
        column.addWidget(self.help_title)
        column.addWidget(self.help_panel, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.checklist, 1)
        row.addWidget(panel)

    def show_help(self, kind: TpksType | None) -> None:
        """Explain one type (or how to use the list when none is focused)."""
        if kind is None:
            self.help_title.setText(self.tr("Penjelasan jenis kekerasan"))
            self.help_panel.setText(self.tr("Pilih satu kotak atau lebih. Penjelasan jenisnya "
                                            "muncul di sini saat kotak dipilih atau disorot."))
            return
        self.help_title.setText(label_text(kind))
        self.help_panel.setText(help_text(kind))

    def box(self, kind: TpksType) -> QCheckBox:
        return self.checklist.box_for(kind)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = self._boxes.get(watched)
        if kind is not None and event.type() in (QEvent.Type.FocusIn, QEvent.Type.Enter):
            self.show_help(kind)
        return super().eventFilter(watched, event)
