"""``posko --demo``: a throw-away vault with fictional cases, cleaned up after itself."""

from __future__ import annotations

import tempfile
from pathlib import Path

import filelock
import pytest

from ui import demo


def test_stale_demo_folders_go_and_open_ones_stay(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale, open_one, other = (tmp_path / f"{demo.PREFIX}a", tmp_path / f"{demo.PREFIX}b",
                              tmp_path / "not-ours")
    for folder in (stale, open_one, other):
        (folder / "vault").mkdir(parents=True)
    with filelock.FileLock(str(open_one / "vault" / "posko.lock")):
        demo.remove_stale()
    assert not stale.exists() and open_one.exists() and other.exists()


def test_the_demo_vault_opens_with_the_shown_password_and_is_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made = demo.create(cases=5)
    with made.vault.unlock(demo.DEMO_USER, demo.DEMO_PASSWORD) as session:
        names = [session.cases.get(s.id).intake.victim.full_name
                 for s in session.cases.summaries()]
    assert len(names) == 5 and all(n and n.endswith("(DEMO)") for n in names)
    made.remove()
    assert not made.folder.exists()
