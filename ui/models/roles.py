"""Item-data roles shared by every list model, so views and proxies need not know the model."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

#: A native, comparable Python value for sorting (datetime, int, str or ``None``).
SORT_ROLE: Final = int(Qt.ItemDataRole.UserRole)
#: The case id of the row (survives ``mapToSource``); absent on rows without a case.
CASE_ID_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1

#: Any index a model method may receive.
Index = QModelIndex | QPersistentModelIndex
#: The invisible root: the default ``parent`` of ``rowCount``/``columnCount`` in flat tables.
ROOT: Final = QModelIndex()
