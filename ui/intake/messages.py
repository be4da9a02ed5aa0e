"""Indonesian texts for what the core refused during the intake, keyed by form path."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.errors import FieldError, ValidationError, WorkflowError
from ui import errors as ui_errors
from ui.intake.consent_mapping import OVERRIDE_REASON
from ui.intake.intake_form import INCIDENT, VICTIM
from ui.intake.jobs import ConsentFailure

_CTX = "IntakePage"
#: Preconditions of receiving a case (workflow codes) → the step that fills them in.
MISSING_STEPS = {"victim": VICTIM, "incident": INCIDENT}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def local_messages(codes: dict[str, str]) -> dict[str, str]:
    """Local reading errors (path → code) as inline texts."""
    return {path: ui_errors.field_message(FieldError(path, code)) for path, code in codes.items()}


def consent_messages(failure: ConsentFailure) -> dict[str, str]:
    """Where and what to show when the core refused one consent."""
    error = failure.error
    if isinstance(error, ValidationError):
        return {failure.slot.error_path(item.field): ui_errors.field_message(item)
                for item in error.errors}
    text = ui_errors.message_for(error) + " " + tr(
        "Pengecualian demi kepentingan terbaik anak hanya dapat dicatat oleh koordinator.")
    # Once at the reason field and once at the top of the step (the path "consent").
    return {OVERRIDE_REASON: text, "consent": text}


def missing_names(error: WorkflowError) -> list[str]:
    missing = error.params.get("missing")
    return [str(item) for item in missing] if isinstance(missing, list) else []


def missing_text(names: list[str]) -> str:
    wanted = "; ".join(ui_errors.missing_names(names))
    return tr("Sebelum pengaduan diterima, lengkapi dulu: %1. Isian tetap tersimpan sebagai "
              "draf.").replace("%1", wanted)
