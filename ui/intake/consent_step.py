"""Step 7 — Persetujuan: services, each referral recipient, statistics; the child path.

A child's consent is given by a parent or guardian (UU PDP Pasal 25). When the guardian may be
the perpetrator, a koordinator can record a best-interest override with a written reason — the
core refuses it for anyone else, and the refusal is shown here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.domain.enums import ConsentOutcome, ConsentPurpose
from app.domain.models import Intake
from ui.intake.consent_mapping import ConsentSlot, slots, victim_is_child
from ui.intake.consent_row import ADULT, CHILD, ConsentRow
from ui.intake.form_state import FormValue, RawForm
from ui.intake.step_base import IntakeStep, box_of, tab_stops


class ConsentStep(IntakeStep):
    sections = ("consent",)

    def __init__(self, recipients: Sequence[tuple[str, str]], is_koordinator: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Persetujuan"),
                         self.tr("Bacakan dengan bahasa sederhana dan beri waktu untuk "
                                 "bertanya. Korban boleh menolak atau memilih sebagian."),
                         "consent", parent)
        self.child = False
        self.not_a_condition = self.note(self.section(), self.tr(
            "Menandatangani persetujuan BUKAN syarat untuk mendapat layanan. Korban tetap "
            "dilayani apa pun keputusannya."), role="banner")
        self.mode_note = QLabel(self.content)
        self.mode_note.setWordWrap(True)
        self.body.addWidget(self.mode_note)
        self.guardian_name, self.guardian_relation = QLineEdit(self), QLineEdit(self)
        self.override_reason = QPlainTextEdit(self)
        self.override_reason.setMaximumHeight(90)
        self._guardian_form()
        self._override_form(is_koordinator)
        self.rows = [self._row(slot, dict(recipients)) for slot in slots(k for k, _ in
                                                                          recipients)]
        self.finish()
        self._apply_mode()

    def _guardian_form(self) -> None:
        form = self.section(self.tr("Persetujuan oleh orang tua/wali"))
        self.guardian_box = box_of(form)
        self.add_row(form, "guardian_name", self.tr("Nama orang tua/wali"), self.guardian_name,
                     hint=self.tr("Wajib diisi bila persetujuan diberikan oleh orang tua/wali."))
        self.add_row(form, "guardian_relation", self.tr("Hubungan dengan korban"),
                     self.guardian_relation, hint=self.tr("Wajib diisi, misalnya ibu, ayah, "
                                                          "paman."))

    def _override_form(self, is_koordinator: bool) -> None:
        form = self.section(self.tr("Pengecualian demi kepentingan terbaik anak"))
        self.override_box = box_of(form)
        self.note(form, self.tr(
            "Bila orang tua/wali diduga terlibat atau tidak bertindak demi kepentingan anak, "
            "persetujuan dapat diganti dengan pengecualian demi kepentingan terbaik anak. "
            "Pilih \"Pengecualian oleh koordinator\" sebagai keputusan dan tulis alasannya. "
            "Hanya koordinator yang dapat mencatatnya; setiap percobaan tercatat."))
        self.petugas_note = None if is_koordinator else self.note(form, self.tr(
            "Anda masuk sebagai petugas: minta koordinator mencatat pengecualian ini."),
            role="banner")
        self.add_row(form, "override_reason", self.tr("Alasan pengecualian"),
                     self.override_reason, above=True)

    def _row(self, slot: ConsentSlot, names: Mapping[str, str]) -> ConsentRow:
        titles = {ConsentPurpose.LAYANAN: self.tr("Layanan oleh posko"),
                  ConsentPurpose.STATISTIK: self.tr("Pelaporan statistik tanpa nama")}
        title = titles.get(slot.purpose) or self.tr("Rujukan ke %1").replace(
            "%1", names.get(slot.recipient or "", slot.recipient or ""))
        row = ConsentRow(slot, title, self.content)
        row.changed.connect(self.changed)
        row.outcome.currentIndexChanged.connect(self._apply_mode)
        self.body.addWidget(row)
        return row

    def row(self, slot_key: str) -> ConsentRow:
        return next(row for row in self.rows if row.slot.key == slot_key)

    # --- child path ----------------------------------------------------------------------

    def enter(self, intake: Intake | None) -> None:
        if intake is not None:
            self.set_child(victim_is_child(intake))

    def set_child(self, child: bool) -> None:
        self.child = child
        for row in self.rows:
            row.set_choices(CHILD if child else ADULT)
        self._apply_mode()

    def _apply_mode(self) -> None:
        decisions = {row.decision() for row in self.rows}
        self.guardian_box.setVisible(self.child or ConsentOutcome.WALI in decisions)
        self.override_box.setVisible(self.child or ConsentOutcome.OVERRIDE in decisions)
        if self.child:
            self.mode_note.setText(self.tr(
                "Korban anak (di bawah 18 tahun saat pengaduan): persetujuan diberikan oleh "
                "orang tua/wali (UU PDP Pasal 25). Nama dan hubungan orang tua/wali wajib "
                "diisi."))
        else:
            self.mode_note.setText(self.tr("Korban dewasa memberikan persetujuannya sendiri. "
                                           "Persetujuan untuk layanan terpisah dari persetujuan "
                                           "rujukan."))

    # --- state ---------------------------------------------------------------------------

    def raw(self) -> RawForm:
        raw = self.fields.raw()
        for row in self.rows:
            raw.update(row.fields.raw())
        return raw

    def restore(self, data: Mapping[str, FormValue]) -> None:
        self.fields.restore(data)
        for row in self.rows:
            row.restore(data)
        self._apply_mode()

    def tab_order(self) -> list[QWidget]:
        stops = super().tab_order()
        for row in self.rows:
            stops += [stop for widget in row.fields.widgets() for stop in tab_stops(widget)]
        return stops

    def summary(self) -> list[tuple[str, list[tuple[str, str]]]]:
        groups = [(row.title(), row.fields.summary(row)) for row in self.rows]
        shared = self.fields.summary(self)
        return [(self.title, shared), *groups] if shared else groups

    def show_errors(self, messages: Mapping[str, str]) -> None:
        rest: dict[str, str] = {}
        for path, text in messages.items():
            if not any(row.fields.show_errors({path: text}) for row in self.rows):
                rest[path] = text
        super().show_errors(rest)

    def clear_errors(self) -> None:
        super().clear_errors()
        for row in self.rows:
            row.fields.clear_errors()
