"""Password entry with show/hide and a strength meter that states the minimum plainly."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.domain import passwords
from ui.i18n import QT_TRANSLATE_NOOP

PROBLEMS = {
    "too_short": QT_TRANSLATE_NOOP("PasswordMeter", "minimal 12 karakter, atau 4 kata"),
    "too_long": QT_TRANSLATE_NOOP("PasswordMeter", "paling banyak 256 karakter"),
    "too_common": QT_TRANSLATE_NOOP("PasswordMeter", "terlalu umum atau mudah ditebak"),
    "contains_username": QT_TRANSLATE_NOOP("PasswordMeter", "jangan memuat nama pengguna"),
    "contains_institution": QT_TRANSLATE_NOOP("PasswordMeter",
                                              "jangan memuat nama kantor atau daerah"),
}
LEVELS = (QT_TRANSLATE_NOOP("PasswordMeter", "Belum memenuhi syarat"),
          QT_TRANSLATE_NOOP("PasswordMeter", "Cukup"),
          QT_TRANSLATE_NOOP("PasswordMeter", "Baik"),
          QT_TRANSLATE_NOOP("PasswordMeter", "Kuat"),
          QT_TRANSLATE_NOOP("PasswordMeter", "Sangat kuat"))


class PasswordField(QWidget):
    """A masked line edit with a "Tampilkan" toggle."""

    text_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.textChanged.connect(self.text_changed)
        self.reveal = QCheckBox(self.tr("Tampilkan"), self)
        self.reveal.toggled.connect(self._on_reveal_toggled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.reveal)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def clear(self) -> None:
        self.edit.clear()

    def _on_reveal_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)


class StrengthMeter(QWidget):
    """Bar + verdict + what is still missing, updated as the officer types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.verdict = QLabel(self)
        self.hint = QLabel(self.tr("Syarat: minimal 12 karakter, atau 4 kata (contoh: "
                                   "\"hujan turun di kebun jati\")."), self)
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.bar)
        column.addWidget(self.verdict)
        column.addWidget(self.hint)
        self.update_for("", "")

    def update_for(self, password: str, username: str,
                   office_words: tuple[str, ...] = ()) -> bool:
        """Refresh; returns whether the password meets the minimum.

        ``office_words`` are the region and city names the core also refuses in passwords.
        """
        found = (passwords.problems(password, username, office_words) if password
                 else ["too_short"])
        score = passwords.strength(password, username)
        self.bar.setValue(score)
        if found:
            missing = "; ".join(self.tr(PROBLEMS.get(code, code)) for code in found)
            self.verdict.setText(self.tr("Belum memenuhi syarat: %1").replace("%1", missing))
        else:
            self.verdict.setText(self.tr(LEVELS[score]))
        return not found
