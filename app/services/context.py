"""What every service needs: the connection, the signed-in officer, the audit log and a clock."""

from __future__ import annotations

from dataclasses import dataclass

from app.audit import AuditLog
from app.clock import Clock
from app.domain.models import User
from app.store.connection import Connection


@dataclass
class Context:
    conn: Connection
    user: User
    audit: AuditLog
    clock: Clock
    via_recovery: bool = False
