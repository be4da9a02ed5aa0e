"""Child process for ``test_key_crash``: changes a password or rotates the key until killed.

Usage::

    python -m tests.core.key_crash_child passwd VAULT_DIR CURRENT_INDEX
    python -m tests.core.key_crash_child rotate VAULT_DIR

Progress lines on stdout (flushed at once), so the parent can aim its SIGKILL:

* ``ready`` after the first unlock;
* ``begin N`` before operation N (counted from 1 in this process) starts, and ``done N``
  after it returned (acknowledged);
* ``io`` just before each rename or delete in the vault folder (an audit hook, so the product
  code runs unchanged): kills taken there land around the key-file and database swaps.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests import helpers

ROTATE_PASSWORD = helpers.KOORDINATOR_PASSWORD


def password(index: int) -> str:
    """The koordinator's password after ``index`` changes (index 0 is the setup password)."""
    return helpers.KOORDINATOR_PASSWORD if index == 0 else f"sandi percobaan nomor {index} aman"


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _watch(folder: Path) -> None:
    prefix = os.fspath(folder)

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event in ("os.rename", "os.remove") and str(args[0]).startswith(prefix):
            _say("io")

    sys.addaudithook(hook)


def _passwd(folder: Path, start: int) -> None:
    vault = helpers.new_vault(folder)
    session = vault.unlock(helpers.KOORDINATOR, password(start))
    _say("ready")
    number = 0
    while True:
        number += 1
        _say(f"begin {number}")
        session.users.change_own_password(password(start + number),
                                          password(start + number - 1))
        _say(f"done {number}")


def _rotate(folder: Path) -> None:
    vault = helpers.new_vault(folder)
    session = vault.unlock(helpers.KOORDINATOR, ROTATE_PASSWORD)
    _say("ready")
    number = 0
    while True:
        number += 1
        _say(f"begin {number}")
        session.rotate_key()
        _say(f"done {number}")
        session = vault.unlock(helpers.KOORDINATOR, ROTATE_PASSWORD)


def main(argv: list[str]) -> None:
    mode, folder = argv[0], Path(argv[1])
    _watch(folder)
    if mode == "passwd":
        _passwd(folder, int(argv[2]))
    elif mode == "rotate":
        _rotate(folder)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
