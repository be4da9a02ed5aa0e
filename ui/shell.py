"""The one main window: setup wizard, unlock screen or the workspace — and locking.

Locking (Ctrl+L, the Kunci button, the idle timer, or F12 quick-hide) saves pending input,
destroys the workspace and every page in it (no case data stays in any widget), closes the
session in the DB thread, and shows the unlock screen. Unlocking as the same officer returns
to the same place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from app.errors import ErrorCode, StorageError
from app.services.vault import Vault, VaultState
from ui import clipboard, jobs, session_watch
from ui.backend import Backend
from ui.errors import message_for, show_error
from ui.idle import IdleWatcher
from ui.pages.unlock_page import UnlockPage
from ui.workers import QtTaskRunner, TaskRunner

if TYPE_CHECKING:  # built at the first unlock: every page, and through them the document
    # renderers, would otherwise load before the unlock window shows (start-up, ``make bench``)
    # — and likewise the backup reader, which only a restore needs
    from app.backup.files import OpenedBackup
    from ui.workspace import Workspace

QUICK_HIDE_KEY = "F12"
LOCK_KEY = "Ctrl+L"
MINUTE_MS = 60_000
CHECK_POLL_MS = 500  # how often the shell asks whether the check beside the session has ended


class Shell(QMainWindow):
    def __init__(self, vault: Vault, runner: TaskRunner | None = None, *, demo: bool = False,
                 demo_hint: str | None = None, idle_ms: int | None = None) -> None:
        super().__init__()
        self.runner: TaskRunner = runner or QtTaskRunner(Backend(vault), self)
        self._vault = vault
        self._demo = demo
        self._idle_ms = idle_ms
        self._return_to: tuple[int, dict[str, Any]] | None = None
        self._session_watch = False
        self.workspace: Workspace | None = None
        self.setup_wizard: QWidget | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.unlock_page = UnlockPage(self.runner, demo_hint, self)
        self.unlock_page.unlocked.connect(self._on_unlocked)
        self.unlock_page.restore_requested.connect(self.restore_backup)
        self.stack.addWidget(self.unlock_page)
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self._on_idle)
        self._check_poll = QTimer(self)
        self._check_poll.setInterval(CHECK_POLL_MS)
        self._check_poll.timeout.connect(self._poll_unlock_check)
        self._shortcuts()
        self._update_title("")
        self.resize(1280, 720)
        self._start()

    def _shortcuts(self) -> None:
        for key, slot in ((LOCK_KEY, self._on_lock_shortcut),
                          (QUICK_HIDE_KEY, self.quick_hide)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(slot)

    def _start(self) -> None:
        if self._vault.state() is VaultState.READY:
            self._show_unlock()
        else:
            self._show_setup()

    def _show_setup(self) -> None:
        from ui.setup.wizard import SetupWizard  # only a fresh PC needs it

        wizard = SetupWizard(self.runner, self)
        wizard.completed.connect(self._on_unlocked)
        wizard.restore_requested.connect(self.restore_backup)
        self.setup_wizard = wizard
        self.stack.addWidget(wizard)
        self.stack.setCurrentWidget(wizard)

    def _show_unlock(self, username: str = "") -> None:
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.reset(username)

    # --- unlocked ------------------------------------------------------------------------

    def _on_unlocked(self, result: object) -> None:
        assert isinstance(result, jobs.Unlocked)
        if self.setup_wizard is not None:
            self.stack.removeWidget(self.setup_wizard)
            self.setup_wizard.deleteLater()
            self.setup_wizard = None
        from ui.workspace import Workspace

        workspace = Workspace({"runner": self.runner, "user": result.user,
                               "settings": result.settings, "demo": self._demo,
                               "clock": self._vault.clock}, self)
        workspace.lock_requested.connect(self._on_lock_button)
        workspace.title_changed.connect(self._update_title)
        workspace.auto_lock_changed.connect(self._on_auto_lock_changed)
        workspace.restore_requested.connect(self.restore_backup)
        self.workspace = workspace
        self.stack.addWidget(workspace)
        self.stack.setCurrentWidget(workspace)
        back = self._return_to
        self._return_to = None
        workspace.restore(back[1] if back and back[0] == result.user.id else {})
        minutes = result.settings.auto_lock_minutes
        self.idle.start(self._idle_ms if self._idle_ms is not None else minutes * MINUTE_MS)
        self._check_poll.start()

    def _poll_unlock_check(self) -> None:
        self.runner.run(jobs.unlock_check_passed, self._on_unlock_check)

    def _on_unlock_check(self, passed: object) -> None:
        if passed is None or self.workspace is None:
            return  # still running, or locked meanwhile (the next unlock checks again)
        self._check_poll.stop()
        if passed is False:
            self._on_damaged()

    def _on_damaged(self) -> None:
        """The whole-file check found damage: leave the vault at once and offer a restore.

        Pending input is not saved: the damaged vault refuses every write.
        """
        workspace = self.workspace
        if workspace is None:
            return
        username = workspace.ctx.user.username
        self._leave_workspace(workspace, "damaged")
        self._show_unlock(username)
        self.unlock_page.show_failure(StorageError(ErrorCode.INTEGRITY_FAILED))

    # --- locking -------------------------------------------------------------------------

    def lock(self, reason: str = "manual") -> None:
        """Save pending input, destroy every case widget, close the session."""
        workspace = self.workspace
        if workspace is None:
            return
        workspace.flush()
        self._return_to = (workspace.ctx.user.id, workspace.location())
        username = workspace.ctx.user.username
        self._leave_workspace(workspace, reason)
        self._show_unlock(username)

    def _leave_workspace(self, workspace: Workspace, reason: str) -> None:
        """Destroy every case widget and close the session in the DB thread."""
        self.workspace = None
        self.idle.stop()
        self._check_poll.stop()
        self.stack.removeWidget(workspace)
        workspace.hide()
        workspace.deleteLater()
        self.runner.run(jobs.lock(reason))
        self._clear_clipboard()
        self._update_title("")

    def restore_backup(self, opened: OpenedBackup, restorer: str | None) -> None:
        """Replace the vault with a backup (from Data & Cadangan or the setup wizard)."""
        self.lock("restore")
        self._show_unlock()
        self.unlock_page.show_notice(self.tr("Memulihkan data dari cadangan…"))
        self.runner.run(jobs.restore_backup(opened, restorer), self._on_restored,
                        self._on_restore_failed)

    def _on_restored(self, result: object) -> None:
        assert isinstance(result, jobs.Restored)
        if self.setup_wizard is not None:
            self.stack.removeWidget(self.setup_wizard)
            self.setup_wizard.deleteLater()
            self.setup_wizard = None
        self._return_to = None
        text = self.tr("Data dipulihkan dari cadangan. Masuk dengan akun yang ada di cadangan.")
        if result.safety_copy:
            text += " " + self.tr("Data sebelumnya disimpan sebagai salinan pengaman di: %1"
                                  ).replace("%1", result.safety_copy)
        self._show_unlock()
        self.unlock_page.show_notice(text)

    def _on_restore_failed(self, error: BaseException) -> None:
        if self.setup_wizard is not None:
            self.stack.setCurrentWidget(self.setup_wizard)
            show_error(self.setup_wizard, error)
            return
        self._show_unlock()
        self.unlock_page.message.setText(message_for(error) + " " + self.tr(
            "Data yang sekarang tidak diubah."))

    def quick_hide(self) -> None:
        """Lock at once and get the window out of sight (someone walked in)."""
        self.lock("quick_hide")
        self.showMinimized()

    def _on_lock_shortcut(self) -> None:
        self.lock("shortcut")

    def _on_lock_button(self) -> None:
        self.lock("manual")

    def _on_auto_lock_changed(self, minutes: int) -> None:
        if self._idle_ms is None:
            self.idle.start(minutes * MINUTE_MS)

    def _on_idle(self) -> None:
        self.lock("auto_lock")

    @staticmethod
    def _clear_clipboard() -> None:
        clipboard.clear_if_ours()

    def _update_title(self, code: str) -> None:
        title = self.tr("Posko PPKS") + (self.tr(" (DEMO)") if self._demo else "")
        self.setWindowTitle(f"{title} — {code}" if code else title)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._session_watch:
            self._session_watch = session_watch.register(int(self.winId()))

    def nativeEvent(self, event_type: Any, message: Any) -> Any:
        """Windows: lock with the OS screen lock or a user switch."""
        if session_watch.should_lock(*session_watch.message_fields(event_type, message)):
            self.lock("os_session_lock")
        return super().nativeEvent(event_type, message)

    # --- exit ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workspace is not None:
            self.workspace.flush()
        clipboard.clear_if_ours()
        self.idle.stop()  # its activity filter leaves the application too
        self.runner.shutdown()
        event.accept()
