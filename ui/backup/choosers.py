"""Where a backup goes and which backup file to restore: the system file dialogs behind seams.

Tests replace ``BackupFolderDialog.ask`` / ``BackupFileDialog.ask`` (native dialogs cannot be
driven offscreen).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.backup.container import SUFFIX

_CTX = "BackupChoosers"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class BackupFolderDialog:
    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """The folder to write the backup into, or ``None`` when cancelled."""
        chosen = QFileDialog.getExistingDirectory(
            parent, tr("Pilih folder cadangan — di flashdisk atau disk lain, bukan folder data"))
        return Path(chosen) if chosen else None


class BackupFileDialog:
    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """The ``.poskobak`` file to restore, or ``None`` when cancelled."""
        chosen, _ = QFileDialog.getOpenFileName(
            parent, tr("Pilih berkas cadangan"), "",
            tr("Cadangan Posko PPKS (*%1)").replace("%1", SUFFIX))
        return Path(chosen) if chosen else None
