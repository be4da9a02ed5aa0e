"""Pemusnahan: closed cases past the retention period are destroyed, with a berita acara.

The retention period and its legal basis come from Pengaturan. Destroying is irreversible and
waits for the typed word MUSNAHKAN; the core removes every row and scrubs the file (UU PDP,
SECURITY.md §6). What remains — code, dates, basis, who — fills the berita acara, which opens
for printing at once and can be printed again later. Backups made before still hold the data
until they are destroyed too: the tab names them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.backup import BackupRecord
from app.services.documents import Rendered
from app.services.retention import DestroyedCase
from ui.case_detail.table_view import CaseTableView
from ui.context import PageName, UiContext
from ui.data_protection import jobs
from ui.data_protection.dialogs import TypedConfirmDialog, show_document
from ui.data_protection.models import DestroyedModel, EligibleModel
from ui.data_protection.texts import DESTROY_WORD, destruction_title
from ui.errors import show_error
from ui.lists.card import Card

TABLE_HEIGHT = 190


class RetentionTab(QWidget):
    """Retention settings, cases to destroy, earlier destructions, backups to destroy too."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cases = EligibleModel(self)
        self.history = DestroyedModel(self)
        self.eligible_view = CaseTableView(self.cases, self)
        self.history_view = CaseTableView(self.history, self)
        self.period_label = _wrapped(self)
        self.status_label = _wrapped(self)
        self.empty_label = _wrapped(self, "hint")
        self.backups_label = _wrapped(self, "banner")
        self._build_buttons()
        self._connect()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._content())
        QVBoxLayout(self).addWidget(scroll)

    def _build_buttons(self) -> None:
        self.settings_button = QPushButton(self.tr("Ubah di Pengaturan"), self)
        self.select_all_button = QPushButton(self.tr("Pilih semua"), self)
        self.select_none_button = QPushButton(self.tr("Kosongkan pilihan"), self)
        self.destroy_button = QPushButton(self.tr("Musnahkan yang dipilih…"), self)
        self.destroy_button.setProperty("role", "danger")
        self.destroy_button.setEnabled(False)
        self.reprint_button = QPushButton(self.tr("Cetak ulang berita acara"), self)
        self.reprint_button.setEnabled(False)

    def _connect(self) -> None:
        self.settings_button.clicked.connect(self._on_settings_clicked)
        self.select_all_button.clicked.connect(self._on_select_all_clicked)
        self.select_none_button.clicked.connect(self._on_select_none_clicked)
        self.destroy_button.clicked.connect(self._on_destroy_clicked)
        self.reprint_button.clicked.connect(self._on_reprint_clicked)
        self.cases.checked_changed.connect(self._on_checked_changed)
        self.history_view.selectionModel().selectionChanged.connect(self._on_history_selected)
        self.history.modelReset.connect(self._on_history_selected)

    def _content(self) -> QWidget:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        period = Card(self.tr("Masa retensi"), parent=content)
        period.add(self.period_label)
        period.add(_row(self.settings_button))
        expired = Card(self.tr("Kasus yang sudah melewati masa retensi"),
                       self.tr("Hanya kasus yang sudah ditutup atau diarsipkan. Centang kasus "
                               "yang akan dimusnahkan."), content)
        self.eligible_view.setMinimumHeight(TABLE_HEIGHT)
        for widget in (self.empty_label, self.eligible_view, self.status_label):
            expired.add(widget)
        expired.add(_row(self.select_all_button, self.select_none_button, None,
                         self.destroy_button))
        history = Card(self.tr("Riwayat pemusnahan"), parent=content)
        self.history_view.setMinimumHeight(TABLE_HEIGHT)
        history.add(self.history_view)
        history.add(_row(None, self.reprint_button))
        for card in (period, self.backups_label, expired, history):
            layout.addWidget(card)
        layout.addStretch(1)
        return content

    # --- loading ---------------------------------------------------------------------------

    def activate(self) -> None:
        """Shown: load fresh data."""
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.run(jobs.retention_overview, self._on_loaded, self._on_failed)

    def _on_loaded(self, overview: jobs.RetentionOverview) -> None:
        self.period_label.setText(
            self.tr("Kasus yang sudah ditutup dapat dimusnahkan %1 tahun setelah ditutup. "
                    "Dasar hukum: %2").replace("%1", str(overview.years))
            .replace("%2", overview.legal_basis))
        self.cases.tz = self.history.tz = self.ctx.office_tz()
        self.cases.set_rows(overview.eligible)
        self.empty_label.setText(self.tr("Belum ada kasus yang melewati masa retensi.")
                                 if not overview.eligible else "")
        self.empty_label.setVisible(not overview.eligible)
        self.history.names = overview.names
        self.history.set_rows(overview.destroyed)
        self._show_stale(overview.stale_backups)

    def _show_stale(self, stale: tuple[BackupRecord, ...]) -> None:
        self.backups_label.setVisible(bool(stale))
        names = ", ".join(record.file_name for record in stale)
        self.backups_label.setText(
            self.tr("Cadangan lama (%1) dibuat lebih dari masa retensi yang lalu dan mungkin "
                    "masih memuat kasus yang sudah dimusnahkan. Pemusnahan baru tuntas setelah "
                    "berkas cadangan itu juga dihapus dari flashdisk atau penyimpanannya: %2")
            .replace("%1", str(len(stale))).replace("%2", names))

    # --- destroying ------------------------------------------------------------------------

    def _on_checked_changed(self) -> None:
        self.destroy_button.setEnabled(bool(self.cases.checked()))

    def _on_select_all_clicked(self) -> None:
        self.cases.set_all_checked(True)

    def _on_select_none_clicked(self) -> None:
        self.cases.set_all_checked(False)

    def _on_destroy_clicked(self) -> None:
        chosen = self.cases.checked()
        if not chosen or not TypedConfirmDialog.ask(
                self, self.tr("Musnahkan data kasus"),
                self._explanation([row.code for row in chosen]), DESTROY_WORD,
                self.tr("Musnahkan")):
            return
        self.status_label.setText(self.tr("Memusnahkan data…"))
        self.destroy_button.setEnabled(False)
        self.ctx.runner.run(jobs.destroy([row.case_id for row in chosen]), self._on_destroyed,
                            self._on_destroy_failed)

    def _explanation(self, codes: list[str]) -> str:
        return self.tr(
            "Kasus berikut akan dimusnahkan: %1.\n\nSeluruh isinya — identitas, kejadian, "
            "catatan, rujukan dan lampiran — dihapus dari komputer ini dan TIDAK DAPAT "
            "dikembalikan. Yang tersisa hanya kode kasus, tanggal, dasar hukum dan nama petugas "
            "yang memusnahkan, untuk berita acara.\n\nCadangan yang dibuat sebelum hari ini masih "
            "memuat data ini sampai cadangan itu juga dimusnahkan.").replace("%1", ", ".join(codes))

    def _on_destroyed(self, destroyed: list[DestroyedCase]) -> None:
        codes = [record.code for record in destroyed]
        self.status_label.setText(self.tr("%1 kasus sudah dimusnahkan. Cetak berita acaranya dan "
                                          "simpan bersama arsip kantor.")
                                  .replace("%1", str(len(codes))))
        self.reload()
        self._print_record(codes)

    def _on_destroy_failed(self, error: BaseException) -> None:
        self.status_label.setText("")
        self.reload()
        show_error(self, error)

    # --- the berita acara ------------------------------------------------------------------

    def _on_history_selected(self, *selection: object) -> None:
        del selection
        self.reprint_button.setEnabled(self.history_view.selected_id() is not None)

    def _on_reprint_clicked(self) -> None:
        row = self.history_view.selected_id()
        if row is None:
            return
        chosen = self.history.row_at(row)
        # One berita acara per destruction: every case destroyed at the same moment.
        self._print_record([r.code for r in self.history.rows()
                            if r.destroyed_at == chosen.destroyed_at])

    def _print_record(self, codes: list[str]) -> None:
        self.ctx.runner.run(jobs.destruction_record(codes), self._on_record_rendered,
                            self._on_failed)

    def _on_record_rendered(self, rendered: Rendered) -> None:
        show_document(self, self.ctx.runner, rendered, destruction_title(),
                      self.tr("Cetak berita acara ini, tanda tangani, dan simpan bersama arsip."))

    # --- elsewhere -------------------------------------------------------------------------

    def _on_settings_clicked(self) -> None:
        self.ctx.navigator.show_page(PageName.PENGATURAN)

    def _on_failed(self, error: BaseException) -> None:
        show_error(self, error)


def _wrapped(parent: QWidget, role: str | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    if role is not None:
        label.setProperty("role", role)
    return label


def _row(*widgets: QWidget | None) -> QWidget:
    """Buttons in a line; ``None`` is the stretch between the left and right groups."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    if None not in widgets:
        row.addStretch(1)
    return holder
