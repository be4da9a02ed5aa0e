"""The unlock's ``quick_check``, run beside the session instead of before it.

SECURITY.md §2.2 runs ``PRAGMA quick_check`` at every unlock. It reads and decrypts the whole
file: 8 s for 100,000 cases (``make bench``), while the officer waits at the unlock window.
Moving it beside the session keeps the check at every unlock without the wait, and is safe
because SQLCipher authenticates every page it reads (HMAC): no read, and no write (a write only
changes pages it has read), can use a damaged page without failing. What the early whole-file
check adds is telling the office *at once* about damage in pages nobody has read yet, while a
good backup is still at hand — and that it still does, a few seconds later.

The check has its own read-only connection in a daemon thread (SQLite releases the GIL while it
reads). Unless it passed, it keeps that connection open until the session's connection has
closed (:meth:`BackgroundCheck.release`): SQLite folds the WAL into the database only when the
*last* connection closes, and a read-only one never does, so a file found damaged — by the check
or by the unlock's own reads while the check was still running — is left exactly as it was.
"""

from __future__ import annotations

import logging
import threading
from enum import StrEnum
from pathlib import Path

from app.errors import StorageError
from app.keys.slots import wipe
from app.store.connection import Connection, open_read_only, run_quick_check

log = logging.getLogger(__name__)


class CheckState(StrEnum):
    RUNNING = "running"
    PASSED = "passed"
    DAMAGED = "damaged"
    STOPPED = "stopped"  # the session ended first; the next unlock checks again


class BackgroundCheck:
    """``quick_check`` of ``path`` on a private read-only connection, started at once."""

    def __init__(self, path: Path, key: bytes | bytearray) -> None:
        self._path = path
        self._key = bytearray(key)
        self._state = CheckState.RUNNING
        self._done = threading.Event()
        self._guard = threading.Lock()
        self._conn: Connection | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="posko-quick-check", daemon=True)
        self._thread.start()

    def state(self) -> CheckState:
        return self._state

    def wait(self, timeout: float | None = None) -> CheckState:
        """The state once the check has ended (or ``RUNNING`` after ``timeout`` seconds)."""
        self._done.wait(timeout)
        return self._state

    def stop(self) -> None:
        """Interrupt a running check and wait for its thread (before the session closes)."""
        with self._guard:
            self._stopping.set()
            if self._conn is not None and self._state is CheckState.RUNNING:
                self._conn.interrupt()
        self._thread.join()

    def release(self) -> None:
        """Close the connection a failed check kept open (after the session's own closed)."""
        self.stop()
        self._close()

    def _run(self) -> None:
        try:
            state = self._check()
        except Exception:  # never a traceback from a thread: unknown trouble counts as damage
            log.exception("quick_check beside the session failed")
            state = CheckState.DAMAGED
        finally:
            wipe(self._key)
        self._state = state
        self._done.set()
        if state is CheckState.DAMAGED:
            log.error("quick_check after unlock found damage; restore from a backup")

    def _check(self) -> CheckState:
        try:
            conn = open_read_only(self._path, self._key, check_same_thread=False)
        except StorageError:
            return CheckState.DAMAGED
        with self._guard:
            self._conn = conn
            if self._stopping.is_set():
                return CheckState.STOPPED
        try:
            run_quick_check(conn)
        except StorageError:
            # Interrupted by stop() (nothing learnt), or damage. Either way the connection
            # stays open until release(): the session may be closing over a damaged file.
            return CheckState.STOPPED if self._stopping.is_set() else CheckState.DAMAGED
        self._close()
        return CheckState.PASSED

    def _close(self) -> None:
        with self._guard:
            conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
