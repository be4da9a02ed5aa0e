"""Evidence files (photos, screenshots, scanned letters) stored inside the encrypted database.

Each file keeps its SHA-256 and size; reading it back re-checks the digest, so a damaged blob
is reported instead of shown. Files are read and returned as bytes only — never written to a
temporary file (the UI shows them from memory).
"""

from __future__ import annotations

import hashlib
import mimetypes
from datetime import datetime

from app.domain import validation
from app.domain.models import AttachmentInfo
from app.errors import AppError, ErrorCode, NotFound, ValidationError
from app.services import settings as settings_store
from app.services.access import Action, require_case
from app.services.context import Context
from app.services.guards import ensure_writable
from app.store.codec import parse_opt_ts, parse_ts, ts
from app.store.tx import write_transaction

MIB = 1024 * 1024
_COLUMNS = "id, case_id, filename, mime, size, sha256, captured_at, added_at, added_by"


class AttachmentService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def add(self, case_id: int, filename: str, content: bytes,
            captured_at: datetime | None = None) -> AttachmentInfo:
        """Store a file with its digest.

        Raises:
            AppError: ``ATTACHMENT_TOO_LARGE`` with ``limit_mb`` (nothing is written).
        """
        ctx = self._ctx
        code = require_case(ctx, Action.ATTACHMENT_ADD, case_id)
        name = self._checked(filename, content, captured_at)
        ensure_writable(ctx.conn, case_id)
        digest = hashlib.sha256(content).hexdigest()
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        now = ctx.clock.now()
        with write_transaction(ctx.conn):
            cursor = ctx.conn.execute(
                "INSERT INTO attachments(case_id, filename, mime, size, sha256, captured_at,"
                " added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (case_id, name, mime, len(content), digest,
                 None if captured_at is None else ts(captured_at), ts(now), ctx.user.id))
            attachment_id = int(cursor.lastrowid)
            ctx.conn.execute("INSERT INTO attachment_blobs(attachment_id, content) VALUES (?, ?)",
                             (attachment_id, bytes(content)))
            ctx.audit.append("attachment.add", actor=ctx.user.id, case_code=code,
                             obj=f"attachment:{attachment_id}", detail={"size": len(content)})
        return self._info(attachment_id)

    def _checked(self, filename: object, content: object, captured_at: object) -> str:
        """The cleaned file name, after every input check; nothing is written on failure."""
        name = validation.clean_single(filename, "filename")
        if name is None:
            raise ValidationError.single("filename", "required")
        if not isinstance(content, (bytes, bytearray)):
            raise ValidationError.single("content", "type")
        if captured_at is not None and (not isinstance(captured_at, datetime)
                                        or captured_at.tzinfo is None):
            raise ValidationError.single("captured_at", "type")
        limit = settings_store.load(self._ctx.conn).attachment_limit_mb
        if len(content) > limit * MIB:
            raise AppError(ErrorCode.ATTACHMENT_TOO_LARGE, limit_mb=limit)
        return name

    def for_case(self, case_id: int) -> list[AttachmentInfo]:
        require_case(self._ctx, Action.ATTACHMENT_VIEW, case_id)
        rows = self._ctx.conn.execute(f"SELECT {_COLUMNS} FROM attachments WHERE case_id = ?"
                                      " ORDER BY id", (case_id,))
        return [_info(row) for row in rows]

    def read(self, attachment_id: int) -> bytes:
        """The file's bytes after checking its digest; viewing is audited."""
        ctx = self._ctx
        info = self._info(attachment_id)
        code = require_case(ctx, Action.ATTACHMENT_VIEW, info.case_id)
        row = ctx.conn.execute("SELECT content FROM attachment_blobs WHERE attachment_id = ?",
                               (attachment_id,)).fetchone()
        content = b"" if row is None else bytes(row[0])
        if row is None or hashlib.sha256(content).hexdigest() != info.sha256:
            raise AppError(ErrorCode.ATTACHMENT_CORRUPT)
        with write_transaction(ctx.conn):
            ctx.audit.append("attachment.view", actor=ctx.user.id, case_code=code,
                             obj=f"attachment:{attachment_id}")
        return content

    def _info(self, attachment_id: int) -> AttachmentInfo:
        row = self._ctx.conn.execute(f"SELECT {_COLUMNS} FROM attachments WHERE id = ?",
                                     (attachment_id,)).fetchone()
        if row is None:
            raise NotFound(ErrorCode.ATTACHMENT_NOT_FOUND)
        return _info(row)


def _info(row: tuple[object, ...]) -> AttachmentInfo:
    aid, case_id, filename, mime, size, sha, captured, added, added_by = row
    return AttachmentInfo(id=int(str(aid)), case_id=int(str(case_id)), filename=str(filename),
                          mime=str(mime), size=int(str(size)), sha256=str(sha),
                          captured_at=parse_opt_ts(None if captured is None else str(captured)),
                          added_at=parse_ts(str(added)), added_by=int(str(added_by)))
