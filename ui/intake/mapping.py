"""Raw form ↔ case model: building the :class:`Intake` from what was typed, and back.

Keys of the raw form are model field paths, described once in the tables below; both
directions walk the same tables. Text that cannot be read (a date "31-02-2026", an age "dua")
becomes a local error code at its path — the raw text itself stays in the form and the draft.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from enum import Enum
from typing import Any

from app.domain.enums import (
    AgeBand,
    Channel,
    Education,
    MaritalStatus,
    Need,
    Pasal15Flag,
    PerpetratorKpuRelation,
    Priority,
    ReferralSource,
    Route,
    Sex,
    SimfoniPlace,
    SimfoniRelation,
    SimfoniViolence,
    TimeOfDay,
    TpksType,
    VictimKpuRelation,
)
from app.domain.models import (
    GbvimsAnswers,
    Incident,
    Intake,
    Needs,
    Perpetrator,
    Reception,
    Reporter,
    Triage,
    Victim,
)
from ui.intake.form_state import FormValue, RawForm
from ui.intake.priority import propose

TEXT, FLAG, ANSWER, CHOICE, CHOICES, DATE, TIME, NUMBER, LINES = (
    "text", "flag", "answer", "choice", "choices", "date", "time", "number", "lines")

#: (field name, kind, enum) per section; dotted names are nested dataclasses.
Spec = tuple[str, str, type[Enum] | None]

RECEPTION: Sequence[Spec] = (
    ("channel", CHOICE, Channel), ("referred_by", CHOICE, ReferralSource),
    ("routes", CHOICES, Route), ("route_note", TEXT, None),
)
REPORTER: Sequence[Spec] = (
    ("is_victim", FLAG, None), ("full_name", TEXT, None), ("relationship", TEXT, None),
    ("safe_contact", TEXT, None), ("victim_knows", ANSWER, None), ("confidential", FLAG, None),
)
VICTIM: Sequence[Spec] = (
    ("full_name", TEXT, None), ("alias", TEXT, None), ("title_front", TEXT, None),
    ("title_back", TEXT, None), ("sex", CHOICE, Sex), ("birth_date", DATE, None),
    ("age_years", NUMBER, None), ("nik", TEXT, None), ("address", TEXT, None),
    ("desa", TEXT, None), ("kecamatan", TEXT, None), ("phone", TEXT, None),
    ("safe_to_call", ANSWER, None), ("safe_to_text", ANSWER, None),
    ("contact_via_posko", FLAG, None), ("education", CHOICE, Education),
    ("occupation", TEXT, None), ("marital_status", CHOICE, MaritalStatus),
    ("disability", ANSWER, None), ("disability_type", TEXT, None),
    ("accommodation", TEXT, None), ("pregnant", ANSWER, None),
    ("kpu_relation", CHOICE, VictimKpuRelation),
)
INCIDENT: Sequence[Spec] = (
    ("occurred_on", DATE, None), ("occurred_time", TIME, None),
    ("date_is_approximate", FLAG, None), ("time_of_day", CHOICE, TimeOfDay),
    ("place", CHOICE, SimfoniPlace), ("kecamatan", TEXT, None), ("chronology", TEXT, None),
    ("tpks_types", CHOICES, TpksType), ("extra_violence", CHOICES, SimfoniViolence),
    ("gbvims.penetration", ANSWER, None), ("gbvims.sexual_contact", ANSWER, None),
    ("gbvims.physical_assault", ANSWER, None), ("gbvims.forced_marriage", ANSWER, None),
    ("gbvims.denial_of_resources", ANSWER, None), ("gbvims.gender_based", FLAG, None),
    ("pasal15", CHOICES, Pasal15Flag), ("electronic", ANSWER, None),
    ("previously_reported", ANSWER, None), ("previously_reported_where", TEXT, None),
    ("earlier_incidents", NUMBER, None), ("evidence", LINES, None),
)
PERPETRATOR: Sequence[Spec] = (
    ("full_name", TEXT, None), ("alias", TEXT, None), ("sex", CHOICE, Sex),
    ("age_band", CHOICE, AgeBand), ("simfoni_relation", CHOICE, SimfoniRelation),
    ("kpu_relation", CHOICE, PerpetratorKpuRelation), ("occupation", TEXT, None),
    ("prior_perpetrator", ANSWER, None), ("has_access_to_victim", ANSWER, None),
)
TRIAGE: Sequence[Spec] = (
    ("immediate_danger", ANSWER, None), ("injury_or_recent", ANSWER, None),
    ("child", ANSWER, None), ("disability", ANSWER, None),
    ("perpetrator_access", ANSWER, None), ("insider", ANSWER, None),
    ("priority", CHOICE, Priority), ("priority_reason", TEXT, None),
)
NEEDS: Sequence[Spec] = (("items", CHOICES, Need), ("expectations", TEXT, None))

PERPETRATOR_COUNT = "perpetrators.count"
RECEIVED_DATE = "reception.date"
RECEIVED_TIME = "reception.time"

_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_HM = re.compile(r"(\d{1,2})[:.](\d{2})")


@dataclass
class Reading:
    """The intake built from a raw form, and the local errors (path → code) met on the way."""

    intake: Intake | None
    errors: dict[str, str] = field(default_factory=dict)


# --- reading typed text --------------------------------------------------------------------

def parse_date(text: str) -> date:
    """``17-08-1990`` (also with ``/`` or ``.``) or ``1990-08-17``; ValueError otherwise."""
    text = text.strip()
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    match = _YMD.fullmatch(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return date(year, month, day)
    raise ValueError(text)


def parse_time(text: str) -> time:
    """``14:30`` or ``14.30``; ValueError otherwise."""
    match = _HM.fullmatch(text.strip())
    if not match:
        raise ValueError(text)
    return time(int(match.group(1)), int(match.group(2)))


def parse_number(text: str) -> int:
    text = text.strip()
    if not text.isdecimal() or not text.isascii():
        raise ValueError(text)
    return int(text)


def format_date(value: date) -> str:
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def format_time(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


# --- raw → model ---------------------------------------------------------------------------

_PARSERS: Mapping[str, tuple[Any, str]] = {
    DATE: (parse_date, "date_format"),
    TIME: (parse_time, "time_format"),
    NUMBER: (parse_number, "number_format"),
}


def _decode(value: FormValue, kind: str, enum: type[Enum] | None, path: str,
            errors: dict[str, str]) -> Any:
    if kind == FLAG:
        return value is True
    if kind == ANSWER:
        return value if isinstance(value, bool) else None
    if kind == CHOICE:
        return _member(enum, value)
    if kind == CHOICES:
        items = value if isinstance(value, list) else []
        return frozenset(m for m in (_member(enum, item) for item in items) if m is not None)
    text = value.strip() if isinstance(value, str) else ""
    if kind == LINES:
        return tuple(line.strip() for line in text.splitlines() if line.strip())
    if not text:
        return None
    if kind in _PARSERS:
        return _parsed(text, kind, path, errors)
    return text


def _parsed(text: str, kind: str, path: str, errors: dict[str, str]) -> Any:
    parser, code = _PARSERS[kind]
    try:
        return parser(text)
    except ValueError:
        errors[path] = code
        return None


def _member(enum: type[Enum] | None, value: object) -> Enum | None:
    assert enum is not None
    return next((member for member in enum if member.value == value), None)


def _section(raw: Mapping[str, FormValue], prefix: str, specs: Sequence[Spec],
             errors: dict[str, str]) -> dict[str, Any]:
    """Keyword arguments for a section's dataclass; nested names become nested dicts."""
    values: dict[str, Any] = {}
    for name, kind, enum in specs:
        path = f"{prefix}.{name}"
        if path not in raw:
            continue  # an older draft without this field: keep the model's default
        value = _decode(raw[path], kind, enum, path, errors)
        head, _, tail = name.partition(".")
        if tail:
            values.setdefault(head, {})[tail] = value
        else:
            values[name] = value
    return values


