"""Argon2id policy (SECURITY.md §3, test S3): floor, calibration, and upgrading weak slots."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.keys import kdf, keyfile
from app.keys.kdf import CEILING, FLOOR, KdfParams
from app.keys.slots import SlotKind
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.core import key_helpers

MIB = 1024
SALT = bytes(range(16))


def test_floor_is_rfc9106_low_memory() -> None:
    assert FLOOR.memory_kib >= 64 * MIB
    assert FLOOR.time_cost >= 3
    assert FLOOR.parallelism == 4
    assert kdf.MAX_MEMORY_KIB == 256 * MIB  # the target named in SECURITY.md


@pytest.mark.parametrize("target_seconds", [1e-6, 0.05, kdf.TARGET_SECONDS, 1000.0])
def test_calibrate_never_returns_below_the_floor(target_seconds: float) -> None:
    # 1e-6 s is "this PC is far too slow", 1000 s "far too fast": both ends must stay in range.
    params = kdf.calibrate(target_seconds)
    assert kdf.within_limits(params)
    assert params.at_least(FLOOR)
    assert params.parallelism == FLOOR.parallelism
    assert params.memory_kib <= kdf.MAX_MEMORY_KIB
    assert params.memory_kib % MIB == 0


def test_calibrate_for_a_slow_pc_gives_exactly_the_floor() -> None:
    assert kdf.calibrate(1e-6) == FLOOR


@pytest.mark.parametrize("params", [
    KdfParams(time_cost=2, memory_kib=64 * MIB, parallelism=4),
    KdfParams(time_cost=3, memory_kib=64 * MIB - 1, parallelism=4),
    KdfParams(time_cost=3, memory_kib=8 * MIB, parallelism=4),
    KdfParams(time_cost=1, memory_kib=1, parallelism=1),
    KdfParams(time_cost=3, memory_kib=64 * MIB, parallelism=0),
], ids=["t2", "m-1", "m8MiB", "tiny", "p0"])
def test_derive_refuses_parameters_below_the_floor(params: KdfParams) -> None:
    with pytest.raises(ValueError):
        kdf.derive(b"secret", SALT, params)


@pytest.mark.parametrize("params", [
    replace(FLOOR, time_cost=CEILING.time_cost + 1),
    KdfParams(time_cost=3, memory_kib=2**32 - 1, parallelism=4),
    KdfParams(time_cost=3, memory_kib=2**40, parallelism=4),
    KdfParams(time_cost=3, memory_kib=64 * MIB, parallelism=2**24),
], ids=["t-over", "m-4TiB", "m-overflow", "p-huge"])
def test_derive_refuses_absurd_parameters_instead_of_hanging_or_crashing(
        params: KdfParams) -> None:
    with pytest.raises(ValueError):
        kdf.derive(b"secret", SALT, params)


def test_derive_is_deterministic_and_salted() -> None:
    first = kdf.derive(b"secret", SALT, FLOOR)
    assert isinstance(first, bytearray) and len(first) == kdf.KEY_LEN
    assert kdf.derive(b"secret", SALT, FLOOR) == first
    assert kdf.derive(b"secret", bytes(16), FLOOR) != first
    assert kdf.derive(b"secreT", SALT, FLOOR) != first
    assert kdf.derive(b"secret", SALT, replace(FLOOR, time_cost=4)) != first


def test_password_is_nfc_normalised() -> None:
    composed, decomposed = "kopi caf\u00e9 di pojok", "kopi cafe\u0301 di pojok"
    assert composed != decomposed
    assert kdf.password_bytes(composed) == kdf.password_bytes(decomposed)
    assert kdf.password_bytes(composed) == composed.encode("utf-8")


def test_new_vault_slots_use_argon2id_at_or_above_the_floor(session: Session) -> None:
    document = key_helpers.read_doc(session.paths)
    assert len(document["slots"]) == 2
    for slot in document["slots"]:
        assert slot["kdf"]["alg"] == "argon2id"
        assert slot["kdf"]["t"] >= 3 and slot["kdf"]["m"] >= 64 * MIB
    target = document["kdf_target"]
    assert target["t"] >= 3 and target["m"] >= 64 * MIB


def _raise_target(session: Session, target: KdfParams) -> None:
    """What a re-calibrated vault looks like: a signed key file whose target is stronger."""
    key = session.db_key_copy()
    try:
        current, _ = keyfile.load(session.paths.keys, session.paths.keys_backup)
        signed = keyfile.sign(replace(current, kdf_target=target,
                                      generation=current.generation + 1), key)
        keyfile.save(signed, session.paths.keys, session.paths.keys_backup)
    finally:
        key[:] = bytes(len(key))


def test_weaker_slot_is_rewrapped_at_next_login(vault: Vault, session: Session,
                                                recovery_code: str) -> None:
    stronger = replace(FLOOR, time_cost=FLOOR.time_cost + 1)
    _raise_target(session, stronger)
    session.close()
    before, _ = keyfile.load(vault.paths.keys, vault.paths.keys_backup)
    old_slot = before.password_slot(helpers.KOORDINATOR)
    assert old_slot is not None and old_slot.kdf == FLOOR

    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        assert again.integrity.check().ok
        actions = [entry.action for entry in again.ctx.audit.entries(limit=5)]
    assert "keys.kdf_upgrade" in actions

    after, _ = keyfile.load(vault.paths.keys, vault.paths.keys_backup)
    new_slot = after.password_slot(helpers.KOORDINATOR)
    assert new_slot is not None
    assert new_slot.kdf == stronger and new_slot.slot_id != old_slot.slot_id
    assert all(slot.slot_id != old_slot.slot_id for slot in after.slots)
    # The recovery slot was not used, so it keeps its parameters until it is.
    recovery_slot = after.recovery_slot()
    assert recovery_slot is not None and recovery_slot.kdf == FLOOR

    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD):
        pass
    settled, _ = keyfile.load(vault.paths.keys, vault.paths.keys_backup)
    assert settled.password_slot(helpers.KOORDINATOR) == new_slot  # no second upgrade

    with vault.unlock_with_recovery(recovery_code, helpers.KOORDINATOR):
        pass
    upgraded, _ = keyfile.load(vault.paths.keys, vault.paths.keys_backup)
    recovered = upgraded.recovery_slot()
    assert recovered is not None and recovered.kind is SlotKind.RECOVERY
    assert recovered.kdf == stronger


def test_target_outside_the_limits_is_not_adopted(vault: Vault, session: Session) -> None:
    # Even a correctly signed file cannot push slots past the ceiling (only our own code signs,
    # but a bug or a future version must not make every login allocate gigabytes).
    _raise_target(session, replace(CEILING, memory_kib=CEILING.memory_kib + MIB))
    session.close()
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD):
        pass
    document, _ = keyfile.load(vault.paths.keys, vault.paths.keys_backup)
    slot = document.password_slot(helpers.KOORDINATOR)
    assert slot is not None and slot.kdf == FLOOR
