"""SQL for officer accounts. Only services call this module."""

from __future__ import annotations

from datetime import datetime

from app.domain.enums import Role
from app.domain.models import User
from app.errors import ErrorCode, NotFound
from app.store.codec import parse_ts, ts
from app.store.connection import Connection

_COLUMNS = "id, username, display_name, role, active, must_change_password, created_at"


def _user(row: tuple[object, ...]) -> User:
    uid, username, display, role, active, must_change, created = row
    return User(id=int(str(uid)), username=str(username), display_name=str(display),
                role=Role(str(role)), active=bool(active), must_change_password=bool(must_change),
                created_at=parse_ts(str(created)))


def insert(conn: Connection, username: str, display_name: str, role: Role, now: datetime,
           must_change_password: bool) -> int:
    cursor = conn.execute(
        "INSERT INTO users(username, display_name, role, active, must_change_password,"
        " created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)",
        (username, display_name, role.value, int(must_change_password), ts(now), ts(now)))
    return int(cursor.lastrowid)


def by_id(conn: Connection, user_id: int) -> User:
    row = conn.execute(f"SELECT {_COLUMNS} FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        raise NotFound(ErrorCode.USER_NOT_FOUND)
    return _user(row)


def by_username(conn: Connection, username: str) -> User:
    row = conn.execute(f"SELECT {_COLUMNS} FROM users WHERE username = ?", (username,)).fetchone()
    if row is None:
        raise NotFound(ErrorCode.USER_NOT_FOUND)
    return _user(row)


def all_users(conn: Connection) -> list[User]:
    return [_user(row) for row in conn.execute(f"SELECT {_COLUMNS} FROM users ORDER BY username")]


def update(conn: Connection, user_id: int, now: datetime, **columns: object) -> None:
    allowed = {"display_name", "role", "active", "must_change_password"}
    if not set(columns) <= allowed:
        raise ValueError("unknown user column")
    assignments = ", ".join(f"{name} = ?" for name in columns)
    conn.execute(f"UPDATE users SET {assignments}, updated_at = ? WHERE id = ?",
                 (*columns.values(), ts(now), user_id))


def active_koordinators(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM users WHERE role = 'koordinator'"
                            " AND active = 1").fetchone()[0])


def display_names(conn: Connection) -> dict[int, str]:
    return {int(uid): str(name) for uid, name in
            conn.execute("SELECT id, display_name FROM users")}
