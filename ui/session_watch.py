"""Lock when Windows locks: WTS session notifications (SECURITY.md §3, as KeePassXC does).

Windows sends WM_WTSSESSION_CHANGE to windows registered with WTSRegisterSessionNotification.
A screen lock, a user switch or a remote disconnect locks the posko too, within the same
event-loop turn. On other systems this module does nothing.
"""

from __future__ import annotations

import sys

#: A plain flag rather than ``sys.platform`` checks, so type checking covers both branches.
WINDOWS = sys.platform == "win32"
WM_WTSSESSION_CHANGE = 0x02B1
NOTIFY_FOR_THIS_SESSION = 0
#: WTS event codes that mean "someone else may now be at this screen".
LOCKING_EVENTS = frozenset({
    0x2,  # WTS_CONSOLE_DISCONNECT (user switch)
    0x4,  # WTS_REMOTE_DISCONNECT
    0x6,  # WTS_SESSION_LOGOFF
    0x7,  # WTS_SESSION_LOCK
})


def should_lock(message: int, wparam: int) -> bool:
    return message == WM_WTSSESSION_CHANGE and wparam in LOCKING_EVENTS


def register(window_id: int) -> bool:
    """Ask Windows for session notifications for this window; False elsewhere or on failure."""
    if not WINDOWS:
        return False
    import ctypes  # Windows only

    wtsapi32 = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined,unused-ignore]
    return bool(wtsapi32.WTSRegisterSessionNotification(window_id, NOTIFY_FOR_THIS_SESSION))


def message_fields(event_type: bytes | bytearray | memoryview, message: int) -> tuple[int, int]:
    """(message id, wParam) of a native Windows MSG; (0, 0) for anything else."""
    if not WINDOWS or bytes(event_type) != b"windows_generic_MSG":
        return 0, 0
    import ctypes.wintypes  # Windows only

    msg = ctypes.wintypes.MSG.from_address(int(message))
    return int(msg.message), int(msg.wParam)
