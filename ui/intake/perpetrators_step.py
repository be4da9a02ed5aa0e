"""Step 5 — Terlapor: none, one or several alleged perpetrators; insider cases are flagged."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.intake.form_state import FormValue, RawForm
from ui.intake.mapping import PERPETRATOR_COUNT, perpetrator_count
from ui.intake.perpetrator_form import PerpetratorForm
from ui.intake.step_base import IntakeStep, chain_tabs


class PerpetratorsStep(IntakeStep):
    sections = ("perpetrators",)

    #: The officer asked to add the escalation route (insider case).
    escalation_proposed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Terlapor"),
                         self.tr("Isi sejauh yang diketahui korban. Semua isian boleh "
                                 "dikosongkan, termasuk nama."),
                         parent=parent)
        self.forms: list[PerpetratorForm] = []
        self.empty_note = QLabel(self.tr("Belum ada terlapor yang dicatat. Tambahkan bila korban "
                                         "menyebut seseorang."), self.content)
        self.empty_note.setProperty("role", "hint")
        self.insider_banner = QLabel(self.content)
        self.insider_banner.setProperty("role", "banner")
        self.insider_banner.setWordWrap(True)
        self.escalate_button = QPushButton(self.tr("Tambahkan rute eskalasi ke Satgas KPU "
                                                   "Provinsi"), self.content)
        self.escalate_button.clicked.connect(self.escalation_proposed)
        self.add_button = QPushButton(self.tr("Tambah terlapor"), self.content)
        self.add_button.clicked.connect(self._on_add_clicked)
        self._list = QVBoxLayout()
        self._layout()
        self._update_insider()

    def _layout(self) -> None:
        for widget in (self.insider_banner, self.escalate_button, self.empty_note):
            self.body.addWidget(widget)
        self.body.addLayout(self._list)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addStretch(1)

    # --- rows ----------------------------------------------------------------------------

    def add_perpetrator(self) -> PerpetratorForm:
        form = PerpetratorForm(len(self.forms), self.content)
        form.changed.connect(self._on_form_changed)
        form.remove_requested.connect(self._on_remove_requested)
        self.forms.append(form)
        self._list.addWidget(form)
        self._update_insider()
        chain_tabs(self.tab_order())
        return form

    def remove_perpetrator(self, form: PerpetratorForm) -> None:
        self.forms.remove(form)
        self._list.removeWidget(form)
        form.hide()
        form.deleteLater()
        for index, other in enumerate(self.forms):
            other.set_index(index)
        self._update_insider()
        self.changed.emit()

    @Slot()
    def _on_add_clicked(self) -> None:
        self.add_perpetrator().full_name.setFocus()
        self.changed.emit()

    @Slot(object)
    def _on_remove_requested(self, form: object) -> None:
        assert isinstance(form, PerpetratorForm)
        self.remove_perpetrator(form)

    @Slot()
    def _on_form_changed(self) -> None:
        self._update_insider()
        self.changed.emit()

    # --- insider -------------------------------------------------------------------------

    @property
    def insider(self) -> bool:
        return any(form.insider for form in self.forms)

    def _update_insider(self) -> None:
        self.empty_note.setVisible(not self.forms)
        insider = self.insider
        self.insider_banner.setVisible(insider)
        self.escalate_button.setVisible(insider)
        if insider:
            self.insider_banner.setText(self.tr(
                "Kasus orang dalam: ada terlapor yang memiliki hubungan dengan KPU. Rute yang "
                "diusulkan: eskalasi ke Satgas KPU Provinsi Jawa Tengah (rujukan ke Dinsos P3A "
                "tetap dapat dilakukan bila korban menginginkan layanan). Di halaman kasus, "
                "koordinator dapat membatasi akses rekan yang dekat dengan terlapor."))

    # --- state ---------------------------------------------------------------------------

    def raw(self) -> RawForm:
        raw: RawForm = {PERPETRATOR_COUNT: len(self.forms)}
        for form in self.forms:
            raw.update(form.fields.raw())
        return raw

    def restore(self, data: Mapping[str, FormValue]) -> None:
        wanted = perpetrator_count(data)
        while len(self.forms) > wanted:
            self.remove_perpetrator(self.forms[-1])
        while len(self.forms) < wanted:
            self.add_perpetrator()
        for form in self.forms:
            form.fields.restore(data)
        self._update_insider()

    def tab_order(self) -> list[QWidget]:
        stops: list[QWidget] = [self.escalate_button]
        for form in self.forms:
            stops += form.tab_order()
        return [*stops, self.add_button]

    def summary(self) -> list[tuple[str, list[tuple[str, str]]]]:
        if not self.forms:
            return [(self.title, [(self.tr("Terlapor"), self.tr("Tidak ada yang dicatat"))])]
        return [(form.title(), form.fields.summary(form)) for form in self.forms]

    def show_errors(self, messages: Mapping[str, str]) -> None:
        rest: dict[str, str] = {}
        for path, text in messages.items():
            if not any(form.fields.show_errors({path: text}) for form in self.forms):
                rest[path] = text
        super().show_errors(rest)

    def clear_errors(self) -> None:
        super().clear_errors()
        for form in self.forms:
            form.fields.clear_errors()
