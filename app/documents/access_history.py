"""The history parts of the subject-access report: consents, referrals, follow-ups, rights,
attachments, status changes, corrections and the processing trail from the audit log.

Each part is a ruled table whose header repeats on every page, so a case with thousands of
audit rows still prints (and splits) cleanly. Times are in the office's zone.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable

from app.documents import audit_words, dates
from app.documents import form_facts as f
from app.documents import pdp_layout as lay
from app.documents import pdp_texts as t
from app.documents.form_blocks import para
from app.documents.pdp_context import AccessReportDocument
from app.documents.tables import Cell
from app.documents.text import markup
from app.domain.labels import label
from app.domain.models import ConsentRecord, Referral

Rows = list[list[Cell]]


def _when(doc: AccessReportDocument, moment: datetime) -> str:
    """``02/03/2026 09.00 WIB``: compact, for table columns."""
    return f"{dates.tanggal_singkat(moment.astimezone(doc.tz).date())} {dates.jam(moment, doc.tz)}"


def _none() -> list[Flowable]:
    return [para(markup(t.AR_NONE))]


def _consent_text(doc: AccessReportDocument, record: ConsentRecord) -> str:
    consent = record.consent
    parts = [f.consent_state(doc, record)]
    if consent.recipient is not None:
        parts.append(f"Data: {f.items_text(f.shared_items(record))}")
    if consent.guardian_name or consent.guardian_relation:
        parts.append(f"Wali: {f.text(consent.guardian_name)} "
                     f"({f.text(consent.guardian_relation)})")
    for prefix, value in (("Alasan pengecualian", consent.override_reason),
                          ("Catatan", consent.note), ("Alasan pencabutan",
                                                      record.revoked_reason)):
        if value:
            parts.append(f"{prefix}: {value}")
    return f.sentences(parts)


def consents(doc: AccessReportDocument, width: float) -> list[Flowable]:
    """Every decision ever recorded, revoked ones included (not only the current ones)."""
    records = doc.case.consents
    if not records:
        return _none()
    rows: Rows = [[_when(doc, r.recorded_at), f.officer(doc, r.recorded_by),
                   f.consent_scope(doc, r), _consent_text(doc, r)] for r in records]
    return [lay.grid(("Dicatat", "Petugas", "Keperluan / penerima", "Keputusan"), rows,
                     (0.17, 0.17, 0.26, 0.40), width)]


def _feedback(doc: AccessReportDocument, referral: Referral) -> str:
    if referral.feedback_at is None:
        return "Belum ada jawaban"
    parts = [f"{dates.tanggal(f.local_date(doc, referral.feedback_at))}: "
             f"{f.coded(referral.outcome)}"]
    if referral.feedback_note:
        parts.append(referral.feedback_note)
    return f.sentences(parts)


def _referral_row(doc: AccessReportDocument, referral: Referral) -> list[Cell]:
    given = referral.referral
    what = f.sentences([label(given.kind), f.coded_list(given.services),
                        *([given.note] if given.note else [])])
    return [_when(doc, referral.sent_at), f.recipient_name(doc, given.recipient), what,
            referral.letter_number or given.letter_number or "—", _feedback(doc, referral)]


def referrals(doc: AccessReportDocument, width: float) -> list[Flowable]:
    if not doc.case.referrals:
        return _none()
    rows = [_referral_row(doc, referral) for referral in doc.case.referrals]
    return [lay.grid(("Dikirim", "Penerima", "Jenis dan layanan", "Nomor surat",
                      "Umpan balik"), rows, (0.14, 0.24, 0.20, 0.22, 0.20), width)]


def follow_ups(doc: AccessReportDocument, width: float) -> list[Flowable]:
    if not doc.case.follow_ups:
        return _none()
    rows: Rows = [[_when(doc, item.at), f.officer(doc, item.officer_id), label(item.kind),
                   item.note] for item in doc.case.follow_ups]
    return [lay.grid(("Waktu", "Petugas", "Jenis", "Catatan"), rows,
                     (0.17, 0.18, 0.18, 0.47), width)]


def rights(doc: AccessReportDocument, width: float) -> list[Flowable]:
    if not doc.case.rights:
        return _none()
    rows: Rows = [[label(entry.right), label(entry.status), _when(doc, entry.at),
                   f.officer(doc, entry.officer_id), entry.note]
                  for entry in doc.case.rights]
    return [lay.grid(("Hak", "Keadaan", "Dicatat", "Petugas", "Catatan"), rows,
                     (0.26, 0.14, 0.16, 0.16, 0.28), width)]


def closure(doc: AccessReportDocument, width: float) -> list[Flowable]:
    closed = doc.case.closure
    if closed is None:
        return [para(markup("Kasus belum ditutup."))]
    rows: Rows = [[_when(doc, closed.closed_at), f.officer(doc, closed.closed_by),
                   label(closed.reason), closed.note]]
    return [lay.grid(("Ditutup", "Petugas", "Alasan", "Catatan"), rows,
                     (0.17, 0.18, 0.25, 0.40), width)]


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB".replace(".", ",")
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def attachments(doc: AccessReportDocument, width: float) -> list[Flowable]:
    """Names and sizes only: the files themselves can be shown at the posko."""
    if not doc.attachments:
        return _none()
    rows: Rows = [[str(number), item.filename, _size(item.size), _when(doc, item.added_at),
                   f.officer(doc, item.added_by)]
                  for number, item in enumerate(doc.attachments, 1)]
    return [lay.grid(("No", "Nama berkas", "Ukuran", "Ditambahkan", "Petugas"), rows,
                     (0.07, 0.41, 0.12, 0.20, 0.20), width)]


def statuses(doc: AccessReportDocument, width: float) -> list[Flowable]:
    if not doc.case.history:
        return _none()
    rows: Rows = [[_when(doc, change.at), f.coded(change.from_status) if change.from_status
                   else "—", label(change.to_status), f.officer(doc, change.by_user),
                   change.reason] for change in doc.case.history]
    return [lay.grid(("Waktu", "Dari", "Menjadi", "Petugas", "Keterangan"), rows,
                     (0.17, 0.17, 0.17, 0.18, 0.31), width)]


def _old_value(doc: AccessReportDocument, path: str, raw: str) -> str:
    """The earlier value of the subject's own data; a third party's is never printed."""
    if path.split(".")[0] in audit_words.THIRD_PARTY:
        return t.AR_THIRD_PARTY_VALUE
    return audit_words.old_value_text(path, raw, doc.tz)


def corrections(doc: AccessReportDocument, width: float) -> list[Flowable]:
    if not doc.corrections:
        return _none()
    rows: Rows = [[_when(doc, change.changed_at), f.officer(doc, change.changed_by),
                   audit_words.field_text(change.field),
                   _old_value(doc, change.field, change.old_value)]
                  for change in doc.corrections]
    return [lay.grid(("Diubah", "Petugas", "Data", "Nilai sebelumnya"), rows,
                     (0.17, 0.18, 0.27, 0.38), width)]


def trail(doc: AccessReportDocument, width: float) -> list[Flowable]:
    """Every audit row of the case, oldest first: when, who, what."""
    if not doc.trail:
        return _none()
    rows: Rows = [[str(number), _when(doc, entry.at), entry.officer or t.AR_SYSTEM,
                   audit_words.action_text(entry.action),
                   audit_words.detail_text(entry.action, entry.detail, doc.office)]
                  for number, entry in enumerate(doc.trail, 1)]
    return [para(markup(t.AR_TRAIL_INTRO)),
            lay.grid(t.AR_TRAIL_HEADER, rows, (0.08, 0.16, 0.17, 0.26, 0.33), width)]
