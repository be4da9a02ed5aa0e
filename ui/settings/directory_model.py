"""The referral directory as an editable table (Pengaturan → Direktori rujukan).

A saved recipient's key cannot be edited: referrals already recorded point to it. Such a
recipient is best switched off ("Aktif") rather than deleted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.domain.enums import RecipientKind
from app.domain.settings import Recipient
from ui.i18n import QT_TRANSLATE_NOOP, label_text

_CTX = "RecipientTableModel"
_ROOT = QModelIndex()
NEW_KEY = "lembaga_baru"


class Column(IntEnum):
    KEY = 0
    KIND = 1
    NAME = 2
    ADDRESSEE = 3
    ATTENTION = 4
    ADDRESS = 5
    PHONE = 6
    ACTIVE = 7


#: Column → (Recipient attribute, header).
COLUMNS: dict[Column, tuple[str, str]] = {
    Column.KEY: ("key", QT_TRANSLATE_NOOP(_CTX, "Kunci")),
    Column.KIND: ("kind", QT_TRANSLATE_NOOP(_CTX, "Jenis")),
    Column.NAME: ("name", QT_TRANSLATE_NOOP(_CTX, "Nama lembaga")),
    Column.ADDRESSEE: ("addressee", QT_TRANSLATE_NOOP(_CTX, "Jabatan yang dituju")),
    Column.ATTENTION: ("attention", QT_TRANSLATE_NOOP(_CTX, "u.p.")),
    Column.ADDRESS: ("address", QT_TRANSLATE_NOOP(_CTX, "Alamat")),
    Column.PHONE: ("phone", QT_TRANSLATE_NOOP(_CTX, "Telepon")),
    Column.ACTIVE: ("active", QT_TRANSLATE_NOOP(_CTX, "Aktif")),
}
OPTIONAL = frozenset({"attention", "address", "phone"})
_TEXT = frozenset({Column.KEY, Column.NAME, Column.ADDRESSEE, Column.ATTENTION,
                   Column.ADDRESS, Column.PHONE})


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def header(column: Column) -> str:
    return tr(COLUMNS[column][1])


class RecipientTableModel(QAbstractTableModel):
    """Rows are :class:`Recipient` values; every edit replaces the row's value."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Recipient] = []
        self._saved_keys: frozenset[str] = frozenset()

    # --- whole-table operations ----------------------------------------------------------

    def set_recipients(self, recipients: Iterable[Recipient]) -> None:
        self.beginResetModel()
        self._rows = list(recipients)
        self._saved_keys = frozenset(r.key for r in self._rows)
        self.endResetModel()

    def recipients(self) -> tuple[Recipient, ...]:
        return tuple(self._rows)

    def add_recipient(self) -> int:
        """A new, empty "Lainnya" row with an unused key; returns its row."""
        keys = {r.key for r in self._rows}
        key = next(k for k in (f"{NEW_KEY}_{n}" if n else NEW_KEY for n in range(1000))
                   if k not in keys)
        row = len(self._rows)
        self.beginInsertRows(_ROOT, row, row)
        self._rows.append(Recipient(key, RecipientKind.LAINNYA, "", ""))
        self.endInsertRows()
        return row

    def remove_recipient(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(_ROOT, row, row)
            del self._rows[row]
            self.endRemoveRows()

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(Column):
            return header(Column(section))
        return str(section + 1) if orientation is Qt.Orientation.Vertical else None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = Column(index.column())
        if column is Column.ACTIVE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column is Column.KEY and self._rows[index.row()].key in self._saved_keys:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        recipient = self._rows[index.row()]
        column = Column(index.column())
        value = getattr(recipient, COLUMNS[column][0])
        if column is Column.ACTIVE:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return label_text(value) if column is Column.KIND else value or ""
        if role == Qt.ItemDataRole.EditRole:
            return value if column is Column.KIND else value or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(recipient, column)
        return None

    def _tooltip(self, recipient: Recipient, column: Column) -> str | None:
        if column is Column.KEY and recipient.key in self._saved_keys:
            return tr("Kunci lembaga yang sudah tersimpan tidak dapat diubah: rujukan yang "
                      "tercatat memakainya.")
        value = getattr(recipient, COLUMNS[column][0])
        return value if column in _TEXT and value else None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.flags(index) & (
                Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable):
            return False
        column = Column(index.column())
        changed = self._changed(self._rows[index.row()], column, value, role)
        if changed is None:
            return False
        self._rows[index.row()] = changed
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    @staticmethod
    def _changed(recipient: Recipient, column: Column, value: Any,
                 role: int) -> Recipient | None:
        name = COLUMNS[column][0]
        if column is Column.ACTIVE and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
            return dataclasses.replace(recipient, active=checked)
        if role != Qt.ItemDataRole.EditRole:
            return None
        if column is Column.KIND:
            kind = _kind(value)
            return None if kind is None else dataclasses.replace(recipient, kind=kind)
        if column in _TEXT and isinstance(value, str):
            text: str | None = value.strip()
            if name in OPTIONAL and not text:
                text = None
            changes: dict[str, Any] = {name: text}
            return dataclasses.replace(recipient, **changes)
        return None


def _kind(value: Any) -> RecipientKind | None:
    """The kind from an editor (a member, or its code after a trip through Qt)."""
    try:
        return RecipientKind(value)
    except ValueError:
        return None
