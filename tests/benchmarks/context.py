"""What every benchmark area gets: the vault copies, the recorder, and where figures go."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.services.session import Session

from .capture import Call, Recorder
from .results import Figure
from .targets import target_for
from .timing import Stats, elapsed_ms
from .twins import Twin
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
    session: Session | None = None
    recorder: Recorder | None = None
    key_hex: str = ""
    #: The twins (plain SQLite; encrypted without memory wiping) and their times per label.
    twins: dict[str, Twin] = field(default_factory=dict)
    replayed: dict[str, dict[str, list[float]]] = field(default_factory=dict)

    def start_twins(self, key_hex: str) -> None:
        self.key_hex = key_hex
        self.twins = {"plain": Twin(self.work.plain_db),
                      "nowipe": Twin(self.work.replay_db, key_hex)}

    def close_twins(self) -> None:
        for twin in self.twins.values():
            twin.close()

    def replay(self, call: Call) -> None:
        """The same call on every twin, right away (the same moment's load on the machine)."""
        for name, twin in self.twins.items():
            ms = twin.replay(call)
            if not call.warmup:
                self.replayed.setdefault(name, {}).setdefault(call.label, []).append(ms)

    def measure_special(self, label: str, kind: str, action: Callable[[], object],
                        repeats: int, warmup: int = 1) -> Stats:
        """Time database work done outside the session's connection (``open``, ``backup``)
        and have the twins do theirs after each run."""
        for _ in range(warmup):
            action()
            self.replay(Call(label, 0.0, warmup=True, kind=kind))
        samples = []
        for _ in range(repeats):
            samples.append(elapsed_ms(action))
            self.replay(Call(label, samples[-1], kind=kind))
        return Stats(tuple(samples))

    def attach_replays(self) -> None:
        for figure in self.figures:
            if figure.db is not None and figure.key in self.replayed.get("plain", {}):
                figure.plain = Stats(tuple(self.replayed["plain"][figure.key]))
                figure.nowipe = Stats(tuple(self.replayed["nowipe"][figure.key]))

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

