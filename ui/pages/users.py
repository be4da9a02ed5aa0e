"""Pengguna (koordinator): accounts, temporary passwords, roles, and the recovery code.

Temporary passwords and recovery codes are shown once in a dialog and never kept by the page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
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

from app.domain.enums import Role
from app.domain.models import User
from app.errors import AuthError, ErrorCode
from ui.context import UiContext
from ui.errors import field_errors, message_for, show_error
from ui.pages.base import Page
from ui.setup.confirm_dialog import ConfirmDialog
from ui.users import jobs, rotate_key
from ui.users.add_user_dialog import AddUserDialog
from ui.users.jobs import NewRecoveryCode, NewUser, UsersChanged
from ui.users.recovery_code_dialog import NewRecoveryCodeDialog
from ui.users.role_dialog import ChangeRoleDialog
from ui.users.rotate_key import RotatedNotice
from ui.users.temporary_password_dialog import TemporaryPasswordDialog
from ui.users.user_model import Column, UserTableModel, user_proxy
from ui.workers import DoneCallback, ErrorCallback, Job

_CTX = "UsersPage"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _fill(text: str, user: User) -> str:
    return text.replace("%1", user.display_name).replace("%2", user.username)


class UsersPage(Page):
    """The account table with one button per action on the selected account."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = UserTableModel(ctx.user.id, self)
        self.proxy = user_proxy(self.model, self)
        self.view = QTableView(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self._pending_new: NewUser | None = None
        self._done_message = ""
        self._access_lost = False
        self._make_buttons()
        self._setup_view()
        self._build()
        self._update_buttons()

    def _make_buttons(self) -> None:
        self.add_button = QPushButton(tr("Tambah pengguna"), self)
        self.add_button.setProperty("role", "primary")
        self.disable_button = QPushButton(tr("Nonaktifkan"), self)
        self.reset_button = QPushButton(tr("Atur ulang kata sandi"), self)
        self.reset_button.setToolTip(tr("Juga mengaktifkan kembali akun yang nonaktif."))
        self.role_button = QPushButton(tr("Ubah peran"), self)
        self.recovery_button = QPushButton(tr("Buat kode pemulihan baru"), self)
        self.rotate_button = QPushButton(tr("Ganti kunci basis data"), self)
        self.rotate_button.setToolTip(rotate_key.explanation())
        for button, slot in ((self.add_button, self._on_add_clicked),
                             (self.rotate_button, self._on_rotate_clicked),
                             (self.disable_button, self._on_disable_clicked),
                             (self.reset_button, self._on_reset_clicked),
                             (self.role_button, self._on_role_clicked),
                             (self.recovery_button, self._on_recovery_clicked)):
            button.clicked.connect(slot)

    def _setup_view(self) -> None:
        view = self.view
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSortingEnabled(True)
        view.sortByColumn(Column.USERNAME, Qt.SortOrder.AscendingOrder)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _build(self) -> None:
        title = QLabel(tr("Pengguna"), self)
        title.setProperty("role", "title")
        intro = QLabel(tr("Setiap petugas memakai akunnya sendiri. Akun yang dinonaktifkan "
                          "tidak dapat membuka aplikasi, tetapi riwayat kerjanya tetap "
                          "tercatat."), self)
        intro.setWordWrap(True)
        actions = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.reset_button,
                       self.role_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.recovery_button)
        actions.addWidget(self.rotate_button)
        key_hint = QLabel(rotate_key.explanation(), self)
        key_hint.setProperty("role", "hint")
        key_hint.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addWidget(intro)
        column.addLayout(actions)
        column.addWidget(self.view, 1)
        column.addWidget(self.status)
        column.addWidget(key_hint)

    # --- Page --------------------------------------------------------------------------

    def activate(self, **params: Any) -> None:
        del params
        self._run(jobs.load, self._on_users_changed)

    # --- selection ---------------------------------------------------------------------

    def selected_user(self) -> User | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.user_at(self.proxy.mapToSource(rows[0]).row())

    def select(self, username: str) -> None:
        row = self.model.row_of(username)
        if row is not None:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _on_selection_changed(self, selected: QItemSelection,
                              deselected: QItemSelection) -> None:
        del selected, deselected
        self._update_buttons()

    def _update_buttons(self, busy: bool = False) -> None:
        busy = busy or self._access_lost
        user = None if busy else self.selected_user()
        own = user is not None and user.id == self.ctx.user.id
        self.add_button.setEnabled(not busy)
        self.recovery_button.setEnabled(not busy)
        self.rotate_button.setEnabled(not busy)
        self.disable_button.setEnabled(user is not None and user.active and not own)
        self.reset_button.setEnabled(user is not None and not own)
        self.role_button.setEnabled(user is not None and user.active)

    # --- actions -----------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        self._ask_new_user(NewUser("", "", Role.PETUGAS), {})

    def _ask_new_user(self, initial: NewUser, errors: dict[str, str]) -> None:
        answer = AddUserDialog.ask(self, initial, errors)
        if answer is None:
            return
        self._pending_new = answer
        self._done_message = tr("Akun %1 dibuat.").replace("%1", answer.username.strip())
        self._run(jobs.add(answer), self._on_password_given, self._on_add_failed)

    def _on_add_failed(self, error: BaseException) -> None:
        self._update_buttons()
        fields = field_errors(error)
        if isinstance(error, AuthError) and error.code is ErrorCode.USER_EXISTS:
            fields = {"username": message_for(error)}
        pending, self._pending_new = self._pending_new, None
        if not fields or pending is None:
            show_error(self, error)
            return
        self._ask_new_user(pending, fields)  # the same values, now with the reasons

    def _on_disable_clicked(self) -> None:
        user = self.selected_user()
        if user is None or not ConfirmDialog.ask(
                self, tr("Nonaktifkan akun?"), _fill(tr(
                    "Akun %1 (%2) tidak dapat lagi membuka aplikasi; kata sandinya langsung "
                    "tidak berlaku. Riwayat kerjanya tetap tercatat. Akun dapat diaktifkan "
                    "lagi dengan \"Atur ulang kata sandi\"."), user),
                tr("Nonaktifkan"), danger=True):
            return
        self._done_message = _fill(tr("Akun %2 dinonaktifkan."), user)
        self._run(jobs.remove(user.username), self._on_users_changed)

    def _on_reset_clicked(self) -> None:
        user = self.selected_user()
        if user is None or not ConfirmDialog.ask(
                self, tr("Atur ulang kata sandi?"), _fill(tr(
                    "Kata sandi %1 (%2) yang sekarang langsung tidak berlaku. Anda akan "
                    "mendapat kata sandi sementara untuk diserahkan langsung kepadanya."), user),
                tr("Atur ulang")):
            return
        self._done_message = _fill(tr("Kata sandi %2 diatur ulang."), user)
        self._run(jobs.reset_password(user.username), self._on_password_given)

    def _on_role_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        role = ChangeRoleDialog.ask(self, user, user.id == self.ctx.user.id)
        if role is None or role is user.role:
            return
        self._done_message = _fill(tr("Peran %2 diubah."), user)
        self._run(jobs.set_role(user.username, role), self._on_users_changed)

    def _on_recovery_clicked(self) -> None:
        if ConfirmDialog.ask(self, tr("Buat kode pemulihan baru?"), tr(
                "Kode pemulihan yang lama (lembar di amplop) langsung tidak berlaku begitu kode "
                "baru dibuat. Siapkan printer atau kertas untuk kode baru, lalu ganti isi "
                "amplop di brankas."), tr("Buat kode baru"), danger=True):
            self._done_message = tr("Kode pemulihan baru dibuat. Musnahkan lembar yang lama.")
            self._run(jobs.new_recovery_code, self._on_recovery_code)

    def _on_rotate_clicked(self) -> None:
        if not rotate_key.confirmed(self):
            return
        self._update_buttons(busy=True)
        self.status.setText(tr("Mengganti kunci basis data… Jangan matikan komputer."))
        self.ctx.runner.run(jobs.rotate_key, self._on_key_rotated, self._on_rotate_failed)

    def _on_key_rotated(self, result: object) -> None:
        """The session has ended: lock (this page goes), then say what to do next."""
        del result
        window = self.window()
        self.ctx.navigator.lock()
        RotatedNotice.launch(window)

    def _on_rotate_failed(self, error: BaseException) -> None:
        self._on_failed(error)
        self.ctx.runner.run(jobs.session_open, self._on_session_checked)

    def _on_session_checked(self, still_open: bool) -> None:
        if not still_open:
            self.ctx.navigator.lock()

    # --- results -----------------------------------------------------------------------

    def _run(self, job: Job, on_done: DoneCallback,
             on_error: ErrorCallback | None = None) -> None:
        self.status.clear()
        self._update_buttons(busy=True)
        self.ctx.runner.run(job, on_done, on_error or self._on_failed)

    def _on_users_changed(self, result: UsersChanged) -> None:
        self.model.set_users(result.users)
        if result.lost_access:
            self._on_access_lost()
            return
        if result.username:
            self.select(result.username)
        self._update_buttons()
        self.status.setText(self._done_message)
        self._done_message = ""

    def _on_password_given(self, result: UsersChanged) -> None:
        self._pending_new = None
        self._on_users_changed(result)
        user = next(u for u in result.users if u.username == result.username)
        if result.temporary_password:
            TemporaryPasswordDialog.launch(self, user.username, user.display_name,
                                           result.temporary_password)

    def _on_access_lost(self) -> None:
        self._access_lost = True
        self._update_buttons()
        self.status.setText(tr("Peran Anda sudah diubah, jadi Anda tidak lagi mengelola "
                               "pengguna. Kunci aplikasi (Ctrl+L) lalu buka lagi."))

    def _on_recovery_code(self, result: NewRecoveryCode) -> None:
        self._update_buttons()
        settings = self.ctx.settings  # the sheet carries the office's kop data and paper
        NewRecoveryCodeDialog.launch(self, result.code, settings.institution,
                                     settings.paper_size)
        self.status.setText(self._done_message)

    def _on_failed(self, error: BaseException) -> None:
        self._update_buttons()
        self._done_message = ""
        show_error(self, error)
