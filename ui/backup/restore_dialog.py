"""Restore from a backup: choose the file, unlock it, see what it holds, check it, confirm.

Nothing changes until the officer confirms at the end; the restore itself is done by the shell
(``Navigator.restore_backup`` or the setup wizard's ``restore_requested``). The opened backup
holds the database key: it is wiped whenever the dialog does not hand it over (cancel, another
file, a failed check). Used by Data & Cadangan and by the setup wizard on a fresh PC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timezone
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.backup.files import OpenedBackup
from app.domain.deadlines import zone
from app.domain.enums import IndonesianTimeZone
from app.errors import AppError, ErrorCode
from app.store.migrations import LATEST
from ui.backup import jobs
from ui.backup.choosers import BackupFileDialog
from ui.backup.preview import BackupPreview, created_text
from ui.backup.unlock_form import BackupUnlockForm
from ui.errors import message_for
from ui.setup.confirm_dialog import ConfirmDialog
from ui.workers import TaskRunner


@dataclass(frozen=True)
class ChosenBackup:
    """Handed over on "Pulihkan": the receiver restores it (and the restore wipes the key)."""

    opened: OpenedBackup
    #: The username that opened it; ``None`` with the recovery code.
    restorer: str | None


class RestoreDialog(QDialog):
    """One window, top to bottom: file → unlock → preview and check → "Pulihkan…"."""

    def __init__(self, runner: TaskRunner, fresh: bool, tz: timezone,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pulihkan dari cadangan"))
        self.runner, self.fresh, self.tz = runner, fresh, tz
        self.path: Path | None = None
        self.opened: OpenedBackup | None = None
        self._restorer: str | None = None
        self._busy = self._closing = self._verified = False
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("Belum ada berkas dipilih"))
        self.form = BackupUnlockForm(self)
        self.preview = BackupPreview(self)
        self.preview.hide()
        self.status = QLabel(self)
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self._make_buttons()
        self._build()
        self._update_buttons()

    def _make_buttons(self) -> None:
        self.choose_button = QPushButton(self.tr("&Pilih berkas…"), self)
        self.open_button = QPushButton(self.tr("&Buka cadangan"), self)
        self.restore_button = QPushButton(self.tr("P&ulihkan…"), self)
        self.restore_button.setProperty("role", "primary" if self.fresh else "danger")
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        # No default button: Enter in a field must never start a restore by accident.
        for button, slot in ((self.choose_button, self._on_choose_clicked),
                             (self.open_button, self._on_open_clicked),
                             (self.restore_button, self._on_restore_clicked),
                             (self.cancel_button, self.reject)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        self.form.submitted.connect(self._on_open_clicked)

    def _build(self) -> None:
        intro = QLabel(self.tr(
            "Pilih berkas cadangan (.poskobak), misalnya dari flashdisk, lalu buka dengan kata "
            "sandi petugas atau kode pemulihan. Isi cadangan ditampilkan dan diperiksa dulu; "
            "tidak ada yang berubah sebelum Anda menekan \"Pulihkan\"."), self)
        intro.setWordWrap(True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(file_row)
        column.addWidget(self.form)
        column.addWidget(self.open_button)
        column.addWidget(self.preview)
        column.addWidget(self.status)
        column.addStretch(1)
        column.addLayout(buttons)
        self.setMinimumWidth(560)

    def _update_buttons(self) -> None:
        idle = not self._busy and not self._closing
        self.choose_button.setEnabled(idle)
        self.form.setEnabled(idle)
        self.open_button.setEnabled(idle and self.path is not None)
        self.restore_button.setEnabled(idle and self._verified and self.opened is not None)
        self.cancel_button.setEnabled(not self._closing)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.status.setText(text)
        self._update_buttons()

    # --- choosing and opening ------------------------------------------------------------

    def _on_choose_clicked(self) -> None:
        path = BackupFileDialog.ask(self)
        if path is None:
            return
        self.discard()
        self.path = path
        self.file_edit.setText(str(path))
        self.preview.hide()
        self.status.clear()
        self._update_buttons()
        self.form.first_field().setFocus()

    def _on_open_clicked(self) -> None:
        if self._busy or self._closing:
            return
        if self.path is None:
            self.form.show_error(self.tr("Pilih berkas cadangan dulu."))
            return
        credentials = self.form.credentials()
        if credentials is None:
            return
        self.discard()
        self.preview.hide()
        self._restorer = (credentials.username.strip().lower()
                          if isinstance(credentials, jobs.PasswordCredentials) else None)
        self._set_busy(True, self.tr("Membuka cadangan… (beberapa detik)"))
        self.runner.run(jobs.open_backup(self.path, credentials), self._on_opened,
                        self._on_open_failed)

    def _on_opened(self, opened: OpenedBackup) -> None:
        self._set_busy(False)
        self.opened = opened
        if self._closing:
            self._finish_cancel()
            return
        self.form.clear_secrets()
        self.preview.show_manifest(opened.path.name, opened.manifest, self.tz)
        self.preview.show()
        if opened.manifest.schema > LATEST:
            self._refuse(AppError(ErrorCode.SCHEMA_TOO_NEW))
            return
        self._start_check(opened)

    def _on_open_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if self._closing:
            self._finish_cancel()
            return
        self.form.password.clear()
        self.form.show_error(message_for(error))

    # --- checking ------------------------------------------------------------------------

    def _start_check(self, opened: OpenedBackup) -> None:
        self.preview.set_check(self.tr("Sedang diperiksa…"), failed=False)
        self._set_busy(True, self.tr("Memeriksa keutuhan cadangan… (dapat beberapa menit "
                                     "untuk cadangan yang besar)"))
        self.runner.run(jobs.verify(opened), self._on_checked, self._on_check_failed)

    def _on_checked(self, result: object) -> None:
        del result
        self._set_busy(False)
        if self._closing:
            self._finish_cancel()
            return
        self._verified = True
        self.preview.set_check(self.tr("Utuh: enkripsi, keutuhan basis data dan sidik isi "
                                       "cocok."), failed=False)
        self.status.setText(self.tr("Periksa tanggal dan jumlah kasus di atas. Bila benar, "
                                    "tekan \"Pulihkan…\"."))
        self._update_buttons()
        self.restore_button.setFocus()

    def _on_check_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if self._closing:
            self._finish_cancel()
            return
        self._refuse(error)

    def _refuse(self, error: BaseException) -> None:
        """The backup cannot be used: say why, wipe its key, keep the facts on screen."""
        self.discard()
        self.preview.set_check(message_for(error), failed=True)
        self.status.setText(self.tr("Data posko tidak diubah. Pilih berkas cadangan lain."))
        self._update_buttons()

    # --- finishing -----------------------------------------------------------------------

    def _on_restore_clicked(self) -> None:
        if self.opened is None or not self._verified or not self._confirmed(self.opened):
            return
        self.accept()

    def _confirmed(self, opened: OpenedBackup) -> bool:
        facts = (self.tr("cadangan tanggal %1 (%2 kasus)")
                 .replace("%1", created_text(opened.manifest, self.tz))
                 .replace("%2", str(opened.manifest.cases)))
        if self.fresh:
            return ConfirmDialog.ask(self, self.tr("Pasang data dari cadangan?"), self.tr(
                "Data dari %1 akan dipasang di komputer ini. Sesudahnya masuk dengan nama "
                "pengguna dan kata sandi yang ada di cadangan.").replace("%1", facts),
                self.tr("Pulihkan"))
        return ConfirmDialog.ask(self, self.tr("Ganti data posko dengan isi cadangan?"), self.tr(
            "Data posko yang sekarang akan diganti dengan %1. Data yang sekarang tidak "
            "dihapus: disimpan utuh sebagai salinan pengaman di sebelah folder data. Apa pun "
            "yang dicatat sesudah cadangan dibuat tidak ada dalam cadangan. Aplikasi akan "
            "dikunci; sesudahnya masuk dengan akun yang ada di cadangan.").replace("%1", facts),
            self.tr("Ya, pulihkan"), danger=True)

    def take_chosen(self) -> ChosenBackup | None:
        """Hand the opened backup over (the receiver owns its key from now on)."""
        if self.opened is None or not self._verified:
            return None
        chosen = ChosenBackup(self.opened, self._restorer)
        self.opened = None
        return chosen

    def discard(self) -> None:
        """Wipe the key of the opened backup, if any."""
        opened, self.opened = self.opened, None
        self._verified = False
        if opened is not None:
            opened.close()

    def reject(self) -> None:
        """Cancel. While a job runs, wait for it (its result holds a key to wipe)."""
        if self._busy:
            self._closing = True
            self.status.setText(self.tr("Membatalkan… tunggu sebentar."))
            self._update_buttons()
            return
        self.discard()
        super().reject()

    def _finish_cancel(self) -> None:
        self._closing = False
        self.discard()
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, runner: TaskRunner, *, fresh: bool,
            tz: timezone | None = None) -> ChosenBackup | None:
        """The verified, confirmed backup to restore, or ``None`` (nothing was changed)."""
        dialog = cls(runner, fresh, tz or zone(IndonesianTimeZone.WIB), parent)
        accepted = cls.launch(dialog)
        chosen = dialog.take_chosen() if accepted else None
        dialog.discard()
        dialog.deleteLater()
        return chosen

    @staticmethod
    def launch(dialog: RestoreDialog) -> bool:
        """Run ``dialog`` modally; True when the officer confirmed. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted
