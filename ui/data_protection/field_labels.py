"""Corrected fields in the posko's words: a label for a dotted path, a readable old value.

The core keeps each earlier value as JSON text under its dotted intake path
(``victim.occupation``). The type of the field is read from the intake dataclasses, so a coded
value shows its Indonesian label, a date its Indonesian form and yes/no as "Ya"/"Tidak".
Identifying values (names, NIK, phone, address) stay masked until the koordinator reveals them.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from enum import Enum
from typing import Any

from app.domain import taxonomy
from app.domain.models import Intake
from ui.case_detail.texts import day, when, yes_no
from ui.data_protection.texts import CTX, NONE_TEXT, tr
from ui.i18n import QT_TRANSLATE_NOOP, label_text

SECTIONS: Mapping[str, str] = {
    "reception": QT_TRANSLATE_NOOP(CTX, "Penerimaan"),
    "reporter": QT_TRANSLATE_NOOP(CTX, "Pelapor"),
    "victim": QT_TRANSLATE_NOOP(CTX, "Korban"),
    "perpetrators": QT_TRANSLATE_NOOP(CTX, "Terlapor"),
    "incident": QT_TRANSLATE_NOOP(CTX, "Kejadian"),
    "triage": QT_TRANSLATE_NOOP(CTX, "Risiko"),
    "needs": QT_TRANSLATE_NOOP(CTX, "Kebutuhan"),
}

FIELDS: Mapping[str, str] = {
    "reception.received_at": QT_TRANSLATE_NOOP(CTX, "Waktu diterima"),
    "reception.channel": QT_TRANSLATE_NOOP(CTX, "Saluran"),
    "reception.referred_by": QT_TRANSLATE_NOOP(CTX, "Datang atas saran"),
    "reception.routes": QT_TRANSLATE_NOOP(CTX, "Jalur penanganan"),
    "reception.route_note": QT_TRANSLATE_NOOP(CTX, "Catatan jalur"),
    "reporter.is_victim": QT_TRANSLATE_NOOP(CTX, "Pelapor adalah korban sendiri"),
    "reporter.full_name": QT_TRANSLATE_NOOP(CTX, "Nama pelapor"),
    "reporter.relationship": QT_TRANSLATE_NOOP(CTX, "Hubungan dengan korban"),
    "reporter.safe_contact": QT_TRANSLATE_NOOP(CTX, "Kontak aman"),
    "reporter.victim_knows": QT_TRANSLATE_NOOP(CTX, "Korban tahu tentang laporan ini"),
    "reporter.confidential": QT_TRANSLATE_NOOP(CTX, "Identitas pelapor dirahasiakan"),
    "victim.full_name": QT_TRANSLATE_NOOP(CTX, "Nama"),
    "victim.alias": QT_TRANSLATE_NOOP(CTX, "Nama samaran"),
    "victim.title_front": QT_TRANSLATE_NOOP(CTX, "Gelar depan"),
    "victim.title_back": QT_TRANSLATE_NOOP(CTX, "Gelar belakang"),
    "victim.sex": QT_TRANSLATE_NOOP(CTX, "Jenis kelamin"),
    "victim.birth_date": QT_TRANSLATE_NOOP(CTX, "Tanggal lahir"),
    "victim.age_years": QT_TRANSLATE_NOOP(CTX, "Usia saat melapor"),
    "victim.nik": QT_TRANSLATE_NOOP(CTX, "NIK"),
    "victim.address": QT_TRANSLATE_NOOP(CTX, "Alamat"),
    "victim.desa": QT_TRANSLATE_NOOP(CTX, "Desa/kelurahan"),
    "victim.kecamatan": QT_TRANSLATE_NOOP(CTX, "Kecamatan"),
    "victim.phone": QT_TRANSLATE_NOOP(CTX, "Telepon"),
    "victim.safe_to_call": QT_TRANSLATE_NOOP(CTX, "Aman ditelepon"),
    "victim.safe_to_text": QT_TRANSLATE_NOOP(CTX, "Aman dikirimi pesan"),
    "victim.contact_via_posko": QT_TRANSLATE_NOOP(CTX, "Hubungi hanya lewat posko"),
    "victim.education": QT_TRANSLATE_NOOP(CTX, "Pendidikan"),
    "victim.occupation": QT_TRANSLATE_NOOP(CTX, "Pekerjaan"),
    "victim.marital_status": QT_TRANSLATE_NOOP(CTX, "Status perkawinan"),
    "victim.disability": QT_TRANSLATE_NOOP(CTX, "Penyandang disabilitas"),
    "victim.disability_type": QT_TRANSLATE_NOOP(CTX, "Jenis disabilitas"),
    "victim.accommodation": QT_TRANSLATE_NOOP(CTX, "Akomodasi yang dibutuhkan"),
    "victim.pregnant": QT_TRANSLATE_NOOP(CTX, "Sedang hamil"),
    "victim.kpu_relation": QT_TRANSLATE_NOOP(CTX, "Hubungan dengan KPU"),
    "perpetrators": QT_TRANSLATE_NOOP(CTX, "Daftar terlapor"),
    "incident.occurred_on": QT_TRANSLATE_NOOP(CTX, "Tanggal kejadian"),
    "incident.occurred_time": QT_TRANSLATE_NOOP(CTX, "Jam kejadian"),
    "incident.date_is_approximate": QT_TRANSLATE_NOOP(CTX, "Tanggal perkiraan"),
    "incident.time_of_day": QT_TRANSLATE_NOOP(CTX, "Waktu"),
    "incident.place": QT_TRANSLATE_NOOP(CTX, "Tempat kejadian (SIMFONI)"),
    "incident.kecamatan": QT_TRANSLATE_NOOP(CTX, "Kecamatan kejadian"),
    "incident.chronology": QT_TRANSLATE_NOOP(CTX, "Kronologi"),
    "incident.tpks_types": QT_TRANSLATE_NOOP(CTX, "Jenis menurut UU TPKS"),
    "incident.extra_violence": QT_TRANSLATE_NOOP(CTX, "Jenis kekerasan SIMFONI-PPA"),
    "incident.pasal15": QT_TRANSLATE_NOOP(CTX, "Pemberatan Pasal 15 UU TPKS"),
    "incident.electronic": QT_TRANSLATE_NOOP(CTX, "Melalui sarana elektronik"),
    "incident.previously_reported": QT_TRANSLATE_NOOP(CTX, "Pernah dilaporkan di tempat lain"),
    "incident.previously_reported_where": QT_TRANSLATE_NOOP(CTX, "Dilaporkan di"),
    "incident.earlier_incidents": QT_TRANSLATE_NOOP(CTX, "Jumlah kejadian sebelumnya"),
    "incident.evidence": QT_TRANSLATE_NOOP(CTX, "Bukti yang disebutkan"),
    "triage.immediate_danger": QT_TRANSLATE_NOOP(CTX, "Bahaya langsung"),
    "triage.injury_or_recent": QT_TRANSLATE_NOOP(CTX, "Luka atau kejadian < 72 jam"),
    "triage.child": QT_TRANSLATE_NOOP(CTX, "Korban anak"),
    "triage.disability": QT_TRANSLATE_NOOP(CTX, "Korban penyandang disabilitas"),
    "triage.perpetrator_access": QT_TRANSLATE_NOOP(CTX, "Terlapor punya akses ke korban"),
    "triage.insider": QT_TRANSLATE_NOOP(CTX, "Terlapor orang dalam"),
    "triage.priority": QT_TRANSLATE_NOOP(CTX, "Prioritas"),
    "triage.priority_reason": QT_TRANSLATE_NOOP(CTX, "Alasan prioritas"),
    "needs.items": QT_TRANSLATE_NOOP(CTX, "Kebutuhan korban"),
    "needs.expectations": QT_TRANSLATE_NOOP(CTX, "Harapan korban"),
}

#: Values that identify a person: masked in the history until revealed.
IDENTIFYING = frozenset({"reporter.full_name", "reporter.safe_contact", "victim.full_name",
                         "victim.alias", "victim.nik", "victim.address", "victim.phone",
                         "perpetrators"})
NAMES = frozenset({"reporter.full_name", "victim.full_name", "victim.alias"})
HIDDEN = "••••••"


def field_label(path: str) -> str:
    """``Korban: Pekerjaan``; a path without a known label is shown as it is."""
    known = FIELDS.get(path)
    section = SECTIONS.get(path.split(".")[0])
    if known is None:
        return path
    return tr(known) if section is None or "." not in path else f"{tr(section)}: {tr(known)}"


def old_value_text(path: str, text: str, revealed: bool, tz: tzinfo) -> str:
    """The earlier value in words (times in the office's zone ``tz``); identifying values
    masked unless ``revealed``."""
    try:
        value = json.loads(text)
    except ValueError:
        return NONE_TEXT
    if path in IDENTIFYING and not revealed and value not in (None, "", []):
        return _masked(path, value)
    return _words(value, field_type(path), tz)


def field_type(path: str) -> Any:
    """The annotation of a dotted intake path (``None`` when unknown)."""
    hint: Any = Intake
    for part in path.split("."):
        cls = _dataclass_in(hint)
        if cls is None:
            return None
        hint = typing.get_type_hints(cls).get(part)
    return hint


def _dataclass_in(hint: Any) -> type | None:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return hint
    return next((c for c in map(_dataclass_in, typing.get_args(hint)) if c is not None), None)


def _kind_in(hint: Any, kind: type) -> type | None:
    """The first subclass of ``kind`` (Enum, date) inside an annotation."""
    if isinstance(hint, type) and issubclass(hint, kind):
        return hint
    return next((c for c in (_kind_in(a, kind) for a in typing.get_args(hint)) if c), None)


def _words(value: object, hint: Any, tz: tzinfo) -> str:
    if value is None or value in ("", []):
        return NONE_TEXT
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, list):
        return ", ".join(sorted(_words(item, hint, tz) for item in value))
    if isinstance(value, dict):
        return _perpetrator(value, revealed=True)
    enum = _kind_in(hint, Enum)
    if enum is not None and isinstance(value, str):
        return _enum_label(enum, value)
    moment = _kind_in(hint, date)
    if moment is not None and isinstance(value, str):
        return _moment(value, tz) if moment is datetime else _day(value)
    return str(value)


def _enum_label(enum: type, code: str) -> str:
    try:
        member = enum(code)
    except ValueError:
        return code
    return label_text(member) if isinstance(member, Enum) else code


def _day(text: str) -> str:
    try:
        return day(date.fromisoformat(text))
    except ValueError:
        return text


def _moment(text: str, tz: tzinfo) -> str:
    try:
        return when(datetime.fromisoformat(text.replace("Z", "+00:00")), tz)
    except ValueError:
        return text


def _masked(path: str, value: object) -> str:
    if path == "perpetrators" and isinstance(value, list):
        return ", ".join(_perpetrator(p, revealed=False) for p in value if isinstance(p, dict))
    if path in NAMES and isinstance(value, str):
        return taxonomy.mask_name(value)
    return HIDDEN


def _perpetrator(value: Mapping[str, object], revealed: bool) -> str:
    name = value.get("full_name")
    if not isinstance(name, str) or not name.strip():
        return tr("terlapor tanpa nama")
    return name if revealed else taxonomy.mask_name(name)

