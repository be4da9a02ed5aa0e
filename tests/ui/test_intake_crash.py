"""A crash (SIGKILL) right after an autosave leaves a resumable draft with what was typed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from tests.ui.intake_crash_child import SENTINEL_NAME, SENTINEL_STORY, form_of, intake_page
from ui.intake.intake_form import INCIDENT
from ui.shell import Shell

pytestmark = pytest.mark.reliability
ROOT = Path(__file__).resolve().parents[2]


def run_child_until_saved(folder: Path) -> None:
    """Start the child, wait for its "saved" line, kill it without any chance to clean up."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "tests.ui.intake_crash_child", str(folder)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # the wait: blocks until the child has saved
        if line.strip() != "saved":
            child.kill()
            pytest.fail(f"child did not save: {line!r} {child.communicate()[1][-2000:]}")
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_app_leaves_a_resumable_draft(ready_vault: Vault, tmp_path: Path,
                                               shell: Shell) -> None:
    run_child_until_saved(tmp_path / "vault")
    with ready_vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        pending = session.drafts.pending()
        assert len(pending) == 1
        draft = session.drafts.load(pending[0].id)
    assert draft is not None
    assert draft.data["victim.full_name"] == SENTINEL_NAME
    assert draft.data["incident.chronology"] == SENTINEL_STORY, "typed after the last step"
    assert draft.data["_step"] == INCIDENT
    unlock(shell)
    open_workspace(shell).resume_intake(pending[0].id)
    form = form_of(intake_page(shell))
    assert form.currentIndex() == INCIDENT
    assert form.victim.full_name.text() == SENTINEL_NAME
    assert form.incident.chronology.toPlainText() == SENTINEL_STORY
