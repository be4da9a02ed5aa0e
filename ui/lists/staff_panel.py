"""Beranda for koordinator and petugas: what needs doing now, open cases, own recent work and
unfinished intake forms. Case codes only — no victim names on this page."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QAbstractItemModel, Signal
from PySide6.QtWidgets import QGridLayout, QHeaderView, QLabel, QPushButton, QWidget

from ui.lists.card import Card
from ui.lists.jobs import HomeData
from ui.lists.table_view import ListTableView
from ui.models.case_brief import CaseBriefModel
from ui.models.case_table import OPEN_STATUSES
from ui.models.deadlines import DeadlineColumn, DeadlineTableModel
from ui.models.status_counts import StatusCountModel

STATUS_ROWS = len(OPEN_STATUSES)


class StaffPanel(QWidget):
    """Four cards; double-click (or Enter) on a row opens the case or resumes its form."""

    case_open_requested = Signal(int)
    resume_requested = Signal(int)

    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deadlines = DeadlineTableModel(tz, self)
        self.status_counts = StatusCountModel(self)
        self.recent = CaseBriefModel(tz, self)
        self.drafts = CaseBriefModel(tz, self)
        self.deadline_view = self._view(self.deadlines)
        self.deadline_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.deadline_view.horizontalHeader().setSectionResizeMode(
            DeadlineColumn.KIND, QHeaderView.ResizeMode.Stretch)
        self.status_view = self._view(self.status_counts)
        self.recent_view = self._view(self.recent)
        self.draft_view = self._view(self.drafts)
        self.open_total = QLabel(self)
        self.resume_button = QPushButton(self.tr("Lanjutkan pengisian"), self)
        self._empty: dict[QAbstractItemModel, QLabel] = {}
        self._build_layout()
        self.deadline_view.case_activated.connect(self.case_open_requested)
        self.recent_view.case_activated.connect(self.case_open_requested)
        self.draft_view.case_activated.connect(self.resume_requested)
        self.resume_button.clicked.connect(self._on_resume_clicked)

    def _view(self, model: QAbstractItemModel) -> ListTableView:
        view = ListTableView(self)
        view.setModel(model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return view

    def _card(self, title: str, hint: str | None, view: ListTableView, empty: str) -> Card:
        card = Card(title, hint, self)
        label = QLabel(empty, card)
        label.setProperty("role", "hint")
        model = view.model()
        self._empty[model] = label
        card.add(label)
        card.add(view, 1)
        return card

    def _build_layout(self) -> None:
        urgent = self._card(self.tr("Perlu tindakan"), self.tr(
            "Tenggat yang terlambat, jatuh tempo hari ini, atau dalam 48 jam ke depan."),
            self.deadline_view, self.tr("Tidak ada tenggat yang mendesak."))
        counts = self._card(self.tr("Kasus terbuka per status"), None, self.status_view,
                            self.tr("Belum ada kasus terbuka."))
        counts.add(self.open_total)
        counts.body.addStretch(1)
        self.status_view.fit_rows(STATUS_ROWS)
        recent = self._card(self.tr("Pekerjaan saya terakhir"), self.tr(
            "Kasus yang ditugaskan kepada Anda; yang terakhir diubah di atas."),
            self.recent_view, self.tr("Belum ada kasus yang ditugaskan kepada Anda."))
        drafts = self._card(self.tr("Lanjutkan pengisian"), self.tr(
            "Formulir pengaduan yang belum selesai diisi."), self.draft_view,
            self.tr("Tidak ada isian yang tertunda."))
        drafts.add(self.resume_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(urgent, 0, 0)
        grid.addWidget(counts, 0, 1)
        grid.addWidget(recent, 1, 0)
        grid.addWidget(drafts, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def show_data(self, data: HomeData, now: datetime) -> None:
        self.deadlines.set_rows(data.deadlines, now)
        self.status_counts.set_summaries(data.summaries)
        self.recent.set_rows(data.recent)
        self.drafts.set_rows(data.drafts)
        self.open_total.setText(self.tr("Jumlah kasus terbuka: %1")
                                .replace("%1", str(self.status_counts.total())))
        for model, label in self._empty.items():
            label.setVisible(model.rowCount() == 0)
        self.resume_button.setEnabled(self.drafts.rowCount() > 0)

    def _on_resume_clicked(self) -> None:
        case_id = self.draft_view.selected_case_id()
        if case_id is None and self.drafts.rowCount() > 0:
            case_id = self.drafts.summary(0).id  # nothing chosen: the newest draft
        if case_id is not None:
            self.resume_requested.emit(case_id)
