"""Not collected by default (no ``test_`` prefix). ``test_no_network.py`` runs it in a
subprocess pytest, where its one test must FAIL: it opens a socket and even swallows the
guard's exception, yet the guard fixture still fails the test at teardown.
"""

from __future__ import annotations

import contextlib
import socket


def test_opens_a_socket_and_swallows_the_error() -> None:
    with contextlib.suppress(RuntimeError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
