"""Setup step 4: type back two randomly chosen groups of the recovery code.

Proves the code was written down or printed before anything is saved; the code itself is not
shown on this step ("Kembali" shows it again).
"""

from __future__ import annotations

import secrets

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.keys import recovery
from ui.settings.form_errors import ErrorLabel, with_error

ASKED_GROUPS = 2


def _digits(text: str) -> str:
    return "".join(char for char in text if not char.isspace() and char != "-")


class ConfirmPage(QWidget):
    """Asks for two groups; :meth:`check` says whether both match, with an inline message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[str] = []
        #: 1-based numbers of the groups asked for.
        self.asked: tuple[int, ...] = ()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.fields = [QLineEdit(self) for _ in range(ASKED_GROUPS)]
        self.errors = [ErrorLabel(self) for _ in range(ASKED_GROUPS)]
        self._labels = [QLabel(self) for _ in range(ASKED_GROUPS)]
        form = QFormLayout()
        for label, field, error in zip(self._labels, self.fields, self.errors, strict=True):
            field.setMaxLength(recovery.GROUP_DIGITS + 2)
            field.setPlaceholderText("000000")
            field.setMaximumWidth(200)
            form.addRow(label, with_error(field, error, self))
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(form)
        column.addStretch(1)

    def set_code(self, code: str) -> None:
        """A new code: pick the groups to ask for (at random, in order) and empty the fields."""
        self._groups = recovery.groups(code)
        picked = secrets.SystemRandom().sample(range(1, recovery.GROUPS + 1), ASKED_GROUPS)
        self.asked = tuple(sorted(picked))
        first, second = self.asked
        self.intro.setText(self.tr(
            "Untuk memastikan kode sudah dicetak atau dicatat dengan benar, ketik kembali "
            "kelompok ke-%1 dan ke-%2 dari lembar Anda.").replace("%1", str(first))
            .replace("%2", str(second)))
        for label, number, field, error in zip(self._labels, self.asked, self.fields,
                                               self.errors, strict=True):
            label.setText(self.tr("Kelompok ke-%1").replace("%1", str(number)))
            field.clear()
            error.show_text("")

    def check(self) -> bool:
        """Both typed groups match; otherwise each wrong one says so under its field."""
        ok = True
        for number, field, error in zip(self.asked, self.fields, self.errors, strict=True):
            right = _digits(field.text()) == self._groups[number - 1]
            error.show_text("" if right else self.tr(
                "Belum cocok dengan kelompok ke-%1. Periksa lagi lembar Anda (tombol "
                "\"Kembali\" menampilkan kodenya lagi).").replace("%1", str(number)))
            ok = ok and right
        return ok
