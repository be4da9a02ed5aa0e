"""The officer accounts as a table: username, full name, role, status, temporary password."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.domain.models import User
from ui.i18n import QT_TRANSLATE_NOOP, label_text

_CTX = "UserTableModel"
_ROOT = QModelIndex()


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


class UserTableModel(QAbstractTableModel):
    """Read-only; reloaded as a whole after every change (a few dozen accounts at most)."""

    #: A comparable value for sorting.
    SortRole = Qt.ItemDataRole.UserRole
    #: The account's username (survives ``mapToSource``).
    UsernameRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, own_user_id: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[User] = []
        self._own_id = own_user_id

    def set_users(self, users: Iterable[User]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user_at(self, row: int) -> User:
        return self._users[row]

    def row_of(self, username: str) -> int | None:
        return next((row for row, user in enumerate(self._users) if user.username == username),
                    None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(Column)):
            return tr(HEADERS[Column(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._users):
            return None
        user = self._users[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(user, column)
        if role == self.SortRole:
            return self._sort_key(user, column)
        if role == self.UsernameRole:
            return user.username
        return None

    def _display(self, user: User, column: Column) -> str:
        if column is Column.USERNAME:
            return user.username
        if column is Column.DISPLAY_NAME:
            return user.display_name + (tr(" (Anda)") if user.id == self._own_id else "")
        if column is Column.ROLE:
            return label_text(user.role)
        if column is Column.STATUS:
            return tr("Aktif") if user.active else tr("Nonaktif")
        return tr("Ya") if user.must_change_password else tr("Tidak")

    def _sort_key(self, user: User, column: Column) -> str | int:
        if column is Column.STATUS:
            return int(not user.active)
        if column is Column.MUST_CHANGE:
            return int(user.must_change_password)
        return self._display(user, column).casefold()


def user_proxy(model: UserTableModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    """Sorting on the model's native keys."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(UserTableModel.SortRole)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
