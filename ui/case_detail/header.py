"""The top of a case: code, status, priority, open deadlines (overdue in red) and markers.

Never a name here: the header is what a passer-by sees first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.deadlines import zone
from app.domain.models import Deadline
from app.domain.settings import OfficeSettings
from ui.case_detail import rules
from ui.case_detail.data import CaseView
from ui.case_detail.texts import when
from ui.i18n import label_text

#: Deadlines listed in the header; the rest are counted (all are in "Layanan & rujukan").
SHOWN_DEADLINES = 3


class CaseHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.code_label = QLabel(self)
        self.code_label.setProperty("role", "code")
        self.status_label = QLabel(self)
        self.status_label.setProperty("role", "subtitle")
        self.priority_label = QLabel(self)
        self.restricted_label = self._marker(self.tr("Akses dibatasi"))
        self.insider_label = self._marker(self.tr("Terlapor orang dalam KPU"))
        self.child_label = self._marker(self.tr("Korban anak"))
        top = QHBoxLayout()
        for widget in (self.code_label, self.status_label, self.priority_label):
            top.addWidget(widget)
        top.addStretch(1)
        for marker in (self.restricted_label, self.insider_label, self.child_label):
            top.addWidget(marker)
        self._deadlines = QVBoxLayout()
        self._deadlines.setSpacing(2)
        self.deadline_labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._deadlines)

    def _marker(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", "banner")
        label.hide()
        return label

    def set_view(self, view: CaseView, settings: OfficeSettings) -> None:
        case = view.case
        self.code_label.setText(case.code)
        self.status_label.setText(label_text(case.status))
        priority = case.intake.triage.priority
        self.priority_label.setText(self.tr("Prioritas: %1").replace(
            "%1", label_text(priority) if priority else self.tr("belum ditetapkan")))
        self.restricted_label.setVisible(bool(case.restricted_from))
        self.restricted_label.setToolTip(self.tr("Kasus ini disembunyikan dari %n petugas.", "",
                                                 len(case.restricted_from)))
        self.insider_label.setVisible(rules.is_insider(case))
        self.child_label.setVisible(rules.is_child(case, settings))
        self._show_deadlines(rules.open_deadlines(case, settings), view, settings)

    def _show_deadlines(self, deadlines: list[Deadline], view: CaseView,
                        settings: OfficeSettings) -> None:
        for label in self.deadline_labels:
            self._deadlines.removeWidget(label)
            label.deleteLater()
        tz = zone(settings.timezone)
        texts = [(self._deadline_text(d, when(d.due_at, tz), d.overdue(view.now)),
                  d.overdue(view.now)) for d in deadlines]
        if not texts:
            texts = [(self.tr("Tidak ada tenggat yang sedang berjalan."), False)]
        if len(texts) > SHOWN_DEADLINES:
            hidden = texts[SHOWN_DEADLINES:]
            more = self.tr("dan %n tenggat lainnya", "", len(hidden))
            texts = [*texts[:SHOWN_DEADLINES], (more, any(late for _, late in hidden))]
        self.deadline_labels = [self._deadline_label(text, late) for text, late in texts]

    def _deadline_text(self, deadline: Deadline, due: str, overdue: bool) -> str:
        kind = label_text(deadline.kind)
        if overdue:
            return self.tr("Terlambat — %1: %2").replace("%1", kind).replace("%2", due)
        return self.tr("Tenggat %1: %2").replace("%1", kind).replace("%2", due)

    def _deadline_label(self, text: str, overdue: bool) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setProperty("role", "error" if overdue else "hint")
        self._deadlines.addWidget(label)
        return label

    def deadline_texts(self) -> list[str]:
        return [label.text() for label in self.deadline_labels]

    def overdue_texts(self) -> list[str]:
        return [label.text() for label in self.deadline_labels
                if label.property("role") == "error"]
