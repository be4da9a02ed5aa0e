"""The case record as frozen dataclasses (DOMAIN.md §5).

``None`` always means "tidak diketahui / tidak ingin menjawab": every field is optional unless
the workflow needs it. Sections are stored as JSON inside the encrypted database; identifying
sections (reporter, victim, terlapor) live in their own table apart from the case facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from app.domain.enums import (
    AgeBand,
    CaseStatus,
    Channel,
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
    DeadlineKind,
    Education,
    FollowUpKind,
    MaritalStatus,
    Need,
    Pasal15Flag,
    PerpetratorKpuRelation,
    Priority,
    ReferralKind,
    ReferralOutcome,
    ReferralSource,
    RightStatus,
    Role,
    Route,
    Sex,
    SimfoniPlace,
    SimfoniRelation,
    SimfoniService,
    SimfoniViolence,
    TimeOfDay,
    TpksType,
    VictimKpuRelation,
    VictimRight,
)


@dataclass(frozen=True)
class Reception:
    received_at: datetime
    channel: Channel = Channel.DATANG_LANGSUNG
    referred_by: ReferralSource | None = None
    routes: frozenset[Route] = frozenset()
    route_note: str | None = None


@dataclass(frozen=True)
class Reporter:
    is_victim: bool = True
    full_name: str | None = None
    relationship: str | None = None
    safe_contact: str | None = None
    victim_knows: bool | None = None
    confidential: bool = False


@dataclass(frozen=True)
class Victim:
    full_name: str | None = None
    alias: str | None = None
    title_front: str | None = None
    title_back: str | None = None
    sex: Sex | None = None
    birth_date: date | None = None
    age_years: int | None = None
    nik: str | None = None
    address: str | None = None
    desa: str | None = None
    kecamatan: str | None = None
    phone: str | None = None
    safe_to_call: bool | None = None
    safe_to_text: bool | None = None
    contact_via_posko: bool = False
    education: Education | None = None
    occupation: str | None = None
    marital_status: MaritalStatus | None = None
    disability: bool | None = None
    disability_type: str | None = None
    accommodation: str | None = None
    pregnant: bool | None = None
    kpu_relation: VictimKpuRelation | None = None


@dataclass(frozen=True)
class Perpetrator:
    full_name: str | None = None
    alias: str | None = None
    sex: Sex | None = None
    age_band: AgeBand | None = None
    simfoni_relation: SimfoniRelation | None = None
    kpu_relation: PerpetratorKpuRelation | None = None
    occupation: str | None = None
    prior_perpetrator: bool | None = None
    has_access_to_victim: bool | None = None

    @property
    def insider(self) -> bool:
        """Any relation to the institution makes this an insider case (DOMAIN.md §5.4)."""
        return self.kpu_relation not in (None, PerpetratorKpuRelation.TIDAK_ADA)


@dataclass(frozen=True)
class GbvimsAnswers:
    """Plain yes/no facts from which the GBVIMS type is derived, never typed (DOMAIN.md §4.3)."""

    penetration: bool | None = None
    sexual_contact: bool | None = None
    physical_assault: bool | None = None
    forced_marriage: bool | None = None
    denial_of_resources: bool | None = None
    gender_based: bool = True


@dataclass(frozen=True)
class Incident:
    occurred_on: date | None = None
    occurred_time: time | None = None
    date_is_approximate: bool = False
    time_of_day: TimeOfDay | None = None
    place: SimfoniPlace | None = None
    kecamatan: str | None = None
    chronology: str | None = None
    tpks_types: frozenset[TpksType] = frozenset()
    extra_violence: frozenset[SimfoniViolence] = frozenset()
    gbvims: GbvimsAnswers = field(default_factory=GbvimsAnswers)
    pasal15: frozenset[Pasal15Flag] = frozenset()
    electronic: bool | None = None
    previously_reported: bool | None = None
    previously_reported_where: str | None = None
    earlier_incidents: int | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Triage:
    immediate_danger: bool | None = None
    injury_or_recent: bool | None = None
    child: bool | None = None
    disability: bool | None = None
    perpetrator_access: bool | None = None
    insider: bool | None = None
    priority: Priority | None = None
    priority_reason: str | None = None


@dataclass(frozen=True)
class Needs:
    items: frozenset[Need] = frozenset()
    expectations: str | None = None


@dataclass(frozen=True)
class Intake:
    """Everything the officer records at intake; any part may still be empty in a draft."""

    reception: Reception
    reporter: Reporter = field(default_factory=Reporter)
    victim: Victim = field(default_factory=Victim)
    perpetrators: tuple[Perpetrator, ...] = ()
    incident: Incident = field(default_factory=Incident)
    triage: Triage = field(default_factory=Triage)
    needs: Needs = field(default_factory=Needs)


@dataclass(frozen=True)
class ConsentInput:
    purpose: ConsentPurpose
    outcome: ConsentOutcome
    recipient: str | None = None          # directory key; required for RUJUKAN
    data_items: frozenset[DataItem] = frozenset()
    guardian_name: str | None = None
    guardian_relation: str | None = None
    override_reason: str | None = None
    expires_on: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    consent: ConsentInput
    recorded_at: datetime
    recorded_by: int
    revoked_at: datetime | None = None
    revoked_by: int | None = None
    revoked_reason: str | None = None

    def valid_on(self, moment: datetime) -> bool:
        """Given (fully, partly, by guardian or override), not revoked and not expired.

        ``moment`` should be in the office's time zone: the expiry date is an office date.
        """
        if self.revoked_at is not None or self.consent.outcome is ConsentOutcome.DITOLAK:
            return False
        expiry = self.consent.expires_on
        return expiry is None or moment.date() <= expiry


@dataclass(frozen=True)
class ReferralInput:
    recipient: str
    kind: ReferralKind = ReferralKind.RUJUKAN
    #: ``None`` takes the case's triage priority (biasa if none); stored filled in.
    priority: Priority | None = None
    services: frozenset[SimfoniService] = frozenset()
    letter_number: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Referral:
    id: int
    referral: ReferralInput
    sent_at: datetime
    due_at: datetime
    created_by: int
    consent_id: int | None
    feedback_at: datetime | None = None
    outcome: ReferralOutcome | None = None
    feedback_note: str | None = None
    police_report_confirmed_at: datetime | None = None
    #: The number the letter register issued for this referral's letter, once printed.
    letter_number: str | None = None


@dataclass(frozen=True)
class FollowUp:
    id: int
    at: datetime
    officer_id: int
    kind: FollowUpKind
    note: str


@dataclass(frozen=True)
class RightEntry:
    right: VictimRight
    status: RightStatus
    at: datetime
    officer_id: int
    note: str | None = None


@dataclass(frozen=True)
class Closure:
    reason: ClosureReason
    note: str | None
    closed_at: datetime
    closed_by: int


@dataclass(frozen=True)
class StatusChange:
    from_status: CaseStatus | None
    to_status: CaseStatus
    at: datetime
    by_user: int
    reason: str | None = None


@dataclass(frozen=True)
class Case:
    """A whole case as one officer may see it (loaded on demand, never in lists)."""

    id: int
    code: str
    status: CaseStatus
    created_at: datetime
    updated_at: datetime
    created_by: int
    assigned_to: int | None
    intake: Intake
    consents: tuple[ConsentRecord, ...] = ()
    referrals: tuple[Referral, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    rights: tuple[RightEntry, ...] = ()
    closure: Closure | None = None
    history: tuple[StatusChange, ...] = ()
    restricted_from: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One row of the case list: no full name, no narrative (STYLE.md §2). Slotted: the list
    of a large vault holds 100,000 of them."""

    id: int
    code: str
    status: CaseStatus
    received_at: datetime
    tpks_types: frozenset[TpksType]
    assigned_to: int | None
    assigned_name: str | None
    victim_name_masked: str
    priority: Priority | None
    next_deadline: datetime | None
    overdue: bool
    restricted: bool
    updated_at: datetime
    has_form_draft: bool = False


@dataclass(frozen=True)
class CaseRef:
    id: int
    code: str


@dataclass(frozen=True)
class Deadline:
    case_id: int
    case_code: str
    kind: DeadlineKind
    due_at: datetime
    met: bool
    referral_id: int | None = None

    def overdue(self, now: datetime) -> bool:
        return not self.met and now > self.due_at


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    must_change_password: bool
    created_at: datetime


@dataclass(frozen=True)
class FieldChange:
    """One corrected field of a received complaint: its earlier value (JSON text)."""

    field: str
    old_value: str
    changed_at: datetime
    changed_by: int


@dataclass(frozen=True)
class UserRef:
    """An officer as colleagues see them: no account state beyond active."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    case_id: int
    filename: str
    mime: str
    size: int
    sha256: str
    captured_at: datetime | None
    added_at: datetime
    added_by: int
