"""The priority the triage answers propose (DOMAIN.md §7); the officer decides."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from app.domain.enums import Priority
from app.domain.models import Triage
from ui.i18n import QT_TRANSLATE_NOOP

#: Triage answers that make a case an emergency (24 hours).
EMERGENCY = ("immediate_danger", "injury_or_recent")
#: Triage answers that make a case urgent (72 hours).
URGENT = ("child", "disability", "perpetrator_access", "insider")

REASONS: Mapping[str, str] = {
    "immediate_danger": QT_TRANSLATE_NOOP("priority", "korban dalam bahaya langsung"),
    "injury_or_recent": QT_TRANSLATE_NOOP(
        "priority", "ada luka atau kejadian kurang dari 72 jam (perawatan medis/visum)"),
    "child": QT_TRANSLATE_NOOP("priority", "korban anak"),
    "disability": QT_TRANSLATE_NOOP("priority", "korban penyandang disabilitas"),
    "perpetrator_access": QT_TRANSLATE_NOOP("priority", "terlapor masih dapat menjangkau korban"),
    "insider": QT_TRANSLATE_NOOP("priority", "terlapor orang dalam KPU"),
}


def propose(triage: Triage) -> tuple[Priority, list[str]]:
    """The proposed priority and the triage answers that led to it."""
    emergency = [name for name in EMERGENCY if getattr(triage, name) is True]
    if emergency:
        return Priority.DARURAT, emergency
    urgent = [name for name in URGENT if getattr(triage, name) is True]
    if urgent:
        return Priority.SEGERA, urgent
    return Priority.BIASA, []


def reason_text(reasons: list[str]) -> str:
    """The reasons in plain words, or a note that no triage flag is set."""
    if not reasons:
        return QCoreApplication.translate("priority", "tidak ada tanda risiko yang dijawab \"Ya\"")
    return "; ".join(QCoreApplication.translate("priority", REASONS[name]) for name in reasons)
