"""Lembar Data SIMFONI-PPA (placeholder layout until the real one lands)."""

from __future__ import annotations

from app.documents import placeholder
from app.documents.context import ReferralDocument


def render(doc: ReferralDocument) -> bytes:
    return placeholder.render("Lembar Data SIMFONI-PPA", doc)
