"""Replaying the recorded calls on the plain twin — the floor every database figure is set against.

Runs as a child process (``python -m tests.benchmarks.replay CALLS OUT``), because SQLCipher's
``cipher_memory_security``, which the app switches on for the whole process, would slow a plain
connection in the benchmark's own process too. The child uses the same SQLite library (the one
inside ``sqlcipher3``) with the app's pragmas (WAL, ``synchronous=FULL``, ``temp_store=MEMORY``,
``secure_delete``, ``foreign_keys``; the build's default ``cache_size`` of 8 MB) and replays
every call in the order it ran, timing each one as the recording did (execute + fetch all).

With ``--key-stdin`` it replays on a copy of the *encrypted* vault instead, still without memory
wiping: the difference between the two tells encryption apart from memory wiping.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import sqlcipher3

from app.backup.digest import content_digest

from .capture import Call

PRAGMAS = ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
           "PRAGMA temp_store = MEMORY", "PRAGMA secure_delete = ON",
           "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000")


def connect(path: Path, key_hex: str | None) -> Any:
    """The app's connection settings without the safety read-backs (``open_database``)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    if key_hex is not None:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        conn.execute("PRAGMA cipher_compatibility = 4")
    conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    for pragma in PRAGMAS:
        conn.execute(pragma).fetchall()
    return conn


def open_and_check(path: Path, key_hex: str | None) -> Any:
    """What unlock does to the database: open, configure, ``quick_check``, a first query."""
    conn = connect(path, key_hex)
    if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise SystemExit("quick_check failed on the replay copy")
    conn.execute("SELECT count(*) FROM cases").fetchone()
    return conn


def backup_and_verify(conn: Any, path: Path, key_hex: str | None) -> None:
    """The database work of a verified backup: export a copy, digest it, then check it."""
    copy = path.with_name(path.name + ".bench-copy")
    copy.unlink(missing_ok=True)
    key = "''" if key_hex is None else f"\"x'{key_hex}'\""
    conn.execute(f"ATTACH DATABASE ? AS backup KEY {key}", (str(copy),))
    conn.execute("SELECT sqlcipher_export('backup')").fetchall()
    conn.execute("DETACH DATABASE backup")
    for _ in range(2):  # the digest when written, then the verify pass
        check = connect(copy, key_hex)
        check.execute("PRAGMA integrity_check").fetchall()
        if key_hex is not None:
            check.execute("PRAGMA cipher_integrity_check").fetchall()
        content_digest(check)
        check.close()
    copy.unlink(missing_ok=True)


def run_statements(conn: Any, call: Call) -> None:
    for statement in call.statements:
        if statement.many:
            conn.executemany(statement.sql, statement.params)
        else:
            conn.execute(statement.sql, statement.params).fetchall()


def replay(calls: list[Call], path: Path, key_hex: str | None) -> dict[str, list[float]]:
    """Milliseconds per label (warm-up calls replayed but not reported)."""
    conn = connect(path, key_hex)
    found: dict[str, list[float]] = defaultdict(list)
    for call in calls:
        start = time.perf_counter()
        if call.kind == "open":
            conn.close()
            conn = open_and_check(path, key_hex)
        elif call.kind == "backup":
            backup_and_verify(conn, path, key_hex)
        else:
            run_statements(conn, call)
        if not call.warmup:
            found[call.label].append((time.perf_counter() - start) * 1000)
    conn.close()
    return dict(found)


def warm_up(database: Path) -> None:
    """Read the copy once, as the app's own unlock did for its file: no figure of either
    side pays for a cold disk cache (a 700 MB twin read cold took 28 s here)."""
    with database.open("rb") as handle:
        while handle.read(1 << 24):
            pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("calls", type=Path)
    parser.add_argument("database", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--key-stdin", action="store_true")
    args = parser.parse_args()
    key_hex = sys.stdin.readline().strip() if args.key_stdin else None
    calls: list[Call] = pickle.loads(args.calls.read_bytes())
    warm_up(args.database)
    args.out.write_text(json.dumps(replay(calls, args.database, key_hex)))


if __name__ == "__main__":
    main()
