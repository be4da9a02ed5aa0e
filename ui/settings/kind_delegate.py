"""Edits a recipient's kind with a drop-down of the Indonesian labels."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain.enums import RecipientKind
from ui.widgets.choices import CodedCombo


class KindDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        del option, index
        return CodedCombo(RecipientKind, parent)

    def setEditorData(self, editor: QWidget,
                      index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, CodedCombo):
            editor.set_value(RecipientKind(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, CodedCombo):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
