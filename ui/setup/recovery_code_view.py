"""The recovery code shown large in numbered groups, where to keep it, and "Cetak lembar".

Used by the setup wizard and by Pengguna → "Buat kode pemulihan baru". There is no copy
button on purpose: the code belongs on paper, not in the clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import PaperSize
from app.domain.settings import Institution
from app.keys import recovery
from ui.setup.recovery_sheet import PURPOSE, STEPS, RecoverySheet

_CTX = "RecoveryCodeView"
COLUMNS = 4


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class RecoveryCodeView(QWidget):
    """Shows one recovery code; ``code`` is empty until :meth:`set_code`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = ""
        #: Printed on the sheet (the setup wizard updates it when the officer goes back).
        self.institution = Institution()
        self.paper = PaperSize.F4
        self.group_labels: list[QLabel] = []
        self.print_button = QPushButton(tr("Cetak lembar"), self)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.print_status = QLabel(self)
        self.print_status.setProperty("role", "hint")
        self._grid = QGridLayout()
        self._build()

    def _build(self) -> None:
        frame = QFrame(self)
        frame.setProperty("role", "card")
        frame.setLayout(self._grid)
        for index in range(recovery.GROUPS):
            self._add_group_cell(frame, index)
        purpose = QLabel(QCoreApplication.translate("RecoverySheet", PURPOSE), self)
        purpose.setWordWrap(True)
        where = QLabel(tr("Cara menyimpan:") + "<ol>" + "".join(
            f"<li>{QCoreApplication.translate('RecoverySheet', step)}</li>" for step in STEPS)
            + "</ol>", self)
        where.setTextFormat(Qt.TextFormat.RichText)
        where.setWordWrap(True)
        printing = QHBoxLayout()
        printing.addWidget(self.print_button)
        printing.addWidget(self.print_status, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(frame)
        column.addWidget(purpose)
        column.addWidget(where)
        column.addLayout(printing)

    def _add_group_cell(self, frame: QFrame, index: int) -> None:
        number = QLabel(tr("kelompok ke-%1").replace("%1", str(index + 1)), frame)
        number.setProperty("role", "hint")
        group = QLabel(frame)
        group.setProperty("role", "code")
        group.setAlignment(Qt.AlignmentFlag.AlignCenter)
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row, col = divmod(index, COLUMNS)
        self._grid.addWidget(number, 2 * row, col)
        self._grid.addWidget(group, 2 * row + 1, col)
        self.group_labels.append(group)

    def set_code(self, code: str, institution: Institution,
                 paper: PaperSize = PaperSize.F4) -> None:
        self.code = code
        self.institution = institution
        self.paper = paper
        for label, group in zip(self.group_labels, recovery.groups(code), strict=True):
            label.setText(group)
        self.print_status.clear()

    def shown_code(self) -> str:
        """The code as it reads on screen (tests compare it with what unlocks the vault)."""
        return "-".join(label.text() for label in self.group_labels)

    def _on_print_clicked(self) -> None:
        printed = RecoverySheet.launch(self, self.code, self.institution, self.paper)
        self.print_status.setText(tr("Lembar sudah dikirim ke printer. Ambil segera dari "
                                     "printer.") if printed else tr("Tidak jadi dicetak."))
