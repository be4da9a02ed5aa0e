"""Unlock with the production Argon2id parameters: key slot, SQLCipher open, first query."""

from __future__ import annotations

import time

from app.keys import kdf, keyfile
from app.services.vault import Vault

from . import replay
from .context import Run
from .timing import Stats, measure
from .vaults import PASSWORD, USER


def _unlock_once(vault: Vault) -> tuple[float, str]:
    """Milliseconds from the password to the first answer, and the database key (hex)."""
    start = time.perf_counter()
    session = vault.unlock(USER, PASSWORD)
    session.ctx.conn.execute("SELECT count(*) FROM cases").fetchone()
    elapsed = (time.perf_counter() - start) * 1000
    key_hex = session.db_key_copy().hex()
    session.close("bench")
    return elapsed, key_hex


def run(ctx: Run) -> None:
    vault = Vault(ctx.work.paths)
    _, key_hex = _unlock_once(vault)  # warm-up
    ctx.start_twins(key_hex)
    samples = [_unlock_once(vault)[0] for _ in range(ctx.slow_repeats)]
    params = keyfile.load(ctx.work.paths.keys, ctx.work.paths.keys_backup)[0].kdf_target
    ctx.add("unlock", "unlock: Argon2id + open + first query", Stats(tuple(samples)),
            note=f"Argon2id t={params.time_cost}, m={params.memory_kib // 1024} MiB, "
                 f"p={params.parallelism} (calibrated by posko-admin init)")
    ctx.add("unlock.argon2", "  of which Argon2id key slot",
            measure(lambda: kdf.derive(b"bench", bytes(kdf.SALT_LEN), params),
                    ctx.slow_repeats, warmup=0))
    opened = ctx.measure_special("unlock.open", "open", lambda: _open(ctx), ctx.slow_repeats)
    ctx.add("unlock.open", "  of which open + quick_check + query", opened, db=opened)


def _open(ctx: Run) -> None:
    replay.open_and_check(ctx.work.paths.db, ctx.key_hex).close()
