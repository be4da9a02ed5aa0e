"""Unlock screen: username and password, the back-off as a countdown, 'Lupa kata sandi?' —
and, when the vault itself is damaged, the way to a backup (never a "repair")."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, AuthError, ErrorCode
from ui import jobs
from ui.errors import message_for
from ui.widgets.password import PasswordField
from ui.workers import TaskRunner

#: Unlock failures that mean the vault's files are damaged: the only way on is a backup.
DAMAGED = frozenset({ErrorCode.INTEGRITY_FAILED, ErrorCode.NOT_A_VAULT_DB})


class UnlockPage(QWidget):
    """Emits ``unlocked(jobs.Unlocked)`` once the officer is in (new password chosen if due),
    and ``restore_requested(opened, restorer)`` with a verified, confirmed backup."""

    unlocked = Signal(object)
    restore_requested = Signal(object, object)

    def __init__(self, runner: TaskRunner, demo_hint: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._remaining = 0
        self._pending_password: str | None = None
        self._changing: jobs.Unlocked | None = None
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._on_tick)
        self.username = QLineEdit(self)
        self.password = PasswordField(self)
        self.open_button = QPushButton(self.tr("Buka"), self)
        self.open_button.setProperty("role", "primary")
        self.open_button.setDefault(True)
        self.forgot_button = QPushButton(self.tr("Lupa kata sandi?"), self)
        self.forgot_button.setFlat(True)
        self.restore_button = QPushButton(self.tr("Pulihkan dari cadangan…"), self)
        self.restore_button.hide()
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.countdown = QLabel(self)
        self.notice = QLabel(self)
        self.notice.setProperty("role", "banner")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self._build(demo_hint)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.password.edit.returnPressed.connect(self._on_open_clicked)
        self.username.returnPressed.connect(self.password.edit.setFocus)
        self.forgot_button.clicked.connect(self._on_forgot_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)

    def _build(self, demo_hint: str | None) -> None:
        title = QLabel(self.tr("Posko PPKS"), self)
        title.setProperty("role", "title")
        intro = QLabel(self.tr("Data posko terkunci. Masuk dengan akun Anda sendiri."), self)
        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Kata sandi"), self.password)
        box = QWidget(self)
        box.setMaximumWidth(460)
        column = QVBoxLayout(box)
        column.addWidget(title)
        if demo_hint:
            demo = QLabel(demo_hint, self)
            demo.setProperty("role", "demo")
            demo.setWordWrap(True)
            column.addWidget(demo)
        column.addWidget(intro)
        column.addWidget(self.notice)
        column.addLayout(form)
        column.addWidget(self.open_button)
        column.addWidget(self.message)
        column.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.countdown)
        column.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    # --- showing -------------------------------------------------------------------------

    def reset(self, username: str = "") -> None:
        """Back to an empty form (after a lock); keeps the username for convenience."""
        self.username.setText(username)
        self.password.clear()
        self.message.clear()
        self.restore_button.hide()
        self._set_busy(False)
        self._runner.run(jobs.lockout_seconds, self._on_lockout_known)
        (self.password.edit if username else self.username).setFocus()

    def _on_lockout_known(self, seconds: object) -> None:
        if isinstance(seconds, int) and seconds > 0:
            self._start_countdown(seconds)

    def show_notice(self, text: str) -> None:
        """A calm message above the form (not an error), e.g. after a restore."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # --- unlocking -----------------------------------------------------------------------

    def _on_open_clicked(self) -> None:
        if self._remaining > 0 or not self.open_button.isEnabled():
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Isi nama pengguna dan kata sandi."))
            return
        self._set_busy(True)
        self._pending_password = password
        self._runner.run(jobs.unlock(username, password), self._on_unlocked,
                         self._on_unlock_failed)

    def _on_forgot_clicked(self) -> None:
        from ui.dialogs.recovery import RecoveryDialog  # a forgotten password only (start-up)

        answer = RecoveryDialog.ask(self, self.username.text().strip())
        if answer is None:
            return
        self._set_busy(True)
        self._pending_password = None
        self._runner.run(jobs.unlock_with_recovery(*answer), self._on_unlocked,
                         self._on_unlock_failed)

    def show_failure(self, error: BaseException) -> None:
        """Why the vault cannot be opened, with the way to a backup when it is damaged."""
        self.message.setText(message_for(error))
        self.restore_button.setVisible(isinstance(error, AppError) and error.code in DAMAGED)

    def _on_unlock_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        self.show_failure(error)
        if isinstance(error, AuthError) and error.code is ErrorCode.LOCKED_OUT:
            self._start_countdown(int(str(error.params.get("seconds", 30))))
        elif isinstance(error, AuthError) and error.code is ErrorCode.WRONG_CREDENTIALS:
            self._runner.run(jobs.lockout_seconds, self._on_lockout_known)

    def _on_restore_clicked(self) -> None:
        # Imported here: the unlock window is the first screen, and only a damaged vault needs
        # the dialog (start-up time).
        from ui.backup.restore_dialog import RestoreDialog

        chosen = RestoreDialog.ask(self, self._runner, fresh=False)
        if chosen is not None:  # the damaged files are moved aside intact, never rewritten
            self.restore_requested.emit(chosen.opened, chosen.restorer)

    def _on_unlocked(self, result: object) -> None:
        assert isinstance(result, jobs.Unlocked)
        if result.via_recovery or result.user.must_change_password:
            self._ask_new_password(result)
            return
        self._finish(result)

    def _ask_new_password(self, result: jobs.Unlocked) -> None:
        # Imported here: the dialog, and the office settings and models behind office_words,
        # which the unlock window does without (start-up time); the unlock has loaded them.
        from app.services.credentials import office_words
        from ui.dialogs.new_password import NewPasswordDialog

        reason = (self.tr("Anda masuk dengan kode pemulihan. Buat kata sandi baru sekarang.")
                  if result.via_recovery else
                  self.tr("Kata sandi Anda masih sementara. Buat kata sandi baru sekarang."))
        new = NewPasswordDialog.ask(self, result.user.username, reason,
                                    office_words(result.settings.institution))
        if new is None:
            self._runner.run(jobs.lock("password_change_cancelled"))
            self._set_busy(False)
            self.message.setText(self.tr("Kata sandi baru wajib dibuat sebelum bekerja."))
            return
        old = None if result.via_recovery else self._pending_password
        self._changing = result
        self._runner.run(jobs.change_password(new, old), self._on_password_changed,
                         self._on_unlock_failed)

    def _on_password_changed(self, user: object) -> None:
        assert self._changing is not None
        settings = self._changing.settings
        self._changing = None
        self._finish(jobs.Unlocked(user, settings, False))  # type: ignore[arg-type]

    def _finish(self, result: jobs.Unlocked) -> None:
        self._pending_password = None
        self.password.clear()
        self._set_busy(False)
        self.unlocked.emit(result)

    # --- helpers -------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        locked_out = self._remaining > 0
        self.open_button.setEnabled(not busy and not locked_out)
        self.open_button.setText(self.tr("Membuka…") if busy else self.tr("Buka"))
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def _start_countdown(self, seconds: int) -> None:
        self._remaining = seconds
        self._on_tick(advance=False)
        self._countdown.start()

    def _on_tick(self, advance: bool = True) -> None:
        if advance:
            self._remaining = max(0, self._remaining - 1)
        if self._remaining <= 0:
            self._countdown.stop()
            self.countdown.clear()
        else:
            minutes, seconds = divmod(self._remaining, 60)
            self.countdown.setText(self.tr("Coba lagi dalam %1").replace(
                "%1", f"{minutes:02d}:{seconds:02d}"))
        self._set_busy(False)

    @property
    def remaining_seconds(self) -> int:
        return self._remaining
