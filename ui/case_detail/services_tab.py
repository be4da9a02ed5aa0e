"""Layanan & rujukan: consents and referrals, with the actions on a selected row."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.domain import workflow
from app.domain.deadlines import zone
from app.domain.settings import OfficeSettings
from ui.case_detail.consent_model import ConsentTableModel
from ui.case_detail.data import CaseView, recipient_names
from ui.case_detail.referral_model import ReferralTableModel
from ui.case_detail.table_view import CaseTableView


class ServicesTab(QWidget):
    """Two tables; buttons act on the selected consent or referral."""

    revoke_requested = Signal(int)
    feedback_requested = Signal(int)
    police_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._read_only = True
        self.consents = ConsentTableModel(self)
        self.referrals = ReferralTableModel(self)
        self.consent_view = CaseTableView(self.consents, self)
        self.referral_view = CaseTableView(self.referrals, self)
        self.revoke_button = QPushButton(self.tr("Cabut persetujuan…"), self)
        self.feedback_button = QPushButton(self.tr("Catat umpan balik…"), self)
        self.police_button = QPushButton(self.tr("Konfirmasi laporan polisi (Pasal 41)…"), self)
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        self.feedback_button.clicked.connect(self._on_feedback_clicked)
        self.police_button.clicked.connect(self._on_police_clicked)
        for view in (self.consent_view, self.referral_view):
            view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self._group(self.tr("Persetujuan korban"), self.consent_view,
                                     (self.revoke_button,)), 1)
        layout.addWidget(self._group(self.tr("Rujukan dan penerusan"), self.referral_view,
                                     (self.feedback_button, self.police_button)), 1)
        self._update_buttons()

    def _group(self, title: str, view: CaseTableView,
               buttons: tuple[QPushButton, ...]) -> QGroupBox:
        box = QGroupBox(title, self)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(view, 1)
        layout.addLayout(row)
        return box

    def set_view(self, view: CaseView, settings: OfficeSettings) -> None:
        case, tz, names = view.case, zone(settings.timezone), recipient_names(settings)
        local_now = view.now.astimezone(tz)
        self._read_only = case.status in workflow.READ_ONLY
        self.consents.set_consents(case.consents, names, tz, local_now)
        self.referrals.set_referrals(case.referrals, names, settings.pasal41_recipients(), tz,
                                     view.now)
        self._update_buttons()

    def _on_selection_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        consent_id = self.consent_view.selected_id()
        record = None if consent_id is None else self.consents.record(consent_id)
        self.revoke_button.setEnabled(record is not None and record.revoked_at is None)
        referral_id = self.referral_view.selected_id()
        referral = None if referral_id is None else self.referrals.referral(referral_id)
        open_case = referral is not None and not self._read_only
        self.feedback_button.setEnabled(open_case and referral is not None
                                        and referral.outcome is None)
        self.police_button.setEnabled(
            open_case and referral is not None and self.referrals.needs_police_report(referral)
            and referral.police_report_confirmed_at is None)

    def _on_revoke_clicked(self) -> None:
        consent_id = self.consent_view.selected_id()
        if consent_id is not None:
            self.revoke_requested.emit(consent_id)

    def _on_feedback_clicked(self) -> None:
        referral_id = self.referral_view.selected_id()
        if referral_id is not None:
            self.feedback_requested.emit(referral_id)

    def _on_police_clicked(self) -> None:
        referral_id = self.referral_view.selected_id()
        if referral_id is not None:
            self.police_requested.emit(referral_id)
