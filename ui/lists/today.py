"""The office's current time, for "today", "this year" and the urgency of deadlines.

A seam: the app reads the PC clock (as the core's ``SystemClock`` does); tests set ``CLOCK``
to the vault's ``FakeClock`` so that "today" is the day the test's cases were made.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from app.clock import Clock, SystemClock
from app.domain.deadlines import zone
from app.domain.settings import OfficeSettings

CLOCK: Clock = SystemClock()


def office_tz(settings: OfficeSettings) -> timezone:
    return zone(settings.timezone)


def office_now(settings: OfficeSettings) -> datetime:
    return CLOCK.now().astimezone(office_tz(settings))


def office_today(settings: OfficeSettings) -> date:
    return office_now(settings).date()
