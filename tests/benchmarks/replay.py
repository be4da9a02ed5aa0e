"""Replaying the recorded calls on the plain twin — the floor every database figure is set against.

Runs as a child process (``python -m tests.benchmarks.replay DATABASE``, driven by
:class:`tests.benchmarks.twins.Twin`), because SQLCipher's
``cipher_memory_security``, which the app switches on for the whole process, would slow a plain
connection in the benchmark's own process too. The child uses the same SQLite library (the one
inside ``sqlcipher3``) with the app's pragmas (WAL, ``synchronous=FULL``, ``temp_store=MEMORY``,
``secure_delete``, ``foreign_keys``; the build's default ``cache_size`` of 8 MB) and replays
every call right after it ran, timing it as the recording did (execute + fetch all).

With ``--key-stdin`` it replays on a copy of the *encrypted* vault instead, still without memory
wiping: the difference between the two tells encryption apart from memory wiping.
"""

from __future__ import annotations

import argparse
import pickle
import struct
import sys
import time
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


def replay_one(conn: Any, call: Call, path: Path, key_hex: str | None) -> Any:
    """Run one recorded call; returns the connection to use next (an ``open`` replaces it)."""
    if call.kind == "open":
        conn.close()
        return open_and_check(path, key_hex)
    if call.kind == "backup":
        backup_and_verify(conn, path, key_hex)
    else:
        run_statements(conn, call)
    return conn


def warm_up(database: Path) -> None:
    """Read the copy once, as the app's own unlock did for its file: no figure of either
    side pays for a cold disk cache (a 700 MB twin read cold took 28 s here)."""
    with database.open("rb") as handle:
        while handle.read(1 << 24):
            pass


def serve(path: Path, key_hex: str | None) -> None:
    """Replay each call as it arrives (length-prefixed pickles on standard input), answering
    with its milliseconds: both sides are measured moments apart, under the same load (this
    machine is shared; a replay run minutes later once met a disk four times slower)."""
    warm_up(path)
    conn = connect(path, key_hex)
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while header := source.read(4):
        call: Call = pickle.loads(source.read(struct.unpack(">I", header)[0]))
        start = time.perf_counter()
        conn = replay_one(conn, call, path, key_hex)
        sink.write(struct.pack(">d", (time.perf_counter() - start) * 1000))
        sink.flush()
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("database", type=Path)
    parser.add_argument("--key-stdin", action="store_true",
                        help="the first line of standard input is the raw key (hex)")
    args = parser.parse_args()
    key_hex = sys.stdin.buffer.readline().decode().strip() if args.key_stdin else None
    serve(args.database, key_hex)


if __name__ == "__main__":
    main()
