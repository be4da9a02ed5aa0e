"""Jobs for the DB thread: render a document (audited by the core) or export one encrypted.

Each factory returns ``job(backend)``; the job returns plain data and never touches a widget
(STYLE.md §3). Rendering and encrypting are CPU work that belongs off the GUI thread too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.documents import export
from app.services.documents import DocumentKind, Rendered
from ui.backend import Backend
from ui.printing.menu import DocumentRequest

RenderJob = Callable[[Backend], Rendered]

K = DocumentKind


def render(request: DocumentRequest) -> RenderJob:
    """The document a Cetak-menu entry asks for (a letter takes its next register number)."""
    def job(backend: Backend) -> Rendered:
        documents = backend.require().documents
        target = request.target_id
        renderers: dict[DocumentKind, Callable[[int], Rendered]] = {
            K.FORMULIR_PENGADUAN: documents.intake_form,
            K.LEMBAR_PERSETUJUAN: documents.consent_form,
            K.SALINAN_KORBAN: documents.survivor_copy,
            K.SURAT_RUJUKAN: documents.referral_letter,
            K.SURAT_PENERUSAN: documents.referral_letter,
            K.LEMBAR_UMPAN_BALIK: documents.feedback_slip,
            K.LEMBAR_SIMFONI: documents.simfoni_sheet,
            K.LAMPIRAN_PENGADUAN: documents.intake_form_for_referral,
        }
        return renderers[request.kind](target)
    return job


def referral_letter(referral_id: int, manual_number: str | None) -> RenderJob:
    """Surat rujukan or penerusan; ``manual_number`` is the one Subbag Umum/TU gave."""
    def job(backend: Backend) -> Rendered:
        return backend.require().documents.referral_letter(referral_id, manual_number)
    return job


def recap(start: date, end: date) -> RenderJob:
    def job(backend: Backend) -> Rendered:
        return backend.require().documents.recap(start, end)
    return job


def export_pdf(rendered: Rendered, password: str, path: str) -> Callable[[Backend], str]:
    """Encrypt (AES-256, R6), audit, then write to ``path`` — the only file written."""
    def job(backend: Backend) -> str:
        session = backend.require()
        encrypted = export.encrypt(rendered.pdf, password)
        # Audited before writing: a file never exists without its record. A write that
        # fails afterwards leaves a record of an attempt, which is the safer error.
        session.documents.record_export(rendered)
        Path(path).write_bytes(encrypted)
        return path
    return job
