"""R4/R5: a disk that fills up and a folder that cannot be written — during saves, during a
backup and at unlock — give a clear Indonesian message and lose nothing acknowledged.

The faults are real: small tmpfs file systems filled to the last byte or mounted read-only,
inside a private user and mount namespace (``unshare``), so no root is needed and nothing
outside the child process sees them (``storage_child.py``). Running as root does not help
the code under test: a read-only mount refuses root too, unlike ``chmod``. The injected-fault
cases (a stick pulled out, a lying stick, a file-size limit) stay in
``tests/core/test_backup_failures.py``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.errors import AppError, ErrorCode
from tests.reliability import report
from tests.reliability.storage_child import PRIOR
from ui.errors import message_for

pytestmark = [pytest.mark.reliability, pytest.mark.skipif(
    sys.platform != "linux" or shutil.which("unshare") is None,
    reason="needs Linux user and mount namespaces (unshare)")]

REPO = Path(__file__).resolve().parents[2]
SAYS = {ErrorCode.DISK_FULL: "Disk penuh", ErrorCode.READ_ONLY: "tidak dapat ditulis",
        ErrorCode.BACKUP_NO_SPACE: "Ruang kosong di tempat tujuan tidak cukup"}


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("storage")
    child = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "--",
                            sys.executable, "-m", "tests.reliability.storage_child",
                            str(folder)], cwd=REPO, capture_output=True, text=True,
                           timeout=240, check=False)
    if child.returncode != 0 and "unshare" in child.stderr and not child.stdout:
        pytest.skip(f"no user namespaces here: {child.stderr.strip()[:200]}")
    assert child.returncode == 0, child.stderr[-3000:]
    lines = [json.loads(line) for line in child.stdout.splitlines()]
    return {line["scenario"]: line for line in lines}


def _said(code: str) -> str:
    """What the officer reads for ``code`` (ui/errors.py), checked against the expected words."""
    error = AppError(ErrorCode(code))
    text = message_for(error)
    assert SAYS[error.code] in text, text
    return text


def test_a_full_disk_during_saves(facts: dict[str, dict[str, Any]]) -> None:
    save = facts["save"]
    report.record("disk full during saves (R4)", 1, error=save["code"],
                  acknowledged=save["acknowledged"], after_freeing=save["cases_after"])
    assert save["code"] == ErrorCode.DISK_FULL and save["draft"] == ErrorCode.DISK_FULL
    _said(save["code"])
    assert save["found_while_full"] == save["acknowledged"] == PRIOR  # no partial row
    assert save["cases_after"] == PRIOR + 1 and save["clean"]  # space freed: saving works


def test_a_full_disk_or_a_bad_stick_during_backup(facts: dict[str, dict[str, Any]]) -> None:
    backup = facts["backup"]
    codes = backup["codes"]
    report.record("disk full / read-only during backup (R4, R5)", len(codes), **codes)
    assert codes == {"stick_too_small": ErrorCode.BACKUP_NO_SPACE,
                     "stick_read_only": ErrorCode.READ_ONLY,
                     "vault_disk_full": ErrorCode.DISK_FULL}
    for code in codes.values():
        _said(code)
    assert not any(".cadangan" in name for name in backup["left_beside_vault"])
    assert backup["history"] == 0 and backup["files_on_sticks"] == []
    assert backup["cases_after"] == PRIOR and backup["clean"]


def test_a_read_only_vault_folder(facts: dict[str, dict[str, Any]]) -> None:
    readonly = facts["readonly"]
    report.record("read-only vault folder at unlock (R5)", 1, error=readonly["code"],
                  files_unchanged=readonly["unchanged"])
    assert readonly["code"] == ErrorCode.READ_ONLY
    _said(readonly["code"])
    assert readonly["unchanged"]
    assert readonly["cases_after"] == PRIOR and readonly["clean"]
