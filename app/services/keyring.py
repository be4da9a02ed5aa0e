"""Changing key slots safely: the key file and the database's slot registry move together.

The database lists the slots it accepts (``key_slots``). Every change follows one order so that a
crash at any point leaves a working vault (SECURITY.md test R10):

1. register the new slot in the database;
2. write the new ``posko.keys`` atomically (the old one becomes ``posko.keys.bak``);
3. unregister the replaced slot, together with the audit row.

After a crash between the steps, :meth:`Keyring.reconcile` (run at every unlock from the main
key file) drops registry rows that the file lacks and file slots the registry lacks. Because the
registry wins, an old ``posko.keys.bak`` can never bring back a removed officer or an old
password.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from app.audit import AuditLog, DetailValue
from app.clock import Clock
from app.keys import keyfile
from app.keys.keyfile import KeyFile, Source
from app.keys.slots import Slot, SlotKind
from app.paths import VaultPaths
from app.store.codec import ts
from app.store.connection import Connection
from app.store.tx import write_transaction


@dataclass(frozen=True)
class Registered:
    kind: SlotKind
    user_id: int | None
    public_key: bytes


def registry(conn: Connection) -> dict[str, Registered]:
    rows = conn.execute("SELECT slot_id, kind, user_id, public_key FROM key_slots")
    return {sid: Registered(SlotKind(kind), uid, bytes(pk)) for sid, kind, uid, pk in rows}


def register(conn: Connection, slot: Slot, now: datetime) -> None:
    conn.execute("INSERT INTO key_slots(slot_id, kind, user_id, public_key, created_at)"
                 " VALUES (?, ?, ?, ?, ?)",
                 (slot.slot_id, slot.kind.value, slot.user_id, slot.public_key, ts(now)))


def accepted(slot: Slot, known: Mapping[str, Registered]) -> bool:
    """The database knows this slot, for this user, with this public key."""
    entry = known.get(slot.slot_id)
    return (entry is not None and entry.kind is slot.kind and entry.user_id == slot.user_id
            and entry.public_key == slot.public_key)


class Keyring:
    def __init__(self, paths: VaultPaths, conn: Connection, db_key: bytearray, audit: AuditLog,
                 clock: Clock) -> None:
        self._paths = paths
        self._conn = conn
        self._db_key = db_key
        self._audit = audit
        self._clock = clock

    def load(self) -> tuple[KeyFile, Source]:
        return keyfile.load(self._paths.keys, self._paths.keys_backup)

    def save(self, current: KeyFile) -> KeyFile:
        signed = keyfile.sign(replace(current, generation=current.generation + 1), self._db_key)
        keyfile.save(signed, self._paths.keys, self._paths.keys_backup)
        return signed

    def put_slot(self, slot: Slot, *, replacing: tuple[str, ...], action: str, actor: int | None,
                 case_detail: Mapping[str, DetailValue] | None = None) -> None:
        """Add ``slot`` and drop the slots in ``replacing``, crash-safely (module docstring)."""
        with write_transaction(self._conn):
            register(self._conn, slot, self._clock.now())
        current, _ = self.load()
        for old in replacing:
            current = current.without(old)
        self.save(current.with_slot(slot))
        with write_transaction(self._conn):
            self._conn.executemany("DELETE FROM key_slots WHERE slot_id = ?",
                                   [(old,) for old in replacing])
            self._audit.append(action, actor=actor, obj=_object(slot), detail=case_detail)

    def drop_slots(self, slot_ids: tuple[str, ...]) -> None:
        """Remove slots from the file (their registry rows are already gone)."""
        current, _ = self.load()
        for slot_id in slot_ids:
            current = current.without(slot_id)
        self.save(current)

    def reconcile(self, source: Source, mac_ok: bool) -> list[str]:
        """Bring file and registry back in step after an interrupted change; returns codes."""
        current, _ = self.load()
        known = registry(self._conn)
        notes: list[str] = []
        if source is Source.MAIN:
            in_file = {slot.slot_id for slot in current.slots}
            orphans = [sid for sid in known if sid not in in_file]
            if orphans:
                with write_transaction(self._conn):
                    self._conn.executemany("DELETE FROM key_slots WHERE slot_id = ?",
                                           [(sid,) for sid in orphans])
                notes.append("registry_orphans_removed")
        kept = tuple(slot for slot in current.slots if accepted(slot, known))
        if len(kept) != len(current.slots):
            notes.append("unregistered_slots_removed")
        if notes or not mac_ok or source is Source.BACKUP:
            self.save(replace(current, slots=kept))
            if source is Source.BACKUP:
                notes.append("restored_from_backup")
        return notes


def _object(slot: Slot) -> str:
    return f"slot:{slot.kind.value}:{slot.user_id if slot.user_id is not None else '-'}"
