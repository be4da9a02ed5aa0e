"""The password of an exported PDF: proposed at random, shown, changeable (≥ 12 characters)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.documents.export import MIN_PASSWORD, propose_password


class ExportPasswordDialog(QDialog):
    """Shows the password the file will open with, and how to hand it over."""

    def __init__(self, proposed: str, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kata sandi PDF"))
        self.intro = QLabel(self.tr("Berkas %1 disimpan terenkripsi (AES-256). Tanpa kata sandi "
                                    "di bawah ini, berkas tidak dapat dibuka.")
                            .replace("%1", file_name), self)
        self.intro.setWordWrap(True)
        self.password_edit = QLineEdit(proposed, self)
        # Fixed-width: 0/O and 1/l must not be confused when read out by phone.
        self.password_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.new_button = QPushButton(self.tr("Buat kata sandi lain"), self)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.hide()
        warning = QLabel(self.tr(
            "Berikan kata sandi ini kepada penerima secara terpisah: tulis di kertas atau "
            "bacakan lewat telepon. Jangan pernah mengirimnya bersama berkas (jangan dalam "
            "e-mail, pesan atau flashdisk yang sama)."), self)
        warning.setProperty("role", "banner")
        warning.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Simpan PDF"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        cancel = QPushButton(self.tr("Batal"), self)
        cancel.clicked.connect(self.reject)
        self._arrange(warning, cancel)

    def _arrange(self, warning: QLabel, cancel: QPushButton) -> None:
        row = QHBoxLayout()
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.new_button)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        label = QLabel(self.tr("&Kata sandi"), self)
        label.setBuddy(self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(label)
        layout.addLayout(row)
        widgets: tuple[QWidget, ...] = (self.error_label, warning, buttons)
        for widget in widgets:
            layout.addWidget(widget)
        self.setMinimumWidth(520)

    def password(self) -> str:
        return self.password_edit.text().strip()

    def _on_new_clicked(self) -> None:
        self.password_edit.setText(propose_password())
        self.error_label.hide()

    def _on_save_clicked(self) -> None:
        if len(self.password()) < MIN_PASSWORD:
            self.error_label.setText(self.tr("Kata sandi minimal %1 karakter.")
                                     .replace("%1", str(MIN_PASSWORD)))
            self.error_label.show()
            self.password_edit.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, proposed: str, file_name: str) -> str | None:
        """The password to encrypt with, or ``None`` when cancelled."""
        dialog = cls(proposed, file_name, parent)
        accepted = cls.launch(dialog)
        password = dialog.password() if accepted else None
        dialog.deleteLater()
        return password

    @staticmethod
    def launch(dialog: ExportPasswordDialog) -> bool:
        """Run ``dialog`` modally; True when the officer pressed Simpan. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted
