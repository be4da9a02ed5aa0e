"""``posko``: the desktop app entry point.

Placeholder until the desktop-app issue lands: it shows where the vault lives and whether it is
set up, so ``make run`` opens a real window on a fresh machine.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from app.paths import resolve
from app.services.vault import Vault, VaultState


class PlaceholderWindow(QMainWindow):
    """A calm first window: what this is and what to do next."""

    def __init__(self, state: VaultState) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Posko PPKS"))
        if state is VaultState.READY:
            text = self.tr("Vault posko sudah tersedia di komputer ini.\n"
                           "Tampilan kerja petugas sedang disiapkan; gunakan posko-admin.")
        else:
            text = self.tr("Belum ada vault posko di komputer ini.\n"
                           "Buat dengan: posko-admin init --user NAMA")
        self.message = QLabel(text)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.setCentralWidget(self.message)
        self.resize(640, 360)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="posko")
    parser.add_argument("--data-dir", default=None)
    args, qt_args = parser.parse_known_args(argv)
    app = QApplication([sys.argv[0], *qt_args])
    window = PlaceholderWindow(Vault(resolve(args.data_dir)).state())
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
