"""``posko --startup-probe`` (hidden): the time from process start to the first window.

For the README's cold-start figure: the window is shown, the event loop has run once (so the
show and first paint are done), then the probe prints the elapsed time and quits (the window
closes as usual, its worker thread stopped; the interpreter's teardown is skipped). The clock
starts at the process's own start (``/proc`` on Linux, which includes the PyInstaller
bootloader and the interpreter start); elsewhere it starts when this module was imported, and
the line says so (on Windows measure the whole run with PowerShell's ``Measure-Command``).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import NoReturn

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

_IMPORTED = time.monotonic()


def process_age_s() -> float | None:
    """Seconds since this process started, from the kernel's own record (Linux only)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except OSError:
        return None
    # Field 22 (starttime, clock ticks after boot); split after the ")" ending the command name.
    started_ticks = int(stat.rsplit(")", 1)[1].split()[19])
    return uptime - started_ticks / os.sysconf("SC_CLK_TCK")


def _report(window: QWidget, window_name: str) -> None:
    age = process_age_s()
    since = "sejak proses mulai" if age is not None else "sejak modul antarmuka dimuat"
    elapsed = age if age is not None else time.monotonic() - _IMPORTED
    if sys.stdout is not None:
        print(f"startup-probe: {elapsed * 1000:.0f} ms {since} sampai jendela {window_name} tampil",
              flush=True)
    window.close()  # the window's own shutdown (worker thread stopped), then the app quits


def arm(window: QWidget, window_name: str) -> None:
    """Close ``window`` right after the event loop's first pass, printing the elapsed time."""
    QTimer.singleShot(0, lambda: _report(window, window_name))


def leave(code: int) -> NoReturn:
    """End the process without the interpreter's teardown (~20 ms of freeing Qt objects and
    modules), as the bare window that ``make bench`` compares with does: the figure is the
    start-up."""
    logging.shutdown()
    os._exit(code)
