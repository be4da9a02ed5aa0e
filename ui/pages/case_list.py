"""Daftar Kasus: every case the officer may see, filtered, searched and opened from one table.

The list holds summaries only; victim names are masked until an officer reveals one for a
row, which the core writes to the audit log. Petugas get exactly what the core returns for
them (their own, unrestricted cases); pimpinan never reach this page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import CaseSummary
from ui.context import UiContext
from ui.errors import show_error
from ui.lists import jobs
from ui.lists.case_filters import CaseFilterBar
from ui.lists.table_view import ListTableView
from ui.models.case_table import CaseColumn, CaseFilterProxy, CaseTableModel
from ui.pages.base import Page

SEARCH_DELAY_MS = 250
#: Starting widths; "Jenis TPKS" takes the rest. Sum fits 1366 px minus the navigation.
#: Column widths from typical contents in the current font, so they follow Windows scaling.
COLUMN_SAMPLES = {
    CaseColumn.CODE: "000/PPKS/3316/2026", CaseColumn.RECEIVED: "30 Sep 2026",
    CaseColumn.STATUS: "Layanan internal saja", CaseColumn.OFFICER: "Koordinator Posko",
    CaseColumn.DEADLINE: "Terlambat: 30 Sep 2026 12.54", CaseColumn.VICTIM: "S*** W*** L***",
    CaseColumn.FORM_DRAFT: "Isian",
}


class CaseListPage(Page):
    """Table of case summaries with filters, a debounced full-text search and row actions."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = CaseTableModel(ctx.office_tz(), self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search_box = QLineEdit(self)
        self.search_timer = QTimer(self)
        self.new_button = QPushButton(self.tr("Pengaduan baru"), self)
        self.resume_button = QPushButton(self.tr("Lanjutkan pengisian"), self)
        self.reload_button = QPushButton(self.tr("Muat ulang"), self)
        self.filters = CaseFilterBar(self)
        self.count_label = QLabel(self)
        self._loading = False  # only the newest cases are in the table yet
        self.view = ListTableView(self, sortable=True)
        self.reveal_action = QAction(self.tr("Tampilkan nama korban"), self.view)
        self._configure()
        self._build_layout()
        self._connect()
        self._update_actions()

    def _configure(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Cari kode kasus, nama, atau isi kronologi (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.new_button.setProperty("role", "primary")
        self.resume_button.setToolTip(
            self.tr("Meneruskan isian formulir kasus terpilih yang belum selesai."))
        self.view.setModel(self.proxy)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addAction(self.reveal_action)
        self.reveal_action.setToolTip(self.tr("Menampilkan nama lengkap korban pada baris ini. "
                                              "Tindakan ini dicatat di log audit."))
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 18)
        header.setSectionResizeMode(CaseColumn.TPKS, QHeaderView.ResizeMode.Stretch)
        self.view.sortByColumn(CaseColumn.RECEIVED, Qt.SortOrder.DescendingOrder)

    def _build_layout(self) -> None:
        title = QLabel(self.tr("Daftar Kasus"), self)
        title.setProperty("role", "title")
        heading = QHBoxLayout()
        heading.addWidget(title, 1)
        heading.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.search_box, 1)
        for button in (self.new_button, self.resume_button, self.reload_button):
            actions.addWidget(button)
        hint = QLabel(self.tr("Nama korban disamarkan. Untuk melihatnya, klik kanan pada baris "
                              "lalu pilih «Tampilkan nama korban» — tindakan ini dicatat. "
                              "Klik dua kali atau tekan Enter untuk membuka kasus."), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(actions)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)

    def _connect(self) -> None:
        self.search_box.textChanged.connect(self._on_search_text_changed)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.resume_button.clicked.connect(self._on_resume_clicked)
        self.reload_button.clicked.connect(self.reload)
        self.filters.changed.connect(self._on_filters_changed)
        self.view.case_activated.connect(self._on_case_activated)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.reveal_action.triggered.connect(self._on_reveal_triggered)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._on_rows_changed)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self._on_find_shortcut)

    # --- page contract ---------------------------------------------------------------------

    def activate(self, **params: Any) -> None:
        del params
        self.reload()

    def reload(self) -> None:
        """The newest cases first, so the screen fills at once on a large vault; then all."""
        self._loading = True
        self.ctx.runner.run(jobs.load_first_page, self._on_first_page_loaded,
                            self._on_job_failed)

    # --- loading and searching -------------------------------------------------------------

    def _on_first_page_loaded(self, rows: list[CaseSummary]) -> None:
        self.model.set_rows(rows)
        self.ctx.runner.run(jobs.load_summaries, self._on_summaries_loaded, self._on_job_failed)

    def _on_summaries_loaded(self, rows: list[CaseSummary]) -> None:
        self._loading = False
        self.model.set_rows(rows)
        self.filters.set_years(self.model.years())
        if self._search_text():
            self.apply_search()  # the new rows may match differently

    def _search_text(self) -> str:
        return self.search_box.text().strip()

    def _on_search_text_changed(self, text: str) -> None:
        if text.strip():
            self.search_timer.start()  # restarts: one search once typing pauses
        else:
            self.search_timer.stop()
            self.proxy.set_case_ids(None)

    def _on_search_timer_timeout(self) -> None:
        self.apply_search()

    def apply_search(self) -> None:
        """Search for the box's text now (the timer calls this once typing pauses)."""
        self.search_timer.stop()
        text = self._search_text()
        if text:
            self.ctx.runner.run(jobs.search_cases(text), self._on_search_done,
                                self._on_job_failed)

    def _on_search_done(self, hits: jobs.SearchHits) -> None:
        if hits.text == self._search_text():  # an answer to an older query is dropped
            self.proxy.set_case_ids(hits.case_ids)

    def _on_filters_changed(self) -> None:
        self.filters.apply_to(self.proxy)

    def _on_find_shortcut(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # --- row actions -----------------------------------------------------------------------

    def selected_summary(self) -> CaseSummary | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.summary(self.proxy.mapToSource(rows[0]).row())

    def _on_case_activated(self, case_id: int) -> None:
        self.ctx.navigator.open_case(case_id)

    def _on_new_clicked(self) -> None:
        self.ctx.navigator.new_intake()

    def _on_resume_clicked(self) -> None:
        summary = self.selected_summary()
        if summary is not None and summary.has_form_draft:
            self.ctx.navigator.resume_intake(summary.id)

    def _on_reveal_triggered(self) -> None:
        summary = self.selected_summary()
        if summary is not None and not self.model.is_revealed(summary.id):
            self.ctx.runner.run(jobs.reveal_victim_name(summary.id), self._on_name_revealed,
                                self._on_job_failed)

    def _on_name_revealed(self, revealed: jobs.RevealedName) -> None:
        self.model.reveal(revealed.case_id, revealed.name)
        self._update_actions()

    def _update_actions(self) -> None:
        summary = self.selected_summary()
        self.resume_button.setEnabled(summary is not None and summary.has_form_draft)
        self.reveal_action.setEnabled(summary is not None
                                      and not self.model.is_revealed(summary.id))

    def _on_selection_changed(self, *selection: object) -> None:
        del selection
        self._update_actions()

    def _on_rows_changed(self, *change: object) -> None:
        del change
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self._loading:
            self.count_label.setText(self.tr("Memuat semua kasus…"))
        elif total == 0:
            self.count_label.setText(self.tr("Belum ada kasus."))
        else:
            self.count_label.setText(self.tr("Menampilkan %1 dari %2 kasus")
                                     .replace("%1", str(shown)).replace("%2", str(total)))
        self._update_actions()

    def _on_job_failed(self, error: BaseException) -> None:
        show_error(self, error)
