"""Start-up probe: a process that shows its first window and exits at once.

``python -m tests.benchmarks.startup_probe app DATA_DIR`` builds the desktop app's main window
as ``posko`` does (``ui.main``: application, style, logging, Shell on the vault, which shows the
unlock screen) and shows it; ``… bare`` shows an empty PySide6 window started the same way.
Both leave with ``os._exit`` once the window is shown, so neither pays for tearing down; the
parent times the whole process, interpreter start included.
"""

from __future__ import annotations

import os
import sys


def _app(data_dir: str) -> tuple[object, ...]:
    from app.paths import resolve
    from app.services.vault import Vault
    from ui.app import create_application
    from ui.shell import Shell

    app = create_application([])
    window = Shell(Vault(resolve(data_dir)))
    window.show()
    app.processEvents()
    if not window.unlock_page.isVisible():
        raise SystemExit("the unlock screen is not showing")
    return app, window  # alive until the exit: a QThread destroyed while running aborts


def _bare() -> tuple[object, ...]:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1280, 720)
    window.show()
    app.processEvents()
    return app, window


def main() -> None:
    _shown = _app(sys.argv[2]) if sys.argv[1] == "app" else _bare()
    sys.stdout.flush()
    os._exit(0)  # with the window still alive (its worker thread still running)


if __name__ == "__main__":
    main()
