"""Unlock with the production Argon2id parameters: key slot, SQLCipher open, first query.

As the desktop app unlocks: the whole-file ``quick_check`` runs beside the new session
(``check_beside``), and how long it takes to answer is a figure of its own.
"""

from __future__ import annotations

import time

from app.keys import kdf, keyfile
from app.services.vault import Vault

from . import replay
from .context import Run
from .timing import Stats, measure
from .vaults import PASSWORD, USER


def _unlock_once(vault: Vault) -> tuple[float, float, str]:
    """Milliseconds from the password to the first answer and to the check beside it, and the
    database key (hex)."""
    start = time.perf_counter()
    session = vault.unlock(USER, PASSWORD, check_beside=True)
    session.ctx.conn.execute("SELECT count(*) FROM cases").fetchone()
    elapsed = (time.perf_counter() - start) * 1000
    if session.unlock_check_passed(timeout=600) is not True:
        raise RuntimeError("the bench vault failed its quick_check")
    checked = (time.perf_counter() - start) * 1000
    key_hex = session.db_key_copy().hex()
    session.close("bench")
    return elapsed, checked, key_hex


def run(ctx: Run) -> None:
    vault = Vault(ctx.work.paths)
    key_hex = _unlock_once(vault)[2]  # warm-up
    ctx.start_twins(key_hex)
    runs = [_unlock_once(vault) for _ in range(ctx.slow_repeats)]
    samples = [run[0] for run in runs]
    params = keyfile.load(ctx.work.paths.keys, ctx.work.paths.keys_backup)[0].kdf_target
    ctx.add("unlock", "unlock: Argon2id + open + first query (quick_check beside)",
            Stats(tuple(samples)),
            note=f"Argon2id t={params.time_cost}, m={params.memory_kib // 1024} MiB, "
                 f"p={params.parallelism} (calibrated by posko-admin init)")
    ctx.add("unlock.checked", "unlock: until the quick_check beside it has passed",
            Stats(tuple(run[1] for run in runs)))
    ctx.add("unlock.argon2", "  of which Argon2id key slot",
            measure(lambda: kdf.derive(b"bench", bytes(kdf.SALT_LEN), params),
                    ctx.slow_repeats, warmup=0))
    opened = ctx.measure_special("unlock.open", "open", lambda: _open(ctx), ctx.slow_repeats)
    ctx.add("unlock.open", "  database work: open + quick_check + query", opened, db=opened)


def _open(ctx: Run) -> None:
    replay.open_and_check(ctx.work.paths.db, ctx.key_hex).close()
