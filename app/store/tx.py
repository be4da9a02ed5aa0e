"""Explicit write transactions: one write = one transaction, audit row included."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlcipher3

from app.store.connection import Connection, as_storage_error


@contextlib.contextmanager
def write_transaction(conn: Connection) -> Iterator[Connection]:
    """``BEGIN IMMEDIATE … COMMIT``; roll back on any exception, including a failed COMMIT.

    IMMEDIATE takes the write lock up front, so a busy vault fails before any work is done.
    The caller may report "Tersimpan" only after this block exits normally. Inside an outer
    transaction (bulk work such as demo seeding) the block becomes a savepoint, so a failure
    still undoes exactly its own writes.
    """
    if conn.in_transaction:
        with _savepoint(conn):
            yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlcipher3.Error as exc:
        raise as_storage_error(exc) from None
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlcipher3.Error):
            raise as_storage_error(exc) from None
        raise


@contextlib.contextmanager
def _savepoint(conn: Connection) -> Iterator[None]:
    conn.execute("SAVEPOINT nested_write")
    try:
        yield
        conn.execute("RELEASE nested_write")
    except BaseException:
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute("ROLLBACK TO nested_write")
            conn.execute("RELEASE nested_write")
        raise
