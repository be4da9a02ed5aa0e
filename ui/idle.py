"""Auto-lock after the configured idle time (SECURITY.md §3, S9).

An application-wide event filter restarts a single-shot timer on every keyboard, mouse or
wheel event; when it fires, ``idle`` is emitted and the shell locks. The filter is installed
only while the timer runs (the workspace is open): PySide6 wraps every event a Python filter
sees, and with it installed behind the unlock window the first event-loop pass alone took
~30 ms longer (start-up, ``make bench``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class _ActivityFilter(QObject):
    """Restarts the timer on activity; installed on the application by :class:`IdleWatcher`."""

    def __init__(self, timer: QTimer, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()  # restart with the same interval
        return False


def _application() -> QCoreApplication:
    app = QCoreApplication.instance()
    assert app is not None, "IdleWatcher needs the application"
    return app


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._activity = _ActivityFilter(self._timer, self)

    def start(self, interval_ms: int) -> None:
        self._timer.start(interval_ms)
        _application().installEventFilter(self._activity)  # once: Qt never installs it twice

    def stop(self) -> None:
        self._timer.stop()
        _application().removeEventFilter(self._activity)

    @property
    def active(self) -> bool:
        return self._timer.isActive()
