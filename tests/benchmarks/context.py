"""What every benchmark area gets: the vault copies, the recorder, and where figures go."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.services.session import Session

from .capture import Call, Recorder
from .results import Figure
from .targets import target_for
from .timing import Stats
from .vaults import WorkCopy


@dataclass
class Run:
    size: int
    work: WorkCopy
    #: Repeats of quick calls (queries, saves, documents), of slow ones (unlock, the yearly
    #: recap) and of backups (minutes each at 100,000 cases).
    repeats: int
    slow_repeats: int
    backup_repeats: int
    figures: list[Figure] = field(default_factory=list)
    #: Calls measured outside the recorder (database opens, backups), for the replay too.
    calls: list[Call] = field(default_factory=list)
    session: Session | None = None
    recorder: Recorder | None = None
    key_hex: str = ""

    def live(self) -> tuple[Session, Recorder]:
        if self.session is None or self.recorder is None:
            raise RuntimeError("no open session")
        return self.session, self.recorder

    def add(self, key: str, label: str, stats: Stats, *, unit: str = "ms",
            db: Stats | None = None, note: str = "") -> Figure:
        figure = Figure(key, label, stats, unit, db=db, target=target_for(key), note=note)
        self.figures.append(figure)
        return figure

    def add_recorded(self, key: str, label: str, stats: Stats, note: str = "") -> Figure:
        """A figure whose calls went through the recorder (its database part is known)."""
        _, recorder = self.live()
        return self.add(key, label, stats, db=recorder.db_stats(key), note=note)

    def all_calls(self) -> list[Call]:
        recorded = [] if self.recorder is None else self.recorder.calls
        return self.calls + recorded
