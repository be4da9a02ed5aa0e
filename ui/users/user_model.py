"""The officer accounts as a table: username, full name, role, status, temporary password."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel

from app.domain.models import User
from ui.i18n import QT_TRANSLATE_NOOP, label_text
from ui.models.row_table import RowTableModel, sorting_proxy

_CTX = "UserTableModel"


class Column(IntEnum):
    USERNAME = 0
    DISPLAY_NAME = 1
    ROLE = 2
    STATUS = 3
    MUST_CHANGE = 4


HEADERS = {
    Column.USERNAME: QT_TRANSLATE_NOOP(_CTX, "Nama pengguna"),
    Column.DISPLAY_NAME: QT_TRANSLATE_NOOP(_CTX, "Nama lengkap"),
    Column.ROLE: QT_TRANSLATE_NOOP(_CTX, "Peran"),
    Column.STATUS: QT_TRANSLATE_NOOP(_CTX, "Status"),
    Column.MUST_CHANGE: QT_TRANSLATE_NOOP(_CTX, "Harus ganti kata sandi"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class UserTableModel(RowTableModel[User]):
    """Read-only; reloaded as a whole after every change (a few dozen accounts at most)."""

    #: The account's username (survives ``mapToSource``).
    UsernameRole = RowTableModel.FirstCustomRole
    HEADERS = tuple(HEADERS[column] for column in Column)
    TR_CONTEXT = _CTX

    def __init__(self, own_user_id: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._own_id = own_user_id

    def set_users(self, users: Iterable[User]) -> None:
        self.set_rows(list(users))

    def user_at(self, row: int) -> User:
        return self.row_at(row)

    def row_of(self, username: str) -> int | None:
        return next((row for row, user in enumerate(self._rows) if user.username == username),
                    None)

    def display(self, row: User, column: int) -> str:
        if column == Column.USERNAME:
            return row.username
        if column == Column.DISPLAY_NAME:
            return row.display_name + (tr(" (Anda)") if row.id == self._own_id else "")
        if column == Column.ROLE:
            return label_text(row.role)
        if column == Column.STATUS:
            return tr("Aktif") if row.active else tr("Nonaktif")
        return tr("Ya") if row.must_change_password else tr("Tidak")

    def sort_key(self, row: User, column: int) -> str | float:
        if column == Column.STATUS:
            return int(not row.active)
        if column == Column.MUST_CHANGE:
            return int(row.must_change_password)
        return self.display(row, column).casefold()

    def row_id(self, row: User) -> int:
        return row.id

    def custom(self, row: User, role: int) -> object:
        return row.username if role == self.UsernameRole else None


def user_proxy(model: UserTableModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    return sorting_proxy(model, parent)
