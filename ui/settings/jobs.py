"""DB-thread jobs of the Pengaturan page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.domain.settings import OfficeSettings
from ui.backend import Backend


def load(backend: Backend) -> OfficeSettings:
    return backend.require().settings.get()


def update(changes: dict[str, Any]) -> Callable[[Backend], OfficeSettings]:
    """One ``settings.update`` with every changed setting: all are written, or none."""

    def job(backend: Backend) -> OfficeSettings:
        return backend.require().settings.update(**changes)

    return job
