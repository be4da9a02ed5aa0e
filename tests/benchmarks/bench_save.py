"""Saving: a new case (validation, code, rows, audit, search index) and updates of one case."""

from __future__ import annotations

from dataclasses import replace
from itertools import count
from random import Random

from app.demo import intake
from app.domain.models import CaseRef
from app.store import case_repo

from .context import Run


def run(ctx: Run) -> None:
    session, recorder = ctx.live()
    rng = Random(7)
    office = session.settings.get()
    made: list[CaseRef] = []

    def create() -> None:
        made.append(session.cases.create(intake(rng, session.now(), office)))

    ctx.add_recorded("save.create", "save: new case (cases.create)",
                     recorder.measure("save.create", create, ctx.repeats))
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
                     recorder.measure("save.update_field", update_field, ctx.repeats))
    ctx.add_recorded("save.update_chronology", "save: update the chronology (re-indexed)",
                     recorder.measure("save.update_chronology", update_chronology,
                                      ctx.repeats))
