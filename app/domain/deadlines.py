"""Clocks that run on a case (DOMAIN.md §7): pure functions of the case data and the time.

* referral feedback: darurat 24 h, segera 72 h, biasa 14 days after the letter is handed over;
* the 72-hour medical/visum window from the incident, while the case was received inside it;
* UU TPKS Pasal 41: the service unit reports to the police within 3×24 h of a referral to
  Dinsos P3A / UPTD PPA; the posko asks for confirmation.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Final

from app.domain.enums import DeadlineKind, IndonesianTimeZone, Need, Priority, SimfoniService
from app.domain.models import Deadline, Incident, Intake, Referral

FEEDBACK_DUE: Final = {
    Priority.DARURAT: timedelta(hours=24),
    Priority.SEGERA: timedelta(hours=72),
    Priority.BIASA: timedelta(days=14),
}
MEDICAL_WINDOW: Final = timedelta(hours=72)
PASAL_41: Final = timedelta(hours=72)


def feedback_due(sent_at: datetime, priority: Priority) -> datetime:
    return sent_at + FEEDBACK_DUE[priority]


def incident_moment(incident: Incident, tz: timezone) -> datetime | None:
    """When the incident happened, as precisely as known.

    Without a time of day the *end* of that day is used, so the 72-hour window is never shown
    as closed too early for the survivor.
    """
    if incident.occurred_on is None:
        return None
    clock = incident.occurred_time or time(23, 59, 59)
    return datetime.combine(incident.occurred_on, clock, tzinfo=tz)


def medical_window(incident: Incident, received_at: datetime, tz: timezone) -> datetime | None:
    """End of the 72-hour window if the case arrived inside it, else ``None``."""
    moment = incident_moment(incident, tz)
    if moment is None or incident.date_is_approximate:
        return None
    end = moment + MEDICAL_WINDOW
    return end if received_at <= end else None


def hours_since_incident(incident: Incident, at: datetime, tz: timezone) -> float | None:
    moment = incident_moment(incident, tz)
    if moment is None:
        return None
    return max(0.0, (at - moment).total_seconds() / 3600)


def case_deadlines(case_id: int, code: str, intake: Intake, referrals: tuple[Referral, ...],
                   pasal41_recipients: frozenset[str], tz: timezone) -> list[Deadline]:
    """Every clock of one case with its state (met or not).

    The medical window counts as met once a referral asking for health services went out in
    time, or when the recorded needs leave out medical care (the survivor declined it).
    """
    result: list[Deadline] = []
    window = medical_window(intake.incident, intake.reception.received_at, tz)
    if window is not None:
        needs = intake.needs.items
        declined = bool(needs) and Need.KESEHATAN_VISUM not in needs
        medical_sent = any(SimfoniService.KESEHATAN in r.referral.services and r.sent_at <= window
                           for r in referrals)
        result.append(Deadline(case_id, code, DeadlineKind.JENDELA_MEDIS_72_JAM, window,
                               met=declined or medical_sent))
    for ref in referrals:
        result.append(Deadline(case_id, code, DeadlineKind.UMPAN_BALIK_RUJUKAN, ref.due_at,
                               met=ref.feedback_at is not None, referral_id=ref.id))
        if ref.referral.recipient in pasal41_recipients:
            result.append(Deadline(case_id, code, DeadlineKind.PASAL_41_LAPORAN_POLISI,
                                   ref.sent_at + PASAL_41,
                                   met=ref.police_report_confirmed_at is not None,
                                   referral_id=ref.id))
    return result


def next_open(deadlines: list[Deadline]) -> Deadline | None:
    pending = [d for d in deadlines if not d.met]
    return min(pending, key=lambda d: d.due_at) if pending else None


def local_date(moment: datetime, tz: timezone) -> date:
    return moment.astimezone(tz).date()


_OFFSETS: Final = {IndonesianTimeZone.WIB: 7, IndonesianTimeZone.WITA: 8,
                   IndonesianTimeZone.WIT: 9}


def zone(name: IndonesianTimeZone) -> timezone:
    """WIB/WITA/WIT as fixed offsets: Indonesia has no daylight saving."""
    return timezone(timedelta(hours=_OFFSETS[name]), name.value)
