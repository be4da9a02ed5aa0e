"""Argon2id key derivation for key slots, with per-PC calibration.

RFC 9106's LOW_MEMORY profile (t=3, m=64 MiB, p=4) is the floor; setup calibrates upwards (first
memory, up to 256 MiB, then passes) until one derivation takes about 0.75 s on the office PC, so
unlock takes 0.5–1 s. Parameters are stored per slot, and a slot weaker than the vault's target
is re-wrapped at the next successful login.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

KEY_LEN = 32
SALT_LEN = 16
_MIB = 1024


@dataclass(frozen=True, order=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int

    def at_least(self, other: KdfParams) -> bool:
        return self.time_cost >= other.time_cost and self.memory_kib >= other.memory_kib


FLOOR = KdfParams(time_cost=3, memory_kib=64 * _MIB, parallelism=4)
#: Far above anything calibration produces. A key file asking for more was doctored: refusing it
#: keeps an unlock from allocating gigabytes or running for hours (or crashing in argon2).
CEILING = KdfParams(time_cost=64, memory_kib=1024 * _MIB, parallelism=16)
MAX_MEMORY_KIB = 256 * _MIB
TARGET_SECONDS = 0.75


def within_limits(params: KdfParams) -> bool:
    """At least the RFC 9106 floor and at most the ceiling."""
    return (params.at_least(FLOOR) and params.parallelism >= 1
            and params.time_cost <= CEILING.time_cost
            and params.memory_kib <= CEILING.memory_kib
            and params.parallelism <= CEILING.parallelism)


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytearray:
    """Argon2id(secret, salt) → 32-byte key-encryption key, in a wipeable bytearray."""
    if not within_limits(params):
        # A slot outside the limits was not made by us: treat it like any other tampering.
        raise ValueError("kdf parameters outside the floor and ceiling")
    raw = hash_secret_raw(
        secret,
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_LEN,
        type=Type.ID,
    )
    return bytearray(raw)


def password_bytes(password: str) -> bytes:
    """Passwords are NFC-normalised so the same word typed on another keyboard still unlocks."""
    return unicodedata.normalize("NFC", password).encode("utf-8")


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Parameters for about ``target_seconds`` per derivation on this machine, never below FLOOR."""
    elapsed = _time_one(FLOOR)
    scale = target_seconds / max(elapsed, 1e-3)
    memory = min(MAX_MEMORY_KIB, max(FLOOR.memory_kib, int(FLOOR.memory_kib * scale)))
    memory -= memory % _MIB
    remaining = scale / (memory / FLOOR.memory_kib)
    passes = min(CEILING.time_cost, max(FLOOR.time_cost, int(FLOOR.time_cost * remaining)))
    return KdfParams(time_cost=passes, memory_kib=memory, parallelism=FLOOR.parallelism)


def _time_one(params: KdfParams) -> float:
    start = time.perf_counter()
    derive(b"calibration", b"\x00" * SALT_LEN, params)
    return time.perf_counter() - start
