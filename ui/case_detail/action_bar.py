"""The case actions as two rows of buttons; a disabled button's tooltip says why."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.domain.enums import CaseStatus
from ui.case_detail.rules import Blocked, CaseAction, blocked
from ui.case_detail.texts import CTX
from ui.i18n import QT_TRANSLATE_NOOP

A = CaseAction
#: Buttons in order: everyday case work first, koordinator decisions on the second row.
ROWS: tuple[tuple[tuple[CaseAction, str], ...], ...] = (
    ((A.STATUS, QT_TRANSLATE_NOOP(CTX, "Ubah status…")),
     (A.REFER, QT_TRANSLATE_NOOP(CTX, "Rujuk / Teruskan…")),
     (A.CONSENT, QT_TRANSLATE_NOOP(CTX, "Catat persetujuan…")),
     (A.FOLLOW_UP, QT_TRANSLATE_NOOP(CTX, "Tambah catatan…")),
     (A.ATTACHMENT, QT_TRANSLATE_NOOP(CTX, "Tambah lampiran…")),
     (A.EDIT_INTAKE, QT_TRANSLATE_NOOP(CTX, "Ubah data pengaduan")),
     (A.PRINT, QT_TRANSLATE_NOOP(CTX, "Cetak…"))),
    ((A.CLOSE, QT_TRANSLATE_NOOP(CTX, "Tutup kasus…")),
     (A.REOPEN, QT_TRANSLATE_NOOP(CTX, "Buka kembali…")),
     (A.ARCHIVE, QT_TRANSLATE_NOOP(CTX, "Arsipkan")),
     (A.ASSIGN, QT_TRANSLATE_NOOP(CTX, "Tugaskan…")),
     (A.RESTRICT, QT_TRANSLATE_NOOP(CTX, "Batasi akses…"))),
)

REASONS: Mapping[Blocked, str] = {
    Blocked.READ_ONLY: QT_TRANSLATE_NOOP(
        CTX, "Kasus sudah ditutup atau diarsipkan. Buka kembali kasus untuk mengubahnya."),
    Blocked.KOORDINATOR_ONLY: QT_TRANSLATE_NOOP(CTX, "Hanya koordinator yang dapat melakukan ini."),
    Blocked.NO_PLAIN_MOVE: QT_TRANSLATE_NOOP(
        CTX, "Dari status ini tidak ada perubahan status biasa. Gunakan Rujuk, Tutup kasus atau "
        "Buka kembali."),
    Blocked.REFER_NOT_YET: QT_TRANSLATE_NOOP(
        CTX, "Rujukan dapat dibuat setelah asesmen dan triase."),
    Blocked.NOT_CLOSABLE: QT_TRANSLATE_NOOP(CTX, "Kasus ini tidak dapat ditutup dari status ini."),
    Blocked.NOT_CLOSED: QT_TRANSLATE_NOOP(CTX, "Hanya kasus yang sudah ditutup yang dapat "
                                               "diarsipkan."),
    Blocked.NOT_REOPENABLE: QT_TRANSLATE_NOOP(
        CTX, "Hanya kasus yang ditutup atau diarsipkan yang dapat dibuka kembali."),
}


class ActionBar(QWidget):
    """Emits :attr:`triggered` with the :class:`CaseAction` value of the pressed button."""

    triggered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[CaseAction, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        self._group.idClicked.connect(self._on_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for row in ROWS:
            line = QHBoxLayout()
            for action, text in row:
                line.addWidget(self._button(action, text))
            line.addStretch(1)
            layout.addLayout(line)

    def _button(self, action: CaseAction, text: str) -> QPushButton:
        button = QPushButton(QCoreApplication.translate(CTX, text), self)
        self._group.addButton(button, len(self.buttons))
        self.buttons[action] = button
        return button

    def update_state(self, status: CaseStatus, koordinator: bool) -> None:
        for action, button in self.buttons.items():
            reason = blocked(action, status, koordinator)
            button.setEnabled(reason is None)
            button.setToolTip("" if reason is None
                              else QCoreApplication.translate(CTX, REASONS[reason]))

    def _on_clicked(self, button_id: int) -> None:
        action = list(self.buttons)[button_id]
        self.triggered.emit(action.value)