def _received_at(raw: Mapping[str, FormValue], tz: tzinfo,
                 errors: dict[str, str]) -> datetime | None:
    day = _decode(raw.get(RECEIVED_DATE), DATE, None, RECEIVED_DATE, errors)
    clock = _decode(raw.get(RECEIVED_TIME), TIME, None, RECEIVED_TIME, errors)
    for path, value in ((RECEIVED_DATE, day), (RECEIVED_TIME, clock)):
        if value is None and path not in errors:
            errors[path] = "required"
    if day is None or clock is None:
        return None
    return datetime.combine(day, clock, tzinfo=tz)


def perpetrator_count(raw: Mapping[str, FormValue]) -> int:
    count = raw.get(PERPETRATOR_COUNT)
    return count if isinstance(count, int) and not isinstance(count, bool) else 0


def intake_from_raw(raw: Mapping[str, FormValue], tz: tzinfo) -> Reading:
    """The intake the raw form describes (``None`` when the reception date is unreadable).

    Every section is read even then, so every unreadable field is reported at once.
    """
    errors: dict[str, str] = {}
    received = _received_at(raw, tz, errors)
    sections = {prefix: _section(raw, prefix, specs, errors) for prefix, specs in (
        ("reception", RECEPTION), ("reporter", REPORTER), ("victim", VICTIM),
        ("incident", INCIDENT), ("triage", TRIAGE), ("needs", NEEDS))}
    incident = sections["incident"]
    if "gbvims" in incident:
        incident["gbvims"] = GbvimsAnswers(**incident["gbvims"])
    perpetrators = tuple(
        Perpetrator(**_section(raw, f"perpetrators[{index}]", PERPETRATOR, errors))
        for index in range(perpetrator_count(raw)))
    triage = Triage(**sections["triage"])
    _check_priority_reason(triage, errors)
    if received is None:
        return Reading(None, errors)
    intake = Intake(
        reception=Reception(received_at=received, **sections["reception"]),
        reporter=Reporter(**sections["reporter"]), victim=Victim(**sections["victim"]),
        perpetrators=perpetrators, incident=Incident(**incident), triage=triage,
        needs=Needs(**sections["needs"]))
    return Reading(intake, errors)


