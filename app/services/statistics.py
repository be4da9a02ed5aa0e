"""Aggregate statistics for the Laporan screen and the recaps (koordinator and pimpinan).

Only categories leave the vault here: no names, codes or free text, and only cases whose
victim consented to statistics (the newest statistics decision counts; a revoked or refused
consent excludes the case).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from app.domain import deadlines as clocks
from app.domain import statistics, taxonomy
from app.domain.enums import CaseStatus, ConsentPurpose
from app.domain.models import Case
from app.domain.statistics import CaseFacts, Recap
from app.services import settings as settings_store
from app.services.access import Action, require
from app.services.context import Context
from app.services.referrals import valid_consent
from app.store import case_repo
from app.store.codec import ts
from app.store.tx import write_transaction


class StatisticsService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def recap(self, start: date, end: date) -> Recap:
        """Counts for cases received from ``start`` to ``end`` (office-local dates)."""
        ctx = self._ctx
        require(ctx, Action.STATS_VIEW)
        office = settings_store.load(ctx.conn)
        tz = clocks.zone(office.timezone)
        facts = [fact for case in self._consented(ctx.clock.now(), start, end)
                 if (fact := _facts(case, tz)) is not None]
        with write_transaction(ctx.conn):
            ctx.audit.append("stats.view", actor=ctx.user.id,
                             detail={"start": start.isoformat(), "end": end.isoformat()})
        return statistics.build(facts, start, end, office.kecamatan_choices())

    def _consented(self, now: datetime, start: date, end: date) -> list[Case]:
        """Consented cases received around the period; ``statistics.build`` then keeps the
        exact office-local days. Narrowing in SQL first: a yearly recap of a 100,000-case vault
        loaded every case of every year (``make bench``)."""
        ids = [row[0] for row in self._ctx.conn.execute(
            "SELECT DISTINCT k.case_id FROM consents k JOIN cases c ON c.id = k.case_id"
            " WHERE k.purpose = ? AND c.received_at >= ? AND c.received_at < ?",
            (ConsentPurpose.STATISTIK.value, *_utc_window(start, end)))]
        cases = [case_repo.load_case(self._ctx.conn, case_id) for case_id in ids]
        return [case for case in cases
                if valid_consent(case, ConsentPurpose.STATISTIK, None, now) is not None]


def _utc_window(start: date, end: date) -> tuple[str, str]:
    """Stored-timestamp bounds that hold every office-local day from ``start`` to ``end``
    (a day wider on each side: no UTC offset exceeds one day)."""
    low = datetime.combine(start - timedelta(days=1), time(), UTC)
    high = datetime.combine(end + timedelta(days=2), time(), UTC)
    return ts(low), ts(high)


def _facts(case: Case, tz: timezone) -> CaseFacts | None:
    if case.status is CaseStatus.DRAF:
        return None
    intake = case.intake
    received = intake.reception.received_at
    age = taxonomy.victim_age(intake.victim, received.astimezone(tz).date())
    referrals = sorted(case.referrals, key=lambda r: r.sent_at)
    answered = [r for r in referrals if r.outcome is not None]
    return CaseFacts(
        status=case.status, received_on=received.astimezone(tz).date(),
        tpks_types=intake.incident.tpks_types,
        violence=taxonomy.simfoni_violence(intake.incident.tpks_types,
                                           intake.incident.extra_violence),
        sex=intake.victim.sex, age_band=None if age is None else taxonomy.age_band(age),
        kpu_relation=intake.victim.kpu_relation, kecamatan=intake.victim.kecamatan,
        channel=intake.reception.channel,
        previously_reported=bool(intake.incident.previously_reported),
        insider=any(p.insider for p in intake.perpetrators),
        referred=bool(referrals),
        referral_outcome=answered[-1].outcome if answered else None,
        days_to_referral=(referrals[0].sent_at - received).total_seconds() / 86400
        if referrals else None,
        place=intake.incident.place,
        relations=frozenset(taxonomy.simfoni_relation(p) for p in intake.perpetrators),
        services=frozenset(s for r in referrals for s in r.referral.services),
    )
