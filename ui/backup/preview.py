"""What an opened backup holds, shown before anything changes: when, which version, how much."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QWidget

from app.backup.container import Manifest
from app.clock import parse_utc_iso
from app.documents.dates import jam, tanggal_hari


def moment_text(moment: datetime, tz: timezone) -> str:
    """``Senin, 2 Maret 2026 pukul 09.00 WIB`` — in the office's words and zone."""
    return f"{tanggal_hari(moment.astimezone(tz).date())} pukul {jam(moment, tz)}"


def created_text(manifest: Manifest, tz: timezone) -> str:
    return moment_text(parse_utc_iso(manifest.created_at), tz)


class BackupPreview(QFrame):
    """A card: created, versions, counts, the audit seal, and the result of the check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.file_name = QLabel(self)
        self.created = QLabel(self)
        self.versions = QLabel(self)
        self.contents = QLabel(self)
        self.seal = QLabel(self)
        self.seal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check = QLabel(self)
        self.check.setWordWrap(True)
        form = QFormLayout(self)
        for text, label in ((self.tr("Berkas"), self.file_name),
                            (self.tr("Dibuat"), self.created),
                            (self.tr("Versi"), self.versions),
                            (self.tr("Isi"), self.contents),
                            (self.tr("Segel log audit"), self.seal),
                            (self.tr("Pemeriksaan"), self.check)):
            form.addRow(text, label)

    def show_manifest(self, file_name: str, manifest: Manifest, tz: timezone) -> None:
        self.file_name.setText(file_name)
        self.created.setText(created_text(manifest, tz))
        self.versions.setText(self.tr("aplikasi %1, skema data %2")
                              .replace("%1", manifest.app).replace("%2", str(manifest.schema)))
        self.contents.setText(self.tr("%1 kasus, %2 lampiran")
                              .replace("%1", str(manifest.cases))
                              .replace("%2", str(manifest.attachments)))
        self.seal.setText(manifest.audit_seal or "–")
        self.set_check("", failed=False)

    def set_check(self, text: str, *, failed: bool) -> None:
        self.check.setText(text)
        self.check.setProperty("role", "error" if failed else "")
        self.check.style().unpolish(self.check)
        self.check.style().polish(self.check)
