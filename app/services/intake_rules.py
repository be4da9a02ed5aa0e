"""Domain checks on an intake beyond types and lengths (NIK, phone, dates, kecamatan)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.domain import validation as v
from app.domain.deadlines import zone
from app.domain.models import Intake
from app.domain.settings import OfficeSettings
from app.errors import FieldError
from app.store.codec import dumps

EARLIEST = date(1900, 1, 1)
#: Also keeps far-off years away from UTC conversion, which would overflow near year 1.
EARLIEST_MOMENT = datetime(1900, 1, 1, tzinfo=UTC)
MAX_PERPETRATORS = 20
FUTURE_SLACK = timedelta(days=1)


def validate_intake(intake: Intake, settings: OfficeSettings, now: datetime) -> Intake:
    """A cleaned intake, or ``ValidationError`` naming every bad field."""
    cleaned = v.clean(intake, Intake)
    received = cleaned.reception.received_at
    tz = zone(settings.timezone)
    today = now.astimezone(tz).date()  # the office's date, not UTC's
    received_ok = EARLIEST_MOMENT <= received <= now + FUTURE_SLACK
    received_day = received.astimezone(tz).date() if received_ok else today
    places = settings.kecamatan_choices()
    victim, incident = cleaned.victim, cleaned.incident
    rules: list[FieldError | None] = [
        None if received_ok else FieldError("reception.received_at", "date_range"),
        v.nik_error(victim.nik, "victim.nik"),
        v.phone_error(victim.phone, "victim.phone"),
        v.date_range_error(victim.birth_date, "victim.birth_date", earliest=EARLIEST,
                           latest=today),
        v.int_range_error(victim.age_years, "victim.age_years", 0, 120),
        v.member_error(victim.kecamatan, places, "victim.kecamatan"),
        v.date_range_error(incident.occurred_on, "incident.occurred_on", earliest=EARLIEST,
                           latest=max(today, received_day)),
        v.member_error(incident.kecamatan, places, "incident.kecamatan"),
        v.int_range_error(incident.earlier_incidents, "incident.earlier_incidents", 0, 10_000),
        None if len(cleaned.perpetrators) <= MAX_PERPETRATORS else FieldError(
            "perpetrators", "too_many", MAX_PERPETRATORS),
    ]
    v.check(rules)
    return cleaned


def old_values(old: Intake, paths: list[str]) -> list[tuple[str, str]]:
    """(dotted field, its earlier value as JSON) for every changed field."""
    result = []
    for path in paths:
        value: Any = old
        for part in path.split("."):
            value = getattr(value, part)
        result.append((path, dumps(value)))
    return result


def changed_fields(old: Any, new: Any, prefix: str = "") -> list[str]:
    """Dotted names of the fields that differ (names only: the audit never holds values)."""
    if not (dataclasses.is_dataclass(old) and dataclasses.is_dataclass(new)):
        return [prefix] if old != new else []
    names: list[str] = []
    for spec in dataclasses.fields(old):
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        before, after = getattr(old, spec.name), getattr(new, spec.name)
        if before == after:
            continue
        if dataclasses.is_dataclass(before) and dataclasses.is_dataclass(after):
            names += changed_fields(before, after, path)
        else:
            names.append(path)
    return names
