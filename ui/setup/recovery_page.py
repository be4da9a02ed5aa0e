"""Setup step 3: the recovery code, made on this PC and not yet saved anywhere."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.setup.recovery_code_view import RecoveryCodeView


class RecoveryPage(QWidget):
    """Shows the code the wizard generated; nothing is written until "Selesai"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(self.tr(
            "Ini kode pemulihan data posko. Kode ini belum disimpan di mana pun. Setelah "
            "penyiapan selesai, kode ini tidak dapat ditampilkan lagi — cetak atau catat "
            "sekarang."), self)
        intro.setWordWrap(True)
        self.view = RecoveryCodeView(self)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.view)
        column.addStretch(1)

    @property
    def code(self) -> str:
        return self.view.code
