"""The health check behind ``posko-admin verify``: database pages, audit chain, key file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.audit import ChainReport
from app.keys import keyfile
from app.services.access import Action, require
from app.services.context import Context
from app.services.keyring import Keyring, accepted, registry
from app.store.connection import integrity_report
from app.store.tx import write_transaction


@dataclass(frozen=True)
class IntegrityReport:
    sqlite_ok: bool
    cipher_ok: bool
    audit: ChainReport
    keys_mac_ok: bool
    keys_match_registry: bool

    @property
    def ok(self) -> bool:
        return (self.sqlite_ok and self.cipher_ok and self.audit.ok and self.keys_mac_ok
                and self.keys_match_registry)


class IntegrityService:
    def __init__(self, ctx: Context, keyring: Keyring, db_key: bytearray) -> None:
        self._ctx = ctx
        self._keyring = keyring
        self._db_key = db_key

    def check(self, seals: Iterable[str] = ()) -> IntegrityReport:
        """Run every check (koordinator); the result is audited, pass or fail."""
        ctx = self._ctx
        require(ctx, Action.AUDIT_VERIFY)
        sqlite_ok, cipher_ok = integrity_report(ctx.conn)
        chain = ctx.audit.verify(list(seals))
        document, _ = self._keyring.load()
        known = registry(ctx.conn)
        in_file = {slot.slot_id for slot in document.slots}
        matches = all(accepted(slot, known) for slot in document.slots) and set(known) <= in_file
        report = IntegrityReport(sqlite_ok, cipher_ok, chain,
                                 keyfile.mac_valid(document, self._db_key), matches)
        with write_transaction(ctx.conn):
            ctx.audit.append("integrity.check", actor=ctx.user.id, detail={
                "ok": report.ok, "sqlite": sqlite_ok, "cipher": cipher_ok, "audit": chain.ok,
                "audit_first_broken": chain.first_broken_seq, "keys_mac": report.keys_mac_ok,
                "keys_registry": matches})
        return report

    def seal(self) -> str | None:
        """The current audit seal, to write down or print (the act is audited)."""
        ctx = self._ctx
        require(ctx, Action.AUDIT_VIEW)
        with write_transaction(ctx.conn):
            seq = ctx.audit.append("audit.seal", actor=ctx.user.id)
        del seq
        return ctx.audit.head_seal()
