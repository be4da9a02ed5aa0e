"""Detail kasus: one case with its header, tabs and actions (issue 3, screen 6).

The case is loaded in the DB thread (opening it is audited by the core) with the officer
directory and, for a koordinator, the case's audit history. Every successful action reloads it.
The window title shows the case code only, never a name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.case_detail import jobs
from ui.case_detail.action_bar import ActionBar
from ui.case_detail.attachments_tab import AttachmentsTab
from ui.case_detail.audit_tab import AuditTab
from ui.case_detail.controller import CaseActions
from ui.case_detail.data import CaseView
from ui.case_detail.header import CaseHeader
from ui.case_detail.identity_tab import IdentityTab
from ui.case_detail.incident_tab import IncidentTab
from ui.case_detail.perpetrators_tab import PerpetratorsTab
from ui.case_detail.rules import CaseAction
from ui.case_detail.services_tab import ServicesTab
from ui.case_detail.timeline_tab import TimelineTab
from ui.context import PageName, UiContext
from ui.data_protection.subject_rights import SubjectRights
from ui.errors import show_error
from ui.pages.base import Page
from ui.printing.case_printing import CasePrinting


class CaseDetailPage(Page):
    """Header, action buttons and tabs of one case; a message instead when it cannot load."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.case_id: int | None = None
        self.view: CaseView | None = None
        self.header = CaseHeader(self)
        self.action_bar = ActionBar(self)
        self.controller = CaseActions(ctx, self)
        self.printing = CasePrinting(ctx, self)
        self.rights = SubjectRights(ctx, self)
        #: "Hak subjek data" (UU PDP): the koordinator's; petugas do not see it.
        self.rights_button: QPushButton | None = None
        self._build_tabs()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "subtitle")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self._content())
        self._connect()
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_row())
        layout.addWidget(self.stack, 1)
        self._show_message(self.tr("Pilih kasus dari Daftar Kasus."))

    def _build_tabs(self) -> None:
        self.identity = IdentityTab(self)
        self.incident = IncidentTab(self)
        self.perpetrators = PerpetratorsTab(self)
        self.services = ServicesTab(self)
        self.timeline = TimelineTab(self)
        self.attachments = AttachmentsTab(self)
        self.audit = AuditTab(self) if self.ctx.is_koordinator else None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_scrolled(self.identity), self.tr("Identitas"))
        self.tabs.addTab(_scrolled(self.incident), self.tr("Kejadian"))
        self.tabs.addTab(self.perpetrators, self.tr("Terlapor"))
        self.tabs.addTab(self.services, self.tr("Layanan && rujukan"))
        self.tabs.addTab(self.timeline, self.tr("Tindak lanjut"))
        self.tabs.addTab(self.attachments, self.tr("Lampiran"))
        if self.audit is not None:  # the audit log is the koordinator's (DOMAIN.md §8)
            self.tabs.addTab(self.audit, self.tr("Riwayat audit"))

    def _top_row(self) -> QHBoxLayout:
        back = QPushButton(self.tr("← Daftar Kasus"), self)
        back.clicked.connect(self._on_back_clicked)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        if self.ctx.is_koordinator:
            self.rights_button = QPushButton(self.tr("Hak subjek data…"), self)
            self.rights_button.setToolTip(self.tr("Laporan akses data, riwayat koreksi, dan "
                                                  "penghapusan atas permintaan (UU PDP)"))
            self.rights_button.setEnabled(False)
            self.rights_button.clicked.connect(self._on_rights_clicked)
            row.addWidget(self.rights_button)
        return row

    def _content(self) -> QWidget:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.tabs, 1)
        return content

    def _connect(self) -> None:
        self.action_bar.triggered.connect(self._on_action_triggered)
        self.controller.changed.connect(self._on_case_changed)
        self.identity.revealed_changed.connect(self.perpetrators.set_revealed)
        self.services.revoke_requested.connect(self.controller.revoke_consent)
        self.services.feedback_requested.connect(self.controller.record_feedback)
        self.services.police_requested.connect(self.controller.confirm_police_report)
        self.attachments.add_requested.connect(self._on_add_attachment)
        self.attachments.view_requested.connect(self.controller.view_attachment)
        self.rights.case_erased.connect(self._on_case_erased)

    # --- Page ----------------------------------------------------------------------------

    def activate(self, **params: Any) -> None:
        case_id = params.get("case_id")
        if not isinstance(case_id, int):
            self.case_id = None
            self._show_message(self.tr("Pilih kasus dari Daftar Kasus."))
            return
        if case_id != self.case_id or self.view is None:
            self.case_id = case_id
            self.identity.set_revealed(False)  # a newly opened case starts masked
            self.tabs.setCurrentIndex(0)
            self._show_message(self.tr("Memuat kasus…"))
        self._load()

    def location(self) -> dict[str, Any]:
        return {} if self.case_id is None else {"case_id": self.case_id}

    def flush(self) -> None:
        """Nothing to save: the page holds no typed input (dialogs save or are cancelled)."""

    # --- loading -------------------------------------------------------------------------

    def _load(self) -> None:
        assert self.case_id is not None
        self.ctx.runner.run(jobs.load(self.case_id, self.ctx.is_koordinator), self._on_loaded,
                            self._on_load_failed)

    def _on_loaded(self, view: CaseView) -> None:
        if view.case.id != self.case_id:
            return  # the officer opened another case meanwhile
        self.view = view
        self.controller.view = view
        settings = self.ctx.settings
        self.header.set_view(view, settings)
        self.action_bar.update_state(view.case.status, self.ctx.is_koordinator)
        self.identity.set_view(view, settings)
        self.incident.set_case(view.case)
        self.perpetrators.set_case(view.case)
        self.services.set_view(view, settings)
        self.timeline.set_view(view, settings)
        self.attachments.set_view(view, settings)
        if self.audit is not None:
            self.audit.set_view(view, settings)
        self.stack.setCurrentIndex(1)
        if self.rights_button is not None:
            self.rights_button.setEnabled(True)
        self.ctx.navigator.set_case_title(view.case.code)

    def _on_load_failed(self, error: BaseException) -> None:
        self.view = None
        self.controller.view = None
        self.ctx.navigator.set_case_title(None)
        self._show_message(self.tr("Kasus ini tidak dapat dibuka."))
        show_error(self, error)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentIndex(0)
        if self.rights_button is not None:
            self.rights_button.setEnabled(False)

    # --- actions -------------------------------------------------------------------------

    def _on_action_triggered(self, action: str) -> None:
        if CaseAction(action) is CaseAction.PRINT:
            if self.view is not None:  # the menu opens under the button (keyboard too)
                self.printing.open_menu(self.view, self.action_bar.buttons[CaseAction.PRINT])
            return
        self.controller.run(CaseAction(action))

    def _on_add_attachment(self) -> None:
        self.controller.run(CaseAction.ATTACHMENT)

    def _on_case_changed(self) -> None:
        if self.case_id is not None:
            self._load()

    def _on_rights_clicked(self) -> None:
        if self.view is not None and self.rights_button is not None:
            self.rights.open_menu(self.view, self.rights_button)

    def _on_case_erased(self, code: str) -> None:
        """The case no longer exists: forget it and go back to the list."""
        del code
        self.case_id = None
        self.view = None
        self.controller.view = None
        self._show_message(self.tr("Data kasus ini sudah dihapus."))
        self.ctx.navigator.show_page(PageName.DAFTAR_KASUS)

    def _on_back_clicked(self) -> None:
        self.ctx.navigator.show_page(PageName.DAFTAR_KASUS)


def _scrolled(widget: QWidget) -> QScrollArea:
    """Long read-only forms scroll inside their tab (1366×768 screens)."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    return area
