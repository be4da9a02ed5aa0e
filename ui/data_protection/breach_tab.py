"""Insiden kebocoran data: the breach register (UU PDP Pasal 46).

Each suspected breach is recorded with the time it was discovered; the written notice to the
data subjects and the supervisory body is due 3×24 hours later. The table counts the time down
("sisa 31 jam", "terlambat 5 jam"), the notice letter fills itself from the record, and the
breach is marked notified once the letters are sent.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.breaches import Breach
from app.services.documents import Rendered
from ui.case_detail.dialogs.confirm import Confirm
from ui.case_detail.table_view import CaseTableView
from ui.context import UiContext
from ui.data_protection import jobs
from ui.data_protection.breach_dialog import BreachDialog
from ui.data_protection.dialogs import show_document
from ui.data_protection.models import BreachModel
from ui.data_protection.texts import breach_notice_title
from ui.errors import show_error

#: The countdown moves on once a minute while the tab is open.
TICK_MS = 60_000


class BreachTab(QWidget):
    """The register with its deadlines; record, mark notified, print the notice."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = BreachModel(self)
        self.view = CaseTableView(self.model, self)
        self.record_button = QPushButton(self.tr("Catat insiden…"), self)
        self.record_button.setProperty("role", "primary")
        self.notified_button = QPushButton(self.tr("Tandai sudah diberitahukan"), self)
        self.notice_button = QPushButton(self.tr("Cetak surat pemberitahuan"), self)
        self.empty_label = QLabel(self.tr("Belum ada insiden yang dicatat."), self)
        self.empty_label.setProperty("role", "hint")
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_tick)
        self._connect()
        self._build_layout()
        self._update_buttons()

    def _connect(self) -> None:
        self.record_button.clicked.connect(self._on_record_clicked)
        self.notified_button.clicked.connect(self._on_notified_clicked)
        self.notice_button.clicked.connect(self._on_notice_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)

    def _build_layout(self) -> None:
        intro = QLabel(self.tr(
            "Bila data pribadi diduga bocor (misalnya laptop hilang, berkas terkirim ke orang "
            "yang salah), catat di sini segera. Pemberitahuan tertulis kepada subjek data dan "
            "lembaga pengawas wajib dikirim paling lambat 3×24 jam sejak insiden diketahui "
            "(UU No. 27 Tahun 2022, Pasal 46)."), self)
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        buttons.addWidget(self.notice_button)
        buttons.addWidget(self.notified_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)

    # --- loading ---------------------------------------------------------------------------

    def activate(self) -> None:
        """Shown: load fresh data and keep the countdown moving."""
        self.timer.start()
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.run(jobs.breaches, self._on_loaded, self._on_failed)

    def _on_loaded(self, breaches: list[Breach]) -> None:
        self.model.tz = self.ctx.office_tz()
        self.model.now = self.ctx.clock.now()
        self.model.set_rows(breaches)
        self.empty_label.setVisible(not breaches)

    def _on_tick(self) -> None:
        if not self.isVisible():
            self.timer.stop()  # started again by activate()
            return
        self.model.set_now(self.ctx.clock.now())

    # --- actions ---------------------------------------------------------------------------

    def selected(self) -> Breach | None:
        breach_id = self.view.selected_id()
        return next((b for b in self.model.rows() if b.id == breach_id), None)

    def _on_selection_changed(self, *selection: object) -> None:
        del selection
        self._update_buttons()

    def _update_buttons(self) -> None:
        breach = self.selected()
        self.notice_button.setEnabled(breach is not None)
        self.notified_button.setEnabled(breach is not None and breach.notified_at is None)

    def _on_record_clicked(self) -> None:
        if BreachDialog.ask(self, self.ctx):
            self.status_label.setText(self.tr("Insiden dicatat. Siapkan surat pemberitahuan "
                                              "sebelum batas waktunya."))
            self.reload()

    def _on_notified_clicked(self) -> None:
        breach = self.selected()
        if breach is not None and breach.notified_at is None and Confirm.ask(
                self, self.tr("Tandai sudah diberitahukan"),
                self.tr("Surat pemberitahuan sudah dikirim kepada subjek data dan lembaga "
                        "pengawas? Waktu sekarang dicatat sebagai waktu pemberitahuan."),
                self.tr("Ya, sudah dikirim")):
            self.ctx.runner.run(jobs.mark_notified(breach.id), self._on_marked, self._on_failed)

    def _on_marked(self, result: object) -> None:
        del result
        self.status_label.setText(self.tr("Pemberitahuan dicatat."))
        self.reload()

    def _on_notice_clicked(self) -> None:
        breach = self.selected()
        if breach is not None:
            self.ctx.runner.run(jobs.breach_notice(breach.id), self._on_notice_rendered,
                                self._on_failed)

    def _on_notice_rendered(self, rendered: Rendered) -> None:
        show_document(self, self.ctx.runner, rendered, breach_notice_title())

    def _on_failed(self, error: BaseException) -> None:
        show_error(self, error)
