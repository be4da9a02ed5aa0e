"""Lampiran: evidence files kept encrypted in the vault, added and viewed inside the app."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain import workflow
from app.domain.deadlines import zone
from app.domain.settings import OfficeSettings
from ui.case_detail.attachment_model import AttachmentTableModel
from ui.case_detail.data import CaseView
from ui.case_detail.table_view import CaseTableView


class AttachmentsTab(QWidget):
    add_requested = Signal()
    view_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AttachmentTableModel(self)
        self.view = CaseTableView(self.model, self)
        self.add_button = QPushButton(self.tr("Tambah lampiran…"), self)
        self.open_button = QPushButton(self.tr("Lihat"), self)
        self.add_button.clicked.connect(self.add_requested)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        hint = QLabel(self.tr("Lampiran disimpan terenkripsi bersama data kasus dan hanya dibuka "
                              "di dalam aplikasi ini."), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_view(self, view: CaseView, settings: OfficeSettings) -> None:
        self.model.set_attachments(view.attachments, view.officer_names(),
                                   zone(settings.timezone))
        read_only = view.case.status in workflow.READ_ONLY
        self.add_button.setEnabled(not read_only)
        self.add_button.setToolTip(self.tr("Kasus sudah ditutup atau diarsipkan.")
                                   if read_only else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.view.selected_id() is not None)

    def _on_selection_changed(self) -> None:
        self._update_buttons()

    def _on_open_clicked(self) -> None:
        attachment_id = self.view.selected_id()
        if attachment_id is not None:
            self.view_requested.emit(attachment_id)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        del index
        self._on_open_clicked()
