"""What the crash children (kill -9, power cut) save: a case and now and then a note, each
printed only after its COMMIT returned — the parent counts those lines as acknowledged."""

from __future__ import annotations

import dataclasses

from app.domain.enums import FollowUpKind
from app.domain.models import Intake
from app.services.session import Session


def save(session: Session, base: Intake, story: str, tag: str, note: str | None) -> None:
    """Save one case (chronology ``"<story> <tag>."``) and, given ``note``, a note on it.

    Prints ``C <id> <tag>`` and ``N <id> <note>``.
    """
    intake = dataclasses.replace(base, incident=dataclasses.replace(
        base.incident, chronology=f"{story} {tag}."))
    ref = session.cases.create(intake)
    print(f"C {ref.id} {tag}", flush=True)
    if note is not None:
        session.workflow.add_follow_up(ref.id, FollowUpKind.CATATAN, f"Catatan {note}")
        print(f"N {ref.id} {note}", flush=True)
