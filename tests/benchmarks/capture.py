"""Recording the SQL the services run, with the time spent in the database.

While a benchmark runs, the session's connection (and its audit log's) is wrapped: every
``execute``/``executemany`` is recorded with its parameters and timed together with fetching
all its rows. Each recorded call is replayed right after it on the twins
(:mod:`tests.benchmarks.replay`), in the same order, so the databases run exactly the same
statements and stay in step (the same ids, the same rows).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.audit import AuditLog
from app.services.session import Session

from .timing import Stats


@dataclass(frozen=True)
class Statement:
    sql: str
    params: Any
    many: bool = False


@dataclass
class Call:
    """One measured call: ``kind`` ``sql`` (statements to replay), ``open`` or ``backup``."""

    label: str
    db_ms: float
    warmup: bool = False
    kind: str = "sql"
    statements: list[Statement] = field(default_factory=list)


class Rows:
    """A fetched cursor: what the services use of a cursor, over rows already read."""

    def __init__(self, rows: list[Any], lastrowid: int | None, rowcount: int) -> None:
        self._rows = rows
        self._next = 0
        self.lastrowid = lastrowid
        self.rowcount = rowcount

    def fetchone(self) -> Any:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def fetchmany(self, size: int) -> list[Any]:
        chunk = self._rows[self._next:self._next + size]
        self._next += len(chunk)
        return chunk

    def fetchall(self) -> list[Any]:
        rest, self._next = self._rows[self._next:], len(self._rows)
        return rest

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class RecordingConnection:
    """Forwards to the real connection; records and times each statement."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self.statements: list[Statement] = []
        self.seconds = 0.0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        params = tuple(params)
        start = time.perf_counter()
        cursor = self._conn.execute(sql, params)
        rows = cursor.fetchall()
        self.seconds += time.perf_counter() - start
        self.statements.append(Statement(sql, params))
        return Rows(rows, cursor.lastrowid, cursor.rowcount)

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> Rows:
        params = [tuple(row) for row in seq]
        start = time.perf_counter()
        cursor = self._conn.executemany(sql, params)
        self.seconds += time.perf_counter() - start
        self.statements.append(Statement(sql, params, many=True))
        return Rows([], cursor.lastrowid, cursor.rowcount)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


class Recorder:
    """Wraps a session's connection for the rest of its life and keeps every measured call."""

    def __init__(self, session: Session, on_call: Callable[[Call], None]) -> None:
        self._on_call = on_call
        ctx = session.ctx
        meta = dict(ctx.conn.execute("SELECT key, value FROM vault_meta").fetchall())
        self.proxy = RecordingConnection(ctx.conn)
        # The services reach the database through ctx.conn and ctx.audit only.
        ctx.conn = self.proxy
        ctx.audit = AuditLog(self.proxy, bytes.fromhex(meta["audit_key"]), ctx.clock)
        self.calls: list[Call] = []

    def run(self, label: str, action: Callable[[], object], warmup: bool = False) -> float:
        """Run ``action`` once; returns its total milliseconds and keeps its SQL."""
        self.proxy.statements, self.proxy.seconds = [], 0.0
        start = time.perf_counter()
        action()
        total = (time.perf_counter() - start) * 1000
        call = Call(label, self.proxy.seconds * 1000, warmup, statements=self.proxy.statements)
        self.calls.append(call)
        self.proxy.statements = []  # what runs between measured calls is not replayed
        self._on_call(call)
        return total

    def measure(self, label: str, action: Callable[[], object], repeats: int,
                warmup: int = 1) -> Stats:
        for _ in range(warmup):
            self.run(label, action, warmup=True)
        return Stats(tuple(self.run(label, action) for _ in range(repeats)))

    def db_stats(self, label: str) -> Stats:
        return Stats(tuple(c.db_ms for c in self.calls if c.label == label and not c.warmup))
