"""Case facts as the printed forms word them (intake, consent, survivor copy, SIMFONI sheet).

Pure functions of the case data: coded values in Indonesian (:mod:`app.domain.labels`), every
unknown as "Tidak diketahui / tidak ingin menjawab" (DOMAIN.md §5), names exactly as stored,
sets in the order the enums declare them (frozensets iterate in hash order, which changes
between processes and would break byte-identical output).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timezone
from enum import Enum
from typing import TypeVar

from app.documents import dates
from app.documents.context import CaseDocument
from app.domain import taxonomy, workflow
from app.domain.enums import ConsentOutcome, ConsentPurpose, DataItem
from app.domain.labels import label
from app.domain.models import ConsentRecord, Victim

UNKNOWN = "Tidak diketahui / tidak ingin menjawab"
NONE_RECORDED = "Tidak ada yang dicatat"
E = TypeVar("E", bound=Enum)

#: Outcomes that allow a disclosure; the same rule as ``app.services.referrals.allowed_items``
#: (renderers depend on the domain only, never on services).
_DISCLOSING = frozenset({ConsentOutcome.DIBERIKAN, ConsentOutcome.SEBAGIAN, ConsentOutcome.WALI,
                         ConsentOutcome.OVERRIDE})


def text(value: str | None) -> str:
    """Free text as stored, or the "unknown" wording."""
    return value if value is not None and value.strip() else UNKNOWN


def yes_no(value: bool | None) -> str:
    return UNKNOWN if value is None else ("Ya" if value else "Tidak")


def coded(value: Enum | None) -> str:
    return UNKNOWN if value is None else label(value)


def ordered(values: Iterable[E]) -> list[E]:
    """Enum members in declaration order (deterministic across processes)."""
    members = list(values)
    if not members:
        return []
    order = list(type(members[0]))
    return sorted(members, key=order.index)


def coded_list(values: Iterable[Enum], empty: str = NONE_RECORDED) -> str:
    labels = [label(value) for value in ordered(values)]
    return "; ".join(labels) if labels else empty


def full_name(victim: Victim) -> str | None:
    """``Dr. Siti Aminah, S.Pd.``: name and titles exactly as stored (never title-cased)."""
    if not victim.full_name or not victim.full_name.strip():
        return None
    name = victim.full_name
    if victim.title_front:
        name = f"{victim.title_front} {name}"
    if victim.title_back:
        name = f"{name}, {victim.title_back}"
    return name


def local_date(doc: CaseDocument, moment: datetime) -> date:
    return moment.astimezone(doc.tz).date()


def moment_text(moment: datetime, tz: timezone) -> str:
    """``Senin, 2 Maret 2026 pukul 09.00 WIB``."""
    return f"{dates.tanggal_hari(moment.astimezone(tz).date())} pukul {dates.jam(moment, tz)}"


def received_on(doc: CaseDocument) -> date:
    return local_date(doc, doc.case.intake.reception.received_at)


def officer(doc: CaseDocument, user_id: int | None) -> str:
    if user_id is None:
        return UNKNOWN
    return doc.officers.get(user_id) or UNKNOWN


def receiving_officer(doc: CaseDocument) -> str:
    """The officer who opened the case at reception."""
    return officer(doc, doc.case.created_by)


def victim_age(doc: CaseDocument) -> int | None:
    """Age in whole years on the reception date (office zone)."""
    return taxonomy.victim_age(doc.case.intake.victim, received_on(doc))


def age_text(doc: CaseDocument) -> str:
    age = victim_age(doc)
    return UNKNOWN if age is None else f"{age} tahun"


def age_band_text(doc: CaseDocument) -> str:
    age = victim_age(doc)
    return UNKNOWN if age is None else label(taxonomy.age_band(age))


def is_child(doc: CaseDocument) -> bool:
    """Under 18 at reception, or flagged a child at triage when the age is unknown."""
    return workflow.victim_is_child(doc.case, doc.tz) or doc.case.intake.triage.child is True


def recipient_name(doc: CaseDocument, key: str | None) -> str:
    if key is None:
        return "—"
    recipient = doc.office.recipient(key)
    return recipient.name if recipient is not None else key


def latest_consents(doc: CaseDocument) -> list[ConsentRecord]:
    """The newest decision per purpose and recipient (the one that counts), oldest first."""
    newest: dict[tuple[ConsentPurpose, str | None], ConsentRecord] = {}
    for record in doc.case.consents:
        newest[(record.consent.purpose, record.consent.recipient)] = record
    return sorted(newest.values(), key=lambda record: record.id)


def shared_items(record: ConsentRecord) -> list[DataItem]:
    """Items the decision lets the posko share: all when given in full, else those listed."""
    consent = record.consent
    if consent.outcome not in _DISCLOSING:
        return []
    if consent.outcome is ConsentOutcome.SEBAGIAN or consent.data_items:
        return ordered(consent.data_items)
    return list(DataItem)


def consent_state(doc: CaseDocument, record: ConsentRecord) -> str:
    """``Diberikan``, ``Ditolak``, … plus revocation or expiry."""
    state = label(record.consent.outcome)
    if record.revoked_at is not None:
        return f"{state}; dicabut {dates.tanggal(local_date(doc, record.revoked_at))}"
    expiry = record.consent.expires_on
    if expiry is not None:
        return f"{state}; berlaku s.d. {dates.tanggal(expiry)}"
    return state


def consent_scope(doc: CaseDocument, record: ConsentRecord) -> str:
    """``Rujukan / penerusan — Dinas Sosial …`` (purpose and, for a referral, recipient)."""
    purpose = label(record.consent.purpose)
    if record.consent.recipient is None:
        return purpose
    return f"{purpose} — {recipient_name(doc, record.consent.recipient)}"


def sentences(parts: Sequence[str]) -> str:
    """Join parts into sentences, each closed by one full stop (free text may bring its own)."""
    return " ".join(part if part.rstrip().endswith((".", "!", "?")) else f"{part}."
                    for part in parts if part.strip())


def items_text(items: Sequence[DataItem]) -> str:
    return ", ".join(label(item) for item in items) if items else "Tidak ada data yang dibagikan"
