"""Lembar Persetujuan (placeholder layout until the real one lands)."""

from __future__ import annotations

from app.documents import placeholder
from app.documents.context import CaseDocument


def render(doc: CaseDocument) -> bytes:
    return placeholder.render("Lembar Persetujuan", doc)
