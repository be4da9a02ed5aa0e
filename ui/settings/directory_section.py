"""Referral directory: the recipients of referral and escalation letters, editable in place."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
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

from app.domain.settings import OfficeSettings
from ui.settings.directory_model import COLUMNS, Column, RecipientTableModel, header
from ui.settings.form_errors import ErrorLabel
from ui.settings.kind_delegate import KindDelegate

_CTX = "DirectorySection"
_ROW_PATH = re.compile(r"directory\[(\d+)\](?:\.(\w+))?")
_NARROW = (Column.KEY, Column.KIND, Column.PHONE, Column.ACTIVE)


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class DirectorySection(QWidget):
    """Edits the ``directory`` setting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecipientTableModel(self)
        self.view = QTableView(self)
        self.add_button = QPushButton(tr("Tambah lembaga"), self)
        self.remove_button = QPushButton(tr("Hapus baris terpilih"), self)
        self.error = ErrorLabel(self)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self._setup_view()
        self._build()

    def _setup_view(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setItemDelegateForColumn(Column.KIND, KindDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        heading = view.horizontalHeader()
        heading.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in _NARROW:
            heading.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Names of offices run long: wrap them rather than cut them off (a handful of rows).
        view.setWordWrap(True)
        self.model.modelReset.connect(view.resizeRowsToContents)
        self.model.dataChanged.connect(view.resizeRowsToContents)

    def _build(self) -> None:
        intro = QLabel(tr(
            "Lembaga tujuan surat rujukan dan penerusan. Klik dua kali pada sel untuk "
            "mengubahnya. Lembaga yang pernah dirujuk sebaiknya dinonaktifkan (hapus centang "
            "\"Aktif\"), bukan dihapus."), self)
        intro.setWordWrap(True)
        key_hint = QLabel(tr("Kunci lembaga baru: huruf kecil, angka dan garis bawah, tanpa "
                             "spasi (misalnya lbh_blora)."), self)
        key_hint.setProperty("role", "hint")
        key_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(buttons)
        column.addWidget(self.view, 1)
        column.addWidget(key_hint)
        column.addWidget(self.error)

    def _on_add_clicked(self) -> None:
        row = self.model.add_recipient()
        index = self.model.index(row, Column.NAME)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def _on_remove_clicked(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.model.remove_recipient(current.row())

    # --- section protocol --------------------------------------------------------------

    def load(self, settings: OfficeSettings) -> None:
        self.model.set_recipients(settings.directory)
        self.clear_errors()

    def values(self) -> dict[str, Any]:
        return {"directory": self.model.recipients()}

    def clear_errors(self) -> None:
        self.error.show_text("")

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        """Names row and column of each problem and puts the cursor on the first one."""
        mine = [(path, text) for path, text in errors.items()
                if path == "directory" or path.startswith("directory[")]
        self.error.show_text("\n".join(self._describe(path, text) for path, text in mine))
        for path, _ in mine[:1]:
            self._focus(path)
        return {path: text for path, text in errors.items() if (path, text) not in mine}

    def _describe(self, path: str, text: str) -> str:
        match = _ROW_PATH.fullmatch(path)
        if match is None:
            return text
        where = tr("Baris %1").replace("%1", str(int(match.group(1)) + 1))
        column = self._column(match.group(2))
        return f"{where}{', ' + header(column) if column is not None else ''}: {text}"

    @staticmethod
    def _column(attribute: str | None) -> Column | None:
        return next((c for c, (name, _) in COLUMNS.items() if name == attribute), None)

    def _focus(self, path: str) -> None:
        match = _ROW_PATH.fullmatch(path)
        if match is not None:
            column = self._column(match.group(2)) or Column.NAME
            self.view.setCurrentIndex(self.model.index(int(match.group(1)), column))
