"""Running vault work off the GUI thread (STYLE.md §3).

Widgets depend on the :class:`TaskRunner` protocol. :class:`QtTaskRunner` sends each job to one
DB-owner ``QThread`` (SQLite connections belong to the thread that opened them) and delivers the
result back on the GUI thread; :class:`ImmediateRunner` runs jobs synchronously for most UI
tests. Worker signals connect only to bound slots of QObjects living in the GUI thread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from ui.backend import Backend

T = TypeVar("T")
Job = Callable[[Backend], Any]
DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class TaskRunner(Protocol):
    def run(self, job: Job, on_done: DoneCallback | None = None,
            on_error: ErrorCallback | None = None) -> None:
        """Run ``job(backend)`` in the DB thread, then one callback on the GUI thread."""
        ...

    def shutdown(self) -> None:
        ...


def _alive(callback: Callable[..., Any] | None) -> bool:
    """False when the callback's widget was deleted meanwhile (e.g. the app locked)."""
    owner = getattr(callback, "__self__", None)
    return callback is not None and (not isinstance(owner, QObject) or shiboken6.isValid(owner))


def _deliver(result: object, failed: bool, on_done: DoneCallback | None,
             on_error: ErrorCallback | None) -> None:
    if failed:
        if _alive(on_error):
            assert on_error is not None
            on_error(result)  # type: ignore[arg-type]
        else:
            report_unhandled(result)  # type: ignore[arg-type]
    elif _alive(on_done):
        assert on_done is not None
        on_done(result)


def report_unhandled(error: BaseException) -> None:
    """Errors nobody asked for go to the global handler (logged, generic dialog)."""
    from ui.crash import handle_exception  # ui.crash imports Qt widgets; keep workers light

    handle_exception(type(error), error, error.__traceback__)


class ImmediateRunner:
    """Runs every job at once on the calling thread (UI tests without threads)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def run(self, job: Job, on_done: DoneCallback | None = None,
            on_error: ErrorCallback | None = None) -> None:
        try:
            result = self.backend.call(job)
        except Exception as exc:  # delivered to the caller, as the threaded runner does
            _deliver(exc, True, on_done, on_error)
            return
        _deliver(result, False, on_done, on_error)

    def shutdown(self) -> None:
        self.backend.lock("exit")


class _DbWorker(QObject):
    """Lives in the DB thread; executes jobs one at a time, in order."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self._backend = backend

    @Slot()
    def lock_for_exit(self) -> None:
        self._backend.lock("exit")

    @Slot(int, object)
    def execute(self, request: int, job: Job) -> None:
        try:
            result = self._backend.call(job)
        except Exception as exc:
            self.failed.emit(request, exc)
            return
        self.finished.emit(request, result)


class QtTaskRunner(QObject):
    """Owns the DB thread and its worker; delivers results on the GUI thread."""

    _submitted = Signal(int, object)
    _exit_requested = Signal()

    def __init__(self, backend: Backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[DoneCallback | None, ErrorCallback | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName("posko-db")
        self._worker = _DbWorker(backend)
        self._worker.moveToThread(self._thread)
        self._submitted.connect(self._worker.execute)
        # Blocking: shutdown must not return before the session is closed in its own thread.
        self._exit_requested.connect(self._worker.lock_for_exit,
                                     Qt.ConnectionType.BlockingQueuedConnection)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    def run(self, job: Job, on_done: DoneCallback | None = None,
            on_error: ErrorCallback | None = None) -> None:
        request = next(self._ids)
        self._pending[request] = (on_done, on_error)
        self._submitted.emit(request, job)

    @Slot(int, object)
    def _on_finished(self, request: int, result: object) -> None:
        on_done, on_error = self._pending.pop(request, (None, None))
        _deliver(result, False, on_done, on_error)

    @Slot(int, object)
    def _on_failed(self, request: int, error: object) -> None:
        on_done, on_error = self._pending.pop(request, (None, None))
        _deliver(error, True, on_done, on_error)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def shutdown(self) -> None:
        """Lock the vault in its own thread, then stop and join the thread."""
        if not self._thread.isRunning():
            return
        self._exit_requested.emit()
        self._thread.quit()
        self._thread.wait(10_000)
