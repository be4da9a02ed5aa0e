"""One terlapor: who they are to the victim and to the institution (DOMAIN.md §5.4)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGroupBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.enums import AgeBand, PerpetratorKpuRelation, Sex, SimfoniRelation
from ui.intake.form_state import FieldSet, chosen
from ui.intake.step_base import add_field_row, box_of, new_form, tab_stops
from ui.widgets.choices import EnumCombo, YesNoCombo


class PerpetratorForm(QGroupBox):
    """The fields of the terlapor at ``index``; keys are ``perpetrators[index].<field>``."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = FieldSet()
        self.full_name, self.alias, self.occupation = (QLineEdit(self) for _ in range(3))
        self.sex: EnumCombo[Sex] = EnumCombo(Sex, self)
        self.age_band: EnumCombo[AgeBand] = EnumCombo(AgeBand, self)
        self.simfoni_relation: EnumCombo[SimfoniRelation] = EnumCombo(SimfoniRelation, self)
        self.kpu_relation: EnumCombo[PerpetratorKpuRelation] = EnumCombo(PerpetratorKpuRelation,
                                                                          self)
        self.prior_perpetrator, self.has_access_to_victim = YesNoCombo(self), YesNoCombo(self)
        self.remove_button = QPushButton(self.tr("Hapus terlapor ini"), self)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self._build()
        self.set_index(index)
        self.fields.connect(self.changed)

    def _build(self) -> None:
        form = new_form(self)
        rows: tuple[tuple[str, str, QWidget, type[Enum] | None], ...] = (
            ("full_name", self.tr("Nama (boleh dikosongkan)"), self.full_name, None),
            ("alias", self.tr("Nama panggilan / julukan"), self.alias, None),
            ("sex", self.tr("Jenis kelamin"), self.sex, Sex),
            ("age_band", self.tr("Perkiraan usia"), self.age_band, AgeBand),
            ("simfoni_relation", self.tr("Hubungan dengan korban"), self.simfoni_relation,
             SimfoniRelation),
            ("kpu_relation", self.tr("Hubungan dengan KPU"), self.kpu_relation,
             PerpetratorKpuRelation),
            ("occupation", self.tr("Pekerjaan"), self.occupation, None),
            ("prior_perpetrator", self.tr("Pernah melakukan kekerasan sebelumnya?"),
             self.prior_perpetrator, None),
            ("has_access_to_victim", self.tr("Masih dapat menemui atau menghubungi korban?"),
             self.has_access_to_victim, None),
        )
        for name, label, widget, enum in rows:
            add_field_row(self.fields, form, name, label, widget, enum=enum)
        column = QVBoxLayout(self)
        column.addWidget(box_of(form))
        column.addWidget(self.remove_button)


    def set_index(self, index: int) -> None:
        self.fields.prefix = f"perpetrators[{index}]"
        self.setTitle(self.tr("Terlapor %1").replace("%1", str(index + 1)))

    def tab_order(self) -> list[QWidget]:
        widgets = [*self.fields.widgets(), self.remove_button]
        return [stop for widget in widgets for stop in tab_stops(widget)]

    @property
    def insider(self) -> bool:
        """Any relation to the institution makes an insider case (DOMAIN.md §5.4)."""
        relation = chosen(self.kpu_relation, PerpetratorKpuRelation)
        return relation not in (None, PerpetratorKpuRelation.TIDAK_ADA)

    @Slot()
    def _on_remove_clicked(self) -> None:
        self.remove_requested.emit(self)
