"""Alleged perpetrators (terlapor) of a case; names masked until the officer reveals them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt

from app.domain import taxonomy
from app.domain.models import Perpetrator
from ui.case_detail.texts import CTX, plain, yes_no
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.row_table import RowTableModel


@dataclass(frozen=True)
class PerpetratorRow:
    number: int
    person: Perpetrator


class PerpetratorTableModel(RowTableModel[PerpetratorRow]):
    HEADERS = (
        QT_TRANSLATE_NOOP(CTX, "Nama"),
        QT_TRANSLATE_NOOP(CTX, "Samaran"),
        QT_TRANSLATE_NOOP(CTX, "Jenis kelamin"),
        QT_TRANSLATE_NOOP(CTX, "Kelompok usia"),
        QT_TRANSLATE_NOOP(CTX, "Hubungan dengan korban (SIMFONI)"),
        QT_TRANSLATE_NOOP(CTX, "Hubungan dengan KPU"),
        QT_TRANSLATE_NOOP(CTX, "Pekerjaan"),
        QT_TRANSLATE_NOOP(CTX, "Pernah menjadi pelaku"),
        QT_TRANSLATE_NOOP(CTX, "Masih punya akses ke korban"),
    )
    NAME, ALIAS, SEX, AGE, RELATION, KPU, OCCUPATION, PRIOR, ACCESS = range(9)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._revealed = False

    def set_perpetrators(self, people: Sequence[Perpetrator]) -> None:
        self.set_rows([PerpetratorRow(n, p) for n, p in enumerate(people, start=1)])

    def set_revealed(self, revealed: bool) -> None:
        """Show full names (explicit officer action) or initials only."""
        self._revealed = revealed
        if self._rows:
            self.dataChanged.emit(self.index(0, self.NAME),
                                  self.index(len(self._rows) - 1, self.NAME),
                                  [Qt.ItemDataRole.DisplayRole])

    def display(self, row: PerpetratorRow, column: int) -> str:
        person = row.person
        values: tuple[object, ...] = (
            self._name(person), person.alias, person.sex, person.age_band,
            taxonomy.simfoni_relation(person), person.kpu_relation, person.occupation,
        )
        if column < len(values):
            return plain(values[column])
        return yes_no(person.prior_perpetrator if column == self.PRIOR
                      else person.has_access_to_victim)

    def _name(self, person: Perpetrator) -> str:
        if self._revealed:
            return plain(person.full_name)
        return taxonomy.mask_name(person.full_name)

    def row_id(self, row: PerpetratorRow) -> int:
        return row.number
