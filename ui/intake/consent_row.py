"""One consent decision: the outcome and, for a referral, which data and until when."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QLineEdit, QVBoxLayout, QWidget

from app.domain.enums import ConsentOutcome, ConsentPurpose, DataItem
from ui.i18n import label_text
from ui.intake.consent_mapping import ConsentSlot
from ui.intake.form_state import FieldSet, FormValue, choose, chosen, plain
from ui.intake.step_base import add_field_row, box_of, new_form
from ui.widgets.choices import EnumChecklist

#: Outcomes offered for an adult (own consent, or a guardian for a person with a disability).
ADULT = (ConsentOutcome.DIBERIKAN, ConsentOutcome.SEBAGIAN, ConsentOutcome.DITOLAK,
         ConsentOutcome.WALI)
#: Outcomes offered for a child: the guardian decides, or a koordinator override.
CHILD = (ConsentOutcome.WALI, ConsentOutcome.DITOLAK, ConsentOutcome.OVERRIDE)


class ConsentRow(QGroupBox):
    """Keys: ``consent.<slot>.outcome`` / ``.items`` / ``.expires_on``."""

    changed = Signal()

    def __init__(self, slot: ConsentSlot, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.slot = slot
        self.fields = FieldSet(f"consent.{slot.key}")
        # Item data are outcome codes: the offered outcomes change with the child path.
        self.outcome = QComboBox(self)
        self._fill(ADULT, None)
        self.items: EnumChecklist[DataItem] = EnumChecklist(DataItem, 4, self)
        self.expires_on = QLineEdit(self)
        self.expires_on.setPlaceholderText(self.tr("hh-bb-tttt (boleh dikosongkan)"))
        self._build()
        self.fields.connect(self.changed)

    def _build(self) -> None:
        form = new_form(self)
        add_field_row(self.fields, form, "outcome", self.tr("Keputusan"), self.outcome)
        if self.slot.purpose is ConsentPurpose.RUJUKAN:
            add_field_row(self.fields, form, "items", self.tr("Data yang boleh dibagikan"),
                          self.items, enum=DataItem, above=True,
                          hint=self.tr("Kosongkan untuk semua data. Wajib dipilih bila "
                                       "keputusannya \"Sebagian\"."))
            add_field_row(self.fields, form, "expires_on", self.tr("Berlaku sampai"),
                          self.expires_on)
        else:  # services and statistics: a decision only
            self.items.hide()
            self.expires_on.hide()
        self.fields.alias("data_items", "items")
        column = QVBoxLayout(self)
        column.addWidget(box_of(form))

    def set_choices(self, offered: Sequence[ConsentOutcome]) -> None:
        """Offer these outcomes, keeping the current choice even if it is not among them."""
        self._fill(offered, self.decision())

    def _fill(self, offered: Sequence[ConsentOutcome], keep: ConsentOutcome | None) -> None:
        self.outcome.blockSignals(True)
        self.outcome.clear()
        self.outcome.addItem(self.tr("Belum ditanyakan / belum memutuskan"), None)
        values = [*offered, *([keep] if keep is not None and keep not in offered else [])]
        for value in values:
            self.outcome.addItem(label_text(value), value.value)
        choose(self.outcome, keep)
        self.outcome.blockSignals(False)

    def decision(self) -> ConsentOutcome | None:
        return chosen(self.outcome, ConsentOutcome)

    def offered(self) -> list[ConsentOutcome]:
        """The outcomes in the drop-down, in their order."""
        codes = [plain(self.outcome.itemData(index)) for index in range(self.outcome.count())]
        return [outcome for code in codes for outcome in ConsentOutcome
                if outcome.value == code]

    def restore(self, data: Mapping[str, FormValue]) -> None:
        stored = data.get(self.fields.key("outcome"))
        wanted = next((o for o in ConsentOutcome if o.value == stored), None)
        if wanted is not None and wanted not in self.offered():
            self._fill(self.offered(), wanted)
        self.fields.restore(data)
