"""Small checks shared by several services."""

from __future__ import annotations

from app.domain import workflow as rules
from app.errors import ErrorCode, WorkflowError
from app.store import case_repo
from app.store.connection import Connection


def ensure_writable(conn: Connection, case_id: int) -> None:
    """Closed and archived cases are read-only until reopened."""
    status = case_repo.case_status(conn, case_id)
    if status in rules.READ_ONLY:
        raise WorkflowError(ErrorCode.CASE_READ_ONLY, status=status.value)
