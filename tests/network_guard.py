"""No test may touch the network: one audit hook for the whole test session.

``sys.addaudithook`` sees every socket that Python code creates, connects, binds, sends on or
resolves a name for — the product's, the libraries' and pytest plugins' — and the autouse
fixture in ``tests/conftest.py`` arms it around every test. Creating *any* socket fails, local
(AF_UNIX) ones included: none is needed (checked over the whole suite, offscreen Qt too).

Audit hooks cannot see sockets opened inside C and C++ libraries. On Linux, glibc asks nscd
over a local socket and Qt's CUPS print support connects to localhost:631 when a QPrinter is
made; ``tests/reliability/test_native_sockets.py`` traces those at the system-call level.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

_SOCKET_EVENTS = ("socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo",
                  "socket.gethostbyname", "socket.gethostbyaddr", "socket.sendto",
                  "socket.sendmsg")
_state: dict[str, object] = {"armed": False, "events": []}


@dataclass
class Totals:
    """Over the whole session: tests run with the guard armed, socket events that failed one."""

    tests: int = 0
    events: list[str] = field(default_factory=list)


_totals = Totals()


def _hook(event: str, args: tuple[object, ...]) -> None:
    if _state["armed"] and event in _SOCKET_EVENTS:
        events = _state["events"]
        assert isinstance(events, list)
        events.append(event)
        raise RuntimeError(f"network access attempted: {event}")


def install() -> None:
    """Add the hook once per process (audit hooks cannot be removed; the flag arms it)."""
    if not getattr(sys, "_posko_network_guard", False):
        sys.addaudithook(_hook)
        sys._posko_network_guard = True  # type: ignore[attr-defined]


def arm(events: list[str]) -> None:
    _state["events"] = events
    _state["armed"] = True
    _totals.tests += 1


def disarm(events: list[str]) -> None:
    """Stop; what is left in ``events`` (a test may clear what it provoked on purpose) counts."""
    _state["armed"] = False
    _totals.events.extend(events)


def totals() -> Totals:
    return _totals
