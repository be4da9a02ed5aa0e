"""The follow-up timeline: notes, contacts, feedback and status changes, newest first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from app.domain.models import FollowUp, StatusChange
from ui.case_detail.texts import CTX, NONE_TEXT, tr, when
from ui.i18n import QT_TRANSLATE_NOOP, label_text
from ui.models.row_table import RowTableModel


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    officer_id: int
    note: str
    #: Position in the merged list: a stable id and a tie-breaker for equal times.
    order: int = 0


def timeline(follow_ups: Sequence[FollowUp],
             history: Sequence[StatusChange]) -> list[TimelineEntry]:
    """Follow-ups and status changes merged, newest first.

    At equal times a note counts as later than a status change (notes usually follow moves).
    """
    entries = [(h.at, _status_text(h), h.by_user, h.reason or "") for h in history]
    entries += [(f.at, label_text(f.kind), f.officer_id, f.note) for f in follow_ups]
    ordered = sorted(enumerate(entries), key=lambda item: (item[1][0], item[0]), reverse=True)
    return [TimelineEntry(at, kind, officer, note, order)
            for order, (_, (at, kind, officer, note)) in enumerate(ordered)]


def _status_text(change: StatusChange) -> str:
    target = label_text(change.to_status)
    if change.from_status is None:
        return tr("Status: %1").replace("%1", target)
    return tr("Status: %1 → %2").replace("%1", label_text(change.from_status)).replace(
        "%2", target)


class TimelineTableModel(RowTableModel[TimelineEntry]):
    HEADERS = (
        QT_TRANSLATE_NOOP(CTX, "Waktu"),
        QT_TRANSLATE_NOOP(CTX, "Jenis"),
        QT_TRANSLATE_NOOP(CTX, "Petugas"),
        QT_TRANSLATE_NOOP(CTX, "Catatan"),
    )
    TIME, KIND, OFFICER, NOTE = range(4)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._names: Mapping[int, str] = {}
        self._tz: tzinfo = UTC

    def set_timeline(self, entries: Sequence[TimelineEntry], names: Mapping[int, str],
                     tz: tzinfo) -> None:
        self._names, self._tz = names, tz
        self.set_rows(entries)

    def display(self, row: TimelineEntry, column: int) -> str:
        if column == self.TIME:
            return when(row.at, self._tz)
        if column == self.KIND:
            return row.kind
        if column == self.OFFICER:
            return self._names.get(row.officer_id, f"#{row.officer_id}")
        return row.note.replace("\n", " ") or NONE_TEXT

    def sort_key(self, row: TimelineEntry, column: int) -> str | float:
        if column == self.TIME:
            return row.at.timestamp()
        return super().sort_key(row, column)

    def row_id(self, row: TimelineEntry) -> int:
        return row.order

    def tooltip(self, row: TimelineEntry, column: int) -> str | None:
        return row.note if column == self.NOTE and row.note else None
