"""The vault a command works on (``--data-dir`` or the per-user default)."""

from __future__ import annotations

import argparse
import os

from app.clock import FakeClock
from app.keys.kdf import FLOOR
from app.paths import resolve
from app.services.vault import Vault

#: Tests and benchmarks only: use the RFC 9106 floor instead of calibrating (still >= 64 MiB,
#: 3 passes). Production vaults calibrate to about 0.75 s per unlock.
KDF_PROFILE_ENV = "POSKO_KDF_PROFILE"


def vault_of(args: argparse.Namespace, clock: FakeClock | None = None) -> Vault:
    params = FLOOR if os.environ.get(KDF_PROFILE_ENV) == "floor" else None
    return Vault(resolve(args.data_dir), clock=clock, kdf_params=params)
