"""The OS-lock rule: which Windows session events lock the posko."""

from __future__ import annotations

import pytest

from ui.session_watch import WM_WTSSESSION_CHANGE, message_fields, register, should_lock


@pytest.mark.parametrize(("event", "locks"), [
    (0x1, False), (0x2, True), (0x3, False), (0x4, True), (0x5, False), (0x6, True),
    (0x7, True), (0x8, False),
])
def test_screen_lock_user_switch_and_logoff_lock(event: int, locks: bool) -> None:
    assert should_lock(WM_WTSSESSION_CHANGE, event) is locks
    assert not should_lock(WM_WTSSESSION_CHANGE + 1, event)


def test_other_platforms_do_nothing() -> None:
    assert register(1) is False
    assert message_fields(b"xcb_generic_event_t", 0) == (0, 0)
