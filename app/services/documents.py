"""Printing: every document rendered from vault data into PDF bytes, audited.

The service gathers what a renderer needs (app.documents.context), checks the officer may
print the case, issues letter numbers from the register, and writes one ``case.print`` audit
row per document (``stats.print`` for recaps). Referral letters print only the data items the
referral's consent allows. Nothing is written to disk here; saving a PDF is the UI's explicit
act, encrypted (:mod:`app.documents.export`) and audited with :meth:`record_export`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.documents import (
    consent_form,
    feedback_slip,
    intake_form,
    recap,
    referral_letter,
    simfoni_sheet,
    survivor_copy,
)
from app.documents.context import CaseDocument, ReferralDocument
from app.documents.redaction import for_recipient
from app.domain.enums import ReferralKind
from app.errors import ErrorCode, NotFound
from app.services import letters
from app.services import settings as settings_store
from app.services.access import Action, require, require_case
from app.services.context import Context
from app.services.referrals import allowed_items
from app.services.statistics import StatisticsService
from app.store import case_repo, user_repo
from app.store.tx import write_transaction


class DocumentKind(StrEnum):
    SURAT_RUJUKAN = "surat_rujukan"
    SURAT_PENERUSAN = "surat_penerusan"
    FORMULIR_PENGADUAN = "formulir_pengaduan"
    LAMPIRAN_PENGADUAN = "lampiran_formulir_pengaduan"
    LEMBAR_PERSETUJUAN = "lembar_persetujuan"
    LEMBAR_UMPAN_BALIK = "lembar_umpan_balik"
    LEMBAR_SIMFONI = "lembar_simfoni"
    SALINAN_KORBAN = "salinan_korban"
    REKAP_STATISTIK = "rekap_statistik"


@dataclass(frozen=True)
class Rendered:
    kind: DocumentKind
    pdf: bytes
    #: A file name made of the document kind and case code only — never a name.
    file_stem: str
    case_code: str | None = None
    letter_number: str | None = None


class DocumentService:
    def __init__(self, ctx: Context, invariant: bool = False) -> None:
        self._ctx = ctx
        self._invariant = invariant  # byte-identical PDFs (tests)

    # --- case documents ------------------------------------------------------------------

    def intake_form(self, case_id: int) -> Rendered:
        """The whole intake record, for the posko's own file and signing."""
        return self._case_document(case_id, DocumentKind.FORMULIR_PENGADUAN, intake_form.render)

    def intake_form_for_referral(self, referral_id: int) -> Rendered:
        """The intake record as the lampiran of a referral letter: only what that referral's
        consent lets the recipient see (the rest marked "dirahasiakan")."""
        return self._referral_document(referral_id, DocumentKind.LAMPIRAN_PENGADUAN, None)

    def consent_form(self, case_id: int) -> Rendered:
        return self._case_document(case_id, DocumentKind.LEMBAR_PERSETUJUAN,
                                   consent_form.render)

    def survivor_copy(self, case_id: int) -> Rendered:
        return self._case_document(case_id, DocumentKind.SALINAN_KORBAN, survivor_copy.render)

    def referral_letter(self, referral_id: int, manual_number: str | None = None) -> Rendered:
        """Surat rujukan or surat penerusan (by the referral's kind), with its number."""
        return self._referral_document(referral_id, None, manual_number)

    def feedback_slip(self, referral_id: int) -> Rendered:
        return self._referral_document(referral_id, DocumentKind.LEMBAR_UMPAN_BALIK, None)

    def simfoni_sheet(self, referral_id: int) -> Rendered:
        """The case in SIMFONI-PPA categories for the Dinsos operator, as the referral's
        consent allows."""
        return self._referral_document(referral_id, DocumentKind.LEMBAR_SIMFONI, None)

    # --- statistics ----------------------------------------------------------------------

    def recap(self, start: date, end: date) -> Rendered:
        ctx = self._ctx
        require(ctx, Action.STATS_VIEW)
        counts = StatisticsService(ctx).recap(start, end)
        office = settings_store.load(ctx.conn)
        pdf = recap.render(counts, office, ctx.clock.now(), self._invariant)
        with write_transaction(ctx.conn):
            ctx.audit.append("stats.print", actor=ctx.user.id,
                             detail={"start": start.isoformat(), "end": end.isoformat()})
        return Rendered(DocumentKind.REKAP_STATISTIK, pdf,
                        f"rekap-{start.isoformat()}-{end.isoformat()}")

    def record_export(self, rendered: Rendered) -> None:
        """Audit that a PDF left the app as an (encrypted) file, by an officer's explicit act."""
        ctx = self._ctx
        with write_transaction(ctx.conn):
            ctx.audit.append("document.export", actor=ctx.user.id, case_code=rendered.case_code,
                             detail={"document": rendered.kind.value,
                                     "letter_number": rendered.letter_number})

    # --- helpers -------------------------------------------------------------------------

    def _context(self, case_id: int) -> CaseDocument:
        ctx = self._ctx
        officers = user_repo.display_names(ctx.conn)
        return CaseDocument(office=settings_store.load(ctx.conn),
                            case=case_repo.load_case(ctx.conn, case_id), officers=officers,
                            printed_at=ctx.clock.now(),
                            printed_by=officers.get(ctx.user.id, ctx.user.username),
                            invariant=self._invariant)

    def _case_document(self, case_id: int, kind: DocumentKind,
                       render: Callable[[CaseDocument], bytes]) -> Rendered:
        ctx = self._ctx
        code = require_case(ctx, Action.CASE_PRINT, case_id)
        pdf = render(self._context(case_id))
        self._audit_print(code, kind, None)
        return Rendered(kind, pdf, _stem(kind, code), code)

    def _referral_document(self, referral_id: int, kind: DocumentKind | None,
                           manual_number: str | None) -> Rendered:
        ctx = self._ctx
        case_id = case_repo.referral_case(ctx.conn, referral_id)
        if case_id is None:
            raise NotFound(ErrorCode.REFERRAL_NOT_FOUND)
        code = require_case(ctx, Action.CASE_PRINT, case_id)
        base = self._context(case_id)
        referral = next(r for r in base.case.referrals if r.id == referral_id)
        letter = kind is None
        kind = kind or (DocumentKind.SURAT_PENERUSAN if referral.referral.kind
                        is ReferralKind.PENERUSAN else DocumentKind.SURAT_RUJUKAN)
        consent = next((c for c in base.case.consents if c.id == referral.consent_id), None)
        with write_transaction(ctx.conn):
            number = (letters.issue(ctx.conn, ctx.audit, base.office, referral_id=referral_id,
                                    case_id=case_id, case_code=code,
                                    kind=referral.referral.kind.value, now=base.printed_at,
                                    user_id=ctx.user.id, manual=manual_number)
                      if letter else letters.number_for_referral(ctx.conn, referral_id))
            doc = ReferralDocument(**base.__dict__, referral=referral,
                                   recipient=base.office.recipient(referral.referral.recipient),
                                   letter_number=number or "",
                                   allowed=allowed_items(consent) if consent else frozenset())
            pdf = _RENDERERS[kind](doc)
            self._audit_print(code, kind, number)
        return Rendered(kind, pdf, _stem(kind, code), code, number)

    def _audit_print(self, code: str, kind: DocumentKind, number: str | None) -> None:
        ctx = self._ctx
        with write_transaction(ctx.conn):
            ctx.audit.append("case.print", actor=ctx.user.id, case_code=code,
                             detail={"document": kind.value, "letter_number": number})


_RENDERERS: dict[DocumentKind, Callable[[ReferralDocument], bytes]] = {
    DocumentKind.SURAT_RUJUKAN: referral_letter.render,
    DocumentKind.SURAT_PENERUSAN: referral_letter.render,
    DocumentKind.LEMBAR_UMPAN_BALIK: feedback_slip.render,
    DocumentKind.LEMBAR_SIMFONI: simfoni_sheet.render,
    DocumentKind.LAMPIRAN_PENGADUAN: lambda doc: intake_form.render(for_recipient(doc)),
}


def _stem(kind: DocumentKind, code: str) -> str:
    """``surat_rujukan-007-PPKS-3316-2026``: file names carry the case code, never a name."""
    return f"{kind.value}-{code.replace('/', '-')}"
