"""Screenshot scenes of the printed documents (issue 4): each document's first page, rendered
from memory (QPdfDocument → QImage; ``tests.screenshots`` writes the PNG), and the preview
dialog of a referral letter. Printing a document in the demo vault is audited as in real use.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QTimer
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QWidget

from app.domain.enums import CaseStatus, PaperSize, ReferralKind
from app.domain.models import Case
from app.services.documents import DocumentKind, Rendered
from ui.backend import Backend
from ui.context import PageName
from ui.pages.case_detail import CaseDetailPage
from ui.printing import jobs
from ui.printing.menu import CASE_DOCUMENTS, DocumentRequest
from ui.printing.preview_dialog import PreviewDialog
from ui.printing.printer import render_page
from ui.setup.recovery_sheet import RecoverySheet
from ui.shell import Shell

#: Readable on a review page, small enough for a README.
DPI = 110
REFERRED = (CaseStatus.PEMANTAUAN, CaseStatus.DIRUJUK, CaseStatus.DITERUSKAN,
            CaseStatus.DITUTUP, CaseStatus.DIARSIPKAN)
RENDER_MS = 500
DEMO_CODE = "123456-234567-345678-456789-567890-678901-789012-890123"


def first_page(pdf: bytes) -> QImage:
    data = QByteArray(pdf)
    buffer = QBuffer()
    buffer.setData(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    image = render_page(document, 0, DPI)
    document.close()
    return image


def run_job(window: Shell, job: Callable[[Backend], object]) -> object:
    found: list[object] = []
    window.runner.run(job, found.append)
    return found[0]


def _referred_case(kind: ReferralKind) -> Callable[[Backend], Case]:
    """The first demo case with a referral of ``kind`` (each look is audited, as in use)."""
    def job(backend: Backend) -> Case:
        cases = backend.require().cases
        for summary in cases.summaries():
            if summary.status in REFERRED:
                case = cases.get(summary.id)
                if any(r.referral.kind is kind for r in case.referrals):
                    return case
        raise LookupError(kind)
    return job


def _request(window: Shell, kind: DocumentKind) -> DocumentRequest:
    wanted = ReferralKind.PENERUSAN if kind is DocumentKind.SURAT_PENERUSAN else \
        ReferralKind.RUJUKAN
    case = run_job(window, _referred_case(wanted))
    assert isinstance(case, Case)
    if kind in CASE_DOCUMENTS:
        return DocumentRequest(kind, case.id)
    return DocumentRequest(kind, next(r.id for r in case.referrals
                                      if r.referral.kind is wanted))


def _rendered(window: Shell, kind: DocumentKind) -> Rendered:
    rendered = run_job(window, jobs.render(_request(window, kind)))
    assert isinstance(rendered, Rendered)
    return rendered


def document_page(kind: DocumentKind) -> Callable[[Shell], QImage]:
    def scene(window: Shell) -> QImage:
        return first_page(_rendered(window, kind).pdf)
    return scene


def recap_page(window: Shell) -> QImage:
    assert window.workspace is not None
    year = window.workspace.ctx.office_today().year
    rendered = run_job(window, jobs.recap(date(year, 1, 1), date(year, 12, 31)))
    assert isinstance(rendered, Rendered)
    return first_page(rendered.pdf)


def recovery_sheet_page(window: Shell) -> QImage:
    assert window.workspace is not None
    settings = window.workspace.ctx.settings
    return first_page(RecoverySheet.pdf(DEMO_CODE, settings.institution, PaperSize.F4,
                                        window.workspace.ctx.office_today()))


def referral_letter_preview(window: Shell) -> QWidget:
    """The preview dialog as an officer sees it after Cetak → Surat Rujukan."""
    assert window.workspace is not None
    page = window.workspace.page(PageName.DETAIL_KASUS)
    assert isinstance(page, CaseDetailPage)
    dialog = PreviewDialog.for_document(page, window.runner,
                                        _rendered(window, DocumentKind.SURAT_RUJUKAN))
    dialog.resize(1000, 720)
    dialog.show()
    # QPdfView renders pages in its own thread and posts them back: give it a moment, or the
    # capture shows blank pages. (A review artefact, not a test: no condition to wait on.)
    loop = QEventLoop()
    QTimer.singleShot(RENDER_MS, loop.quit)
    loop.exec()
    return dialog


K = DocumentKind
SCENES: dict[str, Callable[[Shell], QWidget | QImage | None]] = {
    "10a-pratinjau-surat-rujukan": referral_letter_preview,
    "10b-dokumen-surat-rujukan": document_page(K.SURAT_RUJUKAN),
    "10c-dokumen-surat-penerusan": document_page(K.SURAT_PENERUSAN),
    "10d-dokumen-formulir-pengaduan": document_page(K.FORMULIR_PENGADUAN),
    "10e-dokumen-lembar-persetujuan": document_page(K.LEMBAR_PERSETUJUAN),
    "10f-dokumen-lembar-umpan-balik": document_page(K.LEMBAR_UMPAN_BALIK),
    "10g-dokumen-lembar-simfoni": document_page(K.LEMBAR_SIMFONI),
    "10h-dokumen-salinan-korban": document_page(K.SALINAN_KORBAN),
    "10i-dokumen-rekap-statistik": recap_page,
    "10j-dokumen-kode-pemulihan": recovery_sheet_page,
}
