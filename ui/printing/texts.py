"""Indonesian names of the printed documents and the window titles built from them.

Titles name a document and at most a case code: never a person (window titles, the print
queue and the Windows event log all show them).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from app.services.documents import DocumentKind, Rendered
from ui.i18n import QT_TRANSLATE_NOOP

CTX = "Printing"

K = DocumentKind
KIND_NAMES: Mapping[DocumentKind, str] = {
    K.SURAT_RUJUKAN: QT_TRANSLATE_NOOP(CTX, "Surat Rujukan"),
    K.SURAT_PENERUSAN: QT_TRANSLATE_NOOP(CTX, "Surat Penerusan"),
    K.FORMULIR_PENGADUAN: QT_TRANSLATE_NOOP(CTX, "Formulir Pengaduan"),
    K.LEMBAR_PERSETUJUAN: QT_TRANSLATE_NOOP(CTX, "Lembar Persetujuan"),
    K.LAMPIRAN_PENGADUAN: QT_TRANSLATE_NOOP(CTX, "Formulir Pengaduan (lampiran, sesuai "
                                                 "persetujuan)"),
    K.LEMBAR_UMPAN_BALIK: QT_TRANSLATE_NOOP(CTX, "Lembar Umpan Balik"),
    K.LEMBAR_SIMFONI: QT_TRANSLATE_NOOP(CTX, "Lembar Data SIMFONI-PPA"),
    K.SALINAN_KORBAN: QT_TRANSLATE_NOOP(CTX, "Salinan untuk Korban"),
    K.REKAP_STATISTIK: QT_TRANSLATE_NOOP(CTX, "Rekap Statistik"),
}
RECOVERY_SHEET = QT_TRANSLATE_NOOP(CTX, "Lembar Kode Pemulihan")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def kind_name(kind: DocumentKind) -> str:
    return tr(KIND_NAMES[kind])


def document_title(rendered: Rendered) -> str:
    """``Surat Rujukan — 007/PPKS/3316/2026``: the document and the case code only."""
    name = kind_name(rendered.kind)
    return name if rendered.case_code is None else f"{name} — {rendered.case_code}"
