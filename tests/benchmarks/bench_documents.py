"""Rendering every case and referral document, and the yearly recap, as the Cetak action does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.domain.deadlines import zone

from .context import Run


def _subjects(ctx: Run) -> tuple[int, int]:
    """The newest referral to Dinsos (rujukan) and its case."""
    session, _ = ctx.live()
    row = session.ctx.conn.execute("SELECT case_id, id FROM referrals WHERE kind = 'rujukan'"
                                   " ORDER BY id DESC LIMIT 1").fetchone()
    return int(row[0]), int(row[1])


def run(ctx: Run) -> None:
    session, recorder = ctx.live()
    case_id, referral_id = _subjects(ctx)
    docs = session.documents
    kinds: dict[str, Callable[[], object]] = {
        "intake_form": lambda: docs.intake_form(case_id),
        "consent_form": lambda: docs.consent_form(case_id),
        "survivor_copy": lambda: docs.survivor_copy(case_id),
        "referral_letter": lambda: docs.referral_letter(referral_id),
        "referral_attachment": lambda: docs.intake_form_for_referral(referral_id),
        "feedback_slip": lambda: docs.feedback_slip(referral_id),
        "simfoni_sheet": lambda: docs.simfoni_sheet(referral_id),
        "access_report": lambda: docs.subject_access_report(case_id),
    }
    for kind, action in kinds.items():
        key = f"documents.{kind}"
        ctx.add_recorded(key, f"document: {kind.replace('_', ' ')}",
                         recorder.measure(key, action, ctx.repeats))
    year = session.now().astimezone(zone(session.office().timezone)).year
    ctx.add_recorded("documents.recap", f"document: yearly recap {year}",
                     recorder.measure("documents.recap",
                                      lambda: docs.recap(date(year, 1, 1), date(year, 12, 31)),
                                      ctx.slow_repeats))
