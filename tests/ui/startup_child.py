"""Child process for ``test_startup``: ``posko`` started from cold, as ``ui.main`` does.

Usage::

    python -m tests.ui.startup_child modules DATA_DIR
    python -m tests.ui.startup_child unlock DATA_DIR USERNAME PASSWORD

Both run ``ui.main`` with ``--startup-probe``, which arms its probe right after the first
window is shown. ``modules`` prints ``LOADED`` and the names of every module loaded at that
moment, then lets the probe print its line and quit. ``unlock`` opens the vault through the
unlock window and the real DB thread — where what an unlock needs is imported for the first
time — then prints ``UNLOCKED`` and closes the window.

Nothing from ``tests`` is imported here: it would load the services before the window shows.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from ui import main, startup_probe
from ui.shell import Shell

GIVE_UP_MS = 60_000  # a failed unlock leaves the window open: report it instead of hanging
_probe_arm = startup_probe.arm


def _list_modules(window: QWidget, window_name: str) -> None:
    print("LOADED " + json.dumps(sorted(sys.modules)), flush=True)
    _probe_arm(window, window_name)


class _Unlocker:
    """Types the credentials, presses "Buka" and waits for the workspace."""

    def __init__(self, username: str, password: str) -> None:
        self.username, self.password = username, password
        self.window: Shell | None = None

    def arm(self, window: QWidget, window_name: str) -> None:
        assert isinstance(window, Shell) and window_name == "buka kunci", window_name
        self.window = window
        page = window.unlock_page
        page.unlocked.connect(self.on_unlocked)  # after the shell's own slot: workspace built
        page.username.setText(self.username)
        page.password.set_text(self.password)
        page.open_button.click()
        QTimer.singleShot(GIVE_UP_MS, self.give_up)

    def on_unlocked(self, result: object) -> None:
        assert self.window is not None
        print(f"UNLOCKED workspace={self.window.workspace is not None}", flush=True)
        self.window.close()

    def give_up(self) -> None:
        assert self.window is not None
        print(f"NOT UNLOCKED: {self.window.unlock_page.message.text()}", flush=True)
        self.window.close()


if __name__ == "__main__":
    mode, data_dir = sys.argv[1:3]
    if mode == "modules":
        startup_probe.arm = _list_modules
    else:
        startup_probe.arm = _Unlocker(*sys.argv[3:5]).arm
    sys.exit(main.main(["--data-dir", data_dir, "--startup-probe"]))
