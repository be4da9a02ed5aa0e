"""Child processes for the backup tests: a restore that dies at a chosen step, a second writer,
and a backup whose target runs out of room.

Usage::

    python -m tests.core.backup_child restore BACKUP VAULT_DIR STEP
    python -m tests.core.backup_child write VAULT_DIR STOP_FILE      (DB key as hex on stdin)
    python -m tests.core.backup_child full VAULT_DIR TARGET_DIR WHERE LIMIT

``restore`` opens the backup with the koordinator's password and restores it; an audit hook
(the product code runs unchanged) stops the process at ``STEP`` with SIGKILL — or, for
``pause``, says ``paused`` and waits for a line on stdin before going on:

* ``stage``: the staged key file is about to be renamed into place (staging half done);
* ``marker``: the commit marker is about to be renamed into place;
* ``aside``: the second file of the current vault is about to move to the safety folder;
* ``bring``: the second staged file is about to move into the vault folder;
* ``cleanup``: the marker is about to be deleted (everything else done).

``write`` opens its own SQLCipher connection to the vault (no session: the session's lock is
the parent's) and creates cases through the real service until ``STOP_FILE`` exists, printing
each case id after its commit returned; then ``end``.

``full`` unlocks the vault and makes a backup; the file-size limit (RLIMIT_FSIZE, SIGXFSZ
ignored) drops to ``LIMIT`` bytes when the ``.part`` file on the target is opened (``WHERE`` =
``target``) or when the export copy beside the vault is about to be made (``vault``). It
prints ``error CODE`` or ``created NAME``.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from app.audit import AuditLog
from app.backup import files, restore
from app.errors import AppError
from app.services.cases import CaseService
from app.services.context import Context
from app.store import user_repo
from app.store.connection import open_database
from tests import helpers

Hook = Callable[[str, tuple[object, ...]], None]


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _path(value: object) -> str:
    return os.fsdecode(value) if isinstance(value, (str, bytes, os.PathLike)) else ""


def _step_hook(vault: Path, step: str) -> Hook:
    """Decides, from each rename or delete, whether this is the step to stop at."""
    staging = f"{vault}.pemulihan"
    marker = f"{vault}.pemulihan.json"
    seen = {"aside": 0, "bring": 0}

    def reached(event: str, args: tuple[object, ...]) -> bool:
        source = _path(args[0]) if args else ""
        target = _path(args[1]) if event == "os.rename" and len(args) > 1 else ""
        if event == "os.remove":
            return step == "cleanup" and source == marker
        if event != "os.rename":
            return False
        if step in ("stage", "pause"):
            return target == f"{staging}/posko.keys"
        if step == "marker":
            return target == marker
        moves = (os.path.dirname(source), os.path.dirname(target))
        kind = "aside" if moves == (str(vault), f"{vault}.sebelum-pemulihan-20260302-020000") \
            else "bring" if moves == (staging, str(vault)) else ""
        if kind:
            seen[kind] += 1
        return kind == step and seen[kind] == 2

    def hook(event: str, args: tuple[object, ...]) -> None:
        if not reached(event, args):
            return
        if step != "pause":
            os.kill(os.getpid(), signal.SIGKILL)
        _say("paused")
        sys.stdin.readline()

    return hook


def _restore(backup: Path, vault: Path, step: str) -> None:
    opened = files.open_with_password(backup, helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    armed = {"on": False}
    hook = _step_hook(vault, step)
    sys.addaudithook(lambda event, args: hook(event, args) if armed["on"] else None)
    armed["on"] = True
    restore.restore(opened, helpers.new_vault(vault).paths, helpers.fake_clock(),
                    helpers.KOORDINATOR)
    armed["on"] = False
    opened.close()
    _say("restored")


def _write(vault: Path, stop: Path) -> None:
    key = bytearray.fromhex(sys.stdin.readline().strip())
    conn = open_database(vault / "posko.db", key)
    meta = dict(conn.execute("SELECT key, value FROM vault_meta").fetchall())
    clock = helpers.fake_clock()
    cases = CaseService(Context(conn=conn, user=user_repo.by_id(conn, 1), clock=clock,
                                audit=AuditLog(conn, bytes.fromhex(meta["audit_key"]), clock)))
    number = 0
    while not stop.exists():
        number += 1
        _say(str(cases.create(helpers.full_intake(tag=f"Penulis{number}")).id))
    conn.close()
    _say("end")


def _full(vault: Path, target: Path, where: str, limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)

    def hook(event: str, args: tuple[object, ...]) -> None:
        name = _path(args[0]) if args else ""
        if (where == "target" and event == "open" and name.endswith(".poskobak.part")) or \
                (where == "vault" and event == "os.remove" and name.endswith(".cadangan")):
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))

    session = helpers.new_vault(vault).unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    sys.addaudithook(hook)
    try:
        record = session.backups.create(target)
    except AppError as error:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        _say(f"error {error.code.value}")
    else:
        _say(f"created {record.file_name}")
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    session.close()


def main(argv: list[str]) -> None:
    command, *rest = argv
    if command == "restore":
        _restore(Path(rest[0]), Path(rest[1]), rest[2])
    elif command == "write":
        _write(Path(rest[0]), Path(rest[1]))
    elif command == "full":
        _full(Path(rest[0]), Path(rest[1]), rest[2], int(rest[3]))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
