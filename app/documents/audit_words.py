"""Audit rows and corrected fields in plain Indonesian, for the subject-access report.

The audit log stores action codes (``case.view``) and identifier-like details; a data subject
reads "Membuka data kasus". Codes this table does not know print as they are, so a new action
never disappears from the report. Corrected fields are dotted intake paths
(``victim.phone``) and their earlier values as JSON; values of third parties (reporter,
terlapor) are never printed.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Mapping
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any, Final

from app.documents import dates
from app.domain import models
from app.domain.enums import CaseStatus, ConsentOutcome, ConsentPurpose
from app.domain.labels import label
from app.domain.settings import OfficeSettings

ACTIONS: Final[Mapping[str, str]] = {
    "case.create": "Mencatat pengaduan baru",
    "case.view": "Membuka data kasus",
    "case.update": "Mengubah data pengaduan",
    "case.print": "Mencetak dokumen",
    "case.reveal_name": "Menampilkan nama lengkap korban",
    "case.status": "Mengubah status kasus",
    "case.assign": "Menugaskan petugas penanganan",
    "case.restrict": "Membatasi akses petugas tertentu",
    "case.refer": "Merujuk atau meneruskan kasus",
    "case.feedback": "Mencatat umpan balik unit penerima rujukan",
    "case.police_report_confirmed": "Mencatat konfirmasi laporan ke kepolisian",
    "case.follow_up": "Mencatat tindak lanjut",
    "case.right": "Mencatat pemenuhan hak korban",
    "case.close": "Menutup kasus",
    "case.reopen": "Membuka kembali kasus",
    "case.form_draft_saved": "Menyimpan isian formulir (sementara)",
    "case.form_draft_discarded": "Membuang isian formulir (sementara)",
    "case.view_corrections": "Melihat riwayat koreksi data",
    "case.destroy": "Memusnahkan data kasus",
    "consent.record": "Mencatat persetujuan",
    "consent.revoke": "Mencatat pencabutan persetujuan",
    "attachment.add": "Menambahkan lampiran berkas",
    "attachment.view": "Membuka lampiran berkas",
    "audit.view": "Melihat riwayat akses",
    "access.denied": "Permintaan akses ditolak sistem",
    "document.export": "Menyimpan dokumen sebagai PDF terenkripsi",
    "letter.number_issued": "Menerbitkan nomor surat",
}

DOCUMENTS: Final[Mapping[str, str]] = {
    "surat_rujukan": "Surat Rujukan",
    "surat_penerusan": "Surat Penerusan",
    "formulir_pengaduan": "Formulir Pengaduan",
    "lampiran_formulir_pengaduan": "Formulir Pengaduan (lampiran surat)",
    "lembar_persetujuan": "Lembar Persetujuan",
    "lembar_umpan_balik": "Lembar Umpan Balik",
    "lembar_simfoni": "Lembar Data SIMFONI-PPA",
    "salinan_korban": "Salinan untuk Korban",
    "laporan_akses_data": "Laporan Akses Data Pribadi",
    "berita_acara_pemusnahan": "Berita Acara Pemusnahan",
}

SECTIONS: Final[Mapping[str, str]] = {
    "reception": "Penerimaan", "reporter": "Pelapor", "victim": "Korban",
    "perpetrators": "Terlapor", "incident": "Kejadian", "triage": "Risiko",
    "needs": "Kebutuhan",
}

FIELDS: Final[Mapping[str, str]] = {
    "received_at": "waktu diterima", "channel": "saluran", "referred_by": "datang atas saran",
    "routes": "rute penanganan", "route_note": "catatan rute", "is_victim": "pelapor korban",
    "relationship": "hubungan", "safe_contact": "kontak aman", "victim_knows": "korban tahu",
    "confidential": "dirahasiakan", "full_name": "nama lengkap", "alias": "nama panggilan",
    "title_front": "gelar depan", "title_back": "gelar belakang", "sex": "jenis kelamin",
    "birth_date": "tanggal lahir", "age_years": "usia", "nik": "NIK", "address": "alamat",
    "desa": "desa/kelurahan", "kecamatan": "kecamatan", "phone": "nomor telepon",
    "safe_to_call": "aman ditelepon", "safe_to_text": "aman dikirimi pesan",
    "contact_via_posko": "hubungi melalui posko", "education": "pendidikan",
    "occupation": "pekerjaan", "marital_status": "status perkawinan",
    "disability": "disabilitas", "disability_type": "jenis disabilitas",
    "accommodation": "akomodasi", "pregnant": "hamil", "kpu_relation": "hubungan dengan KPU",
    "occurred_on": "tanggal kejadian", "occurred_time": "jam kejadian",
    "date_is_approximate": "tanggal perkiraan", "time_of_day": "bagian hari",
    "place": "tempat kejadian", "chronology": "kronologi", "tpks_types": "jenis kekerasan",
    "extra_violence": "jenis kekerasan lain", "gbvims": "jawaban GBVIMS",
    "pasal15": "keadaan pemberat", "electronic": "sarana elektronik",
    "previously_reported": "pernah dilaporkan", "previously_reported_where": "dilaporkan ke",
    "earlier_incidents": "kejadian sebelumnya", "evidence": "bukti",
    "immediate_danger": "bahaya segera", "injury_or_recent": "cedera/kurang dari 72 jam",
    "child": "anak", "perpetrator_access": "akses terlapor", "insider": "kasus internal",
    "priority": "prioritas", "priority_reason": "alasan prioritas", "items": "kebutuhan",
    "expectations": "harapan",
}

#: Sections about someone other than the data subject: their values are never printed.
THIRD_PARTY: Final = frozenset({"reporter", "perpetrators"})


def action_text(action: str) -> str:
    return ACTIONS.get(action, action)


def field_text(path: str) -> str:
    """``victim.phone`` → ``Korban: nomor telepon``; unknown parts as they are."""
    section, _, rest = path.partition(".")
    words = [FIELDS.get(part, part) for part in rest.split(".") if part]
    head = SECTIONS.get(section, section)
    return f"{head}: {' '.join(words)}" if words else head


def _enum_types(hint: Any) -> list[type[Enum]]:
    args = typing.get_args(hint) or (hint,)
    found: list[type[Enum]] = []
    for arg in args:
        if isinstance(arg, type) and issubclass(arg, Enum):
            found.append(arg)
        elif typing.get_args(arg):
            found += _enum_types(arg)
    return found


def _hint(path: str) -> Any:
    """The declared type of a dotted intake path, or ``None`` when it is not a field."""
    owner: Any = models.Intake
    hint: Any = None
    for part in path.split("."):
        if not (isinstance(owner, type) and hasattr(owner, "__dataclass_fields__")):
            return None
        hint = typing.get_type_hints(owner).get(part)
        if hint is None:
            return None
        owner = next((arg for arg in (typing.get_args(hint) or (hint,))
                      if isinstance(arg, type) and hasattr(arg, "__dataclass_fields__")), hint)
    return hint


def _scalar(value: Any, enums: list[type[Enum]], tz: timezone) -> str:
    if value is None:
        return "(kosong)"
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, str):
        for kind in enums:
            try:
                return label(kind(value))
            except ValueError:
                continue
        return _temporal(value, tz)
    return str(value)


def _temporal(text: str, tz: timezone) -> str:
    """ISO dates and times as the documents write them; any other text as it is."""
    try:
        if "T" in text and len(text) >= 16:
            return dates.tanggal_jam(datetime.fromisoformat(text.replace("Z", "+00:00")), tz)
        if len(text) == 10:
            return dates.tanggal(date.fromisoformat(text))
    except ValueError:
        pass
    return text


def old_value_text(path: str, raw: str, tz: timezone) -> str:
    """An earlier value in words: coded values by their labels, dates in Indonesian."""
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    enums = _enum_types(_hint(path))
    if isinstance(value, list):
        return "; ".join(_scalar(item, enums, tz) for item in value) or "(kosong)"
    if isinstance(value, dict):
        return "; ".join(f"{FIELDS.get(key, key)}: {_scalar(item, enums, tz)}"
                         for key, item in sorted(value.items()))
    return _scalar(value, enums, tz)


def detail_text(action: str, detail: Mapping[str, Any], office: OfficeSettings) -> str:
    """What an audit row's detail says, in words (codes only: the audit holds no content)."""
    if action in ("case.print", "document.export"):
        name = DOCUMENTS.get(str(detail.get("document")), str(detail.get("document") or ""))
        number = detail.get("letter_number")
        return f"{name}, nomor {number}" if number else name
    if action in ("case.status", "case.close", "case.reopen"):
        return _status_move(detail)
    if action == "case.refer":
        return "; ".join(part for part in (_recipient(detail, office), _status_move(detail))
                         if part)
    if action == "case.update":
        fields = detail.get("fields") or []
        return "; ".join(field_text(str(path)) for path in fields)
    if action in ("consent.record", "consent.revoke"):
        return _consent(detail, office)
    if action == "letter.number_issued":
        return str(detail.get("number") or "")
    if action == "access.denied":
        return action_text(str(detail.get("action") or ""))
    return ""


def _status_move(detail: Mapping[str, Any]) -> str:
    moves = [_coded(CaseStatus, detail.get(key)) for key in ("from", "to")]
    return " → ".join(move for move in moves if move)


def _consent(detail: Mapping[str, Any], office: OfficeSettings) -> str:
    parts = [_coded(ConsentPurpose, detail.get("purpose")),
             _coded(ConsentOutcome, detail.get("outcome"))]
    parts.append(_recipient(detail, office))
    return "; ".join(part for part in parts if part)


def _recipient(detail: Mapping[str, Any], office: OfficeSettings) -> str:
    """The recipient's name from the directory (its key when no longer listed)."""
    key = detail.get("recipient")
    if not key:
        return ""
    recipient = office.recipient(str(key))
    return recipient.name if recipient is not None else str(key)


def _coded(kind: type[Enum], value: object) -> str:
    if value is None:
        return ""
    try:
        return label(kind(value))
    except ValueError:
        return str(value)
