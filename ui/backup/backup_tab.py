"""Data & Cadangan → Cadangan (koordinator): the last good backup, the reminder, making a
verified backup on a flashdisk, the history (stale backups marked), and restoring.

A backup counts only once the core has opened it again and checked it; every failure
(flashdisk pulled out, full, read-only, failed check) is said plainly and leaves no file that
claims to be good.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ErrorCode
from ui.backup import jobs
from ui.backup.choosers import BackupFolderDialog
from ui.backup.history_model import BackupHistoryModel, Column, history_proxy
from ui.backup.preview import moment_text
from ui.backup.restore_dialog import RestoreDialog
from ui.context import UiContext
from ui.errors import message_for
from ui.i18n import QT_TRANSLATE_NOOP

_CTX = "BackupTab"
PROGRESS_MS = 250
#: The target-side meaning of storage errors (the generic texts speak of the data folder).
TARGET_MESSAGES = {
    ErrorCode.DISK_FULL: QT_TRANSLATE_NOOP(
        _CTX, "Flashdisk atau disk tujuan penuh. Kosongkan ruang atau pilih tempat lain, lalu "
        "coba lagi."),
    ErrorCode.READ_ONLY: QT_TRANSLATE_NOOP(
        _CTX, "Folder tujuan tidak dapat ditulis (flashdisk terkunci atau hanya-baca?). Pilih "
        "folder lain."),
    ErrorCode.STORAGE_FAILED: QT_TRANSLATE_NOOP(
        _CTX, "Berkas cadangan gagal ditulis. Coba lagi, sebaiknya ke flashdisk lain."),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def failure_text(error: BaseException) -> str:
    """Why no backup was made, in the words of the place it was going to."""
    if isinstance(error, jobs.BackupInsideVault):
        return tr("Folder itu adalah folder data posko sendiri. Pilih flashdisk atau disk "
                  "lain.")
    if isinstance(error, AppError) and error.code in TARGET_MESSAGES:
        return tr(TARGET_MESSAGES[error.code])
    return message_for(error)


def progress_text(percent: int) -> str:
    step = (tr("Membuat salinan…") if percent < 40 else
            tr("Menulis berkas cadangan…") if percent < 70 else tr("Memeriksa…"))
    return step + " " + tr("Jangan cabut flashdisk.")


class BackupTab(QWidget):
    """Making and checking backups; restoring goes through :class:`RestoreDialog`."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = BackupHistoryModel(self)
        self.proxy = history_proxy(self.model, self)
        self.view = QTableView(self)
        self.last = QLabel(self)
        self.reminder = self._label("error")
        self.stale = self._label("error")
        self.status = self._label("hint")
        self._progress: jobs.BackupProgress | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._on_progress_tick)
        self.backup_button = QPushButton(tr("Buat cadangan sekarang…"), self)
        self.backup_button.setProperty("role", "primary")
        self.restore_button = QPushButton(tr("Pulihkan dari cadangan…"), self)
        self.backup_button.clicked.connect(self._on_backup_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self._setup_view()
        self._build()

    def _label(self, role: str) -> QLabel:
        label = QLabel(self)
        label.setProperty("role", role)
        label.setWordWrap(True)
        label.hide()
        return label

    def _setup_view(self) -> None:
        view = self.view
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSortingEnabled(True)
        view.sortByColumn(Column.CREATED, Qt.SortOrder.DescendingOrder)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.Stretch)

    def _build(self) -> None:
        advice = QLabel(tr(
            "Simpan cadangan di flashdisk atau disk lain — jangan di folder data posko di "
            "komputer ini. Berkas cadangan terenkripsi: hanya dapat dibuka dengan kata sandi "
            "petugas atau kode pemulihan. Simpan flashdisk di tempat terkunci."), self)
        advice.setWordWrap(True)
        self.last.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        history = QLabel(tr("Riwayat cadangan yang berhasil diperiksa"), self)
        history.setProperty("role", "subtitle")
        column = QVBoxLayout(self)
        for widget in (advice, self.last, self.reminder):
            column.addWidget(widget)
        column.addLayout(actions)
        column.addWidget(self.status)
        column.addWidget(history)
        column.addWidget(self.stale)
        column.addWidget(self.view, 1)

    def activate(self) -> None:
        """Shown: load fresh data."""
        self.ctx.runner.run(jobs.load, self._on_loaded)

    # --- showing -------------------------------------------------------------------------

    def _on_loaded(self, overview: jobs.BackupOverview) -> None:
        last = overview.last_good
        tz = self.ctx.office_tz()
        self.last.setText(tr("Belum ada cadangan yang berhasil diperiksa.") if last is None
                          else tr("Cadangan terakhir: %1 — %2 — %3 kasus")
                          .replace("%1", moment_text(last.created_at, tz))
                          .replace("%2", last.file_name).replace("%3", str(last.cases)))
        self._show(self.reminder, "" if not overview.reminder_due else (
            tr("Belum ada cadangan. Buat cadangan pertama sekarang.") if last is None else
            tr("Cadangan terakhir lebih dari %1 hari yang lalu. Buat cadangan sekarang.")
            .replace("%1", str(overview.reminder_days))))
        self._show(self.stale, "" if not overview.stale else tr(
            "%1 cadangan lebih tua dari masa retensi (%2 tahun): mungkin masih memuat kasus "
            "yang sudah dimusnahkan. Musnahkan berkas itu dari flashdisk atau disk tempat "
            "menyimpannya.").replace("%1", str(len(overview.stale)))
            .replace("%2", str(overview.retention_years)))
        self.model.set_records(overview.history, overview.stale, tz)

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _set_status(self, text: str, *, failed: bool = False) -> None:
        self.status.setProperty("role", "error" if failed else "hint")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self._show(self.status, text)

    def _set_busy(self, busy: bool) -> None:
        self.backup_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)

    # --- making a backup -----------------------------------------------------------------

    def _on_backup_clicked(self) -> None:
        folder = BackupFolderDialog.ask(self)
        if folder is None:
            return
        self._progress = jobs.BackupProgress()
        self._set_busy(True)
        self._set_status(progress_text(0))
        self._timer.start()
        self.ctx.runner.run(jobs.create(folder, self._progress), self._on_backup_made,
                            self._on_backup_failed)

    def _on_progress_tick(self) -> None:
        if self._progress is not None:
            self._set_status(progress_text(self._progress.percent))

    def _stop_progress(self) -> None:
        self._timer.stop()
        self._progress = None
        self._set_busy(False)

    def _on_backup_made(self, made: jobs.BackupMade) -> None:
        self._stop_progress()
        self._on_loaded(made.overview)
        text = (tr("Cadangan selesai dibuat dan diperiksa: %1 (%2 kasus).")
                .replace("%1", str(made.path)).replace("%2", str(made.record.cases)))
        if made.same_disk:
            text += " " + tr("Perhatian: folder itu ada di disk yang sama dengan data posko; "
                             "bila disk rusak, keduanya hilang. Buat juga cadangan di "
                             "flashdisk.")
        self._set_status(text)

    def _on_backup_failed(self, error: BaseException) -> None:
        self._stop_progress()
        self._set_status(tr("Cadangan tidak dibuat.") + " " + failure_text(error),
                         failed=True)

    # --- restoring -----------------------------------------------------------------------

    def _on_restore_clicked(self) -> None:
        chosen = RestoreDialog.ask(self, self.ctx.runner, fresh=False, tz=self.ctx.office_tz())
        if chosen is not None:
            self.ctx.navigator.restore_backup(chosen.opened, chosen.restorer)
