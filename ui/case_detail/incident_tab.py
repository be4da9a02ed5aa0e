"""Kejadian: what happened, its classification (UU TPKS, GBVIMS, SIMFONI, Pasal 15), triage and
needs, and the chronology in the client's own words."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain import taxonomy
from app.domain.models import Case, Incident, Intake
from ui.case_detail.field_form import FieldForm, Row
from ui.case_detail.texts import day, labels, plain, yes_no
from ui.i18n import label_text


class IncidentTab(QWidget):
    """Incident facts, derived classifications and triage; the chronology read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.incident = FieldForm(self.tr("Kejadian"), self)
        self.classification = FieldForm(self.tr("Jenis kekerasan"), self)
        self.triage = FieldForm(self.tr("Risiko dan kebutuhan"), self)
        self.chronology = QPlainTextEdit(self)
        self.chronology.setReadOnly(True)
        self.chronology.setMinimumHeight(140)
        box = QGroupBox(self.tr("Kronologi (dengan kata-kata korban)"), self)
        QVBoxLayout(box).addWidget(self.chronology)
        self.gbvims_hint = QLabel(self.tr("Jenis GBVIMS diturunkan dari jawaban ya/tidak saat "
                                          "pengaduan, bukan diketik."), self)
        self.gbvims_hint.setProperty("role", "hint")
        self.gbvims_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.incident, self.classification, self.gbvims_hint, self.triage, box):
            layout.addWidget(widget)
        layout.addStretch(1)

    def set_case(self, case: Case) -> None:
        intake = case.intake
        self.incident.set_rows(self._incident_rows(intake.incident))
        self.classification.set_rows(self._classification_rows(intake.incident))
        self.triage.set_rows(self._triage_rows(intake))
        self.chronology.setPlainText(intake.incident.chronology or "")

    def _incident_rows(self, incident: Incident) -> list[Row]:
        occurred = day(incident.occurred_on)
        if incident.occurred_on is not None and incident.date_is_approximate:
            occurred = self.tr("%1 (perkiraan)").replace("%1", occurred)
        clock = incident.occurred_time
        where = incident.previously_reported_where
        return [
            ("occurred_on", self.tr("Tanggal kejadian"), occurred),
            ("occurred_time", self.tr("Jam"), plain(None if clock is None
                                                    else f"{clock:%H.%M}")),
            ("time_of_day", self.tr("Waktu"), plain(incident.time_of_day)),
            ("place", self.tr("Tempat kejadian (SIMFONI)"), plain(incident.place)),
            ("kecamatan", self.tr("Kecamatan kejadian"), plain(incident.kecamatan)),
            ("electronic", self.tr("Melalui sarana elektronik"), yes_no(incident.electronic)),
            ("previously_reported", self.tr("Pernah dilaporkan di tempat lain"),
             yes_no(incident.previously_reported) + (f" ({where})" if where else "")),
            ("earlier_incidents", self.tr("Jumlah kejadian sebelumnya"),
             plain(incident.earlier_incidents)),
            ("evidence", self.tr("Bukti yang disebutkan"),
             "; ".join(incident.evidence) if incident.evidence else plain(None)),
        ]

    def _classification_rows(self, incident: Incident) -> list[Row]:
        gbvims = taxonomy.gbvims_type(incident.gbvims, incident.tpks_types)
        simfoni = taxonomy.simfoni_violence(incident.tpks_types, incident.extra_violence)
        return [
            ("tpks_types", self.tr("Jenis menurut UU TPKS"), labels(incident.tpks_types)),
            ("gbvims", self.tr("Jenis GBVIMS (turunan)"), label_text(gbvims)),
            ("simfoni", self.tr("Jenis kekerasan SIMFONI-PPA"), labels(simfoni)),
            ("pasal15", self.tr("Pemberatan Pasal 15 UU TPKS"), labels(incident.pasal15)),
        ]

    def _triage_rows(self, intake: Intake) -> list[Row]:
        triage = intake.triage
        return [
            ("priority", self.tr("Prioritas"), plain(triage.priority)),
            ("priority_reason", self.tr("Alasan prioritas"), plain(triage.priority_reason)),
            ("immediate_danger", self.tr("Bahaya langsung"), yes_no(triage.immediate_danger)),
            ("injury_or_recent", self.tr("Luka atau kejadian < 72 jam"),
             yes_no(triage.injury_or_recent)),
            ("perpetrator_access", self.tr("Terlapor punya akses ke korban"),
             yes_no(triage.perpetrator_access)),
            ("needs", self.tr("Kebutuhan korban"), labels(intake.needs.items)),
            ("expectations", self.tr("Harapan korban"), plain(intake.needs.expectations)),
        ]
