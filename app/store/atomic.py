"""Crash-safe small-file writes: temp file, fsync, rename, fsync the folder.

A reader sees either the old or the new content, never a mix, even after a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from app.errors import ErrorCode, StorageError


def fsync_directory(folder: Path) -> None:
    """Make a rename durable. Windows cannot open folders for fsync; NTFS journals renames."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically.

    Raises:
        StorageError: ``DISK_FULL`` or ``READ_ONLY`` (the old file is untouched), else
            ``STORAGE_FAILED``.
    """
    tmp = path.with_name(path.name + ".tmp")
    try:
        # Owner-only on POSIX (Windows: the per-user AppData folder's ACL applies).
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                     0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_directory(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise os_error(exc) from None


def os_error(exc: OSError) -> StorageError:
    """Map an OS error to a coded storage error (no paths or content in the result)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError(ErrorCode.DISK_FULL)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StorageError(ErrorCode.READ_ONLY)
    return StorageError(ErrorCode.STORAGE_FAILED)
