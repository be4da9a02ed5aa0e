"""Printing: every document rendered from vault data into PDF bytes, audited.

The service gathers what a renderer needs (app.documents.context), checks the officer may
print the case, issues letter numbers from the register, and writes one ``case.print`` audit
row per document (``stats.print`` for recaps). Referral letters print only the data items the
referral's consent allows. Nothing is written to disk here; saving a PDF is the UI's explicit
act, encrypted (:mod:`app.documents.export`) and audited with :meth:`record_export`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from app.audit import AuditEntry
from app.documents import (
    access_report,
    breach_notice,
    consent_form,
    destruction_record,
    feedback_slip,
    intake_form,
    recap,
    referral_letter,
    simfoni_sheet,
    survivor_copy,
)
from app.documents.context import CaseDocument, ReferralDocument
from app.documents.pdp_context import (
    AccessEntry,
    AccessReportDocument,
    BackupEntry,
    BreachDocument,
    BreachFacts,
    DestroyedEntry,
    DestructionDocument,
)
from app.documents.redaction import for_recipient
from app.domain.deadlines import zone
from app.domain.enums import ReferralKind
from app.domain.settings import OfficeSettings
from app.errors import ErrorCode, NotFound, ValidationError
from app.services import letters
from app.services import settings as settings_store
from app.services.access import Action, require, require_case
from app.services.attachments import AttachmentService
from app.services.breaches import BreachService
from app.services.context import Context
from app.services.referrals import allowed_items
from app.services.retention import DestroyedCase, RetentionService
from app.services.statistics import StatisticsService
from app.store import case_repo, user_repo
from app.store.codec import parse_ts, ts
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
    BERITA_ACARA_PEMUSNAHAN = "berita_acara_pemusnahan"
    LAPORAN_AKSES_DATA = "laporan_akses_data"
    PEMBERITAHUAN_KEGAGALAN = "pemberitahuan_kegagalan_pdp"


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

    # --- UU PDP documents ------------------------------------------------------------------

    def destruction_record(self, codes: list[str]) -> Rendered:
        """Berita acara pemusnahan for destroyed cases (koordinator), right after the
        destruction or reprinted later: printed from ``destroyed_cases``, with the backups
        made before the destruction that still hold the data.

        Raises:
            ValidationError: no code given. NotFound: a code that was not destroyed.
        """
        ctx = self._ctx
        require(ctx, Action.CASE_DESTROY)
        officers = user_repo.display_names(ctx.conn)
        office = settings_store.load(ctx.conn)
        entries = tuple(_entry(record, officers) for record in self._destroyed(codes))
        doc = DestructionDocument(office, ctx.clock.now(),
                                  officers.get(ctx.user.id, ctx.user.username), self._invariant,
                                  entries, self._backups_before(entries, office))
        pdf = destruction_record.render(doc)
        kind = DocumentKind.BERITA_ACARA_PEMUSNAHAN
        found = [entry.code for entry in entries]
        one = found[0] if len(found) == 1 else None
        with write_transaction(ctx.conn):
            ctx.audit.append("case.print", actor=ctx.user.id, case_code=one,
                             detail={"document": kind.value, "count": len(found),
                                     "codes": found})
        stem = _stem(kind, one) if one else f"{kind.value}-{len(found)}-kasus"
        return Rendered(kind, pdf, stem, one)

    def subject_access_report(self, case_id: int) -> Rendered:
        """Laporan akses data pribadi (UU PDP Pasal 32): everything held about the victim in
        the case and every audit row of it (koordinator: it shows the audit trail)."""
        ctx = self._ctx
        code = require_case(ctx, Action.AUDIT_VIEW, case_id)
        base = self._context(case_id)
        # LIMIT -1 is SQLite's "no limit": the report lists every row, however many.
        entries = reversed(ctx.audit.entries(case_code=code, limit=-1))
        doc = AccessReportDocument(
            **base.__dict__, corrections=tuple(case_repo.field_history(ctx.conn, case_id)),
            attachments=tuple(AttachmentService(ctx).for_case(case_id)),
            trail=tuple(_access(entry, base.officers) for entry in entries))
        kind = DocumentKind.LAPORAN_AKSES_DATA
        pdf = access_report.render(doc)
        self._audit_print(code, kind, None)
        return Rendered(kind, pdf, _stem(kind, code), code)

    def breach_notice(self, breach_id: int) -> Rendered:
        """Surat pemberitahuan kegagalan pelindungan data pribadi (UU PDP Pasal 46), filled
        from the breach register (koordinator)."""
        ctx = self._ctx
        require(ctx, Action.BREACH_MANAGE)
        breach = BreachService(ctx).get(breach_id)
        given = breach.breach
        facts = BreachFacts(breach.id, given.discovered_at, breach.notice_due,
                            given.description, given.data_affected, given.how,
                            given.subjects_estimate, given.handling, given.contact)
        officers = user_repo.display_names(ctx.conn)
        doc = BreachDocument(settings_store.load(ctx.conn), ctx.clock.now(),
                             officers.get(ctx.user.id, ctx.user.username), self._invariant,
                             facts)
        kind = DocumentKind.PEMBERITAHUAN_KEGAGALAN
        pdf = breach_notice.render(doc)
        with write_transaction(ctx.conn):
            ctx.audit.append("breach.print", actor=ctx.user.id, obj=f"breach:{breach_id}",
                             detail={"document": kind.value})
        return Rendered(kind, pdf, f"{kind.value}-{breach_id}")

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

    def _destroyed(self, codes: Sequence[str]) -> list[DestroyedCase]:
        """The destruction records of the codes, in the order given (duplicates once)."""
        wanted = list(dict.fromkeys(codes))
        if not wanted:
            raise ValidationError.single("codes", "required")
        records = {record.code: record for record in RetentionService(self._ctx).destroyed()}
        if not set(wanted) <= set(records):
            raise NotFound(ErrorCode.CASE_NOT_FOUND)
        return [records[code] for code in wanted]

    def _backups_before(self, entries: Sequence[DestroyedEntry],
                        office: OfficeSettings) -> tuple[BackupEntry, ...]:
        """Verified backups made while the cases existed and before they were destroyed:
        they still hold them (from the earliest reception day; all, if a day is unknown)."""
        if not entries:
            return ()
        received = [entry.received_on for entry in entries]
        start = (None if None in received else
                 datetime.combine(min(d for d in received if d is not None), time(),
                                  zone(office.timezone)))
        rows = self._ctx.conn.execute(
            "SELECT file_name, created_at FROM backups WHERE created_at < ?"
            " ORDER BY created_at, id", (ts(max(entry.destroyed_at for entry in entries)),))
        found = [BackupEntry(str(name), parse_ts(str(at))) for name, at in rows]
        return tuple(b for b in found if start is None or b.created_at >= start)

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


def _entry(record: DestroyedCase, officers: Mapping[int, str]) -> DestroyedEntry:
    return DestroyedEntry(record.code, record.received_on, record.closed_on,
                          record.destroyed_at, officers.get(record.destroyed_by, "—"),
                          record.legal_basis, record.reason)


def _access(entry: AuditEntry, officers: Mapping[int, str]) -> AccessEntry:
    """An audit row for the report: the officer by display name (``""`` for the system)."""
    officer = "" if entry.actor_user_id is None else officers.get(entry.actor_user_id,
                                                                  str(entry.actor_user_id))
    return AccessEntry(parse_ts(entry.ts_utc), officer, entry.action, dict(entry.detail))


def _stem(kind: DocumentKind, code: str) -> str:
    """``surat_rujukan-007-PPKS-3316-2026``: file names carry the case code, never a name."""
    return f"{kind.value}-{code.replace('/', '-')}"
