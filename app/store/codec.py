"""JSON for dataclass sections stored in the vault (msgspec: typed and validating on read)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeVar

import msgspec

from app.errors import ErrorCode, StorageError

T = TypeVar("T")


def dumps(value: object) -> str:
    """Deterministic JSON (sets sorted) so equal records give equal bytes."""
    return msgspec.json.encode(value, order="sorted").decode("utf-8")


def loads(text: str | bytes, cls: type[T]) -> T:
    """Decode and type-check; a row that does not fit its type is treated as corruption."""
    try:
        return msgspec.json.decode(text, type=cls)
    except (msgspec.ValidationError, msgspec.DecodeError):
        # The library's message can quote stored values: never pass it on.
        raise StorageError(ErrorCode.INTEGRITY_FAILED) from None


def ts(moment: datetime) -> str:
    """Timestamps in columns: ISO 8601 in UTC, fixed width, so text order is time order.

    Microseconds are always written: ``…:00Z`` would sort after ``…:00.5Z``.
    """
    text = moment.astimezone(UTC).isoformat(timespec="microseconds")
    return text.removesuffix("+00:00") + "Z"


def parse_ts(text: str) -> datetime:
    return loads(f'"{text}"', datetime)


def opt_ts(moment: datetime | None) -> str | None:
    return None if moment is None else ts(moment)


def parse_opt_ts(text: str | None) -> datetime | None:
    return None if text is None else parse_ts(text)
