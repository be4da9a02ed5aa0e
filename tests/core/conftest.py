"""Core tests run without Qt and without any network: opening a socket fails the test."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

_SOCKET_EVENTS = ("socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo",
                  "socket.gethostbyname", "socket.sendto")
_state: dict[str, object] = {"armed": False, "events": []}


def _hook(event: str, args: tuple[object, ...]) -> None:
    if _state["armed"] and event in _SOCKET_EVENTS:
        events = _state["events"]
        assert isinstance(events, list)
        events.append(event)
        raise RuntimeError(f"network access attempted: {event}")


sys.addaudithook(_hook)  # audit hooks cannot be removed; the flag arms it per test


@pytest.fixture(autouse=True)
def no_network() -> Iterator[list[str]]:
    """Every core test fails if the code under test opens, binds or resolves a socket."""
    events: list[str] = []
    _state["events"] = events
    _state["armed"] = True
    try:
        yield events
    finally:
        _state["armed"] = False
    assert events == [], f"the core touched the network: {events}"
