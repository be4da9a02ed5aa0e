"""Consent choices in the raw form ↔ :class:`ConsentInput` records (DOMAIN.md §5.7).

One *slot* per decision: services, statistics, and one referral consent per recipient. The
guardian (child path) and the best-interest override reason are shared by every slot that uses
them. What was recorded is remembered per slot as a fingerprint, so confirming the step again
records only what changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain import taxonomy
from app.domain.enums import ConsentOutcome, ConsentPurpose, DataItem
from app.domain.models import ConsentInput, ConsentRecord, Intake
from ui.intake.form_state import FormValue, RawForm
from ui.intake.mapping import format_date, parse_date

GUARDIAN_NAME = "consent.guardian_name"
GUARDIAN_RELATION = "consent.guardian_relation"
OVERRIDE_REASON = "consent.override_reason"
RECORDED = "consent.recorded"
#: Core error fields that belong to the shared child-path widgets, not to one slot.
SHARED = {"guardian_name": GUARDIAN_NAME, "guardian_relation": GUARDIAN_RELATION,
          "override_reason": OVERRIDE_REASON}
#: Core error fields shown under another name in the form.
RENAMED = {"data_items": "items"}


@dataclass(frozen=True)
class ConsentSlot:
    purpose: ConsentPurpose
    recipient: str | None = None

    @property
    def key(self) -> str:
        """``layanan``, ``statistik`` or ``rujukan.<recipient key>``."""
        if self.recipient is None:
            return self.purpose.value
        return f"{self.purpose.value}.{self.recipient}"

    def path(self, name: str) -> str:
        return f"consent.{self.key}.{name}"

    def error_path(self, core_field: str) -> str:
        """Where a core error about this slot's consent is shown."""
        if core_field in SHARED:
            return SHARED[core_field]
        return self.path(RENAMED.get(core_field, core_field))


def slots(recipients: Iterable[str]) -> list[ConsentSlot]:
    return [ConsentSlot(ConsentPurpose.LAYANAN),
            *(ConsentSlot(ConsentPurpose.RUJUKAN, key) for key in recipients),
            ConsentSlot(ConsentPurpose.STATISTIK)]


def victim_is_child(intake: Intake) -> bool:
    """Under 18 on the reception date; with no age known, the triage answer decides.

    Mirrors :func:`app.domain.workflow.victim_is_child`, which the core enforces.
    """
    on = intake.reception.received_at.date()
    if taxonomy.victim_age(intake.victim, on) is None:
        return intake.triage.child is True
    return taxonomy.is_child(intake.victim, on)


def _text(raw: Mapping[str, FormValue], key: str) -> str | None:
    value = raw.get(key)
    return value.strip() or None if isinstance(value, str) else None


def consent_from_raw(raw: Mapping[str, FormValue], slot: ConsentSlot,
                     errors: dict[str, str]) -> ConsentInput | None:
    """The consent this slot records, or ``None`` when no decision was chosen."""
    outcome = next((o for o in ConsentOutcome if o.value == raw.get(slot.path("outcome"))), None)
    if outcome is None:
        return None
    items = raw.get(slot.path("items"))
    codes = set(items) if isinstance(items, list) else set()
    return ConsentInput(
        purpose=slot.purpose, outcome=outcome, recipient=slot.recipient,
        data_items=frozenset(item for item in DataItem if item.value in codes),
        guardian_name=_text(raw, GUARDIAN_NAME) if outcome is ConsentOutcome.WALI else None,
        guardian_relation=(_text(raw, GUARDIAN_RELATION)
                           if outcome is ConsentOutcome.WALI else None),
        override_reason=(_text(raw, OVERRIDE_REASON)
                         if outcome is ConsentOutcome.OVERRIDE else None),
        expires_on=_expiry(raw, slot, errors))


def _expiry(raw: Mapping[str, FormValue], slot: ConsentSlot,
            errors: dict[str, str]) -> date | None:
    text = _text(raw, slot.path("expires_on"))
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError:
        errors[slot.path("expires_on")] = "date_format"
        return None


def consents_from_raw(raw: Mapping[str, FormValue], all_slots: Sequence[ConsentSlot]
                      ) -> tuple[list[tuple[ConsentSlot, ConsentInput]], dict[str, str]]:
    """Every decided consent, and local errors (path → code)."""
    errors: dict[str, str] = {}
    found = [(slot, consent_from_raw(raw, slot, errors)) for slot in all_slots]
    return [(slot, consent) for slot, consent in found if consent is not None], errors


def fingerprint(consent: ConsentInput) -> str:
    """A stable text of everything the consent says (to skip recording it twice)."""
    def norm(text: str | None) -> str | None:
        return text.strip() or None if text else None

    return json.dumps([consent.purpose.value, consent.outcome.value, consent.recipient,
                       sorted(item.value for item in consent.data_items),
                       norm(consent.guardian_name), norm(consent.guardian_relation),
                       norm(consent.override_reason),
                       consent.expires_on.isoformat() if consent.expires_on else None])


def recorded_from_raw(raw: Mapping[str, FormValue]) -> dict[str, str]:
    value = raw.get(RECORDED)
    entries = value if isinstance(value, list) else []
    recorded: dict[str, str] = {}
    for entry in entries:
        key, _, value = entry.partition("=")
        recorded[key] = value
    return recorded


def recorded_to_raw(recorded: Mapping[str, str]) -> list[str]:
    return [f"{key}={value}" for key, value in sorted(recorded.items())]


def unrecorded(consents: Sequence[tuple[ConsentSlot, ConsentInput]],
               recorded: Mapping[str, str]) -> list[tuple[ConsentSlot, ConsentInput]]:
    return [(slot, consent) for slot, consent in consents
            if recorded.get(slot.key) != fingerprint(consent)]


def _newest(records: Sequence[ConsentRecord]) -> dict[str, ConsentInput]:
    """The newest non-revoked decision per slot."""
    newest: dict[str, ConsentInput] = {}
    for record in records:
        if record.revoked_at is None:
            consent = record.consent
            newest[ConsentSlot(consent.purpose, consent.recipient).key] = consent
    return newest


def raw_from_consents(records: Sequence[ConsentRecord]) -> RawForm:
    """The form showing the decisions already recorded (a case without a form draft)."""
    raw: RawForm = {}
    recorded: dict[str, str] = {}
    for key, consent in _newest(records).items():
        slot = ConsentSlot(consent.purpose, consent.recipient)
        raw[slot.path("outcome")] = consent.outcome.value
        raw[slot.path("items")] = sorted(item.value for item in consent.data_items)
        raw[slot.path("expires_on")] = (format_date(consent.expires_on)
                                        if consent.expires_on else "")
        for path, value in ((GUARDIAN_NAME, consent.guardian_name),
                            (GUARDIAN_RELATION, consent.guardian_relation),
                            (OVERRIDE_REASON, consent.override_reason)):
            if value:
                raw[path] = value
        recorded[key] = fingerprint(consent)
    raw[RECORDED] = recorded_to_raw(recorded)
    return raw
