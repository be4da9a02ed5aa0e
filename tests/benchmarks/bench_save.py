"""Saving: a new case (validation, code, rows, audit, search index) and updates of one case.

Saves are cheap, so each is timed over at least :data:`SAVE_RUNS` runs: SQLite folds the WAL
back into the database inside whichever commit crosses 1,000 WAL pages (~200 ms at 100,000
cases, plain SQLite alike), about once per 50–100 saves. Over 20 runs that single commit decides
the p95; over 100 the p95 is the officer's usual save, and the checkpoint stays in the samples.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import count
from random import Random

from app.demo import intake
from app.domain.models import CaseRef
from app.store import case_repo

from .context import Run

SAVE_RUNS = 100


def run(ctx: Run) -> None:
    session, recorder = ctx.live()
    runs = max(ctx.repeats, SAVE_RUNS)
    rng = Random(7)
    office = session.settings.get()
    made: list[CaseRef] = []

    def create() -> None:
        made.append(session.cases.create(intake(rng, session.now(), office)))

    ctx.add_recorded("save.create", "save: new case (cases.create)",
                     recorder.measure("save.create", create, runs))
    case_id = made[0].id
    base = case_repo.load_intake(session.ctx.conn, case_id)
    edits = count(1)

    def update_field() -> None:
        phone = f"0800-0000-{next(edits) % 10_000:04d}"
        session.cases.update(case_id, replace(base, victim=replace(base.victim, phone=phone)))

    def update_chronology() -> None:
        text = f"{base.incident.chronology} Keterangan tambahan ke-{next(edits)} (DEMO)."
        session.cases.update(case_id, replace(base, incident=replace(base.incident,
                                                                     chronology=text)))

    ctx.add_recorded("save.update_field", "save: update the victim's phone",
                     recorder.measure("save.update_field", update_field, runs))
    ctx.add_recorded("save.update_chronology", "save: update the chronology (re-indexed)",
                     recorder.measure("save.update_chronology", update_chronology, runs))