def _check_priority_reason(triage: Triage, errors: dict[str, str]) -> None:
    """Changing the proposed priority needs a reason (DOMAIN.md §7)."""
    proposed, _ = propose(triage)
    changed = triage.priority is not None and triage.priority is not proposed
    if changed and not triage.priority_reason:
        errors["triage.priority_reason"] = "required"


# --- model → raw ---------------------------------------------------------------------------

def _encode(value: Any, kind: str) -> FormValue:
    if kind in (FLAG, ANSWER):
        return value if isinstance(value, bool) else None
    if kind == CHOICE:
        return None if value is None else str(value.value)
    if kind == CHOICES:
        return sorted(str(member.value) for member in value)
    if value is None:
        return ""
    if kind == DATE:
        return format_date(value)
    if kind == TIME:
        return format_time(value)
    return "\n".join(value) if kind == LINES else str(value)


def _raw_section(section: object, prefix: str, specs: Sequence[Spec]) -> RawForm:
    raw: RawForm = {}
    for name, kind, _ in specs:
        value: Any = section
        for part in name.split("."):
            value = getattr(value, part)
        raw[f"{prefix}.{name}"] = _encode(value, kind)
    return raw


def raw_from_intake(intake: Intake, tz: tzinfo) -> RawForm:
    """The raw form showing a stored intake (used when a case has no saved form draft)."""
    received = intake.reception.received_at.astimezone(tz)
    raw: RawForm = {RECEIVED_DATE: format_date(received.date()),
                    RECEIVED_TIME: format_time(received.time()),
                    PERPETRATOR_COUNT: len(intake.perpetrators)}
    sections = (("reception", intake.reception, RECEPTION), ("reporter", intake.reporter,
                                                             REPORTER),
                ("victim", intake.victim, VICTIM), ("incident", intake.incident, INCIDENT),
                ("triage", intake.triage, TRIAGE), ("needs", intake.needs, NEEDS))
    for prefix, section, specs in sections:
        raw.update(_raw_section(section, prefix, specs))
    for index, perpetrator in enumerate(intake.perpetrators):
        raw.update(_raw_section(perpetrator, f"perpetrators[{index}]", PERPETRATOR))
    return raw
